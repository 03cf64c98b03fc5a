#!/usr/bin/env python3
"""The export half of bench/exchange.sh: one director, the export of every matter to a file with the server's peak RSS
sampled meanwhile, then the baseline (copying the same bytes) in the same run. Prints Markdown rows for BENCHMARKS.md."""
import argparse, json, os, shutil, threading, time, urllib.request, uuid, zipfile

p = argparse.ArgumentParser()
p.add_argument("--url", required=True)
p.add_argument("--admin-password", required=True)
p.add_argument("--pid", type=int, required=True)
p.add_argument("--work", required=True)
a = p.parse_args()


def call(method, path, body=None, token=None):
    req = urllib.request.Request(a.url + path, method=method, data=None if body is None else json.dumps(body).encode(),
                                 headers={"Content-Type": "application/json", **({"Authorization": "Bearer " + token} if token else {})})
    with urllib.request.urlopen(req, timeout=3600) as r:
        return json.loads(r.read() or b"null")


def rss_mb():
    with open(f"/proc/{a.pid}/status") as f:
        return next(int(l.split()[1]) for l in f if l.startswith("VmRSS")) / 1024


admin = call("POST", "/api/v1/auth/login", {"userName": "admin", "password": a.admin_password})["accessToken"]
units = {u["code"]: u["id"] for u in call("GET", "/api/v1/units", token=admin)}
name = f"bench-director-{uuid.uuid4().hex[:6]}"
call("POST", "/api/v1/users", {"userName": name, "displayName": name, "unitId": units["610114"], "roles": ["director"],
                               "password": "Bench-Pass-2026", "mustChangePassword": False}, admin)
director = call("POST", "/api/v1/auth/login", {"userName": name, "password": "Bench-Pass-2026"})["accessToken"]

before = rss_mb()
peak = [before]
done = threading.Event()


def sample():
    while not done.is_set():
        peak[0] = max(peak[0], rss_mb())
        time.sleep(0.02)


threading.Thread(target=sample, daemon=True).start()
out = os.path.join(a.work, "export.zip")
t = time.perf_counter()
req = urllib.request.Request(a.url + "/api/v1/exchange/export?since=2000-01-01", headers={"Authorization": "Bearer " + director})
with urllib.request.urlopen(req, timeout=3600) as r, open(out, "wb") as f:
    shutil.copyfileobj(r, f, 1 << 16)
export_s = time.perf_counter() - t
done.set()
size = os.path.getsize(out)
with zipfile.ZipFile(out) as z:
    manifest = json.loads(z.read("xinfang-exchange.json"))
    entries = len(z.namelist())

t = time.perf_counter()
shutil.copyfile(out, out + ".copy")
with open(out + ".copy", "rb+") as f:
    os.fsync(f.fileno())
copy_s = time.perf_counter() - t

print(f"{len(manifest['matters'])} matters, {entries} entries, {size / 1024 / 1024:.1f} MB zip")
print("| Case | Time | Ratio to baseline | Server RSS before → peak |\n|---|---:|---:|---:|")
print(f"| Copy the same bytes (baseline) | {copy_s * 1000:.0f} ms | 1 | — |")
print(f"| Export every matter (streamed) | {export_s * 1000:.0f} ms | {export_s / copy_s:.0f} | {before:.0f} MB → {peak[0]:.0f} MB |")
