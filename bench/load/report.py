#!/usr/bin/env python3
"""Turns one load-test run (bench/load-test.sh) into a Markdown summary with SVG charts (stdlib only).

Reads the run directory: steps.csv, requests.csv, users.csv (written by the simulation's Recorder), server.csv
(sampler.py), checks.txt (checks.sql), and copies Gatling's HTML report next to the summary when it is small.
Writes bench/results/load-<date>-<N>[-tag].md (or soak-<date>[-tag].md), its SVG chart(s), and
bench/results/raw/saturation-<N>.txt (the saturation rate, which a later --soak uses).
"""
import argparse
import csv
import math
import os
import platform
import subprocess
from collections import defaultdict

EXPECTED = {"create booking": {201, 409}}  # every other request expects 200
RESULTS = "bench/results"


def expected(name, status):
    return status in EXPECTED.get(name, {200})


def pct(values, p):
    """Nearest-rank percentile of sorted values."""
    if not values:
        return float("nan")
    k = max(0, min(len(values) - 1, math.ceil(p / 100 * len(values)) - 1))
    return values[k]


def fmt(x, digits=0):
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "–"
    return f"{x:,.{digits}f}"


def read_csv(path):
    if not os.path.exists(path):
        return []
    with open(path) as f:
        return list(csv.DictReader(f))


def num(row, key):
    v = row.get(key, "")
    return float(v) if v not in ("", None) else None


def latency_stats(rows):
    ms = sorted(r["ms"] for r in rows)
    n = len(ms)
    return {
        "n": n,
        "mean": sum(ms) / n if n else float("nan"),
        "p50": pct(ms, 50), "p95": pct(ms, 95), "p99": pct(ms, 99),
        "max": ms[-1] if ms else float("nan"),
    }


def window_stats(reqs, start, end, users, server):
    rows = [r for r in reqs if start <= r["start"] < end]
    seconds = (end - start) / 1000
    s = latency_stats(rows)
    s["p99_browse"] = latency_stats([r for r in rows if r["name"] != "sign in"])["p99"]
    ok = sum(1 for r in rows if expected(r["name"], r["status"]))
    s["sent_rps"] = len(rows) / seconds
    s["ok_rps"] = ok / seconds
    s["errors"] = len(rows) - ok
    s["error_pct"] = 100 * s["errors"] / len(rows) if rows else float("nan")
    s["conflicts"] = sum(1 for r in rows if r["name"] == "create booking" and r["status"] == 409)
    s["created"] = sum(1 for r in rows if r["name"] == "create booking" and r["status"] == 201)
    s["no_response"] = sum(1 for r in rows if r["status"] == 0)
    active = [int(u["active_visitors"]) for u in users if start <= int(u["t_ms"]) < end]
    s["active_mean"] = sum(active) / len(active) if active else float("nan")
    s["active_max"] = max(active) if active else float("nan")
    inside = [x for x in server if start <= x["t"] < end]
    loads = [x["load1"] for x in inside if x["load1"] is not None]
    s["load1"] = sum(loads) / len(loads) if loads else float("nan")
    s.update(cache_rates(server, start, end))
    s.update(cpu_shares(server, start, end))
    return s, rows


def cpu_shares(server, start, end):
    """Server process and whole machine CPU over the window, in cores (2.0 = both cores of this machine busy)."""
    out = {"server_cores": float("nan"), "machine_cores": float("nan"), "server_cpu_ms_per_req": float("nan")}
    usable = [x for x in server if x.get("cpu_total_s") is not None]
    if len(usable) < 2:
        return out
    first = min(usable, key=lambda x: abs(x["t"] - start))
    last = min(usable, key=lambda x: abs(x["t"] - end))
    wall = (last["t"] - first["t"]) / 1000
    if wall <= 0:
        return out
    cores = os.cpu_count() or 1
    out["machine_cores"] = cores * (last["cpu_busy_s"] - first["cpu_busy_s"]) / (last["cpu_total_s"] - first["cpu_total_s"])
    if first.get("server_cpu_s") is not None and last.get("server_cpu_s") is not None:
        out["server_cores"] = (last["server_cpu_s"] - first["server_cpu_s"]) / wall
    return out


