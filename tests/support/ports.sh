# Free loopback ports for tests that start servers (sourced; bash). Blocks of 400 ports from
# 10000 to 19999, below the ephemeral range (tests/cluster/run.sh uses 20000 and up).
#   pick_port_block OFFSET DELTA...  prints a base B = 10000 + 400 k + OFFSET such that every
#       B + DELTA can be listened on; k from the test's pid first, then the next ones. Fails
#       when no block is free. Tests that may run at once use different OFFSETs.

# ports_free PORT...: each can be listened on (as xapian-tcpsrv binds, with SO_REUSEADDR).
ports_free() {
  python3 - "$@" <<'PY'
import socket, sys
for p in sys.argv[1:]:
    s = socket.socket()
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        s.bind(("127.0.0.1", int(p)))
    except OSError:
        sys.exit(1)
    finally:
        s.close()
PY
}

pick_port_block() {
  local offset="$1" k b d ports
  shift
  for k in $(seq 0 24); do
    b=$((10000 + (($$ + k) % 25) * 400 + offset))
    ports=()
    for d in "$@"; do ports+=($((b + d))); done
    if ports_free "${ports[@]}"; then echo "$b"; return 0; fi
  done
  return 1
}
