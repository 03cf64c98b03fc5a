#!/usr/bin/env python3
"""Search at volume (BENCHMARKS.md, "Search at volume", issue 14): p50/p95 of N requests per query through HTTP against
a running Xinfang holding generated matters (`generate --matters N`), beside one matter read by id in the same run.
The sample person (name, ID number, phone) is read from the database, so every identifier query finds something.

  bench/search.py --url http://127.0.0.1:5000 --admin-password ... --psql "postgresql://…"   (PostgreSQL)
  bench/search.py --url ... --admin-password ... --sqlite /path/x.db                       (SQLite)

Not part of ./test.sh: a benchmark is never a timed unit test."""
import argparse, json, sqlite3, statistics, subprocess, time, urllib.parse, urllib.request, uuid

p = argparse.ArgumentParser()
p.add_argument("--url", required=True)
p.add_argument("--admin-password", required=True)
p.add_argument("--psql")
p.add_argument("--sqlite")
p.add_argument("--requests", type=int, default=30)
a = p.parse_args()


def call(method, path, body=None, token=None):
    req = urllib.request.Request(a.url + path, method=method, data=None if body is None else json.dumps(body).encode(),
                                 headers={"Content-Type": "application/json", **({"Authorization": "Bearer " + token} if token else {})})
    with urllib.request.urlopen(req, timeout=600) as r:
        return json.loads(r.read() or b"null")


sql = "SELECT name, id_number, phone FROM petitioners WHERE id_number IS NOT NULL AND phone IS NOT NULL ORDER BY id LIMIT 1 OFFSET 5000"
if a.sqlite:
    name, id_number, phone = sqlite3.connect(a.sqlite).execute(sql).fetchone()
else:
    row = subprocess.run(["psql", a.psql, "-At", "-F", "\t", "-c", sql], capture_output=True, text=True, check=True).stdout.strip()
    name, id_number, phone = row.split("\t")

admin = call("POST", "/api/v1/auth/login", {"userName": "admin", "password": a.admin_password})["accessToken"]
units = {u["code"]: u["id"] for u in call("GET", "/api/v1/units", token=admin)}
user = f"bench-registrar-{uuid.uuid4().hex[:6]}"
call("POST", "/api/v1/users", {"userName": user, "displayName": user, "unitId": units["610114"], "roles": ["registrar"],
                               "password": "Bench-Pass-2026", "mustChangePassword": False}, admin)
registrar = call("POST", "/api/v1/auth/login", {"userName": user, "password": "Bench-Pass-2026"})["accessToken"]


def timed(path):
    call("GET", path, token=registrar)  # one warm-up
    samples = []
    for _ in range(a.requests):
        t = time.perf_counter(); call("GET", path, token=registrar); samples.append((time.perf_counter() - t) * 1000)
    samples.sort()
    return statistics.median(samples), samples[int(0.95 * (len(samples) - 1))]


def q(text, extra=""):
    return "/api/v1/matters?q=" + urllib.parse.quote(text) + extra


first = call("GET", "/api/v1/matters?pageSize=1", token=registrar)
cases = [
    ("One matter by id (baseline)", "/api/v1/matters/" + first["items"][0]["id"]),
    ("q=供暖 (a common word)", q("供暖")),
    ("q=供暖 不热 (two words)", q("供暖 不热")),
    ("q=供暖 + channel + date range", q("供暖", "&channel=visit&from=2025-01-01&to=2025-12-31")),
    (f"q=whole name ({len(name)} characters)", q(name)),
    ("q=given name (part of a name)", q(name[1:])),
    ("q=ID number (keyed hash)", q(id_number)),
    ("q=phone (keyed hash)", q(phone)),
    ("q=a word found nowhere", q("量子纠缠")),
]
print("| Case | p50 ms | p95 ms |\n|---|---:|---:|")
for label, path in cases:
    p50, p95 = timed(path)
    print(f"| {label} | {p50:.1f} | {p95:.1f} |", flush=True)