def cache_rates(server, start, end):
    """Hit rates from the cumulative counters sampled closest to the window's edges."""
    out = {"hit_search": float("nan"), "hit_detail": float("nan"), "hit_all": float("nan"), "lookups": 0}
    usable = [x for x in server if x["search_hit"] is not None and x["detail_hit"] is not None]
    if len(usable) < 2:
        return out
    first = min(usable, key=lambda x: abs(x["t"] - start))
    last = min(usable, key=lambda x: abs(x["t"] - end))
    if last["t"] <= first["t"]:
        return out
    d = {k: last[k] - first[k] for k in ("search_hit", "search_miss", "detail_hit", "detail_miss")}
    s_total, d_total = d["search_hit"] + d["search_miss"], d["detail_hit"] + d["detail_miss"]
    if s_total:
        out["hit_search"] = 100 * d["search_hit"] / s_total
    if d_total:
        out["hit_detail"] = 100 * d["detail_hit"] / d_total
    if s_total + d_total:
        out["hit_all"] = 100 * (d["search_hit"] + d["detail_hit"]) / (s_total + d_total)
    out["lookups"] = s_total + d_total
    return out


# --- SVG, by hand

def svg_chart(path, title, x_label, y_label, series, log_y=False, x_values=None, width=640, height=360,
              hline=None, diagonal=False):
    """series: [(label, colour, [(x, y), ...])]."""
    left, right, top, bottom = 70, 150, 36, 50
    pw, ph = width - left - right, height - top - bottom
    xs = [x for _, _, pts in series for x, _ in pts] or [0, 1]
    ys = [y for _, _, pts in series for _, y in pts if y is not None and not math.isnan(y) and (y > 0 or not log_y)]
    if hline:
        ys.append(hline[0])
    ys = ys or [1]
    x0, x1 = min(0, min(xs)), max(xs) * 1.05 or 1
    if log_y:
        y0 = 10 ** math.floor(math.log10(max(min(ys), 0.1)))
        y1 = 10 ** math.ceil(math.log10(max(ys) * 1.01))
    else:
        y0, y1 = 0, max(ys) * 1.1 or 1

    def X(x):
        return left + (x - x0) / (x1 - x0) * pw

    def Y(y):
        if log_y:
            y = max(y, y0)
            return top + ph - (math.log10(y) - math.log10(y0)) / (math.log10(y1) - math.log10(y0)) * ph
        return top + ph - (y - y0) / (y1 - y0) * ph

    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
           f'font-family="sans-serif" font-size="11">',
           f'<rect width="{width}" height="{height}" fill="white"/>',
           f'<text x="{left}" y="20" font-size="13" font-weight="bold">{title}</text>',
           f'<line x1="{left}" y1="{top + ph}" x2="{left + pw}" y2="{top + ph}" stroke="black"/>',
           f'<line x1="{left}" y1="{top}" x2="{left}" y2="{top + ph}" stroke="black"/>']
    if log_y:
        ticks = []
        t = y0
        while t <= y1 * 1.001:
            ticks.append(t)
            t *= 10
    else:
        step = 10 ** math.floor(math.log10((y1 - y0) / 4 or 1))
        for m in (1, 2, 5, 10):
            if (y1 - y0) / (step * m) <= 6:
                step *= m
                break
        ticks = [y0 + i * step for i in range(int((y1 - y0) / step) + 1)]
    for t in ticks:
        out.append(f'<line x1="{left}" y1="{Y(t):.1f}" x2="{left + pw}" y2="{Y(t):.1f}" stroke="#ddd"/>')
        out.append(f'<text x="{left - 6}" y="{Y(t) + 4:.1f}" text-anchor="end">{t:g}</text>')
    for x in (x_values or sorted(set(xs))):
        out.append(f'<line x1="{X(x):.1f}" y1="{top + ph}" x2="{X(x):.1f}" y2="{top + ph + 4}" stroke="black"/>')
        out.append(f'<text x="{X(x):.1f}" y="{top + ph + 16}" text-anchor="middle">{x:g}</text>')
    out.append(f'<text x="{left + pw / 2}" y="{height - 10}" text-anchor="middle">{x_label}</text>')
    out.append(f'<text x="16" y="{top + ph / 2}" text-anchor="middle" '
               f'transform="rotate(-90 16 {top + ph / 2})">{y_label}</text>')
    if diagonal:
        out.append(f'<line x1="{X(0):.1f}" y1="{Y(0):.1f}" x2="{X(min(x1, y1)):.1f}" y2="{Y(min(x1, y1)):.1f}" '
                   f'stroke="#999" stroke-dasharray="4 4"/>')
    if hline:
        out.append(f'<line x1="{left}" y1="{Y(hline[0]):.1f}" x2="{left + pw}" y2="{Y(hline[0]):.1f}" '
                   f'stroke="#c00" stroke-dasharray="6 3"/>')
        out.append(f'<text x="{left + pw - 4}" y="{Y(hline[0]) - 4:.1f}" text-anchor="end" fill="#c00">{hline[1]}</text>')
    for i, (label, colour, pts) in enumerate(series):
        pts = [(x, y) for x, y in pts if y is not None and not math.isnan(y)]
        if pts:
            d = " ".join(f"{X(x):.1f},{Y(y):.1f}" for x, y in pts)
            out.append(f'<polyline points="{d}" fill="none" stroke="{colour}" stroke-width="2"/>')
            for x, y in pts:
                out.append(f'<circle cx="{X(x):.1f}" cy="{Y(y):.1f}" r="3" fill="{colour}"/>')
        ly = top + 10 + i * 18
        out.append(f'<line x1="{left + pw + 12}" y1="{ly}" x2="{left + pw + 32}" y2="{ly}" stroke="{colour}" '
                   f'stroke-width="2"/>')
        out.append(f'<text x="{left + pw + 38}" y="{ly + 4}">{label}</text>')
    out.append("</svg>")
    with open(path, "w") as f:
        f.write("\n".join(out) + "\n")


