#!/usr/bin/env python3
"""Reads a workbook of `mep review --format xlsx` with openpyxl (shares no code with mep) and
compares it with the JSON report of the same review (`mep review --format json`):

- the sheets are „Schulen“, „Positionen“, „Summen“, each with a frozen header row and an autofilter;
- every Schulnummer is a text cell equal to the plan's `schule.schulnummer` (leading zeros kept);
- euro cells are numbers with a euro number format, except sums over items without price (or of
  approximate count), which are text saying so (`Kosten noch offen`, `mindestens …`, `ca. …`);
- on every item row, Anzahl × Einzelpreis = Summe;
- per school, the items add up to the school's investment in the report;
- the sheet „Summen“ equals the report's investment per Fördergegenstand and year (and, in a column
  „Jahr nicht bekannt“, the items of unknown year), and its total equals the report's total investment.

Usage: xlsx-check.py WORKBOOK.xlsx REVIEW.json   (exit 0 = all good)
"""

import json
import re
import sys
from collections import defaultdict
from decimal import Decimal

import openpyxl


def cents(value):
    return int((Decimal(str(value)) * 100).to_integral_value())


def amount(value):
    """A euro cell in cents: a number, or a text naming its known part (`mindestens 1.234,00 €, …`; 0 without one)."""
    if value is None:
        return 0
    if isinstance(value, (int, float)):
        return cents(value)
    found = re.search(r"\d{1,3}(?:\.\d{3})*,\d{2}", value)
    return int(found.group(0).replace(".", "").replace(",", "")) if found else 0


def says_open(value):
    return isinstance(value, str) and any(w in value for w in ("offen", "nicht bekannt", "mindestens", "ca. "))


