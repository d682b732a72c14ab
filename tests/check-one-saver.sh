#!/bin/sh
# Fails when a file is put in place anywhere but the one atomic saver
# (app/core/cb-file-writer.c): every save goes through cb_file_save() or a
# CbFileWriter, so that all of them write beside, flush and keep permissions alike.
#
#   check-one-saver.sh SOURCEDIR
set -eu
cd "$1"
echo "TAP version 13"
sites=$(grep -rEn '\b(g_rename|rename|renameat2?|g_file_move|g_file_replace_contents|g_file_set_contents(_full)?)[[:space:]]*\(' \
          --include='*.c' app | grep -v '^app/core/cb-file-writer.c:' || true)
if [ -z "$sites" ]; then
  echo "ok 1 - files are put in place only by app/core/cb-file-writer.c"
else
  echo "not ok 1 - files are put in place outside app/core/cb-file-writer.c:"
  echo "$sites" | sed 's/^/# /'
fi
count=$(grep -cE '\b(g_rename|rename|renameat2?|g_file_move)[[:space:]]*\(' app/core/cb-file-writer.c || true)
if [ "$count" -eq 1 ]; then
  echo "ok 2 - one call that moves a file into place"
else
  echo "not ok 2 - $count calls that move a file into place in cb-file-writer.c"
fi
echo "1..2"
[ -z "$sites" ] && [ "$count" -eq 1 ]
