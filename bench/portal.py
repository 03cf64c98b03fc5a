#!/usr/bin/env python3
"""Portal benchmark (BENCHMARKS.md, "Public portal"): progress queries per second with the right query code and with
wrong codes, against GET /healthz as the baseline measured in the same run, and the weight of each portal page's
first view without JavaScript (HTML and the stylesheet it links; bytes as sent, no compression).

    bench/portal.py --url http://127.0.0.1:5055 [--seconds 15] [--workers 8]

Start the app first with the portal's limits out of the way, e.g.
    Portal__MaxFailuresPerAddress=100000000 Portal__MaxFailuresPerNumber=100000000 Portal__SubmissionsPerHour=1000 \
    RateLimits__PerMinute=100000000 dotnet src/Xinfang.Web/bin/Release/net10.0/Xinfang.Web.dll --urls http://127.0.0.1:5055
Not part of ./test.sh: a benchmark is never a timed unit test."""
import argparse, json, re, threading, time, urllib.request, urllib.error, http.client
from urllib.parse import urlparse

def rate(host, port, path, seconds, workers, expect):
    count, errors, stop = [0], [0], time.time() + seconds
    lock = threading.Lock()
    def worker():
        conn = http.client.HTTPConnection(host, port)
        n = e = 0
        while time.time() < stop:
            conn.request("GET", path)
            r = conn.getresponse(); r.read()
            if r.status == expect: n += 1
            else: e += 1
        with lock: count[0] += n; errors[0] += e
    threads = [threading.Thread(target=worker) for _ in range(workers)]
    for t in threads: t.start()
    for t in threads: t.join()
    return count[0] / seconds, errors[0]

def main():
    a = argparse.ArgumentParser(); a.add_argument("--url", required=True); a.add_argument("--seconds", type=float, default=15); a.add_argument("--workers", type=int, default=8)
    args = a.parse_args(); u = urlparse(args.url)
    body = json.dumps({"consent": True, "petitioners": [{"name": "基准", "phone": "13700001111"}], "purpose": "claim",
                       "title": "基准测试", "content": "基准测试的内容", "demands": ["基准"]}).encode()
    req = urllib.request.Request(args.url + "/api/v1/public/petitions", body, {"Content-Type": "application/json"})
    receipt = json.load(urllib.request.urlopen(req)); number, code = receipt["number"], receipt["queryCode"]
    rate(u.hostname, u.port, "/healthz", 5, args.workers, 200)  # warm-up
    rate(u.hostname, u.port, f"/api/v1/public/petitions/{number}?queryCode={code}", 5, args.workers, 200)
    base, _ = rate(u.hostname, u.port, "/healthz", args.seconds, args.workers, 200)
    valid, e1 = rate(u.hostname, u.port, f"/api/v1/public/petitions/{number}?queryCode={code}", args.seconds, args.workers, 200)
    wrong, e2 = rate(u.hostname, u.port, f"/api/v1/public/petitions/{number}?queryCode=AAAAAAAAAA", args.seconds, args.workers, 404)
    print(f"| /healthz (baseline) | {base:,.0f}/s | 100 % |")
    print(f"| progress, right code | {valid:,.0f}/s | {valid / base:.1%} | errors {e1}")
    print(f"| progress, wrong code | {wrong:,.0f}/s | {wrong / base:.1%} | errors {e2}")
    for page in ["/portal", "/portal/submit", "/portal/query"]:
        html = urllib.request.urlopen(args.url + page).read()
        links = re.findall(rb'<link[^>]+href="([^"]+)"', html) + re.findall(rb'<script[^>]+src="([^"]+)"', html)
        sizes = [len(urllib.request.urlopen(args.url + l.decode()).read()) for l in links]
        print(f"| {page} | {len(html):,} B HTML + {sum(sizes):,} B in {len(links)} linked files | {1 + len(links)} requests | {len(html) + sum(sizes):,} B |")

if __name__ == "__main__":
    main()
