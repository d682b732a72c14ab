#!/bin/sh
# Checks the shared-mime-info package: it follows the specification's format
# (tests/fixtures/shared-mime-info.rng), update-mime-database
# accepts it without complaint, and GIO, reading the resulting database the way a
# desktop does, names briefs and templates by extension and by content alike; and
# the desktop file offers to open them.
#
#   check-mime.sh MIME_XML GRAMMAR DESKTOP_FILE SOURCE_ROOT
set -eu
mime_xml=$1
grammar=$2
desktop_file=$3
source_root=$4
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0
status=0

ok() {
  n=$((n + 1))
  echo "ok $n - $1"
}

not_ok() {
  n=$((n + 1))
  echo "not ok $n - $1"
  status=1
}

echo "TAP version 13"

if xmllint --noout --nonet --relaxng "$grammar" "$mime_xml" 2>"$tmp/xmllint.err"; then
  ok "the MIME package follows the shared-mime-info format"
else
  not_ok "the MIME package does not follow the shared-mime-info format: $(cat "$tmp/xmllint.err")"
fi

mkdir -p "$tmp/data/mime/packages" "$tmp/home"
cp "$mime_xml" "$tmp/data/mime/packages/"
if XDG_DATA_HOME="$tmp/home" XDG_DATA_DIRS="$tmp/data:/usr/share" update-mime-database "$tmp/data/mime" 2>"$tmp/update.err" && [ ! -s "$tmp/update.err" ]; then
  ok "update-mime-database accepts the package"
else
  not_ok "update-mime-database complains: $(cat "$tmp/update.err")"
fi

# The project's own sample brief and built-in template, as the app writes them.
brief=$(cat "$source_root/data/samples/davidson-v-cannon.brief")
template=$(cat "$source_root/data/templates/default.brieftemplate")
other='<?xml version="1.0" encoding="UTF-8"?>
<brief xmlns="urn:example:not-casebrief">
  <title>Some other brief</title>
</brief>'

printf '%s\n' "$brief" >"$tmp/Davidson.brief"
printf '%s\n' "$brief" >"$tmp/davidson-without-extension"
printf '%s\n' "$template" >"$tmp/four-part.brieftemplate"
printf '%s\n' "$template" >"$tmp/template-without-extension"
printf '%s\n' "$other" >"$tmp/other-without-extension"

# Only the temporary database (and the system's, for application/xml) is read:
# nothing from the user's own data dir.
query() {
  XDG_DATA_HOME="$tmp/home" XDG_DATA_DIRS="$tmp/data:/usr/share" \
    gio info -a "$2" "$tmp/$1" | sed -n "s/^  $2: //p"
}

expect_type() {
  actual=$(query "$1" standard::content-type)
  if [ "$actual" = "$2" ]; then
    ok "$1 is $2"
  else
    not_ok "$1 is '$actual', expected $2"
  fi
}

expect_type Davidson.brief application/x-casebrief-brief
expect_type davidson-without-extension application/x-casebrief-brief
expect_type four-part.brieftemplate application/x-casebrief-template
expect_type template-without-extension application/x-casebrief-template
expect_type other-without-extension application/xml

icon=$(query Davidson.brief standard::icon)
case "$icon" in
  io.github.casebrief.Casebrief-brief,*) ok "a brief shows the brief icon" ;;
  *) not_ok "a brief's icons are '$icon', expected io.github.casebrief.Casebrief-brief first" ;;
esac
icon=$(query four-part.brieftemplate standard::icon)
case "$icon" in
  io.github.casebrief.Casebrief-template,*) ok "a template shows the template icon" ;;
  *) not_ok "a template's icons are '$icon', expected io.github.casebrief.Casebrief-template first" ;;
esac

# The app offers to open what it registers.
mime_types=$(sed -n 's/^MimeType=//p' "$desktop_file")
for type in application/x-casebrief-brief application/x-casebrief-template text/plain text/html; do
  case ";$mime_types" in
    *";$type;"*) ok "the desktop file opens $type" ;;
    *) not_ok "the desktop file's MimeType ($mime_types) lacks $type" ;;
  esac
done

echo "1..$n"
exit $status
