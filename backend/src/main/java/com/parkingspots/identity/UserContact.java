package com.parkingspots.identity;

import java.util.UUID;

/** How to reach a user: for notifications only, never shown to other users. */
public record UserContact(UUID id, String email, String fullName, boolean active) {}
