#!/usr/bin/env python3
"""Make samples/maven-crm/accounts_with_outcomes.csv from accounts.csv and sales_pipeline.csv.

Usage (from anywhere):

    python3 samples/maven-crm/make_outcomes.py

Reads accounts.csv and sales_pipeline.csv next to this script and writes
accounts_with_outcomes.csv there: one row per account (in accounts.csv order) with its
firmographics as published plus

  won_deals        deals with deal_stage Won
  lost_deals       deals with deal_stage Lost
  open_deals       deals with deal_stage Engaging or Prospecting that name the account
  win_rate         won / (won + lost), 4 decimals; empty when the account has no closed deal
  total_won_value  sum of close_value over won deals (whole dollars)

Deals whose account is blank (open deals only, in the published data) are not attributed
to any account. Standard library only; UTF-8 with "\n" line endings; deterministic.
"""
import csv
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
OPEN_STAGES = {"Engaging", "Prospecting"}


def main():
    with open(os.path.join(HERE, "accounts.csv"), encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        account_cols = reader.fieldnames
        accounts = list(reader)

    stats = {a["account"]: {"won": 0, "lost": 0, "open": 0, "value": 0} for a in accounts}
    unattributed = 0
    unknown_accounts = set()
    with open(os.path.join(HERE, "sales_pipeline.csv"), encoding="utf-8", newline="") as f:
        for deal in csv.DictReader(f):
            name = deal["account"].strip()
            if not name:
                unattributed += 1
                continue
            s = stats.get(name)
            if s is None:
                unknown_accounts.add(name)
                continue
            stage = deal["deal_stage"].strip()
            if stage == "Won":
                s["won"] += 1
                s["value"] += int(deal["close_value"] or 0)
            elif stage == "Lost":
                s["lost"] += 1
            elif stage in OPEN_STAGES:
                s["open"] += 1
            else:
                raise SystemExit(f"unexpected deal_stage {stage!r}")
    if unknown_accounts:
        raise SystemExit(f"deals name accounts missing from accounts.csv: {sorted(unknown_accounts)}")

    out = os.path.join(HERE, "accounts_with_outcomes.csv")
    with open(out, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(account_cols + ["won_deals", "lost_deals", "open_deals", "win_rate",
                                   "total_won_value"])
        for a in accounts:
            s = stats[a["account"]]
            closed = s["won"] + s["lost"]
            rate = f"{s['won'] / closed:.4f}" if closed else ""
            w.writerow([a[c] for c in account_cols]
                       + [s["won"], s["lost"], s["open"], rate, s["value"]])
    print(f"{len(accounts)} accounts written to {out}; {unattributed} deals with a blank "
          f"account left unattributed", file=sys.stderr)


if __name__ == "__main__":
    main()
