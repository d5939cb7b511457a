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


GROUPS = (("com.parkingspots.spots.internal.GeoGrid", "in-memory search: grid"),
          ("com.parkingspots.spots.internal.Marketplace", "in-memory search: marketplace"),
          ("com.parkingspots.spots.internal.Listing", "in-memory search: marketplace"),
          ("com.parkingspots", "ParkingSpots: other"),
          ("tools.jackson", "Jackson (JSON)"),
          ("com.fasterxml.jackson", "Jackson (JSON)"),
          ("org.springframework.security", "Spring Security"),
          ("org.springframework.web", "Spring MVC"),
          ("org.springframework.http", "Spring MVC"),
          ("org.springframework", "Spring: other"),
          ("io.micrometer", "Micrometer (metrics)"),
          ("org.apache.catalina", "Tomcat"),
          ("org.apache.coyote", "Tomcat"),
          ("org.apache.tomcat", "Tomcat"),
          ("ch.qos.logback", "Logging"),
          ("org.slf4j", "Logging"))


def owner(stack):
    """The group of the first frame from the top that is not the JDK's (the JDK's own work is charged to its caller)."""
    for method in stack:
        if not method.startswith(("java.", "javax.", "jdk.", "sun.")):
            for prefix, name in GROUPS:
                if method.startswith(prefix):
                    return name
            return "other: " + ".".join(method.split(".")[:3])
    return "JDK only (GC, JIT, I/O)"


owners = collections.Counter()


def flush():
    global samples
    if stack:
        samples += 1
        self_counts[stack[0]] += 1
        for method in set(stack):
            total_counts[method] += 1
        owners[owner(stack)] += 1


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
print("Self time by component (JDK frames charged to their caller):")
for name, count in owners.most_common(14):
    print(f"  {100.0 * count / max(samples, 1):5.1f}%  {name}")
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