# --- the run

def load_run(run):
    steps = read_csv(f"{run}/steps.csv")
    reqs = [{"start": int(r["start_ms"]), "name": r["name"], "status": int(r["status"]), "ms": int(r["ms"])}
            for r in read_csv(f"{run}/requests.csv")]
    users = read_csv(f"{run}/users.csv")
    server = []
    for r in read_csv(f"{run}/server.csv"):
        server.append({"t": int(r["t_ms"]), "load1": num(r, "load1"), "rss_kb": num(r, "rss_kb"),
                       "heap_used": num(r, "heap_used"), "heap_committed": num(r, "heap_committed"),
                       **{k: num(r, k) for k in ("search_hit", "search_miss", "detail_hit", "detail_miss",
                                                 "server_cpu_s", "cpu_busy_s", "cpu_total_s")}})
    checks = {}
    if os.path.exists(f"{run}/checks.txt"):
        for line in open(f"{run}/checks.txt"):
            if "|" in line:
                k, v = line.rstrip("\n").split("|", 1)
                checks[k] = v
    return steps, reqs, users, server, checks


def machine():
    cpu = "?"
    for line in open("/proc/cpuinfo"):
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    mem_gb = "?"
    for line in open("/proc/meminfo"):
        if line.startswith("MemTotal"):
            mem_gb = f"{int(line.split()[1]) / 1024 / 1024:.0f}"
    return cpu, os.cpu_count(), mem_gb


def sh(cmd):
    try:
        return subprocess.run(cmd, shell=True, capture_output=True, text=True, timeout=20).stdout.strip()
    except Exception:
        return "?"


def gatling_md(a):
    """Gatling's HTML report is generated (with its bundled chart library) into the git-ignored run directory."""
    return (f"Gatling's HTML report of the measured run (throughput, response-time percentiles and active users over "
            f"time, errors): `{os.path.join(a.gatling, 'index.html')}` (git-ignored, like the raw data; the charts above "
            f"are the committed summary).")


