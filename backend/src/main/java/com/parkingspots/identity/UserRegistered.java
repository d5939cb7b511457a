package com.parkingspots.identity;

import java.util.UUID;

/** A new account was created with a password (OAuth sign-ups are verified by their provider). */
public record UserRegistered(UUID userId, String email, String fullName) {}
