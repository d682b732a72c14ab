#!/bin/sh
# Fails when a source file with translatable strings is missing from po/POTFILES.in,
# or when POTFILES.in names a file that does not exist.
set -eu
root=$1
cd "$root"
status=0
echo "TAP version 13"
n=0
for f in $(grep -lE '\b(_|N_|C_|NC_|g_dngettext|ngettext)\s*\(' app/*.c app/core/*.c 2>/dev/null) \
         $(grep -l 'translatable="yes"' ui/*.ui 2>/dev/null); do
  n=$((n + 1))
  if grep -qxF "$f" po/POTFILES.in; then
    echo "ok $n - $f is in POTFILES.in"
  else
    echo "not ok $n - $f has translatable strings but is missing from po/POTFILES.in"
    status=1
  fi
done
while read -r f; do
  case "$f" in ''|'#'*) continue ;; esac
  n=$((n + 1))
  if [ -e "$f" ]; then
    echo "ok $n - $f exists"
  else
    echo "not ok $n - po/POTFILES.in names $f, which does not exist"
    status=1
  fi
done < po/POTFILES.in
echo "1..$n"
exit $status
