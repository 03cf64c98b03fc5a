#!/usr/bin/env python3
"""Crash test (RELIABILITY.md, "Crash test"): kill -9 the server at random moments under load, again and again, then
check that nothing acknowledged was lost or doubled and that the audit chain still verifies.

Each round starts the published server on the same database, runs CLIENTS threads that register matters (each with
its own Idempotency-Key) and transfer each registered matter, and kills the server with SIGKILL a random 1-4 s after
the round's first answered registration. At the end, on a last clean start:
  - every registration answered 201 is there, with the number it was given;
  - every transfer answered 200 is there, once in the matter's history;
  - every request sent, answered or not, is re-sent with its key: it yields one matter, and no title is held by two
    matters (an unanswered request was either committed once or not at all);
  - `audit verify` on the stopped server reports an intact chain.

  bench/crash.py [--provider sqlite|postgres] [--kills 20] [--clients 8] [--seed 1]

Not part of ./test.sh: it takes minutes. Prints one Markdown row for RELIABILITY.md."""
import argparse, json, os, random, shutil, signal, subprocess, sys, tempfile, threading, time, urllib.error, urllib.parse, urllib.request, uuid

p = argparse.ArgumentParser()
p.add_argument("--provider", choices=["sqlite", "postgres"], default="sqlite")
p.add_argument("--kills", type=int, default=20)
p.add_argument("--clients", type=int, default=8)
p.add_argument("--seed", type=int, default=1)
a = p.parse_args()
random.seed(a.seed)

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
work = tempfile.mkdtemp(prefix="xinfang-crash.")
os.chmod(work, 0o755)  # scripts/postgres.sh runs the server as the postgres account when started by root
password = "Crash-Bureau-2026x"
subprocess.run(["dotnet", "publish", "src/Xinfang.Web", "-c", "Release", "-o", f"{work}/app", "--nologo", "-v", "quiet"],
               cwd=root, check=True, stdout=subprocess.DEVNULL)

pg_dir = None
if a.provider == "postgres":
    pg_dir = f"{work}/pg"
    connection = subprocess.run([f"{root}/scripts/postgres.sh", "start", pg_dir, "--durable"], check=True,
                                capture_output=True, text=True).stdout.strip()
else:
    connection = f"Data Source={work}/xinfang.db"
env = dict(os.environ, Database__Provider="Sqlite" if a.provider == "sqlite" else "Postgres",
           ConnectionStrings__Xinfang=connection, Bootstrap__AdminPassword=password, RateLimits__PerMinute="1000000",
           Logging__LogLevel__Default="Warning", Jobs__DailyClosing="false", Jobs__StorageUpkeep="false")
port = random.randint(20000, 60000)
url = f"http://127.0.0.1:{port}"


def start():
    proc = subprocess.Popen(["dotnet", f"{work}/app/Xinfang.Web.dll", "--urls", url], env=env, cwd=work,
                            stdout=open(f"{work}/server.log", "a"), stderr=subprocess.STDOUT)
    while True:
        try:
            urllib.request.urlopen(url + "/healthz", timeout=2).read()
            return proc
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            if proc.poll() is not None:
                sys.exit(f"the server did not start; see {work}/server.log")
            time.sleep(0.05)


def call(method, path, body=None, token=None, key=None, timeout=30):
    headers = {"Content-Type": "application/json"}
    if token: headers["Authorization"] = "Bearer " + token
    if key: headers["Idempotency-Key"] = key
    req = urllib.request.Request(url + path, method=method, headers=headers,
                                 data=None if body is None else json.dumps(body, ensure_ascii=False).encode())
    with urllib.request.urlopen(req, timeout=timeout) as r:
        return r.status, json.loads(r.read() or b"null")


def letter(title):
    return {"channel": "letter", "receivedOn": time.strftime("%Y-%m-%d"), "headcount": 1, "purpose": "claim",
            "categoryCode": "labour.wages", "title": title, "content": "崩溃测试：工程结束后被拖欠工资。", "demands": ["支付工资"],
            "petitioners": [{"name": "张三", "phone": "13812345678", "address": "阎良区凤凰路 1 号"}]}


