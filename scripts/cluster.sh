#!/usr/bin/env bash
# A rasd cluster on this machine's loopback, for trying it out and for demos (docs/CLUSTER.md):
#   scripts/cluster.sh up DIR [--shards N] [--port P] [--replicas R]   N shards (default 3): a
#       writable xapian-tcpsrv on P+100+i and a read-only one on P+i (default P 7000) over
#       DIR/shard-i; with R replicas per shard (default 0), a xapian-replicate-server for DIR on
#       P+200 and replica j of shard i in DIR/replica-i-j, kept by xapian-replicate (every second)
#       and served read-only on P+300+100*j+i; writes DIR/cluster.json for
#       `rasd ... --cluster DIR/cluster.json` (each shard's replicas listed after its own server)
#   scripts/cluster.sh status DIR                      each server: up or down (exit 1 if one is down)
#   scripts/cluster.sh down DIR                        stops them
# Servers listen on 127.0.0.1 only, each in its own session (xapian-tcpsrv signals its group).
set -euo pipefail

usage() { sed -n '2,11p' "$0" >&2; exit 2; }
[ $# -ge 2 ] || usage
cmd="$1" dir="$2"
shift 2
shards=3 port=7000 replicas=0
while [ $# -gt 0 ]; do
  case "$1" in
    --shards) shards="${2:?--shards needs a number}"; shift 2 ;;
    --port) port="${2:?--port needs a number}"; shift 2 ;;
    --replicas) replicas="${2:?--replicas needs a number}"; shift 2 ;;
    *) echo "cluster.sh: unknown option '$1'" >&2; usage ;;
  esac
done

for n in "$shards" "$port" "$replicas"; do
  [[ "$n" =~ ^[0-9]+$ ]] || { echo "cluster.sh: '$n' is not a number" >&2; usage; }
done

listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
alive() {  # a process that has not exited (an exited one may wait a while to be reaped)
  local state
  state="$(ps -o stat= -p "$1" 2>/dev/null)" && [[ "$state" != Z* ]]
}

start() {  # start NAME PORT|- COMMAND ARGS...: in its own session, pid file DIR/run/NAME.pid
  local name="$1" p="$2"
  shift 2
  if [ "$p" != - ] && listening "$p"; then echo "cluster.sh: port $p is taken" >&2; exit 2; fi
  setsid "$@" >"$dir/log/$name.log" 2>&1 </dev/null &
  echo "$! $p" >"$dir/run/$name.pid"
  [ "$p" != - ] || return 0
  for _ in $(seq 1 100); do listening "$p" && return 0; sleep 0.05; done
  echo "cluster.sh: $name did not start on port $p (see $dir/log/$name.log)" >&2
  exit 1
}
tcpsrv() {  # tcpsrv NAME PORT ARGS...: a xapian-tcpsrv on 127.0.0.1:PORT
  local name="$1" p="$2"
  shift 2
  start "$name" "$p" xapian-tcpsrv --interface 127.0.0.1 --port "$p" "$@"
}

case "$cmd" in
  up)
    for tool in xapian-tcpsrv xapian-replicate-server xapian-replicate; do
      command -v "$tool" >/dev/null || { echo "cluster.sh: $tool is missing (apt-get install xapian-tools)" >&2; exit 2; }
    done
    mkdir -p "$dir/run" "$dir/log"
    if compgen -G "$dir/run/*.pid" >/dev/null; then echo "cluster.sh: $dir already has servers (cluster.sh down $dir first)" >&2; exit 2; fi
    # With replicas, writers keep their last changesets, which replicas are updated by (without
    # them each update is a full copy).
    changesets=()
    [ "$replicas" -eq 0 ] || changesets=(XAPIAN_MAX_CHANGESETS=100)
    entries=()
    for ((i = 0; i < shards; i++)); do
      mkdir -p "$dir/shard-$i"
      p=$((port + 100 + i))  # the writer creates the database
      start "shard-$i-write" "$p" env "${changesets[@]}" xapian-tcpsrv --interface 127.0.0.1 --port "$p" --writable "$dir/shard-$i"
      tcpsrv "shard-$i" $((port + i)) "$dir/shard-$i"
    done
    if [ "$replicas" -gt 0 ]; then
      rport=$((port + 200))
      start replication "$rport" xapian-replicate-server --interface 127.0.0.1 --port "$rport" "$(cd "$dir" && pwd)"
    fi
    for ((i = 0; i < shards; i++)); do
      search="\"127.0.0.1:$((port + i))\""
      for ((j = 0; j < replicas; j++)); do
        copy="$dir/replica-$i-$j" p=$((port + 300 + 100 * j + i))
        # A first copy, so that the read-only server has a database to open.
        if ! out="$(timeout 60 xapian-replicate --host 127.0.0.1 --port "$rport" --master "shard-$i" --timeout 30 --one-shot --quiet "$copy" 2>&1)"; then
          echo "cluster.sh: the first copy of shard-$i into $copy failed: $out" >&2
          exit 1
        fi
        tcpsrv "replica-$i-$j" "$p" "$copy"
        start "replica-$i-$j-sync" - xapian-replicate --host 127.0.0.1 --port "$rport" --master "shard-$i" \
          --interval 1 --reader-time 1 --timeout 30 --quiet "$copy"
        search+=", \"127.0.0.1:$p\""
      done
      entries+=("  {\"write\": \"127.0.0.1:$((port + 100 + i))\", \"search\": [$search]}")
    done
    { echo '{"shards": ['; (IFS=$'\n'; echo "${entries[*]}" | sed '$!s/$/,/'); echo '], "timeout_ms": 2000}'; } >"$dir/cluster.json"
    echo "$dir/cluster.json"
    ;;
  status)
    down=0
    for f in "$dir"/run/*.pid; do
      [ -e "$f" ] || { echo "cluster.sh: no servers in $dir" >&2; exit 1; }
      read -r pid p <"$f"
      name="$(basename "$f" .pid)"
      at="127.0.0.1:$p "
      [ "$p" != - ] || at=""  # a xapian-replicate: no port
      if alive "$pid" && { [ "$p" = - ] || listening "$p"; }; then echo "$name ${at}pid $pid up"
      else echo "$name ${at}pid $pid down"; down=1; fi
    done
    exit "$down"
    ;;
  down)
    compgen -G "$dir/run/*.pid" >/dev/null || exit 0
    # Each server leads its own process group: signalled as a group, so that the processes a
    # xapian-tcpsrv forked for its connections end too (even if it was killed itself).
    for f in "$dir"/run/*.pid; do  # all at once, then wait for each
      read -r pid _ <"$f"
      kill -- "-$pid" 2>/dev/null || kill "$pid" 2>/dev/null || true
    done
    for f in "$dir"/run/*.pid; do
      read -r pid _ <"$f"
      for _ in $(seq 1 50); do alive "$pid" || break; sleep 0.1; done
      kill -9 -- "-$pid" 2>/dev/null || kill -9 "$pid" 2>/dev/null || true
      rm -f "$f"
    done
    ;;
  *) usage ;;
esac
