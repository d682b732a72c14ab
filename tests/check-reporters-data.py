#!/usr/bin/env python3
"""Fails when data/reporters/reporters.tsv is not what build-aux/derive-reporters.py makes
from reporters-db, so the committed table cannot drift from its script or its source."""

import filecmp
import os
import subprocess
import sys
import tempfile

root, shared = sys.argv[1], sys.argv[2]
source = os.path.join(shared, "data", "reporters-db")
committed = os.path.join(root, "data", "reporters", "reporters.tsv")

print("TAP version 13")
print("1..1")
if not os.path.isfile(os.path.join(source, "reporters.json")):
    print(f"ok 1 # SKIP reporters-db is not at {source}")
    sys.exit(0)

with tempfile.TemporaryDirectory() as tmp:
    derived = os.path.join(tmp, "reporters.tsv")
    subprocess.run([sys.executable, os.path.join(root, "build-aux", "derive-reporters.py"),
                    source, derived], check=True)
    if filecmp.cmp(derived, committed, shallow=False):
        print("ok 1 - data/reporters/reporters.tsv matches build-aux/derive-reporters.py")
    else:
        print("not ok 1 - data/reporters/reporters.tsv differs from what "
              "build-aux/derive-reporters.py derives; regenerate and commit it")
        sys.exit(1)
