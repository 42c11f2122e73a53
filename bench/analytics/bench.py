#!/usr/bin/env python3
"""Analytics under load: freshness, rebuild speed and metric queries.

Run by bench/analytics/run.sh, which starts the suite; see bench/README.md.

1. Freshness: a steady load of writes through the gateway (one product or one order per
   request, in turns, at --rate a second), and the analytics service's own histogram of the
   time from each event's occurrence (the write, just before its commit) to the commit of its
   projection (claimport_projection_delay_seconds): p50 and p99 over the run, from the
   histogram's buckets (interpolated within the bucket, and the bucket's upper bound).
2. Rebuild: --rebuild-products more products in bulks of 1,000, then a rebuild of the whole
   projection from the events (POST /admin/v1/analytics/rebuild): events replayed a second.
3. Queries: --seed claims and as many orders of one account, and as many of another, written
   straight into the projection's facts (\\copy), rolled up by the analytics migrations' own SQL
   (V3, V5), then VACUUM ANALYZE, over the last year; then
   each dashboard query through the gateway with an API key, one at a time on one keep-alive
   connection, warmed up then measured.
"""

import argparse
import csv
import os
import random
import re
import subprocess
import sys
import time
import urllib.request
import uuid
from datetime import datetime, timedelta, timezone

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from benchlib import Gateway, log, open_account, percentile  # noqa: E402

STATES = {"NEW": 8, "OPEN": 10, "COMMUNICATING": 4, "WAITING_FOR_CUSTOMER": 5, "APPROVED": 6, "DENIED": 6,
          "RESOLVED": 20, "RESOLVED_BY_BRAND": 3, "DISMISSED": 3, "CLOSED": 27, "ARCHIVED": 8}
DECISIONS = {"APPROVED", "DENIED", "RESOLVED", "RESOLVED_BY_BRAND", "DISMISSED", "CLOSED", "ARCHIVED"}
ISSUES = {"DAMAGED": 30, "DEFECTIVE_ITEM": 30, "STOLEN": 10, "ORDER_DELIVERED_NOT_RECEIVED": 15, "WRONG_ITEM": 10,
          "MISSING_ITEM": 5}
RESOLUTIONS = {"REFUND": 45, "RESHIP": 25, "STORE_CREDIT": 20, "REPLACEMENT": 10}


def delay_histogram(args):
    """The projection's delay histogram: {upper bound in seconds: count} (cumulative)."""
    with urllib.request.urlopen(args.analytics_management + "/actuator/prometheus", timeout=30) as response:
        text = response.read().decode()
    buckets = {}
    for line in text.splitlines():
        match = re.match(r'claimport_projection_delay_seconds_bucket\{(.*)\} (\S+)', line)
        if match:
            le = re.search(r'le="([^"]+)"', match.group(1)).group(1)
            bound = float("inf") if le == "+Inf" else float(le)
            buckets[bound] = buckets.get(bound, 0) + float(match.group(2))
    return buckets


def histogram_percentile(before, after, p):
    """(the p-th percentile interpolated within its bucket as Prometheus' histogram_quantile
    does, the bucket's upper bound, the events counted) over the events between two scrapes."""
    bounds = sorted(after)
    total = after[float("inf")] - before.get(float("inf"), 0)
    rank = total * p / 100
    lower, below = 0.0, 0.0
    for bound in bounds:
        count = after[bound] - before.get(bound, 0)
        if count >= rank:
            if bound == float("inf"):
                return lower, bound, total
            inside = count - below
            return lower + (bound - lower) * ((rank - below) / inside if inside else 1), bound, total
        lower, below = bound, count
    return float("inf"), float("inf"), total


def product(n, tag):
    return {"name": f"Bench kettle {n}", "sku": f"{tag}-{n}", "category": f"Category {n % 30}",
            "price": 19.99, "warrantyMonths": 24}


def order(n, tag):
    return {"orderNumber": f"{tag}-{n}", "status": "DELIVERED",
            "customer": {"email": f"buyer{n}@example.com", "name": "Bench Buyer"},
            "lineItems": [{"sku": f"{tag}-{n % 500}", "quantity": 1, "price": 19.99}]}


