#!/usr/bin/env bash
# The Debian package: builds it with CPack into a temporary folder (as `make deb` does), checks
# its control fields and files, runs lintian (no error may remain) and `systemd-analyze verify`
# on its units, then unpacks it with `dpkg -x` into a temporary root and runs that root's rasd
# against the fixtures: --version, index, search, serve (the page from the package's
# /usr/share/rasd/web), and renders rasd(1). Usage: tests/package/run.sh BUILD_DIR
set -uo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root_src="$(cd "$here/../.." && pwd)"
build="$(cd "${1:?usage: tests/package/run.sh BUILD_DIR}" && pwd)"
fail() { echo "package test: $*" >&2; exit 1; }
for tool in cpack dpkg-deb dpkg-shlibdeps lintian systemd-analyze help2man man curl; do
  command -v "$tool" >/dev/null || fail "$tool is not installed; run scripts/install-deps.sh"
done

work="$(mktemp -d)"
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

# 1. Build the package.
(cd "$build" && cpack -G DEB -B "$work/out" >"$work/cpack.log" 2>&1) || { cat "$work/cpack.log" >&2; fail "cpack failed"; }
version="$(sed -n 's/^set(CPACK_PACKAGE_VERSION "\(.*\)")$/\1/p' "$build/CPackConfig.cmake")"
deb="$work/out/rasd_${version}_amd64.deb"
[ -f "$deb" ] || { ls -l "$work/out" >&2; fail "no rasd_${version}_amd64.deb"; }
echo "package test: built $(basename "$deb") ($(du -k "$deb" | cut -f1) KiB)"

# 2. Control fields and contents.
field() { dpkg-deb -f "$deb" "$1"; }
[ "$(field Package)" = rasd ] || fail "Package: $(field Package)"
[ "$(field Architecture)" = amd64 ] || fail "Architecture: $(field Architecture)"
for dep in adduser libxapian30 libsqlite3-0 libicu; do
  field Depends | grep -q "$dep" || fail "Depends lacks $dep: $(field Depends)"
done
dpkg-deb -c "$deb" | awk '{print $6}' | sed 's|^\./|/|' >"$work/contents"
for f in /usr/bin/rasd /usr/share/rasd/web/index.html /usr/share/rasd/web/app.js /usr/share/man/man1/rasd.1.gz \
         /lib/systemd/system/rasd-serve.service /lib/systemd/system/rasd-alerts.service \
         /lib/systemd/system/rasd-alerts.timer /etc/rasd/rasd.conf /etc/rasd/webhook-allow.txt \
         /lib/systemd/system/rasd-shard-write@.service /lib/systemd/system/rasd-shard-search@.service \
         /lib/systemd/system/rasd-replicate-server.service /lib/systemd/system/rasd-replica@.service \
         /etc/rasd/shards.conf /etc/rasd/shards/ \
         /usr/share/doc/rasd/copyright /usr/share/doc/rasd/changelog.gz /usr/share/doc/rasd/README.Debian; do
  grep -qx "$f" "$work/contents" || fail "the package lacks $f"
done
stray="$(grep -v -e '^/usr/' -e '^/etc/rasd/' -e '^/lib/systemd/system/' -e '/$' "$work/contents")"
[ -z "$stray" ] || fail "files outside /usr, /etc/rasd and /lib/systemd/system: $stray"
mkdir "$work/control" && dpkg-deb -e "$deb" "$work/control"
for s in postinst prerm postrm; do
  [ -x "$work/control/$s" ] || fail "no executable $s"
  sh -n "$work/control/$s" || fail "$s is not valid sh"
done
[ "$(sort "$work/control/conffiles")" = "$(printf '/etc/rasd/rasd.conf\n/etc/rasd/shards.conf\n/etc/rasd/webhook-allow.txt')" ] \
  || fail "conffiles: $(cat "$work/control/conffiles")"
grep -q 'adduser --system' "$work/control/postinst" || fail "postinst creates no system user"

# 3. lintian: no error; warnings are shown.
lintian --fail-on error --display-info "$deb" >"$work/lintian.log" 2>&1
lintian_status=$?
sed 's/^/  lintian: /' "$work/lintian.log"
[ $lintian_status -eq 0 ] || fail "lintian reports errors"
echo "package test: lintian: $(grep -c '^E:' "$work/lintian.log") errors, $(grep -c '^W:' "$work/lintian.log") warnings"

