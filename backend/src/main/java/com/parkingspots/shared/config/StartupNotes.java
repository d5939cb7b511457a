package com.parkingspots.shared.config;

import java.util.List;

/**
 * Lines a module wants a person starting the product to read once it is ready (the demo accounts, say): printed with
 * the address to open by {@link ReadyBanner}.
 */
public interface StartupNotes {

    List<String> lines();
}