def checks_md(checks, drain="?"):
    rows = [(k, v) for k, v in checks.items() if not k.startswith("info_")]
    ok = all(v.strip() == "0" for _, v in rows)
    lines = [f"Database checks after the run and after the server's asynchronous event listeners caught up "
             f"(the script waits until no event publication is incomplete, at most 180 s; waited {drain} s) "
             f"({'**all 0: passed**' if ok else '**FAILED**'}; "
             "[bench/load/checks.sql](../load/checks.sql) says what each one means):", "",
             "| Check | Count |", "|---|---:|"]
    lines += [f"| `{k}` | {v} |" for k, v in rows]
    lines.append("")
    lines.append(f"Bookings the run left (future stays, by status): {checks.get('info_bookings_by_status') or 'none'}; "
                 f"their payments: {checks.get('info_payments_by_status') or 'none'}.")
    return "\n".join(lines), ok


def header(a, title):
    cpu, cores, mem = machine()
    commit = sh("git rev-parse --short HEAD") + (" (plus uncommitted changes)" if sh("git status --porcelain -- bench backend") else "")
    pg = sh(f"psql -X -tA -d {a.db} -c 'SHOW server_version'")
    java = sh("java -version 2>&1 | head -1")
    return [
        f"# {title}", "",
        f"Command: `{a.command}`", "",
        "## Machine, software, dataset",
        f"- CPU: {cpu}, {cores} cores, RAM {mem} GB; the cores are **shared** with the server, PostgreSQL, the Gatling "
        "client itself and other engineers' builds, so these figures are pessimistic for the software and say little "
        "about a dedicated production box.",
        f"- Load average (1/5/15 min): {a.load_start} when the script started; {a.load_before} just before the measured "
        f"run (after the warm-up); {a.load_after} just after it.",
        f"- Git commit: `{commit}`; Java: {java}; PostgreSQL {pg} on 127.0.0.1:5432 (default configuration).",
        f"- Server: {a.server}. Target {a.url}; counters from {a.metrics_url or '(none)'}.",
        f"- Dataset: database `{a.db}`: {int(a.spots):,} spots around Athens from `bench/generate_spots.py` (seed 1), "
        f"{a.renters} renters and 1 owner, 5% of the spots with 1–6 reviews of past stays; {a.dataset}.",
    ]


WORKLOAD = """- Workload ([MarketplaceSimulation](../load/src/test/java/parkingspots/load/MarketplaceSimulation.java)): open
  model, visitors arrive at a constant rate per step whatever the latency (Gatling `constantUsersPerSec`); the step's
  *offered rate* in requests/s divided by the mean requests per visit (3.065) is the visitor arrival rate. A visit,
  with 1–3 s of think time between pages: 15% search only; 45% search, spot detail, 60% its reviews; 25% search,
  detail, a second search, detail, 50% reviews; 10% search, detail, 1–2 price calculations; 5% sign in (bcrypt),
  search, detail, price, book (30% of them one of 50 popular spots at popular hours, so some get **409**, an expected
  outcome counted apart), then cancel 40% of their bookings. Requests: ~41% search, ~36% spot detail, ~13% reviews,
  ~7% price, ~2% sign in, ~2% booking and cancellation. Searches: half a named place (40 neighbourhoods, radius 1/2/5
  km, at most one common filter), half any map position, radius 0.5–25 km and any filters; 15% with a time window
  (availability, never cached). Every status is checked (200; 201 or 409 for a booking); timeout 10 s."""


