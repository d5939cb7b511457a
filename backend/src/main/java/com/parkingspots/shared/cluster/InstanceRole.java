package com.parkingspots.shared.cluster;

import java.util.Locale;

/** What an instance does ({@code PARKINGSPOTS_ROLE}). */
public enum InstanceRole {
    /** Serves HTTP and WebSockets; never runs scheduled jobs (it still schedules them, in the database). */
    API,
    /** Runs scheduled jobs and processes events; answers HTTP only on {@code /health}, {@code /livez}, {@code /readyz}. */
    WORKER,
    /** Both: the single-process default. */
    ALL;

    public boolean servesApi() {
        return this != WORKER;
    }

    public boolean runsJobs() {
        return this != API;
    }

    public static InstanceRole parse(String value) {
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "PARKINGSPOTS_ROLE must be one of api, worker, all (was \"" + value + "\")");
        }
    }
}
