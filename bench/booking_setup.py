#!/usr/bin/env python3
"""Creates the booking benchmark's users and spots through the real API (stdlib only).

Usage: booking_setup.py BASE_URL RENTERS SPOTS OUT_DIR
Writes OUT_DIR/tokens.txt (one renter access token a line) and OUT_DIR/spots.txt (one spot id a line).
"""
import json
import sys
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

BASE, RENTERS, SPOTS, OUT = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
PASSWORD = "bench-password-1"
PARALLEL = 8


def call(method, path, body, token=None, expect=(200, 201)):
    req = urllib.request.Request(BASE + path, data=json.dumps(body).encode(), method=method)
    req.add_header("Content-Type", "application/json")
    if token:
        req.add_header("Authorization", "Bearer " + token)
    try:
        with urllib.request.urlopen(req, timeout=60) as resp:
            status, data = resp.status, resp.read()
    except urllib.error.HTTPError as e:
        status, data = e.code, e.read()
    if status not in expect:
        raise SystemExit(f"{method} {path} -> {status}: {data[:300]!r}")
    return json.loads(data) if data else None


def user(email, role):
    call("POST", "/api/v1/auth/register",
         {"email": email, "password": PASSWORD, "full_name": "Bench " + role.title(), "role": role})
    return call("POST", "/api/v1/auth/login", {"email": email, "password": PASSWORD})["access_token"]


def spot(i, owner_token):
    # a grid around central Athens; no operating hours or rules, so every future slot is bookable
    body = {"title": f"Bench spot {i}", "address": f"{i} Bench Street", "city": "Athens", "state": "Attica",
            "zip_code": "10557", "latitude": 37.95 + (i // 100) * 0.001, "longitude": 23.70 + (i % 100) * 0.001,
            "hourly_rate": 300}
    return call("POST", "/api/v1/parking-spots/", body, owner_token)["id"]


def main():
    owner = user("bench-owner@bench.parkingspots.com", "owner")
    with ThreadPoolExecutor(PARALLEL) as pool:
        spot_ids = list(pool.map(lambda i: spot(i, owner), range(SPOTS)))
        tokens = list(pool.map(lambda i: user(f"bench-renter-{i}@bench.parkingspots.com", "renter"), range(RENTERS)))
    with open(f"{OUT}/spots.txt", "w") as f:
        f.write("\n".join(spot_ids) + "\n")
    with open(f"{OUT}/tokens.txt", "w") as f:
        f.write("\n".join(tokens) + "\n")
    print(f"SETUP owner=1 renters={len(tokens)} spots={len(spot_ids)}")


if __name__ == "__main__":
    main()
