package com.parkingspots.realtime;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Sends an event to the open WebSockets of some users, on whichever instance they are connected (the cluster bus).
 * Call it after the change it reports has committed.
 */
public interface LiveEvents {

    void toUsers(String type, Map<String, Object> data, Set<UUID> users);
}