def load_report(a, steps, reqs, users, server, checks):
    n = int(a.spots)
    suffix = f"-{a.tag}" if a.tag else ""
    name = f"load-{a.date}-{n}{suffix}"
    rows = []
    for st in steps:
        s, _ = window_stats(reqs, int(st["start_ms"]), int(st["end_ms"]), users, server)
        s["rate"] = float(st["rate_rps"])
        s["visits"] = float(st["visits_per_s"])
        rows.append(s)
    for s in rows:
        s["ok"] = s["p99"] < a.p99 and s["error_pct"] < a.max_errors
    good = [s for s in rows if s["ok"]]
    sat = max(good, key=lambda s: s["rate"]) if good else None
    best = max(rows, key=lambda s: s["ok_rps"]) if rows else None
    with open(f"{RESULTS}/raw/saturation-{n}.txt", "w") as f:
        f.write(f"{sat['rate'] if sat else rows[0]['rate'] / 2} req/s ({name})\n")

    # charts
    xs = [s["rate"] for s in rows]
    svg_lat = f"{name}-latency.svg"
    svg_chart(f"{RESULTS}/{svg_lat}", f"Latency vs offered rate, {n:,} spots", "offered requests/s",
              "latency ms (log)",
              [("p50", "#1f77b4", [(s["rate"], s["p50"]) for s in rows]),
               ("mean", "#2ca02c", [(s["rate"], s["mean"]) for s in rows]),
               ("p95", "#ff7f0e", [(s["rate"], s["p95"]) for s in rows]),
               ("p99", "#d62728", [(s["rate"], s["p99"]) for s in rows]),
               ("max", "#7f7f7f", [(s["rate"], s["max"]) for s in rows])],
              log_y=True, x_values=xs, hline=(a.p99, f"p99 limit {a.p99:g} ms"))
    svg_rps = f"{name}-throughput.svg"
    svg_chart(f"{RESULTS}/{svg_rps}", f"Achieved vs offered, {n:,} spots", "offered requests/s",
              "requests/s", [("achieved (ok)", "#2ca02c", [(s["rate"], s["ok_rps"]) for s in rows]),
                             ("sent", "#1f77b4", [(s["rate"], s["sent_rps"]) for s in rows])],
              x_values=xs, diagonal=True)

    md = header(a, f"Load test, {n:,} spots, {a.date}")
    step_s = (int(steps[0]["end_ms"]) - int(steps[0]["start_ms"])) // 1000 if steps else 0
    md += [WORKLOAD,
           f"- Steps: {len(steps)} × {step_s} s, one Gatling run after a warm-up at the first rate; a request belongs "
           "to the step in which it *started*. *Sent*: requests started per second (a visit's next page waits for the "
           "previous one, so under saturation fewer are sent than offered); *achieved*: responses with the expected "
           "status per second. Latency: Gatling's response time of every request of the step, 201/409 alike.",
           f"- Saturation point: the highest offered rate whose step keeps p99 < {a.p99:g} ms and errors < "
           f"{a.max_errors:g}%. (Sent stays a little under offered even when the server keeps up: the visits started "
           "near a step's end send their later pages in the next step, and the first step starts with no visit under way.)",
           "", "## Seed spec's production figures, measured", ""]
    spec = [("Sustained requests/s", "1,666+", fmt(sat["ok_rps"], 1) if sat else "–",
             f"highest rate meeting the criteria (best seen at any step: {fmt(best['ok_rps'], 1)}/s at "
             f"{fmt(best['rate'])} offered, p99 {fmt(best['p99'])} ms)" if best else ""),
            ("Mean response time", "< 1 ms", f"{fmt(sat['mean'], 1)} ms" if sat else "–", "at saturation, all requests"),
            ("p99 response time", "–", f"{fmt(sat['p99'])} ms" if sat else "–", "at saturation"),
            ("Cache hit rate", "95% (Redis)",
             f"{fmt(sat['hit_all'], 1)}% (search {fmt(sat['hit_search'], 1)}%, detail {fmt(sat['hit_detail'], 1)}%)"
             if sat else "–", "server counters `parkingspots.spots.cache.requests{cache,result}` over the step; "
                               "in-process caches, Redis not enabled"),
            ("Concurrent users served", "1,500–2,500",
             f"{fmt(sat['active_mean'])} (max {fmt(sat['active_max'])})" if sat else "–",
             "visitors in the middle of a visit (Gatling's active users), at saturation")]
    md += ["| Figure | Seed spec claims | Measured here | How |", "|---|---:|---:|---|"]
    md += [f"| {a_} | {b} | **{c}** | {d} |" for a_, b, c, d in spec]
    if not sat:
        md += ["", f"**No step met the criteria**: even the lowest offered rate ({fmt(rows[0]['rate'])} req/s) "
                   "was past saturation on this machine."]
    md += ["", "## Per offered rate", "",
           "| Offered req/s | Visits/s | Sent req/s | Achieved req/s | Mean ms | p50 | p95 | p99 | p99 without sign-in | Max | Errors % | "
           "409 (slot taken) | Active visitors (mean / max) | Cache hit % | Server CPU (cores) | Machine CPU busy (cores of "
           f"{os.cpu_count()}) | Load avg | Within criteria |",
           "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|:---:|"]
    for s in rows:
        md.append(f"| {fmt(s['rate'])} | {fmt(s['visits'], 1)} | {fmt(s['sent_rps'], 1)} | {fmt(s['ok_rps'], 1)} | "
                  f"{fmt(s['mean'], 1)} | {fmt(s['p50'])} | {fmt(s['p95'])} | {fmt(s['p99'])} | {fmt(s['p99_browse'])} | "
                  f"{fmt(s['max'])} | {fmt(s['error_pct'], 2)} | {s['conflicts']} | {fmt(s['active_mean'])} / {fmt(s['active_max'])} | "
                  f"{fmt(s['hit_all'], 1)} | {fmt(s['server_cores'], 2)} | {fmt(s['machine_cores'], 2)} | "
                  f"{fmt(s['load1'], 1)} | {'yes' if s['ok'] else 'no'} |")
    md += ["", f"**Saturation point: {fmt(sat['rate'])} offered requests/s** "
               f"({fmt(sat['ok_rps'], 1)} achieved, p99 {fmt(sat['p99'])} ms, errors {fmt(sat['error_pct'], 2)}%)."
           if sat else "**Saturation point: below the lowest offered rate.**", "",
           f"![latency vs offered rate]({svg_lat})", "", f"![achieved vs offered]({svg_rps})", ""]
    # per request at the saturation step (or the first step)
    ref = sat or rows[0]
    ref_step = steps[rows.index(ref)]
    _, ref_rows = window_stats(reqs, int(ref_step["start_ms"]), int(ref_step["end_ms"]), users, server)
    md += [f"## Per request, at {fmt(ref['rate'])} offered requests/s", "",
           "| Request | Count | Share % | Mean ms | p50 | p95 | p99 | Max | Statuses |", "|---|---:|---:|---:|---:|---:|---:|---:|---|"]
    by = defaultdict(list)
    for r in ref_rows:
        by[r["name"]].append(r)
    for nm, rs in sorted(by.items(), key=lambda kv: -len(kv[1])):
        st = latency_stats(rs)
        statuses = defaultdict(int)
        for r in rs:
            statuses[r["status"] or "no response"] += 1
        md.append(f"| {nm} | {st['n']} | {fmt(100 * st['n'] / len(ref_rows), 1)} | {fmt(st['mean'], 1)} | "
                  f"{fmt(st['p50'])} | {fmt(st['p95'])} | {fmt(st['p99'])} | {fmt(st['max'])} | "
                  + ", ".join(f"{k}: {v}" for k, v in sorted(statuses.items(), key=lambda kv: str(kv[0]))) + " |")
    totals = defaultdict(int)
    for r in reqs:
        if not expected(r["name"], r["status"]):
            totals[f"{r['name']} → {r['status'] or 'no response'}"] += 1
    created = sum(1 for r in reqs if r["name"] == "create booking" and r["status"] == 201)
    conflicts = sum(1 for r in reqs if r["name"] == "create booking" and r["status"] == 409)
    md += ["", "## Bookings and correctness", "",
           f"Whole run: {created} bookings created (201), {conflicts} refused because the slot was taken (409, expected), "
           f"{sum(1 for r in reqs if r['name'] == 'cancel booking' and r['status'] == 200)} cancelled. Unexpected "
           f"responses over the whole run: " + (", ".join(f"{k}: {v}" for k, v in sorted(totals.items())) or "none") + ".",
           ""]
    cm, _ = checks_md(checks, a.drain)
    md += [cm, ""]
    md += ["## Gatling report", ""]
    md.append(gatling_md(a))
    md.append(f"Raw data of this run (requests.csv, users.csv, server.csv, logs): `{a.run}` (git-ignored).")
    with open(f"{RESULTS}/{name}.md", "w") as f:
        f.write("\n".join(md) + "\n")
    print(f"report: {RESULTS}/{name}.md")
    if sat:
        print(f"saturation: {sat['rate']} req/s offered, achieved {sat['ok_rps']:.1f}, p99 {sat['p99']} ms")


