#!/usr/bin/env bash
# `make demo`: indexes the seed articles and the dated ANT sample (fixtures/demo), saves three
# alerts, indexes October's reports after them (so the alerts have news to report), runs the
# alerts once and serves the page on 127.0.0.1. Usage: scripts/demo.sh RASD_BINARY STATE_DIR PORT
# (PORT 0: any free port, named on stderr; tests/demo/run.sh uses it)
set -euo pipefail
rasd=${1:?usage: demo.sh RASD_BINARY STATE_DIR PORT}
state=${2:?usage: demo.sh RASD_BINARY STATE_DIR PORT}
port=${3:-8080}
root="$(cd "$(dirname "$0")/.." && pwd)"
demo="$root/fixtures/demo"

rm -rf "$state"
mkdir -p "$state"
db="$state/index"
alerts="$state/alerts.sqlite"
"$rasd" index --db "$db" "$root/fixtures/seeds" "$demo/ant-2018-02-09.trec.gz"
"$rasd" alerts --db "$db" --alerts "$alerts" add --name khashoggi --query 'خاشقجي' --every 1h
"$rasd" alerts --db "$db" --alerts "$alerts" add --name houthis --query 'الحوثيين' --country YE --every 1h
"$rasd" alerts --db "$db" --alerts "$alerts" add --name isis-syria --query 'داعش' --country SY --every 1h
"$rasd" index --db "$db" "$demo/ant-2018-10.trec.gz"
"$rasd" alerts --db "$db" --alerts "$alerts" run
[ "$port" = 0 ] || echo "demo: open http://127.0.0.1:$port/ (saved alerts: http://127.0.0.1:$port/#/alerts); Ctrl-C stops"
exec "$rasd" serve --db "$db" --alerts "$alerts" --port "$port"