# 4. Unpack into a temporary root; systemd-analyze verify on its units, with the binary they
#    start pointed at the unpacked one (verify checks that each command exists). The shard units
#    start Xapian's servers (xapian-tools, installed here) and, being templates, verify as an
#    instance (shard 0).
root="$work/root"
dpkg -x "$deb" "$root" || fail "dpkg -x failed"
mkdir "$work/units"
for u in rasd-serve.service rasd-alerts.service rasd-alerts.timer; do
  sed "s|/usr/bin/rasd|$root/usr/bin/rasd|g" "$root/lib/systemd/system/$u" >"$work/units/$u"
done
units=(rasd-serve.service rasd-alerts.service rasd-alerts.timer rasd-replicate-server.service)
cp "$root/lib/systemd/system/rasd-replicate-server.service" "$work/units/"
for t in rasd-shard-write rasd-shard-search rasd-replica; do
  cp "$root/lib/systemd/system/$t@.service" "$work/units/$t@0.service"
  units+=("$t@0.service")
done
for tool in xapian-tcpsrv xapian-replicate-server xapian-replicate; do
  [ -x "/usr/bin/$tool" ] || fail "/usr/bin/$tool is missing (apt-get install xapian-tools)"
done
verify="$(cd "$work/units" && systemd-analyze verify --man=no "${units[@]}" 2>&1)"
[ -z "$verify" ] || { echo "$verify" >&2; fail "systemd-analyze verify objects to the units"; }
exposure_of() {
  systemd-analyze security --offline=yes "$work/units/$1" 2>/dev/null \
    | sed -n "s/.*Overall exposure level for $1: \\([0-9.]*\\).*/\\1/p"
}
exposures=""
for u in rasd-serve.service rasd-replicate-server.service rasd-shard-write@0.service \
         rasd-shard-search@0.service rasd-replica@0.service; do
  exposure="$(exposure_of "$u")"
  [ -n "$exposure" ] || fail "systemd-analyze security gave no exposure level for $u"
  if awk "BEGIN {exit !($exposure > 2.5)}"; then fail "$u exposure $exposure > 2.5"; fi
  exposures="$exposures${exposures:+, }$u $exposure"
done
echo "package test: systemd-analyze verify: clean (${#units[@]} units); exposure (0 safest, 10 least): $exposures"
grep -qx 'INTERFACE=127.0.0.1' "$root/etc/rasd/shards.conf" || fail "shards.conf does not listen on 127.0.0.1 by default"
grep -q '^Environment=XAPIAN_MAX_CHANGESETS=[1-9]' "$root/lib/systemd/system/rasd-shard-write@.service" \
  || fail "rasd-shard-write@.service keeps no changesets for replicas"

# 5. The unpacked rasd against the fixtures.
rasd="$root/usr/bin/rasd"
[ "$("$rasd" --version)" = "rasd $version" ] || fail "--version: $("$rasd" --version)"
"$rasd" index --db "$work/db" "$root_src/fixtures/seeds" >"$work/index.log" 2>&1 || { cat "$work/index.log" >&2; fail "index failed"; }
grep -q '5 dated from their text' "$work/index.log" || { cat "$work/index.log" >&2; fail "the seeds were not dated"; }
hits="$("$rasd" search --db "$work/db" --json 'المغرب' | grep -c '"id"')"
[ "$hits" -ge 4 ] || fail "search المغرب: $hits hits"
"$rasd" serve --db "$work/db" --port 0 2>"$work/serve.log" &
server_pid=$!
url=""
for _ in $(seq 1 100); do
  url="$(grep -o 'http://127.0.0.1:[0-9]*' "$work/serve.log" | head -1)"
  [ -n "$url" ] && curl -fsS "$url/healthz" >/dev/null 2>&1 && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/serve.log" >&2; fail "rasd serve exited"; }
  url=""
  sleep 0.1
done
[ -n "$url" ] || fail "rasd serve did not start"
curl -fsS "$url/" >"$work/index.html" || fail "GET / failed"
cmp -s "$work/index.html" "$root/usr/share/rasd/web/index.html" || fail "GET / is not the package's web/index.html"
curl -fsS --get "$url/api/search" --data-urlencode q=المغرب | grep -q '"total"' || fail "GET /api/search failed"

# 6. rasd(1) renders without warnings and documents every subcommand.
man_err="$(man --warnings -E UTF-8 -l "$root/usr/share/man/man1/rasd.1.gz" 2>&1 >"$work/man.txt")"
[ -z "$man_err" ] || { echo "$man_err" >&2; fail "man reports problems in rasd(1)"; }
for cmd in analyze index search show stats serve alerts; do
  grep -q "^   $cmd" "$work/man.txt" || fail "rasd(1) has no section for '$cmd'"
done
echo "package test: passed"
