#!/usr/bin/env python3
"""What claims cost through the gateway: a bulk of 100 claims, one transition, and a
filtered listing over 100,000 claims of one account beside 100,000 of another.

Run by bench/claims/run.sh, which starts the suite; see bench/README.md. Every request goes
through the gateway with an API key, one at a time on one keep-alive connection, so the
figures are the latency one integrator sees, not the suite's throughput.
"""

import argparse
import csv
import os
import random
import re
import secrets
import subprocess
import sys
import time
from datetime import datetime, timedelta, timezone

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from benchlib import Gateway, log, open_account, percentile  # noqa: E402

CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"

STATES = {  # a claims desk's mix: most claims are settled, some are in the work
    "NEW": 8, "OPEN": 10, "COMMUNICATING": 4, "WAITING_FOR_CUSTOMER": 5, "WAITING_FOR_BRAND": 3,
    "WAITING_FOR_OP": 2, "APPROVED": 6, "DENIED": 6, "RESOLVED": 10, "RESOLVED_BY_BRAND": 3,
    "DISMISSED": 3, "TEMPORARILY_DISMISSED": 2, "CLOSED": 30, "ARCHIVED": 8,
}
CLAIM_TYPES = {"DEFECTIVE": 35, "DAMAGED": 25, "LOST": 15, "STOLEN": 5, "WRONG_ITEM": 10, "MISSING_ITEM": 10}
SOURCES = {"api": 50, "shopify": 35, "woocommerce": 15}


def summary(name, latencies, statuses):
    wrong = {s: statuses.count(s) for s in set(statuses)}
    log(f"{name:<34} n={len(latencies):<5} p50={percentile(latencies, 50):8.1f} ms  "
        f"p90={percentile(latencies, 90):8.1f} ms  p99={percentile(latencies, 99):8.1f} ms  "
        f"max={max(latencies):8.1f} ms  statuses={dict(sorted(wrong.items()))}")


def weighted(choices, rng):
    return rng.choices(list(choices), weights=list(choices.values()))[0]


def public_id(prefix, millis, rng):
    """An id as PublicIds makes it: 10 characters of time, 16 random, Crockford base 32."""
    head = ""
    for _ in range(10):
        head = CROCKFORD[millis & 31] + head
        millis >>= 5
    return prefix + "_" + head + "".join(rng.choice(CROCKFORD) for _ in range(16))


def place_orders(api, count):
    """Orders of one headphone each, 500 to a bulk (order-service's limit); their ids."""
    ids = []
    for start in range(0, count, 500):
        batch = [{"orderNumber": f"BENCH-{n}", "status": "DELIVERED",
                  "customer": {"email": f"buyer{n}@example.com", "name": "Bench Buyer"},
                  "lineItems": [{"sku": "WHP-001", "quantity": 1, "price": 149.99}]}
                 for n in range(start, min(count, start + 500))]
        status, body, _ = api.call("POST", "/api/v1/orders", batch)
        if status != 201:
            sys.exit(f"orders refused: {status} {body}")
        ids.extend(body["created"])
    return ids


def claim_on(order_id, n):
    return {"orderId": order_id, "authorName": "Bench Buyer", "authorEmail": f"buyer{n}@example.com",
            "claimDescription": "Left ear cup stopped working after two weeks.", "claimType": "DEFECTIVE",
            "claimItems": [{"itemId": "WHP-001", "quantity": 1}]}


def bulk_and_transitions(args, api):
    bulks = args.warmup_bulks + args.bulks
    log(f"Placing {bulks * 100} orders and waiting for the claims service to know them")
    started = time.monotonic()
    orders = place_orders(api, bulks * 100)
    placed = time.monotonic()
    deadline = placed + 900
    while True:  # the last order placed is known when a claim on it is no longer unknown-order
        status, body, _ = api.call("POST", "/api/v1/claims", [claim_on(orders[-1], len(orders) - 1)])
        if status == 201:
            break
        if status != 422 or time.monotonic() > deadline:
            sys.exit(f"the claims service never learnt the orders: {status} {body}")
        time.sleep(0.2)
    log(f"  placed in {placed - started:.0f} s; the claims service knew the last one "
        f"{time.monotonic() - placed:.0f} s later")
    orders = orders[:-1]

    claim_ids, latencies, statuses = [], [], []
    for b in range(bulks):
        batch = [claim_on(orders[n], n) for n in range(b * 100, min(len(orders), (b + 1) * 100))]
        status, body, elapsed = api.call("POST", "/api/v1/claims", batch)
        if status == 201:
            claim_ids.extend(body["created"])
        if b >= args.warmup_bulks:
            latencies.append(elapsed)
            statuses.append(status)
        elif status not in (201, 207):
            sys.exit(f"a warm-up bulk was refused: {status} {body}")
    summary("POST /api/v1/claims, 100 claims", latencies, statuses)

    latencies, statuses = [], []
    moves = min(len(claim_ids), args.warmup_transitions + args.transitions)
    for n, claim_id in enumerate(claim_ids[:moves]):
        status, _, elapsed = api.call("POST", f"/api/v1/claims/{claim_id}/transitions",
                                      {"claimState": "OPEN", "reason": "triaged"})
        if n >= args.warmup_transitions:
            latencies.append(elapsed)
            statuses.append(status)
    summary("POST /api/v1/claims/{id}/transitions", latencies, statuses)


