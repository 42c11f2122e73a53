#!/usr/bin/env python3
"""The HTTP half of deploy/compose-smoke.sh: checks against the compose stack through its edge.

  compose_smoke.py ratelimit BASE KEY         one key's limit holds exactly across the gateways
  compose_smoke.py products BASE KEY N        N products in bulk; prints the catalog's total
  compose_smoke.py account BASE ADMIN_TOKEN     a new Enterprise account; prints its key
  compose_smoke.py writes BASE KEY SECONDS OUT   a bounded write loop; what was acknowledged -> OUT
  compose_smoke.py verify BASE KEY OUT        every acknowledged write is there, analytics equals
                                              the sources, the request log has every answered request

Standard library only. Prints one line per finding; exits 1 on the first broken promise.
"""
import json
import sys
import threading
import time
import urllib.error
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor


def call(base, key, method, path, body=None, timeout=30):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(base + path, data=data, method=method)
    request.add_header("X-API-Key", key)
    if data is not None:
        request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()
    except (urllib.error.URLError, ConnectionError, TimeoutError) as error:
        return 0, {}, str(error).encode()


def fail(message):
    print("FAILED: " + message, flush=True)
    sys.exit(1)


def ratelimit(base, key):
    """A key of its own, 150 requests from 4 clients at once: exactly the plan's 120 pass."""
    status, _, body = call(base, key, "POST", "/api/v1/keys", {"name": "smoke limit", "scopes": ["products:read"]})
    if status != 201:
        fail("could not make a key: %s %s" % (status, body[:200]))
    limited = json.loads(body)["key"]
    with ThreadPoolExecutor(4) as pool:
        answers = list(pool.map(lambda _: call(base, limited, "GET", "/api/v1/products?size=1"), range(150)))
    statuses = [status for status, _, _ in answers]
    passed, refused = statuses.count(200), statuses.count(429)
    limit = next((int(h["X-RateLimit-Limit"]) for s, h, _ in answers if s == 200 and "X-RateLimit-Limit" in h), None)
    print("rate limit: %d passed, %d refused with 429, others %s; the plan's limit %s per minute"
          % (passed, refused, sorted(set(statuses) - {200, 429}), limit), flush=True)
    if limit is None or passed != limit or refused != 150 - limit:
        fail("one key's limit did not hold exactly across the gateways")
    problem = next(body for status, _, body in answers if status == 429)
    if json.loads(problem).get("status") != 429:
        fail("a 429 that is not problem+json: %s" % problem[:200])


def account(base, admin_token):
    request = urllib.request.Request(base + "/admin/v1/accounts", method="POST",
                                     data=json.dumps({"name": "Smoke writer", "plan": "ENTERPRISE"}).encode())
    request.add_header("Authorization", "Bearer " + admin_token)
    request.add_header("Content-Type", "application/json")
    with urllib.request.urlopen(request, timeout=30) as response:
        print(json.loads(response.read())["apiKey"]["key"])


def products(base, key, count):
    created = 0
    tag = uuid.uuid4().hex[:8]
    for start in range(0, count, 100):
        rows = [{"name": "Smoke %s %d" % (tag, i), "sku": "SMK-%s-%05d" % (tag, i), "category": "Smoke",
                 "price": 10 + i % 50, "warrantyMonths": 12} for i in range(start, min(count, start + 100))]
        status, _, body = call(base, key, "POST", "/api/v1/products", rows)
        if status != 201:
            fail("bulk products answered %s: %s" % (status, body[:300]))
        created += json.loads(body)["summary"]["created"]
    print("products: created %d in bulk through the scaled catalog; catalog total %d"
          % (created, total(base, key, "/api/v1/products")), flush=True)


def total(base, key, path):
    status, _, body = call(base, key, "GET", path + "?size=1")
    if status != 200:
        fail("%s answered %s" % (path, status))
    return json.loads(body)["totalElements"]


