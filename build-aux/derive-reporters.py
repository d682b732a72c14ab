#!/usr/bin/env python3
"""Derive data/reporters/reporters.tsv from Free Law Project's reporters-db.

Usage: derive-reporters.py REPORTERS_DB_DIR OUTPUT

Reads reporters.json and laws.json and writes one line per canonical abbreviation:

    kind <TAB> canonical <TAB> first year <TAB> last year <TAB> variant <TAB> variant ...

kind is R (case reporter edition) or L (statute or code). Years are empty when unknown
or open. Lookups compare spellings with white space removed, so a variant is listed only
when that form differs from every other listed spelling; each such form belongs to
exactly one canonical abbreviation per kind. When reporters-db gives one spelling to
several reporters, a canonical abbreviation wins over a variant, then the edition that
began most recently (the one a modern opinion most likely cites), then the first
alphabetically. The output is sorted and deterministic.
"""

import json
import os
import sys

HEADER = (
    "# Reporter and code abbreviations derived from Free Law Project's reporters-db\n"
    "# (BSD 2-Clause, see LICENSE). Regenerate with build-aux/derive-reporters.py.\n"
    "# kind\tcanonical\tfirst year\tlast year\tvariant spellings...\n"
)


def normalize(spelling):
    return "".join(spelling.replace("\u2019", "'").split())


def year(date):
    return date[:4] if date else ""


def resolve(canonicals, variants):
    """canonicals: {canonical: (start, end)}; variants: {spelling: set of canonicals}.

    Returns {canonical: sorted list of variant spellings}."""
    owner = {}
    for canonical in canonicals:
        owner.setdefault(normalize(canonical), set()).add(canonical)
    exact = set(owner)

    spellings = {}
    for spelling, targets in variants.items():
        key = normalize(spelling)
        spellings.setdefault(key, set()).add(spelling)
        if key not in exact:
            owner.setdefault(key, set()).update(targets)

    def rank(canonical):
        return (-int(canonicals[canonical][0] or 0), canonical)

    result = {canonical: [] for canonical in canonicals}
    for key, targets in owner.items():
        chosen = min(targets, key=rank)
        if key != normalize(chosen):
            result[chosen].append(min(spellings[key]))
    return {canonical: sorted(found) for canonical, found in result.items()}


def reporters(path):
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    canonicals = {}
    variants = {}
    for entries in data.values():
        for entry in entries:
            for edition, dates in entry["editions"].items():
                canonicals[edition] = (year(dates.get("start")), year(dates.get("end")))
            for spelling, edition in entry.get("variations", {}).items():
                variants.setdefault(spelling, set()).add(edition)
    return canonicals, variants


def laws(path):
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    canonicals = {}
    variants = {}
    for code, entries in data.items():
        starts = [year(e.get("start")) for e in entries if e.get("start")]
        ends = [year(e.get("end")) for e in entries]
        canonicals[code] = (min(starts) if starts else "",
                            "" if "" in ends or not ends else max(ends))
        for entry in entries:
            for spelling in entry.get("variations", []):
                variants.setdefault(spelling, set()).add(code)
    return canonicals, variants


def lines(kind, canonicals, variants):
    for canonical, found in sorted(resolve(canonicals, variants).items()):
        start, end = canonicals[canonical]
        yield "\t".join([kind, canonical, start, end] + found) + "\n"


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: derive-reporters.py REPORTERS_DB_DIR OUTPUT")
    source, output = sys.argv[1], sys.argv[2]
    text = HEADER
    text += "".join(lines("R", *reporters(os.path.join(source, "reporters.json"))))
    text += "".join(lines("L", *laws(os.path.join(source, "laws.json"))))
    with open(output, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


if __name__ == "__main__":
    main()