def psql(args, sql, *extra):
    command = ["psql", "-qtAX", "-v", "ON_ERROR_STOP=1", "-h", "localhost", "-p", str(args.pg_port), "-U",
               "postgres", "-d", "claimport_claims", *extra, "-c", sql]
    return subprocess.run(command, check=True, capture_output=True, text=True,
                          env=dict(os.environ, PGPASSWORD="postgres")).stdout


def seed(args, account, workdir):
    """Claims written straight into the claims database, as the service writes them."""
    rng = random.Random(7)
    now = datetime.now(timezone.utc)
    claims_file = os.path.join(workdir, "claims.csv")
    items_file = os.path.join(workdir, "claim_items.csv")
    other = public_id("acct", int(now.timestamp() * 1000), rng)
    with open(claims_file, "w", newline="") as claims, open(items_file, "w", newline="") as items:
        claim_rows, item_rows = csv.writer(claims), csv.writer(items)
        for owner in (account, other):
            for n in range(args.seed_claims):
                created = now - timedelta(seconds=rng.uniform(0, 365 * 86400))
                updated = created + timedelta(seconds=rng.uniform(0, 30 * 86400))
                updated = min(updated, now)
                millis = int(created.timestamp() * 1000)
                claim_id = public_id("clm", millis, rng)
                order_id = public_id("ord", millis, rng)
                customer = rng.randrange(20000)
                claim_rows.writerow([
                    claim_id, owner, order_id, order_id, f"#{100000 + n}", "Customer " + str(customer),
                    f"customer{customer}@example.com", "The item arrived broken.", weighted(STATES, rng),
                    weighted(CLAIM_TYPES, rng), "false", weighted(SOURCES, rng), created.isoformat(),
                    updated.isoformat(), rng.randrange(6)])
                item_rows.writerow([claim_id, 0, public_id("clmitem", millis, rng),
                                    f"SKU-{rng.randrange(500):03d}", 1, created.isoformat(), updated.isoformat()])
    log(f"Seeding {args.seed_claims} claims of the bench account and {args.seed_claims} of another")
    started = time.monotonic()
    psql(args, "\\copy claim (id, account_id, order_id, source_order_id, source_order_number, author_name, "
               "author_email, claim_description, claim_state, claim_type, is_ota, external_source, created_at, "
               f"updated_at, version) FROM '{claims_file}' WITH (FORMAT csv)")
    psql(args, "\\copy claim_item (claim_id, position, id, item_id, quantity, created_at, updated_at) "
               f"FROM '{items_file}' WITH (FORMAT csv)")
    psql(args, "VACUUM ANALYZE claim")
    psql(args, "VACUUM ANALYZE claim_item")
    log(f"  seeded and analysed in {time.monotonic() - started:.0f} s; the claim table now holds "
        f"{psql(args, 'SELECT count(*) FROM claim').strip()} rows")


def listing(args, api, account, workdir):
    seed(args, account, workdir)
    ninety_days_ago = (datetime.now(timezone.utc) - timedelta(days=90)).strftime("%Y-%m-%dT%H:%M:%SZ")
    shapes = {
        "state + type + created window": f"claimState=OPEN&claimType=DEFECTIVE&createdAfter={ninety_days_ago}",
        "email + state + created window":
            f"authorEmail=customer42@example.com&claimState=CLOSED&createdAfter={ninety_days_ago}",
        "2 states + source + created window": "claimState=WAITING_FOR_CUSTOMER&claimState=WAITING_FOR_BRAND"
                                              f"&externalSource=shopify&createdAfter={ninety_days_ago}",
        "state + type + source, OR": "claimState=DENIED&claimType=STOLEN&externalSource=woocommerce"
                                     "&filterOperator=OR",
    }
    paths = {name: "/api/v1/claims?first=20&" + query for name, query in shapes.items()}
    # the second page of the first shape, after the first page's last claim
    status, body, _ = api.call("GET", paths["state + type + created window"])
    paths["state + type + created window, page 2"] = (
        paths["state + type + created window"] + "&after=" + body["pageInfo"]["endCursor"])

    explain(args, api, paths)

    # every listing warms up before any is measured, in turns, so that none is measured while
    # the JVMs still compile what the others need
    for _ in range(args.warmup_lists):
        for path in paths.values():
            api.call("GET", path)
    for name, path in paths.items():
        latencies, statuses = [], []
        for n in range(args.lists):
            status, body, elapsed = api.call("GET", path)
            latencies.append(elapsed)
            statuses.append(status)
        log(f"  {name}: {len(body['edges'])} claims on the page, hasNextPage={body['pageInfo']['hasNextPage']}")
        summary("GET /api/v1/claims, " + name, latencies, statuses)


