package com.parkingspots.shared.web;

import java.util.Map;

/**
 * Public settings a module tells the web client at run time ({@code GET /api/v1/config}), e.g. which sign-in providers
 * or which payment provider are configured. Never secrets.
 */
public interface ClientSettings {

    Map<String, Object> clientSettings();
}