def steady_writes(api, count, rate, tag):
    """Writes at a steady rate, a product or an order each in turn: (seconds taken, statuses,
    latencies)."""
    interval = 1.0 / rate
    started = time.monotonic()
    statuses = {}
    latencies = []
    for n in range(count):
        due = started + n * interval
        pause = due - time.monotonic()
        if pause > 0:
            time.sleep(pause)
        if n % 2 == 0:
            status, _, elapsed = api.call("POST", "/api/v1/products", [product(n, tag)])
        else:
            status, _, elapsed = api.call("POST", "/api/v1/orders", [order(n, tag)])
        statuses[status] = statuses.get(status, 0) + 1
        latencies.append(elapsed)
    return time.monotonic() - started, statuses, latencies


def freshness(args, api):
    log(f"Freshness: {args.warmup_writes} writes to warm up, then {args.writes} measured, at {args.rate} a "
        "second (a product or an order each)")
    steady_writes(api, args.warmup_writes, args.rate, "WARM")
    time.sleep(5)
    before = delay_histogram(args)
    took, statuses, latencies = steady_writes(api, args.writes, args.rate, "FRESH")
    time.sleep(5)  # the last events' projections
    after = delay_histogram(args)
    p50, p50_bound, total = histogram_percentile(before, after, 50)
    p99, p99_bound, _ = histogram_percentile(before, after, 99)
    log(f"  {args.writes} writes in {took:.0f} s ({args.writes / took:.1f}/s), statuses {statuses}, "
        f"write p50 {percentile(latencies, 50):.1f} ms p99 {percentile(latencies, 99):.1f} ms")
    log(f"  event → analytics commit over {total:.0f} events: p50 ≈ {p50 * 1000:.1f} ms (≤ {p50_bound * 1000:.1f}), "
        f"p99 ≈ {p99 * 1000:.1f} ms (≤ {p99_bound * 1000:.1f}; interpolated within the histogram's bucket)")


def rebuild(args, api, admin):
    log(f"Rebuild: {args.rebuild_products} more products in bulks of 1,000, then a rebuild")
    for start in range(0, args.rebuild_products, 1000):
        batch = [product(n, "REBUILD") for n in range(start, min(args.rebuild_products, start + 1000))]
        status, body, _ = api.call("POST", "/api/v1/products", batch)
        if status != 201:
            sys.exit(f"products refused: {status} {body}")
    # the live projection first: the rebuild then competes with nothing
    deadline = time.monotonic() + 1800
    expected = args.rebuild_products + (args.writes + args.warmup_writes + 1) // 2 if args.writes else args.rebuild_products
    while api.call("GET", "/api/v1/analytics")[1]["products"]["total"] < expected:
        if time.monotonic() > deadline:
            sys.exit("the live projection never caught up")
        time.sleep(1)
    status, body, _ = admin.call("POST", "/admin/v1/analytics/rebuild")
    if status != 202:
        sys.exit(f"rebuild refused: {status} {body}")
    started = time.monotonic()
    while True:
        time.sleep(1)
        status, body, _ = admin.call("GET", "/admin/v1/analytics/rebuild")
        if body["status"] != "RUNNING":
            break
    took = time.monotonic() - started
    log(f"  {body['status']}: {body['eventsReplayed']} events replayed in {took:.0f} s "
        f"({body['eventsPerSecond']} events/s by the service's count; the topics held every event of the run)")


def psql(args, sql, *extra):
    command = ["psql", "-qtAX", "-v", "ON_ERROR_STOP=1", "-h", "localhost", "-p", str(args.pg_port), "-U",
               "postgres", "-d", "claimport_analytics", *extra, "-c", sql]
    return subprocess.run(command, check=True, capture_output=True, text=True,
                          env=dict(os.environ, PGPASSWORD="postgres")).stdout


def weighted(choices, rng):
    return rng.choices(list(choices), weights=list(choices.values()))[0]


