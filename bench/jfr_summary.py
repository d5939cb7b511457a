#!/usr/bin/env python3
"""Summarises a JFR recording's CPU samples (jdk.ExecutionSample) as the hottest methods: where a sample's top frame
is (self time) and which methods are on the stack (total), as shares of all samples. Used by bench/search-bench.sh to
show what bounds a run.

Usage: jfr_summary.py RECORDING.jfr [TOP]
"""
import collections
import re
import subprocess
import sys

recording = sys.argv[1]
top = int(sys.argv[2]) if len(sys.argv) > 2 else 20
text = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "64", recording],
                      capture_output=True, text=True, check=True).stdout
frame = re.compile(r"^\s+([\w$.<>/]+)\(.*\)\s+line:")
self_counts = collections.Counter()
total_counts = collections.Counter()
samples = 0
stack = []


def flush():
    global samples
    if stack:
        samples += 1
        self_counts[stack[0]] += 1
        for method in set(stack):
            total_counts[method] += 1


for line in text.splitlines():
    if line.startswith("jdk.ExecutionSample"):
        flush()
        stack = []
        continue
    m = frame.match(line)
    if m:
        stack.append(m.group(1))
flush()
print(f"{samples} CPU samples")
print("Top frames (self):")
for method, count in self_counts.most_common(top):
    print(f"  {100.0 * count / max(samples, 1):5.1f}%  {method}")
print("On the stack (total):")
interesting = [(m, c) for m, c in total_counts.most_common(400)
               if m.startswith("com.parkingspots") or "Jackson" in m or "jackson" in m
               or m.startswith("io.micrometer") or m.startswith("org.springframework.security.web.FilterChainProxy")
               or m.startswith("org.springframework.web.servlet.DispatcherServlet")]
for method, count in interesting[:top]:
    print(f"  {100.0 * count / max(samples, 1):5.1f}%  {method}")