def soak_report(a, steps, reqs, users, server, checks):
    suffix = f"-{a.tag}" if a.tag else ""
    name = f"soak-{a.date}{suffix}"
    st = steps[0]
    start, end = int(st["start_ms"]), int(st["end_ms"])
    total_s = (end - start) / 1000
    slice_s = 300 if total_s >= 900 else 60
    whole, _ = window_stats(reqs, start, end, users, server)
    slices = []
    t = start
    while t < end:
        e = min(end, t + slice_s * 1000)
        s, _ = window_stats(reqs, t, e, users, server)
        mem = [x for x in server if t <= x["t"] < e]
        s["from_min"] = (t - start) / 60000
        s["to_min"] = (e - start) / 60000
        s["rss_max"] = max((x["rss_kb"] for x in mem if x["rss_kb"]), default=None)
        heaps = [x["heap_used"] for x in mem if x["heap_used"]]
        s["heap_min"] = min(heaps) if heaps else None
        s["heap_max"] = max(heaps) if heaps else None
        slices.append(s)
        t = e
    first, last = slices[0], slices[-1]
    drift = last["p99"] / first["p99"] if first["p99"] else float("nan")
    mem = [x for x in server if x["rss_kb"] or x["heap_used"]]
    # chart: RSS and heap over time, p99 per slice
    svg_mem = f"{name}-memory.svg"
    svg_chart(f"{RESULTS}/{svg_mem}", "Server memory during the soak", "minutes into the run", "MB",
              [("RSS", "#1f77b4", [((x["t"] - start) / 60000, x["rss_kb"] / 1024) for x in mem if x["rss_kb"]]),
               ("heap used", "#ff7f0e", [((x["t"] - start) / 60000, x["heap_used"] / 1048576) for x in mem if x["heap_used"]]),
               ("heap committed", "#2ca02c",
                [((x["t"] - start) / 60000, x["heap_committed"] / 1048576) for x in mem if x["heap_committed"]])],
              x_values=[round(s["from_min"]) for s in slices] + [round(total_s / 60)])
    svg_lat = f"{name}-latency.svg"
    svg_chart(f"{RESULTS}/{svg_lat}", f"Latency per {slice_s // 60}-minute slice", "minutes into the run (slice end)",
              "latency ms (log)",
              [("p50", "#1f77b4", [(s["to_min"], s["p50"]) for s in slices]),
               ("p95", "#ff7f0e", [(s["to_min"], s["p95"]) for s in slices]),
               ("p99", "#d62728", [(s["to_min"], s["p99"]) for s in slices])],
              log_y=True, x_values=[s["to_min"] for s in slices])
    cm, checks_ok = checks_md(checks, a.drain)
    rss = [x["rss_kb"] for x in mem if x["rss_kb"]]
    md = header(a, f"Soak test, {int(a.spots):,} spots, {a.date}")
    md += [WORKLOAD,
           f"- **Real duration: {total_s / 60:.1f} minutes** at {fmt(float(st['rate_rps']), 1)} offered requests/s "
           f"({fmt(float(st['visits_per_s']), 2)} visits/s), after a warm-up. Memory sampled every 10 s: the server's "
           "RSS from /proc, its heap from `jvm.memory.used{area=heap}`.", "",
           "## Summary", "",
           "| Requests | Achieved req/s | Errors | 409 (slot taken) | Mean ms | p50 | p95 | p99 | Max | "
           "Active visitors (mean / max) | Cache hit % |",
           "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
           f"| {whole['n']:,} | {fmt(whole['ok_rps'], 1)} | {whole['errors']} ({fmt(whole['error_pct'], 3)}%) | "
           f"{whole['conflicts']} | {fmt(whole['mean'], 1)} | {fmt(whole['p50'])} | {fmt(whole['p95'])} | "
           f"{fmt(whole['p99'])} | {fmt(whole['max'])} | {fmt(whole['active_mean'])} / {fmt(whole['active_max'])} | "
           f"{fmt(whole['hit_all'], 1)} |", "",
           f"- **Latency drift**: p99 {fmt(first['p99'])} ms in the first {slice_s // 60}-minute slice, "
           f"{fmt(last['p99'])} ms in the last (×{fmt(drift, 2)}); without sign-ins (bcrypt) "
           f"{fmt(first['p99_browse'])} ms and {fmt(last['p99_browse'])} ms.",
           f"- **Memory**: RSS {fmt(rss[0] / 1024 if rss else None)} MB at the first sample, "
           f"{fmt(rss[-1] / 1024 if rss else None)} MB at the last, max {fmt(max(rss) / 1024 if rss else None)} MB; "
           f"heap floor (lowest sample) {fmt(first['heap_min'] / 1048576 if first['heap_min'] else None)} MB in the first "
           f"slice, {fmt(last['heap_min'] / 1048576 if last['heap_min'] else None)} MB in the last.",
           f"- **Errors**: {whole['errors']} of {whole['n']:,} requests ({whole['no_response']} without a response).",
           f"- **Database afterwards**: {'passed' if checks_ok else 'FAILED'} (below).", "",
           f"## Per {slice_s // 60}-minute slice", "",
           "| Minutes | Requests | Achieved req/s | Errors | p50 ms | p95 | p99 | p99 without sign-in | Max | Active visitors | "
           "RSS max MB | Heap min–max MB | Server CPU (cores) | Load avg |",
           "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for s in slices:
        md.append(f"| {s['from_min']:.0f}–{s['to_min']:.0f} | {s['n']:,} | {fmt(s['ok_rps'], 1)} | {s['errors']} | "
                  f"{fmt(s['p50'])} | {fmt(s['p95'])} | {fmt(s['p99'])} | {fmt(s['p99_browse'])} | {fmt(s['max'])} | "
                  f"{fmt(s['active_mean'])} | "
                  f"{fmt(s['rss_max'] / 1024 if s['rss_max'] else None)} | "
                  f"{fmt(s['heap_min'] / 1048576 if s['heap_min'] else None)}–"
                  f"{fmt(s['heap_max'] / 1048576 if s['heap_max'] else None)} | {fmt(s['server_cores'], 2)} | "
                  f"{fmt(s['load1'], 1)} |")
    md += ["", f"![memory]({svg_mem})", "", f"![latency per slice]({svg_lat})", "", "## Database checks", "", cm, "",
           "## Gatling report", ""]
    md.append(gatling_md(a))
    md.append(f"Raw data (requests.csv, users.csv, server.csv with every 10 s sample, logs): `{a.run}` (git-ignored).")
    with open(f"{RESULTS}/{name}.md", "w") as f:
        f.write("\n".join(md) + "\n")
    print(f"report: {RESULTS}/{name}.md")


def main():
    p = argparse.ArgumentParser()
    for opt in ("mode", "run", "gatling", "spots", "date", "tag", "url", "metrics-url", "load-start", "load-before",
                "load-after", "server", "drain", "dataset", "db", "renters", "command"):
        p.add_argument("--" + opt, default="")
    p.add_argument("--p99", type=float, default=500)
    p.add_argument("--max-errors", type=float, default=1)
    a = p.parse_args()
    steps, reqs, users, server, checks = load_run(a.run)
    if not steps or not reqs:
        raise SystemExit(f"no steps or requests in {a.run}")
    (soak_report if a.mode == "soak" else load_report)(a, steps, reqs, users, server, checks)


if __name__ == "__main__":
    main()
