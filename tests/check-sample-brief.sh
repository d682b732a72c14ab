#!/bin/sh
# Fails when data/samples/davidson-v-cannon.brief is not what make-sample-brief writes
# today, i.e. when the sample needs regenerating after a change to the model or format.
set -eu
tool=$1
root=$2
out=$(mktemp)
trap 'rm -f "$out"' EXIT
"$tool" "$root/data/opinions/davidson-v-cannon.txt" "$out"
if cmp -s "$out" "$root/data/samples/davidson-v-cannon.brief"; then
  echo "data/samples/davidson-v-cannon.brief is up to date"
else
  echo "data/samples/davidson-v-cannon.brief is out of date; regenerate it with:"
  echo "  build/tests/make-sample-brief data/opinions/davidson-v-cannon.txt data/samples/davidson-v-cannon.brief"
  diff -u "$root/data/samples/davidson-v-cannon.brief" "$out" | head -40 || true
  exit 1
fi
