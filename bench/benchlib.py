"""What the benchmarks that drive the whole suite share: a keep-alive connection to the
gateway, opening an account with the admin token, and percentiles."""

import http.client
import json
import sys
import time
import urllib.parse


def log(message):
    print(message, flush=True)


class Gateway:
    """One keep-alive connection to the gateway, with the account's key."""

    def __init__(self, url, headers):
        parsed = urllib.parse.urlparse(url)
        self.host, self.port = parsed.hostname, parsed.port
        self.headers = headers
        self.connection = http.client.HTTPConnection(self.host, self.port, timeout=120)

    def call(self, method, path, body=None, headers=None):
        """(status, parsed body, milliseconds from sending to the last byte)."""
        all_headers = dict(self.headers)
        all_headers.update(headers or {})
        payload = None
        if body is not None:
            payload = json.dumps(body).encode()
            all_headers["Content-Type"] = "application/json"
        for attempt in range(2):
            started = time.perf_counter()
            try:
                self.connection.request(method, path, payload, all_headers)
                response = self.connection.getresponse()
                raw = response.read()
                elapsed = (time.perf_counter() - started) * 1000
                break
            except (http.client.HTTPException, ConnectionError):
                self.connection.close()
                self.connection = http.client.HTTPConnection(self.host, self.port, timeout=120)
                if attempt == 1:
                    raise
        parsed = json.loads(raw) if raw and raw[:1] in (b"{", b"[") else raw.decode(errors="replace")
        return response.status, parsed, elapsed


def percentile(values, p):
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, int(round(p / 100 * len(ordered) + 0.5)) - 1))
    return ordered[rank]


def open_account(args, name):
    admin = Gateway(args.gateway, {"Authorization": "Bearer " + args.admin_token})
    status, body, _ = admin.call("POST", "/admin/v1/accounts", {"name": name, "plan": "ENTERPRISE"})
    if status != 201:
        sys.exit(f"could not open an account: {status} {body}")
    return body["apiKey"]["key"], body["id"]
