#!/usr/bin/env python3
"""Writes N parking spots as CSV (for PostgreSQL COPY) clustered like a real city around Athens:
a dense centre, a ring of urban neighbourhoods, a few satellite centres and sparse suburbs.

Usage: generate_spots.py N OWNER_ID [SEED] > spots.csv
Columns: id, owner_id, title, spot_type, vehicle_size, address, city, state, zip_code, country, latitude, longitude,
         hourly_rate, currency, is_covered, has_ev_charging, is_handicap_accessible, time_zone, created_at
"""
import math
import random
import sys
import time
import uuid

CENTRE = (37.9838, 23.7275)
SATELLITES = [(37.9420, 23.6460), (38.0500, 23.8080), (37.8650, 23.7530), (38.0210, 23.7990)]
TYPES = ["indoor", "outdoor", "covered", "garage", "driveway", "lot"]
SIZES = ["motorcycle", "compact", "standard", "large", "oversized"]
SIZE_WEIGHTS = [5, 20, 50, 20, 5]
STREETS = ["Ermou", "Stadiou", "Panepistimiou", "Akadimias", "Athinas", "Aiolou", "Patission", "Mesogeion",
           "Kifisias", "Syngrou", "Vouliagmenis", "Alexandras", "Ippokratous", "Solonos", "Skoufa", "Acharnon"]


def point(rng):
    r = rng.random()
    if r < 0.45:    # dense centre, ~2 km
        lat, lon, sigma = CENTRE[0], CENTRE[1], 0.018
    elif r < 0.80:  # urban ring, ~7 km
        lat, lon, sigma = CENTRE[0], CENTRE[1], 0.065
    elif r < 0.90:  # satellite centres
        lat, lon = SATELLITES[rng.randrange(len(SATELLITES))]
        sigma = 0.015
    else:           # sparse suburbs, 10-45 km out
        angle = rng.random() * 2 * math.pi
        dist = 0.1 + rng.random() * 0.3
        return (CENTRE[0] + dist * math.sin(angle), CENTRE[1] + dist * math.cos(angle) * 1.27)
    return (lat + rng.gauss(0, sigma), lon + rng.gauss(0, sigma * 1.27))


def main():
    n = int(sys.argv[1])
    owner = sys.argv[2]
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 1)
    out = sys.stdout
    buffer = []
    for i in range(n):
        lat, lon = point(rng)
        spot_id = uuid.UUID(int=rng.getrandbits(128), version=4)
        spot_type = TYPES[rng.randrange(6)]
        size = rng.choices(SIZES, SIZE_WEIGHTS)[0]
        rate = 100 + 10 * rng.randrange(90)
        # mostly the roofed types, but also carports and shaded driveways: no filter combination is empty
        covered = "t" if rng.random() < (0.9 if spot_type in ("indoor", "covered", "garage") else 0.1) else "f"
        ev = "t" if rng.random() < 0.15 else "f"
        accessible = "t" if rng.random() < 0.2 else "f"
        street = STREETS[rng.randrange(len(STREETS))]
        # created_at spreads over a year, so "newest first" has something to sort
        created = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(1735689600 + rng.randrange(31_536_000)))
        buffer.append(f"{spot_id},{owner},Bench spot {i},{spot_type},{size},{street} {1 + i % 200},Athens,Attica,"
                      f"{10431 + i % 500},Greece,{lat:.6f},{lon:.6f},{rate},eur,{covered},{ev},{accessible},"
                      f"Europe/Athens,{created}\n")
        if len(buffer) >= 10000:
            out.write("".join(buffer))
            buffer.clear()
    out.write("".join(buffer))


if __name__ == "__main__":
    main()
