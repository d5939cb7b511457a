package com.parkingspots.shared.cluster;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param role {@code api}, {@code worker} or {@code all}; {@code PARKINGSPOTS_ROLE}
 * @param instanceId this instance's name in logs and cross-instance messages; {@code PARKINGSPOTS_INSTANCE_ID}, random
 *     when unset
 */
@ConfigurationProperties("parkingspots.cluster")
public record ClusterProperties(
        @DefaultValue("all") String role, @Nullable String instanceId) {

    public ClusterProperties {
        InstanceRole.parse(role); // fails fast with the variable's name
        if (instanceId == null || instanceId.isBlank()) {
            instanceId = UUID.randomUUID().toString().substring(0, 8);
        }
    }

    public InstanceRole instanceRole() {
        return InstanceRole.parse(role);
    }
}
