#!/usr/bin/env python3
"""Samples the machine and the server every few seconds into CSV on stdout (stdlib only).

Usage: sampler.py METRICS_URL SERVER_PID INTERVAL_SECONDS
  METRICS_URL  the actuator metrics endpoint (e.g. http://127.0.0.1:8020/actuator/metrics); empty: no server counters
  SERVER_PID   the server's process (RSS from /proc); empty: no RSS
Columns: t_ms, load1, rss_kb, heap_used, heap_committed, search_hit, search_miss, detail_hit, detail_miss,
server_cpu_s (the server process's user + system CPU seconds), cpu_busy_s, cpu_total_s (all cores, from /proc/stat)
(counters are cumulative; empty where a value could not be read).
"""
import json
import os
import sys
import time
import urllib.request

METRICS, PID, INTERVAL = sys.argv[1].rstrip("/"), sys.argv[2], float(sys.argv[3])


def metric(name, *tags):
    if not METRICS:
        return ""
    query = "&".join("tag=" + t for t in tags)
    try:
        with urllib.request.urlopen(f"{METRICS}/{name}?{query}", timeout=3) as resp:
            return json.load(resp)["measurements"][0]["value"]
    except Exception:  # not exposed, not yet counted (404), or the server is busy: leave the cell empty
        return ""


def rss_kb():
    if not PID:
        return ""
    try:
        with open(f"/proc/{PID}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        return ""
    return ""


TICKS = os.sysconf("SC_CLK_TCK")


def server_cpu():
    if not PID:
        return ""
    try:
        with open(f"/proc/{PID}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return round((int(fields[11]) + int(fields[12])) / TICKS, 2)  # utime, stime
    except (OSError, IndexError, ValueError):
        return ""


def machine_cpu():
    with open("/proc/stat") as f:
        values = [int(v) for v in f.readline().split()[1:]]
    idle = values[3] + values[4]  # idle + iowait
    return round((sum(values) - idle) / TICKS, 2), round(sum(values) / TICKS, 2)


def main():
    print("t_ms,load1,rss_kb,heap_used,heap_committed,search_hit,search_miss,detail_hit,detail_miss,server_cpu_s,cpu_busy_s,cpu_total_s",
          flush=True)
    counter = "parkingspots.spots.cache.requests"
    while True:
        started = time.time()
        with open("/proc/loadavg") as f:
            load1 = f.read().split()[0]
        row = [int(started * 1000), load1, rss_kb(),
               metric("jvm.memory.used", "area:heap"), metric("jvm.memory.committed", "area:heap"),
               metric(counter, "cache:search", "result:hit"), metric(counter, "cache:search", "result:miss"),
               metric(counter, "cache:detail", "result:hit"), metric(counter, "cache:detail", "result:miss"),
               server_cpu(), *machine_cpu()]
        print(",".join(str(v) for v in row), flush=True)
        time.sleep(max(0.0, INTERVAL - (time.time() - started)))


if __name__ == "__main__":
    main()