def writes(base, key, seconds, out):
    """Four writers for SECONDS: products (the scaled catalog) and orders, one at a time each."""
    acknowledged = {"products": [], "orders": [], "answered": [], "unanswered": 0, "statuses": {}}
    lock = threading.Lock()
    deadline = time.time() + seconds
    tag = uuid.uuid4().hex[:8]

    def writer(number):
        i = 0
        while time.time() < deadline:
            i += 1
            if number % 2 == 0:
                kind = "products"
                path, body = "/api/v1/products", [{"name": "Loop %s-%d-%d" % (tag, number, i),
                                                   "sku": "LOOP-%s-%d-%d" % (tag, number, i),
                                                   "category": "Loop", "price": 5, "warrantyMonths": 6}]
            else:
                kind = "orders"
                path, body = "/api/v1/orders", [{"orderNumber": "L-%s-%d-%d" % (tag, number, i), "status": "DELIVERED",
                                                 "customer": {"email": "loop@example.com", "name": "Loop"},
                                                 "lineItems": [{"sku": "LOOP", "quantity": 1, "price": 5}]}]
            status, headers, answer = call(base, key, "POST", path, body, timeout=20)
            with lock:
                acknowledged["statuses"][status] = acknowledged["statuses"].get(status, 0) + 1
                request_id = headers.get("X-Request-Id")
                if request_id:
                    acknowledged["answered"].append(request_id)
                else:
                    acknowledged["unanswered"] += 1
                if status == 201:
                    acknowledged[kind].extend(json.loads(answer)["created"])
            if status == 429:
                time.sleep(1)

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    with open(out, "w") as file:
        json.dump(acknowledged, file)
    print("write loop: %d products and %d orders acknowledged, %d answers from a gateway, %d not answered "
          "(connection cut by a kill); statuses %s"
          % (len(acknowledged["products"]), len(acknowledged["orders"]), len(acknowledged["answered"]),
             acknowledged["unanswered"], acknowledged["statuses"]), flush=True)


def every_id(base, key, path):
    ids, page = set(), 0
    while True:
        status, _, body = call(base, key, "GET", "%s?size=100&page=%d" % (path, page))
        if status != 200:
            fail("%s page %d answered %s" % (path, page, status))
        data = json.loads(body)["data"]
        if not data:
            return ids
        ids.update(item["id"] for item in data)
        page += 1


def logged(base, key):
    ids, page = set(), 0
    while True:
        status, _, body = call(base, key, "GET", "/api/v1/audit/requests?size=200&page=%d" % page)
        if status != 200:
            fail("the request log answered %s" % status)
        data = json.loads(body)["data"]
        if not data:
            return ids
        ids.update(entry["requestId"] for entry in data)
        page += 1


def verify(base, key, out):
    with open(out) as file:
        acknowledged = json.load(file)
    products_there, orders_there = every_id(base, key, "/api/v1/products"), every_id(base, key, "/api/v1/orders")
    lost_products = set(acknowledged["products"]) - products_there
    lost_orders = set(acknowledged["orders"]) - orders_there
    print("acknowledged writes: %d of %d products and %d of %d orders are there"
          % (len(acknowledged["products"]) - len(lost_products), len(acknowledged["products"]),
             len(acknowledged["orders"]) - len(lost_orders), len(acknowledged["orders"])), flush=True)
    if lost_products or lost_orders:
        fail("acknowledged writes lost: %s %s" % (sorted(lost_products)[:5], sorted(lost_orders)[:5]))

    deadline, analytics = time.time() + 180, None
    while time.time() < deadline:
        status, _, body = call(base, key, "GET", "/api/v1/analytics")
        analytics = json.loads(body) if status == 200 else None
        if analytics and analytics["products"]["total"] == len(products_there) \
                and analytics["orders"]["total"] == len(orders_there):
            break
        time.sleep(2)
    print("analytics: products %s (catalog %d), orders %s (orders %d)"
          % (analytics and analytics["products"]["total"], len(products_there),
             analytics and analytics["orders"]["total"], len(orders_there)), flush=True)
    if not analytics or analytics["products"]["total"] != len(products_there) \
            or analytics["orders"]["total"] != len(orders_there):
        fail("analytics does not equal the sources")

    answered = set(acknowledged["answered"])
    deadline, missing = time.time() + 180, answered
    while time.time() < deadline:
        missing = answered - logged(base, key)
        if not missing:
            break
        time.sleep(3)
    print("request log: %d of %d answered requests logged" % (len(answered) - len(missing), len(answered)),
          flush=True)
    if missing:
        fail("answered requests missing from the request log: %s" % sorted(missing)[:5])


if __name__ == "__main__":
    command, base, key = sys.argv[1], sys.argv[2], sys.argv[3]
    if command == "account":
        account(base, key)
    elif command == "ratelimit":
        ratelimit(base, key)
    elif command == "products":
        products(base, key, int(sys.argv[4]))
    elif command == "writes":
        writes(base, key, int(sys.argv[4]), sys.argv[5])
    elif command == "verify":
        verify(base, key, sys.argv[4])
    else:
        fail("unknown command " + command)
