#!/usr/bin/env bash
# Writes rasd(1) from the binary's own help: help2man formats `rasd --help`, and a section per
# subcommand carries that subcommand's `--help` verbatim, with the static sections of
# rasd.h2m (files, exit status, environment, see also).
# Usage: make-man.sh RASD_BINARY VERSION OUT.1
set -euo pipefail
rasd=${1:?usage: make-man.sh RASD_BINARY VERSION OUT.1}
version=${2:?usage: make-man.sh RASD_BINARY VERSION OUT.1}
out=${3:?usage: make-man.sh RASD_BINARY VERSION OUT.1}
here="$(cd "$(dirname "$0")" && pwd)"
command -v help2man >/dev/null || { echo "make-man.sh: help2man is not installed (scripts/install-deps.sh installs it)" >&2; exit 1; }

include="$(mktemp)"
trap 'rm -f "$include"' EXIT
# roff: a backslash is \e, a line must not start with a dot or a quote.
roff() { sed -e 's/\\/\\e/g' -e "s/^\\([.']\\)/\\\\\\&\\1/"; }
{
  echo '[COMMANDS]'
  for cmd in $("$rasd" --help | awk '/^Subcommands:/ {on = 1; next} on && NF {print $1}'); do
    echo ".SS $cmd"
    echo '.nf'
    "$rasd" "$cmd" --help | roff
    echo '.fi'
  done
  cat "$here/rasd.h2m"
} >"$include"

help2man --no-info --section=1 --version-string="$version" \
  --name='full-text search for Arabic security reporting' \
  --include="$include" --output="$out" "$rasd"
