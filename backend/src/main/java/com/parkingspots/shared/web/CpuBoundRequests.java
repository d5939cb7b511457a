package com.parkingspots.shared.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Requests a module answers from memory, with CPU only (no database, no network): the in-memory search, spot details,
 * price quotes. A module declares its own as a bean; they are admitted a few at a time, in arrival order
 * ({@link CpuBoundAdmission}). The request is seen as the handler mappings see it (without a trailing slash).
 */
public interface CpuBoundRequests {

    boolean matches(HttpServletRequest request);
}
