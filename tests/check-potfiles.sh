#!/bin/sh
# Fails when a file with translatable strings is missing from po/POTFILES.in, or when
# POTFILES.in names a file that does not exist. Translatable are: C sources calling a
# gettext function, .ui files with translatable="yes", the desktop file, metainfo and
# MIME package (.in files merged by i18n.merge_file), the GSettings schema's summaries
# and descriptions, and the built-in brief templates (titles and prompts, extracted by
# the rules in data/its).
set -eu
root=$1
cd "$root"
status=0
echo "TAP version 13"
n=0
for f in $(grep -lE '\b(_|N_|C_|NC_|g_dngettext|ngettext)\s*\(' app/*.c app/cli/*.c app/core/*.c 2>/dev/null) \
         $(grep -l 'translatable="yes"' ui/*.ui 2>/dev/null) \
         $(ls data/*.desktop.in data/*.metainfo.xml.in data/*.mime.xml.in 2>/dev/null) \
         $(grep -l '<summary>' data/*.gschema.xml 2>/dev/null) \
         $(ls data/templates/*.brieftemplate 2>/dev/null); do
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
