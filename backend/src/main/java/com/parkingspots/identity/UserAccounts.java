package com.parkingspots.identity;

import com.parkingspots.shared.security.Role;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** What other modules may ask of identity: who a user is (for display) and the role changes the marketplace makes. */
public interface UserAccounts {

    /** Makes a renter an owner (creating a spot does this); owners and admins keep their role. */
    void promoteToOwner(UUID userId);

    Optional<UserProfile> profile(UUID userId);

    /** Profiles of many users in one query; unknown ids are absent from the map. */
    Map<UUID, UserProfile> profiles(Collection<UUID> userIds);

    /**
     * The id of the account with this email, creating it (verified, with this password and role) when it does not
     * exist yet. For demo data only: an existing account is returned unchanged.
     */
    UUID ensureDemoUser(String email, String password, String fullName, Role role);

    /** Whether an account has exactly this (normalised, lower-case) email. */
    boolean exists(String email);

    /** The user's address and name, for notifications; empty for an unknown id. */
    Optional<UserContact> contact(UUID userId);
}
