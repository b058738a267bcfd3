#!/usr/bin/env bash
# A rasd cluster on this machine's loopback, for trying it out and for demos (docs/CLUSTER.md):
#   scripts/cluster.sh up DIR [--shards N] [--port P]   N shards (default 3): a writable
#       xapian-tcpsrv on P+100+i and a read-only one on P+i (default P 7000) over DIR/shard-i;
#       writes DIR/cluster.json for `rasd ... --cluster DIR/cluster.json`
#   scripts/cluster.sh status DIR                      each server: up or down (exit 1 if one is down)
#   scripts/cluster.sh down DIR                        stops them
# Servers listen on 127.0.0.1 only, each in its own session (xapian-tcpsrv signals its group).
set -euo pipefail

usage() { sed -n '2,8p' "$0" >&2; exit 2; }
[ $# -ge 2 ] || usage
cmd="$1" dir="$2"
shift 2
shards=3 port=7000
while [ $# -gt 0 ]; do
  case "$1" in
    --shards) shards="${2:?--shards needs a number}"; shift 2 ;;
    --port) port="${2:?--port needs a number}"; shift 2 ;;
    *) echo "cluster.sh: unknown option '$1'" >&2; usage ;;
  esac
done

listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

start() {  # start NAME PORT ARGS...
  local name="$1" p="$2"
  shift 2
  if listening "$p"; then echo "cluster.sh: port $p is taken" >&2; exit 2; fi
  setsid xapian-tcpsrv --interface 127.0.0.1 --port "$p" "$@" >"$dir/log/$name.log" 2>&1 </dev/null &
  echo "$! $p" >"$dir/run/$name.pid"
  for _ in $(seq 1 100); do listening "$p" && return 0; sleep 0.05; done
  echo "cluster.sh: $name did not start on port $p (see $dir/log/$name.log)" >&2
  exit 1
}

case "$cmd" in
  up)
    command -v xapian-tcpsrv >/dev/null || { echo "cluster.sh: xapian-tcpsrv is missing (apt-get install xapian-tools)" >&2; exit 2; }
    mkdir -p "$dir/run" "$dir/log"
    if compgen -G "$dir/run/*.pid" >/dev/null; then echo "cluster.sh: $dir already has servers (cluster.sh down $dir first)" >&2; exit 2; fi
    entries=()
    for ((i = 0; i < shards; i++)); do
      mkdir -p "$dir/shard-$i"
      start "shard-$i-write" $((port + 100 + i)) --writable "$dir/shard-$i"  # creates the database
      start "shard-$i" $((port + i)) "$dir/shard-$i"
      entries+=("  {\"write\": \"127.0.0.1:$((port + 100 + i))\", \"search\": [\"127.0.0.1:$((port + i))\"]}")
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
      if kill -0 "$pid" 2>/dev/null && listening "$p"; then echo "$name 127.0.0.1:$p pid $pid up"
      else echo "$name 127.0.0.1:$p pid $pid down"; down=1; fi
    done
    exit "$down"
    ;;
  down)
    for f in "$dir"/run/*.pid; do
      [ -e "$f" ] || exit 0
      read -r pid _ <"$f"
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -9 "$pid" 2>/dev/null || true
      rm -f "$f"
    done
    ;;
  *) usage ;;
esac
