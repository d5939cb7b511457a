package com.parkingspots.identity;

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
}
