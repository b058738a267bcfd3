#!/usr/bin/env bash
# Installs every Debian package that rasd's build, tests, benchmarks and demo need.
# Safe to run again: apt-get skips what is already there. Needs root (or sudo).
set -euo pipefail

packages=(
  build-essential cmake pkg-config ccache
  libxapian-dev xapian-tools
  libicu-dev libstemmer-dev zlib1g-dev
  libcpp-httplib-dev nlohmann-json3-dev libfmt-dev libcli11-dev doctest-dev
  libsqlite3-dev sqlite3 libgumbo-dev libssl-dev
  # The mention recognizer's trainer (tools/ner_train: logistic regression, word vectors);
  # rasd itself reads the trained model without them.
  liblinear-dev libfasttext-dev
  # Fuzzing (make fuzz): clang with libFuzzer and the sanitizer runtimes.
  clang libclang-rt-dev
  # The indexer's allocator (Xapian's writer is allocation-bound; see bench/README.md).
  libjemalloc-dev
  curl python3
  # Browser tests (tests/web/run.sh, part of `make test`): Debian's Chromium driven by
  # playwright-core from npm, and fonts that render Arabic in its screenshots.
  chromium nodejs npm fonts-noto-core
  # Load test of the HTTP server (bench/http_load.sh).
  wrk
  # The Debian package (`make deb`, tests/package/run.sh): CPack's dpkg-shlibdeps, the man page,
  # lintian, systemd-analyze for the units, man to render the page.
  dpkg-dev help2man lintian systemd man-db
)

sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)

missing=()
for p in "${packages[@]}"; do
  # Node may come from another packaging (with npm inside): a working command is enough.
  case "$p" in
    nodejs) command -v node >/dev/null 2>&1 && continue ;;
    npm) command -v npm >/dev/null 2>&1 && continue ;;
  esac
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all packages present"
  exit 0
fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
