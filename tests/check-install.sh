#!/bin/sh
# Installs the build into a temporary DESTDIR and checks that everything a desktop
# needs lands where the prefix layout says: the program and its PDF reader, its
# desktop file and metainfo, icons, GSettings schema, MIME package, GtkSourceView
# data, the sample opinion and the translations named in po/LINGUAS.
#
#   check-install.sh BUILDDIR SOURCEDIR BINDIR DATADIR LOCALEDIR LIBEXECDIR
#
# BINDIR, DATADIR, LOCALEDIR and LIBEXECDIR are the absolute install paths of the
# configured prefix.
set -eu
builddir=$1
srcdir=$2
bindir=$3
datadir=$4
localedir=$5
libexecdir=$6
app_id=io.github.casebrief.Casebrief
pkgdatadir=$datadir/casebrief

destdir=$(mktemp -d)
trap 'rm -rf "$destdir"' EXIT
n=0
status=0

echo "TAP version 13"

check() {
  n=$((n + 1))
  if [ "$1" "$destdir$2" ]; then
    echo "ok $n - $2"
  else
    echo "not ok $n - $2 is missing after installing"
    status=1
  fi
}

same() {
  n=$((n + 1))
  if cmp -s "$srcdir/$1" "$destdir$2"; then
    echo "ok $n - $2 is $1"
  else
    echo "not ok $n - $2 differs from $1"
    status=1
  fi
}

if ! meson install -C "$builddir" --destdir "$destdir" --no-rebuild --quiet >"$destdir.log" 2>&1; then
  echo "not ok 1 - meson install failed"
  sed 's/^/# /' "$destdir.log"
  rm -f "$destdir.log"
  echo "1..1"
  exit 1
fi
rm -f "$destdir.log"
n=$((n + 1))
echo "ok $n - meson install into a DESTDIR"

check -x "$bindir/casebrief"
check -x "$libexecdir/casebrief-read-pdf"
check -f "$datadir/applications/$app_id.desktop"
check -f "$datadir/metainfo/$app_id.metainfo.xml"
check -f "$datadir/icons/hicolor/scalable/apps/$app_id.svg"
check -f "$datadir/icons/hicolor/symbolic/apps/$app_id-symbolic.svg"
check -f "$datadir/icons/hicolor/scalable/mimetypes/$app_id-brief.svg"
check -f "$datadir/icons/hicolor/scalable/mimetypes/$app_id-template.svg"
check -f "$datadir/glib-2.0/schemas/$app_id.gschema.xml"
check -f "$datadir/mime/packages/$app_id.xml"
same data/language-specs/casebrief-opinion.lang "$pkgdatadir/language-specs/casebrief-opinion.lang"
same data/styles/casebrief-light.xml "$pkgdatadir/styles/casebrief-light.xml"
same data/styles/casebrief-dark.xml "$pkgdatadir/styles/casebrief-dark.xml"
same data/opinions/davidson-v-cannon.txt "$pkgdatadir/opinions/davidson-v-cannon.txt"

for lang in $(sed 's/#.*//' "$srcdir/po/LINGUAS"); do
  check -f "$localedir/$lang/LC_MESSAGES/casebrief.mo"
done

# Nothing may land outside the install dirs: a package would ship it in the wrong place.
n=$((n + 1))
stray=$(cd "$destdir" && find . ! -type d | sed 's|^\.||' |
        grep -v -e "^$bindir/" -e "^$libexecdir/" -e "^$datadir/" -e "^$localedir/" || true)
if [ -z "$stray" ]; then
  echo "ok $n - everything is installed under $bindir, $libexecdir, $datadir or $localedir"
else
  echo "not ok $n - installed elsewhere: $(echo $stray)"
  status=1
fi

echo "1..$n"
exit $status
