#!/usr/bin/env python3
"""Derive data/reporters/reporters.tsv from Free Law Project's reporters-db.

Usage: derive-reporters.py REPORTERS_DB_DIR OUTPUT

Reads reporters.json, regexes.json and laws.json and writes one line per canonical
abbreviation:

    kind <TAB> canonical <TAB> first year <TAB> last year <TAB> forms <TAB> variant ...

kind is R (case reporter edition) or L (statute or code). Years are empty when unknown
or open. forms says, one letter each, which citation forms beyond "VOLUME REPORTER PAGE"
the reporter takes, found by trying reporters-db's own regexes for it on sample
citations (so that the scanner needs no list of its own):

    n  a public-domain (neutral) citation, whose volume is a year ("2016 Ohio 2813")
    h  year, reporter and number joined by hyphens ("2017-Ohio-5699", "2010-NMSC-007")
    L  Louisiana's "2009-1359 (La.App. 1 Cir. 05/10/10)"
    -  a page with a hyphen and a capital ("2014 IL App (2d) 120583-U", "13301-M")
    a  a page with a letter after it ("123a", "123A")
    d  a database (Westlaw, Lexis): the page is a document number, pins are "*3"

The forms of several editions that share a canonical abbreviation are merged. Lookups compare spellings with white space removed, so a variant is listed only
when that form differs from every other listed spelling; each such form belongs to
exactly one canonical abbreviation per kind. When reporters-db gives one spelling to
several reporters, a canonical abbreviation wins over a variant, then the edition that
began most recently (the one a modern opinion most likely cites), then the first
alphabetically. The output is sorted and deterministic.
"""

import json
import os
import re
import sys

HEADER = (
    "# Reporter and code abbreviations derived from Free Law Project's reporters-db\n"
    "# (BSD 2-Clause, see LICENSE). Regenerate with build-aux/derive-reporters.py.\n"
    "# kind\tcanonical\tfirst year\tlast year\tforms\tvariant spellings...\n"
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


def regex_pieces(path):
    """regexes.json flattened to {"full_cite_format_neutral": ..., "page": ...}."""
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    pieces = {}

    def walk(prefix, node):
        if isinstance(node, str):
            pieces[prefix] = node
            return
        for key, value in node.items():
            if not key.endswith("#"):
                walk(prefix if key == "" else (prefix + "_" + key if prefix else key), value)

    walk("", data)
    return pieces


def expand(template, pieces, edition):
    """A regex of reporters-db with its $pieces filled in, or None when it names one
    this script does not know."""
    names = sorted(pieces, key=len, reverse=True)
    pieces = dict(pieces, edition=re.escape(edition))
    names.insert(0, "edition")
    for _ in range(10):
        if "$" not in template:
            break
        def replace(match):
            rest = template[match.end():]
            for name in names:
                if rest.startswith(name):
                    return pieces[name] + rest[len(name):]
            raise KeyError(rest)
        match = re.search(r"\$", template)
        try:
            template = template[:match.start()] + replace(match)
        except KeyError:
            return None
    try:
        return re.compile(template)
    except re.error:
        return None


# Sample citations per form letter, with the reporter's place marked by {}.
PROBES = [
    ("h", ["2012-{}-123", "2012-{}-0123"]),
    ("L", ["2010-0123 ({} 3/3/11)", "2010 0123 ({} 03/03/2011)"]),
    ("-", ["2012 {} 123-B", "12 {} 123-B"]),
    ("a", [volume + " {} 123" + letter for volume in ("12", "2012")
           for letter in "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"]),
]


def forms_of(entry, edition, pieces):
    """The form letters of one edition, from its cite type, name and regexes."""
    found = set()
    regexes = [r for r in (expand(t, pieces, edition)
                           for t in entry["editions"][edition].get("regexes") or [])
               if r is not None]
    for letter, probes in PROBES:
        if any(r.fullmatch(p.format(edition)) for r in regexes for p in probes):
            found.add(letter)
    year_volume = any(r.fullmatch("2012 {} 123".format(edition)) and
                      not r.fullmatch("12 {} 123".format(edition)) for r in regexes)
    if entry.get("cite_type") == "neutral" or year_volume or found & {"h", "L"}:
        found.add("n")
    if entry.get("cite_type") == "specialty_west" or edition.endswith("LEXIS"):
        found.add("d")
    return found


def reporters(path, pieces):
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    canonicals = {}
    variants = {}
    forms = {}
    for entries in data.values():
        for entry in entries:
            for edition, dates in entry["editions"].items():
                canonicals[edition] = (year(dates.get("start")), year(dates.get("end")))
                forms.setdefault(edition, set()).update(forms_of(entry, edition, pieces))
            for spelling, edition in entry.get("variations", {}).items():
                variants.setdefault(spelling, set()).add(edition)
    return canonicals, variants, forms


def laws(path, pieces):
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
    return canonicals, variants, {}


FORM_ORDER = "nhL-ad"


def lines(kind, canonicals, variants, forms):
    for canonical, found in sorted(resolve(canonicals, variants).items()):
        start, end = canonicals[canonical]
        letters = "".join(c for c in FORM_ORDER if c in forms.get(canonical, ()))
        yield "\t".join([kind, canonical, start, end, letters] + found) + "\n"


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: derive-reporters.py REPORTERS_DB_DIR OUTPUT")
    source, output = sys.argv[1], sys.argv[2]
    pieces = regex_pieces(os.path.join(source, "regexes.json"))
    text = HEADER
    text += "".join(lines("R", *reporters(os.path.join(source, "reporters.json"), pieces)))
    text += "".join(lines("L", *laws(os.path.join(source, "laws.json"), pieces)))
    with open(output, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


if __name__ == "__main__":
    main()
