#!/bin/sh
# Fails when a language in po/LINGUAS does not translate every message of the current
# sources: the template is extracted afresh (as `ninja casebrief-pot` would, into a
# temporary folder), each translation is merged with it, and any untranslated or fuzzy
# message, or a translation msgfmt --check rejects, fails the language.
#
#   check-translations.sh SOURCEDIR
set -eu
root=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$root"
echo "TAP version 13"
n=0
status=0

# The keywords and flags of meson's "glib" gettext preset.
GETTEXTDATADIRS="$root/data" xgettext --package-name=casebrief -D "$root" -p "$tmp" -o casebrief.pot \
  --files-from=po/POTFILES.in --from-code=UTF-8 --add-comments \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 --keyword=g_dcgettext:2 \
  --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
  --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
  --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format \
  --flag=g_string_printf:2:c-format --flag=g_string_append_printf:2:c-format \
  --flag=g_error_new:3:c-format --flag=g_set_error:4:c-format \
  --flag=g_printerr:1:c-format --flag=g_print:1:c-format
total=$(grep -c '^msgid ' "$tmp/casebrief.pot")
n=$((n + 1))
echo "ok $n - $((total - 1)) messages in the sources"

# The template in po/ is the one the sources give (ninja casebrief-pot): the same
# messages, and no file that is gone.
n=$((n + 1))
if msgcmp --use-untranslated po/casebrief.pot "$tmp/casebrief.pot" 2>"$tmp/err" &&
   msgcmp --use-untranslated "$tmp/casebrief.pot" po/casebrief.pot 2>>"$tmp/err"; then
  echo "ok $n - po/casebrief.pot holds the messages of the sources"
else
  echo "not ok $n - po/casebrief.pot is stale (run ninja casebrief-pot): $(head -c 600 "$tmp/err" | tr '\n' ' ')"
  status=1
fi
n=$((n + 1))
gone=$(sed -n 's/^#: //p' po/casebrief.pot | tr ' ' '\n' | sed 's/:[0-9]*$//' | sort -u |
       while read -r f; do [ -e "$f" ] || echo "$f"; done)
if [ -z "$gone" ]; then
  echo "ok $n - every file po/casebrief.pot names exists"
else
  echo "not ok $n - po/casebrief.pot names files that are gone: $(echo $gone)"
  status=1
fi

for lang in $(sed 's/#.*//' po/LINGUAS); do
  n=$((n + 1))
  if ! msgmerge --quiet --no-fuzzy-matching -o "$tmp/$lang.po" "po/$lang.po" "$tmp/casebrief.pot" 2>"$tmp/err"; then
    echo "not ok $n - $lang: msgmerge failed: $(cat "$tmp/err")"
    status=1
    continue
  fi
  if ! msgfmt --check --statistics -o /dev/null "$tmp/$lang.po" 2>"$tmp/stats"; then
    echo "not ok $n - $lang: msgfmt --check fails: $(cat "$tmp/stats")"
    status=1
  elif grep -qE 'untranslated|fuzzy' "$tmp/stats"; then
    echo "not ok $n - $lang is incomplete: $(cat "$tmp/stats")"
    msgattrib --untranslated --only-fuzzy "$tmp/$lang.po" 2>/dev/null | grep '^msgid' | sed 's/^/# /' || true
    msgattrib --untranslated "$tmp/$lang.po" 2>/dev/null | grep '^msgid' | sed 's/^/# /' || true
    status=1
  else
    echo "ok $n - $lang: $(cat "$tmp/stats")"
  fi
  # The data files merged with the translations carry the language: what desktops show
  # in menus, software centres and file managers.
  n=$((n + 1))
  msgfmt --desktop --template data/io.github.casebrief.Casebrief.desktop.in -d po -o "$tmp/app.desktop"
  GETTEXTDATADIRS="$root/data" msgfmt --xml --template data/io.github.casebrief.Casebrief.metainfo.xml.in -d po -o "$tmp/metainfo.xml"
  msgfmt --xml --template data/io.github.casebrief.Casebrief.mime.xml.in -d po -o "$tmp/mime.xml"
  if grep -q "^GenericName\[$lang\]=" "$tmp/app.desktop" && grep -q "^Comment\[$lang\]=" "$tmp/app.desktop" &&
     grep -q "<summary xml:lang=\"$lang\">" "$tmp/metainfo.xml" &&
     [ "$(grep -c "<comment xml:lang=\"$lang\">" "$tmp/mime.xml")" -eq 2 ]; then
    echo "ok $n - $lang: desktop file, metainfo and MIME types are translated"
  else
    echo "not ok $n - $lang: the desktop file, metainfo or MIME types lack the translation"
    status=1
  fi
  # A fuzzy entry in the file itself is not a translation either.
  n=$((n + 1))
  if msgattrib --only-fuzzy "po/$lang.po" | grep -q '^msgid'; then
    echo "not ok $n - po/$lang.po has fuzzy entries"
    status=1
  else
    echo "ok $n - po/$lang.po has no fuzzy entries"
  fi
done
echo "1..$n"
exit $status
