#!/usr/bin/env python3
"""Statistics at volume (BENCHMARKS.md, "Statistics summary and dashboard"): p50/p95 of N requests through HTTP against
a running Xinfang holding generated matters (`generate --matters N`): the summary of a year, of a month, the dashboard's
figures and the annual report's, beside the baseline of one matter read by id, in the same run.

  bench/statistics.py --url http://127.0.0.1:5000 --admin-password ... --year 2025 [--requests 20]

Not part of ./test.sh: a benchmark is never a timed unit test."""
import argparse, json, statistics, time, urllib.request, uuid

p = argparse.ArgumentParser()
p.add_argument("--url", required=True)
p.add_argument("--admin-password", required=True)
p.add_argument("--year", type=int, required=True)
p.add_argument("--requests", type=int, default=20)
a = p.parse_args()


def call(method, path, body=None, token=None):
    req = urllib.request.Request(a.url + path, method=method, data=None if body is None else json.dumps(body).encode(),
                                 headers={"Content-Type": "application/json", **({"Authorization": "Bearer " + token} if token else {})})
    with urllib.request.urlopen(req, timeout=600) as r:
        return json.loads(r.read() or b"null")


admin = call("POST", "/api/v1/auth/login", {"userName": "admin", "password": a.admin_password})["accessToken"]
units = {u["code"]: u["id"] for u in call("GET", "/api/v1/units", token=admin)}
name = f"bench-director-{uuid.uuid4().hex[:6]}"
call("POST", "/api/v1/users", {"userName": name, "displayName": name, "unitId": units["610114"], "roles": ["director"],
                               "password": "Bench-Pass-2026", "mustChangePassword": False}, admin)
director = call("POST", "/api/v1/auth/login", {"userName": name, "password": "Bench-Pass-2026"})["accessToken"]


def timed(path):
    call("GET", path, token=director)  # one warm-up
    samples = []
    for _ in range(a.requests):
        t = time.perf_counter(); call("GET", path, token=director); samples.append((time.perf_counter() - t) * 1000)
    samples.sort()
    return statistics.median(samples), samples[int(0.95 * (len(samples) - 1))]


one = call("GET", "/api/v1/matters?pageSize=1", token=director)["items"][0]["id"]
summary = call("GET", f"/api/v1/statistics/summary?year={a.year}", token=director)
print(f"year {a.year}: {summary['matters']} matters")
cases = [
    ("One matter (baseline)", f"/api/v1/matters/{one}"),
    (f"Summary of the year {a.year}", f"/api/v1/statistics/summary?year={a.year}"),
    (f"Summary of one month", f"/api/v1/statistics/summary?year={a.year}&month=6"),
    ("Dashboard figures (summary + by month + overdue per unit)", f"/api/v1/statistics/dashboard?year={a.year}"),
    ("Annual report JSON", f"/api/v1/reports/annual/{a.year}"),
]
print("| Case | p50 ms | p95 ms |\n|---|---:|---:|")
for title, path in cases:
    p50, p95 = timed(path)
    print(f"| {title} | {p50:.1f} | {p95:.1f} |")
