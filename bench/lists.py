#!/usr/bin/env python3
"""Lists at volume (BENCHMARKS.md, "Lists at 100,000 matters"): p50/p95 of N requests per list through HTTP against a
running Xinfang holding generated matters (`generate --matters N`), beside the floor: a bare indexed
SELECT ... ORDER BY ... LIMIT 50 on the same table, timed the same number of times in the same run.

  bench/lists.py --url http://127.0.0.1:5000 --admin-password ... --provider sqlite --db /path/x.db [--requests 50]
  bench/lists.py --url ... --admin-password ... --provider postgres --psql "psql connection string"

Not part of ./test.sh: a benchmark is never a timed unit test."""
import argparse, json, sqlite3, statistics, subprocess, time, urllib.request, uuid

p = argparse.ArgumentParser()
p.add_argument("--url", required=True)
p.add_argument("--admin-password", required=True)
p.add_argument("--provider", choices=["sqlite", "postgres"], required=True)
p.add_argument("--db")
p.add_argument("--psql")
p.add_argument("--requests", type=int, default=50)
a = p.parse_args()


def call(method, path, body=None, token=None):
    req = urllib.request.Request(a.url + path, method=method, data=None if body is None else json.dumps(body).encode(),
                                 headers={"Content-Type": "application/json", **({"Authorization": "Bearer " + token} if token else {})})
    with urllib.request.urlopen(req, timeout=600) as r:
        return json.loads(r.read() or b"null")


admin = call("POST", "/api/v1/auth/login", {"userName": "admin", "password": a.admin_password})["accessToken"]
units = {u["code"]: u["id"] for u in call("GET", "/api/v1/units", token=admin)}


def staff(unit, role):
    name = f"bench-{role}-{uuid.uuid4().hex[:6]}"
    call("POST", "/api/v1/users", {"userName": name, "displayName": name, "unitId": units[unit], "roles": [role],
                                   "password": "Bench-Pass-2026", "mustChangePassword": False}, admin)
    return call("POST", "/api/v1/auth/login", {"userName": name, "password": "Bench-Pass-2026"})["accessToken"]


registrar = staff("610114", "registrar")
labour = "610114301"
handler = staff(labour, "handler")


def timed(fn):
    fn()  # one warm-up
    samples = []
    for _ in range(a.requests):
        t = time.perf_counter(); fn(); samples.append((time.perf_counter() - t) * 1000)
    samples.sort()
    return statistics.median(samples), samples[int(0.95 * (len(samples) - 1))]


first = call("GET", "/api/v1/matters?pageSize=50", token=registrar)
cases = [
    ("Registrar's queue (status=registered)", "/api/v1/matters?status=registered", registrar),
    ("Default list (every matter)", "/api/v1/matters", registrar),
    ("A unit's desk (unitId, accepted)", f"/api/v1/matters?unitId={units[labour]}&status=accepted", handler),
    ("Overdue", "/api/v1/matters?overdue=true", registrar),
    ("Due within 3 working days", "/api/v1/matters?dueWithin=3", registrar),
    ("Channel + date range", "/api/v1/matters?channel=visit&from=2026-01-01&to=2026-03-31", registrar),
    ("q=供暖 (text search)", "/api/v1/matters?q=%E4%BE%9B%E6%9A%96", registrar),
    ("Page 500 (offset)", "/api/v1/matters?page=500", registrar),
    ("Next page by cursor (after=)", "/api/v1/matters?after=" + (first.get("next") or ""), registrar),
    ("One matter", "/api/v1/matters/" + first["items"][0]["id"], registrar),
]
floor_sql = "SELECT id, number, title FROM matters ORDER BY next_due_on, received_on DESC, number DESC LIMIT 50"
if a.provider == "sqlite":
    con = sqlite3.connect(a.db)
    floor = timed(lambda: con.execute(floor_sql).fetchall())
else:
    # One psql process for all the runs, timing each statement on the server side of the client (\timing).
    script = "\\timing on\n" + (floor_sql + ";\n") * (a.requests + 1)
    out = subprocess.run(["psql", a.psql, "-q", "-o", "/dev/null"], input=script, capture_output=True, text=True).stdout
    times = sorted(float(l.split()[1]) for l in out.splitlines() if l.startswith("Time:"))[: a.requests]
    floor = (statistics.median(times), times[int(0.95 * (len(times) - 1))])

print(f"| Case | p50 ms | p95 ms |\n|---|---:|---:|")
print(f"| Floor: bare indexed SELECT … ORDER BY … LIMIT 50 | {floor[0]:.1f} | {floor[1]:.1f} |")
for name, path, token in cases:
    p50, p95 = timed(lambda: call("GET", path, token=token))
    print(f"| {name} | {p50:.1f} | {p95:.1f} |", flush=True)
