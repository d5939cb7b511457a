package com.parkingspots.shared.config;

import sun.misc.Signal;

/**
 * Turns SIGTERM and SIGINT into an orderly {@code System.exit(0)}: the JVM's shutdown hooks still close the Spring
 * context (in-flight requests finish, the pool and the embedded database close), and orchestrators see exit code 0
 * instead of 143/130 for a requested stop.
 */
public final class GracefulExit {

    private GracefulExit() {}

    public static void onTerminationSignals() {
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                Signal.handle(new Signal(name), signal -> System.exit(0));
            } catch (IllegalArgumentException unsupported) {
                // Signal not available on this platform (or claimed by the JVM): keep the default behaviour.
            }
        }
    }
}