def seed(args, accounts):
    """Facts as the projection writes them: a year of orders and claims per account."""
    rng = random.Random(11)
    now = datetime.now(timezone.utc)
    files = {name: open(os.path.join(args.workdir, name + ".csv"), "w", newline="") for name in
             ("catalog_product", "order_fact", "order_line_fact", "claim_fact", "claim_item_fact",
              "resolution_fact", "store_credit_fact")}
    out = {name: csv.writer(handle) for name, handle in files.items()}
    skus = 2000
    for account in accounts:
        for s in range(skus):
            out["catalog_product"].writerow([account, f"SEED-{s}", f"prod_seed{s}", f"Seed product {s}",
                                             f"Category {s % 30}"])
        for n in range(args.seed):
            ordered = now - timedelta(seconds=rng.uniform(0, 365 * 86400))
            order_id = f"ord_seed{n}"
            sku = f"SEED-{int(rng.paretovariate(1.2)) % skus}"
            currency = "USD" if n % 5 else "EUR"
            out["order_fact"].writerow([account, order_id, ordered.isoformat(), "DELIVERED", "59.9700", currency])
            out["order_line_fact"].writerow([account, order_id, f"li_seed{n}", sku, 3, ordered.isoformat()])
            filed = ordered + timedelta(days=rng.uniform(1, 20))
            if filed > now:
                filed = now - timedelta(seconds=rng.uniform(0, 3600))
            state = weighted(STATES, rng)
            decided = filed + timedelta(hours=rng.expovariate(1 / 30)) if state in DECISIONS else None
            decision = None
            if decided:
                decision = "DENIED" if state == "DENIED" else "DISMISSED" if state == "DISMISSED" else "APPROVED"
            resolved = decided + timedelta(hours=rng.expovariate(1 / 20)) if state in ("RESOLVED", "CLOSED",
                                                                                         "ARCHIVED") else None
            claim_id = f"clm_seed{n}"
            out["claim_fact"].writerow([account, claim_id, order_id, filed.isoformat(), state, "DAMAGED", "",
                                        weighted(ISSUES, rng), "ONLINE", "", decided.isoformat() if decided else "",
                                        decision or "", decision or "", resolved.isoformat() if resolved else ""])
            out["claim_item_fact"].writerow([account, claim_id, 0, sku, 1, filed.isoformat()])
            if resolved:
                kind = weighted(RESOLUTIONS, rng)
                out["resolution_fact"].writerow([account, f"res_seed{n}", claim_id, resolved.isoformat(), kind,
                                                 "19.9900", "4.9900" if kind == "REFUND" else "0", currency])
                if kind == "STORE_CREDIT":
                    out["store_credit_fact"].writerow([account, str(uuid.UUID(int=rng.getrandbits(128))), claim_id,
                                                       resolved.isoformat(), "GIFT_CARD", "21.9900", currency])
    for handle in files.values():
        handle.close()
    for name in files:
        path = os.path.join(args.workdir, name + ".csv")
        columns = CLAIM_FACT_COLUMNS if name == "claim_fact" else ""
        psql(args, f"\\copy projection.{name}{columns} FROM '{path}' WITH (FORMAT csv, NULL '')")
    for account in accounts:
        psql(args, f"INSERT INTO projection.projection_watermark VALUES ('{account}', now()) "
                   "ON CONFLICT (account_id) DO UPDATE SET as_of = excluded.as_of")
    roll_up(args, accounts)
    psql(args, "VACUUM ANALYZE")


CLAIM_FACT_COLUMNS = (" (account_id, claim_id, order_id, filed_at, state, claim_type, claim_category, issue_type, "
                      "sales_channel, requested_resolution, first_decided_at, first_decision, decision, resolved_at)")

ROLLUP_INSERT = ("INSERT INTO projection.metric_rollup (account_id, measure, dimension, grain, slot, value, detail, "
                 "count, amount)")


def migration(name):
    return open(os.path.join(os.path.dirname(__file__), "..", "..", "analytics-service", "src", "main", "resources",
                             "db", "migration", name)).read()


def statements(sql, start):
    """The statements of a migration that begin with start, each without its semicolon."""
    found, at = [], sql.find(start)
    while at >= 0:
        found.append(sql[at:sql.index(";", at)])
        at = sql.find(start, at + 1)
    return found


