#!/usr/bin/env python3
"""Make samples/crunchbase/companies.csv from the Crunchbase October 2013 export.

Usage (from the repository root):

    python3 samples/crunchbase/make_slice.py [SOURCE_CSV] [OUT_CSV]

SOURCE_CSV defaults to ../shared/data/crunchbase_2013/crunchbase-companies.csv
(relative to the repository root), OUT_CSV to samples/crunchbase/companies.csv.
Standard library only. The output is deterministic: running it twice on the same
source gives byte-identical files.

Selection: read every company in file order (the export is sorted by permalink),
drop the rows whose name is the spreadsheet artefact "#NAME?" and the rows with no
category_code, then keep every STEP-th remaining row (0th, 6th, 12th, ...).

Cleaning:
  * the source is Mac Roman text with old-Mac CR line endings; it is decoded as
    Mac Roman and written as UTF-8 (no BOM) with "\n" line endings;
  * text that was UTF-8 mis-read as Latin-1 before it was saved (for example
    "Tapos\u00c3\u00a9" for "Tapos\u00e9") is repaired when the repair is exact;
    other odd characters are left as published;
  * funding_total_usd is kept when it is a whole number; the spreadsheet artefacts
    in that column (dates such as "5/18/27", runs of "#") become empty (unknown);
  * dates (founded_at, first_funding_at, last_funding_at) are kept when they are
    ISO yyyy-mm-dd, otherwise left empty;
  * the derived columns founded_month, founded_quarter, founded_year and
    last_milestone_at are dropped; every other value is as published.
"""
import csv
import io
import os
import re
import sys

STEP = 6
COLUMNS = [
    "permalink", "name", "category", "funding_total_usd", "funding_rounds",
    "founded_at", "first_funding_at", "last_funding_at",
    "country_code", "state_code", "region", "city", "status",
]
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
WHOLE = re.compile(r"^\d+$")


def repair(value, stats):
    """Undo UTF-8 that was decoded as Latin-1 ("Ã©" -> "é") when that is exact."""
    if "\u00c3" not in value and "\u00c2" not in value:
        return value
    try:
        fixed = value.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return value
    stats["repaired"] += 1
    return fixed


def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.normpath(os.path.join(here, "..", ".."))
    src = argv[1] if len(argv) > 1 else os.path.join(
        root, "..", "shared", "data", "crunchbase_2013", "crunchbase-companies.csv")
    out = argv[2] if len(argv) > 2 else os.path.join(here, "companies.csv")

    with open(src, "rb") as f:
        text = f.read().decode("mac_roman")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))

    stats = {"source": len(rows), "name_artefact": 0, "no_category": 0,
             "funding_artefact": 0, "bad_date": 0, "repaired": 0}
    eligible = []
    for r in rows:
        if r["name"].strip() == "#NAME?":
            stats["name_artefact"] += 1
            continue
        if not r["category_code"].strip():
            stats["no_category"] += 1
            continue
        eligible.append(r)

    picked = eligible[::STEP]
    buf = io.StringIO(newline="")
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(COLUMNS)
    for r in picked:
        funding = r["funding_total_usd"].strip()
        if funding and not WHOLE.match(funding):
            stats["funding_artefact"] += 1
            funding = ""
        dates = []
        for c in ("founded_at", "first_funding_at", "last_funding_at"):
            v = r[c].strip()
            if v and not ISO_DATE.match(v):
                stats["bad_date"] += 1
                v = ""
            dates.append(v)
        w.writerow([repair(v, stats) for v in [
            r["permalink"].strip(), r["name"].strip(), r["category_code"].strip(),
            funding, r["funding_rounds"].strip(), *dates,
            r["country_code"].strip(), r["state_code"].strip(), r["region"].strip(),
            r["city"].strip(), r["status"].strip(),
        ]])

    with open(out, "w", encoding="utf-8", newline="") as f:
        f.write(buf.getvalue())
    print(f"source rows {stats['source']}, dropped '#NAME?' {stats['name_artefact']}, "
          f"dropped no category {stats['no_category']}, eligible {len(eligible)}, "
          f"every {STEP}th -> {len(picked)} rows; funding artefacts blanked "
          f"{stats['funding_artefact']}, non-ISO dates blanked {stats['bad_date']}, "
          f"mis-decoded values repaired {stats['repaired']}",
          file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv)