def main():
    book_path, report_path = sys.argv[1], sys.argv[2]
    report = json.load(open(report_path, encoding="utf-8"))
    book = openpyxl.load_workbook(book_path)
    failures = []

    def check(ok, what):
        if not ok:
            failures.append(what)

    expected = ["Schulen", "Positionen", "Summen"] + (["Änderungen"] if report.get("previous") else [])
    check(book.sheetnames == expected, f"sheets are {book.sheetnames}, expected {expected}")
    for sheet in book.worksheets:
        check(sheet.freeze_panes == "A2", f"{sheet.title}: header row not frozen ({sheet.freeze_panes})")
        check(bool(sheet.auto_filter.ref), f"{sheet.title}: no autofilter")
        # Printed A4 landscape, one page wide, the header row on every page (an omitted fitToWidth is 1 in OOXML).
        setup = sheet.page_setup
        check(setup.orientation == "landscape" and str(setup.paperSize) == "9", f"{sheet.title}: not A4 landscape")
        check(sheet.sheet_properties.pageSetUpPr.fitToPage and str(setup.fitToWidth or 1) == "1" and str(setup.fitToHeight) == "0",
              f"{sheet.title}: not fitted to one page wide")
        check(sheet.print_title_rows in ("1:1", "$1:$1"), f"{sheet.title}: header row not repeated ({sheet.print_title_rows})")

    if report.get("previous"):
        changes = book["Änderungen"]
        head = [c.value for c in changes[1]]
        lines = list(changes.iter_rows(min_row=2, values_only=True))
        schools_ = report["previous"]["schools"]
        check(len(lines) == len(schools_), f"Änderungen: {len(lines)} rows, report has {len(schools_)}")
        for line, school in zip(lines, schools_):
            after = line[head.index("Beantragt (EUR)")]
            want = school["requested"]["after"]
            check((after is None and want is None) or (after is not None and want is not None and cents(after) == cents(want)),
                  f"Änderungen: beantragt {after} != {want}")

    schools = book["Schulen"]
    header = [c.value for c in schools[1]]
    col = {h: i for i, h in enumerate(header)}
    rows = [r for r in report["rows"] if r.get("school")]
    by_file = {r["file"]: r for r in report["rows"]}
    for line in schools.iter_rows(min_row=2):
        row = by_file.get(line[col["Datei"]].value)
        check(row is not None, f"Schulen: unknown file {line[col['Datei']].value!r}")
        if not row or not row.get("school"):
            continue
        number = line[col["Schulnummer"]]
        check(number.data_type == "s" and number.value == row["school"]["number"],
              f"Schulen: Schulnummer {number.value!r} ({number.data_type}) != {row['school']['number']!r}")
        inv = line[col["Investitionen (EUR)"]]
        if row["figures"].get("open_items"):
            check(says_open(inv.value), f"Schulen: Investitionen {inv.value!r} of a plan with unpriced items does not say so")
        else:
            check((isinstance(inv.value, (int, float)) and "€" in inv.number_format) or says_open(inv.value),
                  f"Schulen: Investitionen {inv.value!r} is not a euro number ({inv.number_format})")
        check(amount(inv.value) == cents(row["figures"]["investment"]),
              f"Schulen: Investitionen {inv.value} != {row['figures']['investment']}")

    items = book["Positionen"]
    header = [c.value for c in items[1]]
    icol = {h: i for i, h in enumerate(header)}
    per_school = defaultdict(int)
    item_rows = 0
    for line in items.iter_rows(min_row=2):
        item_rows += 1
        number = line[icol["Schulnummer"]]
        check(number.data_type == "s", f"Positionen: Schulnummer {number.value!r} is not text")
        count, price, total = (line[icol[h]].value for h in ("Anzahl", "Einzelpreis (EUR)", "Summe (EUR)"))
        if price is None or not all(isinstance(v, (int, float)) for v in (count, price)):
            # Unpriced, uncounted or approximately counted items: the sum is text that says so, never a number.
            check(says_open(total), f"Positionen: an item without price or exact count has the sum {total!r}")
            per_school[number.value] += amount(total)
            continue
        check("€" in line[icol["Summe (EUR)"]].number_format, "Positionen: Summe has no euro format")
        check(cents(price) * count == cents(total), f"Positionen: {count} × {price} != {total}")
        per_school[number.value] += cents(total)
    check(item_rows > 0, "Positionen: no item rows")
    expected = defaultdict(int)
    for row in rows:
        expected[row["school"]["number"]] += cents(row["figures"]["investment"])
    check(dict(per_school) == {k: v for k, v in expected.items() if v or k in per_school},
          f"Positionen: sums per school {dict(per_school)} != report {dict(expected)}")

    sums = book["Summen"]
    header = [c.value for c in sums[1]]
    years = header[1:-1]
    labels = {}
    for line in sums.iter_rows(min_row=2):
        labels[line[0].value] = {str(y): line[i + 1].value for i, y in enumerate(years)} | {"Gesamt": line[-1].value}
    total = labels.pop("Gesamt", None)
    check(total is not None and amount(total["Gesamt"]) == cents(report["totals"]["investment"]),
          f"Summen: total {total} != report {report['totals']['investment']}")
    check(not report["totals"].get("open_items") or says_open(total and total["Gesamt"]),
          f"Summen: the total {total} of plans with unpriced items does not say so")
    report_by = report["totals"]["investment_by"]
    unknown_year = report["totals"].get("unknown_year", {})
    categories = set(report_by) | set(unknown_year) | set(report["totals"].get("open_by_category", {}))
    check(len(labels) == len(categories), f"Summen: {len(labels)} Fördergegenstände, report has {len(categories)}")
    grand = 0
    for values in labels.values():
        line_total = sum(amount(values[str(y)]) for y in years)
        check(line_total == amount(values["Gesamt"]), f"Summen: row total {values}")
        grand += line_total
    flat = sorted([cents(v) for years_ in report_by.values() for v in years_.values()] + [cents(v) for v in unknown_year.values()])
    found = sorted(amount(v[str(y)]) for v in labels.values() for y in years if amount(v[str(y)]))
    check(found == flat, f"Summen: cells {found} != report {flat}")
    check(total is not None and grand == amount(total["Gesamt"]), "Summen: rows do not add up to the total")

    if failures:
        for f in failures:
            print(f"xlsx-check: {f}", file=sys.stderr)
        return 1
    print(f"xlsx-check: ok ({len(rows)} schools, {item_rows} items, Schulnummern as text, sums equal the report)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