def roll_up(args, accounts):
    """The roll-ups of the accounts' facts, by the analytics migrations' own SQL (V3: quarter
    hours and days; V5: each claim's duration buckets, months, the durations' histograms), as the
    projection keeps them event by event."""
    v3, v5 = migration("V3__metric_rollups.sql"), migration("V5__rollup_months_and_durations.sql")
    names = ", ".join(f"'{account}'" for account in accounts)
    for update in statements(v5, "UPDATE projection.claim_fact"):
        psql(args, update)
    psql(args, f"DELETE FROM projection.metric_rollup WHERE account_id IN ({names})")
    for insert in statements(v3, ROLLUP_INSERT) + statements(v5, ROLLUP_INSERT):
        query = insert[len(ROLLUP_INSERT):]
        psql(args, f"{ROLLUP_INSERT} SELECT * FROM ({query}) b WHERE account_id IN ({names})")


DASHBOARD = [
    ("claims per day, 30 days", "claims?interval=day"),
    ("claims by issue type, 30 days", "claims?by=issueType"),
    ("claim rate per day, 30 days", "claim-rate?interval=day"),
    ("approval rate per week, 30 days", "approval-rate?interval=week"),
    ("time to resolution per week, 30 days", "time-to-resolution?interval=week"),
    ("cost by resolution type, 30 days", "resolution-cost?by=resolutionType"),
    ("top 10 SKUs, 30 days", "top-skus?limit=10"),
    ("claims per day, 30 days, New York", "claims?interval=day&tz=America/New_York"),
    ("approval rate per day, 30 days, Kolkata", "approval-rate?interval=day&tz=Asia/Kolkata"),
    ("time to resolution per day, 30 days, New York", "time-to-resolution?interval=day&tz=America/New_York"),
    ("claims per month, 1 year", "claims?interval=month&from={year}"),
    ("claim rate per month, 1 year", "claim-rate?interval=month&from={year}"),
    ("time to resolution per month, 1 year", "time-to-resolution?interval=month&from={year}"),
    ("top 10 SKUs, 1 year", "top-skus?limit=10&from={year}"),
    ("claims by issue type per month, 1 year, New York", "claims?by=issueType&interval=month&from={year}&tz=America/New_York"),
]


def queries(args, api):
    year = (datetime.now(timezone.utc) - timedelta(days=365)).date().isoformat()
    for name, path in DASHBOARD:
        path = "/api/v1/analytics/metrics/" + path.format(year=year)
        for _ in range(args.query_warmup):
            api.call("GET", path)
        latencies, statuses = [], {}
        for _ in range(args.queries):
            status, _, elapsed = api.call("GET", path)
            latencies.append(elapsed)
            statuses[status] = statuses.get(status, 0) + 1
        log(f"  {name:<40} p50={percentile(latencies, 50):7.1f} ms  p99={percentile(latencies, 99):7.1f} ms  "
            f"max={max(latencies):7.1f} ms  statuses={statuses}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--gateway", required=True)
    parser.add_argument("--admin-token", required=True)
    parser.add_argument("--pg-port", required=True)
    parser.add_argument("--analytics-management", required=True)
    parser.add_argument("--workdir", required=True)
    parser.add_argument("--writes", type=int, default=10000)
    parser.add_argument("--warmup-writes", type=int, default=2000)
    parser.add_argument("--rate", type=float, default=40)
    parser.add_argument("--rebuild-products", type=int, default=50000)
    parser.add_argument("--seed", type=int, default=1000000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--query-warmup", type=int, default=50)
    parser.add_argument("--hold", type=int, default=0,
                        help="seconds to keep the suite running at the end, to look into its database")
    args = parser.parse_args()

    key, account = open_account(args, "Analytics bench")
    api = Gateway(args.gateway, {"X-API-Key": key})
    admin = Gateway(args.gateway, {"Authorization": "Bearer " + args.admin_token})
    if args.writes:
        freshness(args, api)
    if args.rebuild_products:
        rebuild(args, api, admin)
    if args.seed:
        _, other = open_account(args, "Analytics bench neighbour")
        log(f"Queries: seeding {args.seed} claims and {args.seed} orders of the account and of another")
        started = time.monotonic()
        seed(args, [account, other])
        log(f"  seeded in {time.monotonic() - started:.0f} s")
        queries(args, api)
    if args.hold:
        log(f"Holding the suite for {args.hold} s: PostgreSQL on port {args.pg_port}, database claimport_analytics")
        time.sleep(args.hold)


if __name__ == "__main__":
    main()
