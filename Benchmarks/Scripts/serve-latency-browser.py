#!/usr/bin/env python3
"""Times edits of the flagship in headless Chromium through chromium-driver (W3C WebDriver, stdlib only).

Each edit sets the weight box to a new value and fires its `input` event, as typing does; the page
records the time from that event until the answer is drawn into the DOM (`osmo.lastMs`) and until
the next animation frame after that (`osmo.paintedMs`).
Usage: serve-latency-browser.py BASE_URL [EDITS]
"""
import json, random, statistics, subprocess, sys, time, urllib.request

base, edits = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 30
port = random.randint(30000, 39999)
driver = subprocess.Popen(["chromedriver", f"--port={port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

def call(method, path, body=None):
    req = urllib.request.Request(f"http://127.0.0.1:{port}{path}", method=method,
                                 data=None if body is None else json.dumps(body).encode(),
                                 headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=120) as r:
        return json.load(r).get("value")

try:
    for _ in range(100):
        try:
            call("GET", "/status"); break
        except OSError:
            time.sleep(0.1)
    caps = {"capabilities": {"alwaysMatch": {"browserName": "chrome", "goog:chromeOptions": {
        "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1400,1000"]}}}}
    sid = call("POST", "/session", caps)["sessionId"]
    js = lambda script: call("POST", f"/session/{sid}/execute/sync", {"script": script, "args": []})
    def settle(seq):
        while not js(f"return osmo.paintedSeq === {seq} && osmo.drawnSeq === osmo.seq;"):
            time.sleep(0.005)
    call("POST", f"/session/{sid}/url", {"url": base + "/"})
    while not js("return !!(osmo.runs > 0);"):
        time.sleep(0.05)
    drawn, painted = [], []
    for i in range(edits + 3):
        seq = js(f"""const w = document.querySelector('[data-path="patient.weight"]');
                     w.value = '{50 + (i * 7) % 40}'; w.dispatchEvent(new Event('input')); return osmo.seq;""")
        settle(seq)
        if i >= 3:  # the first edits warm up the page
            d, p = js("return [osmo.lastMs, osmo.paintedMs];")
            drawn.append(d); painted.append(p)
    q = lambda xs, f: sorted(xs)[min(len(xs) - 1, int(f * len(xs)))]
    print(f"browser (headless Chromium, weight edited {edits} times): drawn p50 {statistics.median(drawn):.1f} ms, "
          f"p90 {q(drawn, 0.9):.1f} ms, max {max(drawn):.1f} ms; next frame p50 {statistics.median(painted):.1f} ms, "
          f"p90 {q(painted, 0.9):.1f} ms, max {max(painted):.1f} ms")
    call("DELETE", f"/session/{sid}")
finally:
    driver.terminate()
    try:
        driver.wait(5)
    except subprocess.TimeoutExpired:
        driver.kill()