server = start()
admin = call("POST", "/api/v1/auth/login", {"userName": "admin", "password": password})[1]["accessToken"]
units = {u["code"]: u["id"] for u in call("GET", "/api/v1/units", token=admin)[1]}
call("POST", "/api/v1/users", {"userName": "crash-registrar", "displayName": "崩溃测试登记员", "unitId": units["610114"],
                               "roles": ["registrar"], "password": "Crash-Pass-2026x", "mustChangePassword": False}, admin)
street = units["610114001"]  # 凤凰路街道办事处

sent = {}         # key -> title: every registration sent, answered or not
registered = {}   # key -> (id, number): answered 201
transferred = set()
lock = threading.Lock()


def client(stop, token):
    while not stop.is_set():
        key = str(uuid.uuid4())
        title = "崩溃测试-" + key[:8]
        with lock: sent[key] = title
        try:
            status, matter = call("POST", "/api/v1/matters", letter(title), token, key)
            with lock: registered[key] = (matter["id"], matter["number"])
            status, _ = call("POST", f"/api/v1/matters/{matter['id']}/transfer",
                             {"unitId": street, "on": time.strftime("%Y-%m-%d")}, token)
            with lock: transferred.add(matter["id"])
        except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
            time.sleep(0.05)  # the server is down: wait for the next round


for round_ in range(a.kills):
    if server is None:
        server = start()
    token = call("POST", "/api/v1/auth/login", {"userName": "crash-registrar", "password": "Crash-Pass-2026x"})[1]["accessToken"]
    stop = threading.Event()
    threads = [threading.Thread(target=client, args=(stop, token)) for _ in range(a.clients)]
    for t in threads: t.start()
    # Under load means after the first answer of the round (a cold start compiles for seconds), then 1-4 s more.
    before, deadline = len(registered), time.time() + 120
    while len(registered) == before and time.time() < deadline:
        time.sleep(0.05)
    time.sleep(random.uniform(1, 4))
    server.send_signal(signal.SIGKILL)
    server.wait()
    server = None
    stop.set()
    for t in threads: t.join()
    print(f"round {round_ + 1}: {len(sent)} sent, {len(registered)} registered, {len(transferred)} transferred", file=sys.stderr)

server = start()
token = call("POST", "/api/v1/auth/login", {"userName": "crash-registrar", "password": "Crash-Pass-2026x"})[1]["accessToken"]
lost, moved, doubled = [], [], []
for key, (mid, number) in registered.items():
    status, matter = call("GET", f"/api/v1/matters/{mid}", token=token)
    if matter["number"] != number: lost.append(key)
    transfers = [e for e in matter["events"] if e["action"] == "transfer"]
    if mid in transferred and len(transfers) != 1: moved.append(mid)
# Every request again with its key: the first answer, or the one registration an unanswered request committed.
ids = {}
for key, title in sent.items():
    status, matter = call("POST", "/api/v1/matters", letter(title), token, key)
    if key in registered and matter["id"] != registered[key][0]: doubled.append(key)
    ids.setdefault(title, set()).add(matter["id"])
status, page = call("GET", "/api/v1/matters?q=" + urllib.parse.quote("崩溃测试") + "&count=exact&pageSize=1", token=token)
total = page.get("total")
if total != len(sent): doubled.append(f"{total} matters for {len(sent)} distinct requests")
server.send_signal(signal.SIGTERM)
server.wait()
verify = subprocess.run(["dotnet", f"{work}/app/Xinfang.Web.dll", "audit", "verify"], env=env, cwd=work, capture_output=True, text=True)
audit_ok = verify.returncode == 0 and "审计链完整" in verify.stdout
if pg_dir: subprocess.run([f"{root}/scripts/postgres.sh", "stop", pg_dir], check=False)

print("| Database | kills | registrations answered | transfers answered | requests sent | lost | transfers missing or doubled | doubled | audit verify |")
print("|---|---:|---:|---:|---:|---:|---:|---:|---|")
print(f"| {a.provider} | {a.kills} | {len(registered)} | {len(transferred)} | {len(sent)} | {len(lost)} | {len(moved)} | {len(doubled)} | "
      f"{'intact' if audit_ok else 'BROKEN: ' + verify.stdout.strip()[-200:]} |")
passed = not (lost or moved or doubled) and audit_ok
if passed:
    shutil.rmtree(work, ignore_errors=True)
else:
    print(f"kept for a look: {work}", file=sys.stderr)
sys.exit(0 if passed else 1)