def explain(args, api, paths):
    """The plans PostgreSQL chose for the service's own queries, with their run times.

    auto_explain (shipped with PostgreSQL) is switched on for the claims database, the claims
    service's connections are closed so that its pool opens new ones with it, each listing is
    asked once, and the plans are read from PostgreSQL's log; then it is switched off again.
    """
    settings = {"session_preload_libraries": "auto_explain", "auto_explain.log_min_duration": "0",
                "auto_explain.log_analyze": "on", "auto_explain.log_buffers": "on",
                "auto_explain.log_format": "text"}
    for name, value in settings.items():
        psql(args, f"ALTER DATABASE claimport_claims SET {name} = '{value}'")
    drop_service_connections(args)
    reconnected(api, paths)
    log_file = max((os.path.join(args.postgres_log_dir, name) for name in os.listdir(args.postgres_log_dir)),
                   key=os.path.getmtime)
    offset = os.path.getsize(log_file)
    for name, path in paths.items():
        status, _, _ = api.call("GET", path)
        if status != 200:
            sys.exit(f"{name} answered {status}")
    time.sleep(1)
    for name in settings:
        psql(args, f"ALTER DATABASE claimport_claims RESET {name}")
    drop_service_connections(args)
    reconnected(api, paths)
    with open(log_file, errors="replace") as plans:
        plans.seek(offset)
        blocks = re.split(r"\n(?=\S.* LOG:  duration: )", plans.read())
    # the listing's own statements: the page, whether pages lie beyond it, the parts of the page
    ours = [b for b in blocks if re.search(r"Query Text: select .* from (claim|claim_item|claim_resolution|"
                                           r"claim_message|claim_media|claim_document|store_credit) ", b)]
    with open(os.path.join(args.workdir, "claims-plans.txt"), "w") as out:
        out.write("\n".join(ours))
    log(f"Plans of the listing's {len(ours)} statements for {len(paths)} listings (auto_explain, as run; "
        "in full in claims-plans.txt); the claim table's:")
    for block in ours:
        lines = block.splitlines()
        if not any(re.search(r"Scan .*on claim c1_0\s+\(", line) for line in lines):
            continue
        log("  " + re.sub(r"^.*LOG:  ", "", lines[0]).replace(" plan:", ""))
        for line in lines[1:]:
            if line.strip().startswith("Query Parameters:"):
                log("    " + line.strip()[:150])
            elif re.search(r"Scan|Index Cond|Limit  \(|Sort  \(|Rows Removed", line):
                log("    " + re.sub(r"  \(cost=[^)]*\)", "", line.rstrip())[1:151])
    parts = [b for b in ours if not any(re.search(r"Scan .*on claim c1_0\s+\(", line) for line in b.splitlines())]
    durations = [float(re.search(r"duration: ([0-9.]+) ms", b).group(1)) for b in parts]
    log(f"  and {len(parts)} statements loading the pages' parts (items, resolutions, ...), "
        f"at most {max(durations, default=0):.3f} ms each")


def reconnected(api, paths):
    """Asks until the service's pool has replaced every connection that was closed under it:
    each closed one fails one request (500) as the pool finds it dead."""
    path, in_a_row = next(iter(paths.values())), 0
    for _ in range(100):
        status, _, _ = api.call("GET", path)
        in_a_row = in_a_row + 1 if status == 200 else 0
        if in_a_row == 20:
            return
    sys.exit("the claims service did not recover its connections")


def drop_service_connections(args):
    psql(args, "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
               "WHERE datname = 'claimport_claims' AND pid <> pg_backend_pid()")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gateway", required=True)
    parser.add_argument("--admin-token", required=True)
    parser.add_argument("--pg-port", type=int, required=True)
    parser.add_argument("--postgres-log-dir", required=True, help="where PostgreSQL writes its server log")
    parser.add_argument("--workdir", required=True)
    parser.add_argument("--bulks", type=int, default=100)
    parser.add_argument("--warmup-bulks", type=int, default=30)
    parser.add_argument("--transitions", type=int, default=2000)
    parser.add_argument("--warmup-transitions", type=int, default=1000)
    parser.add_argument("--seed-claims", type=int, default=100000)
    parser.add_argument("--skip-writes", action="store_true", help="only the listings")
    parser.add_argument("--lists", type=int, default=500)
    parser.add_argument("--warmup-lists", type=int, default=200)
    args = parser.parse_args()

    key, account = open_account(args, "Claims bench " + secrets.token_hex(3))
    api = Gateway(args.gateway, {"X-API-Key": key})
    if not args.skip_writes:
        bulk_and_transitions(args, api)
    listing(args, api, account, args.workdir)


if __name__ == "__main__":
    main()
