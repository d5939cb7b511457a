package com.parkingspots.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.stereotype.Component;

/**
 * The address a request comes from: the socket's, unless that is a configured trusted proxy; then the nearest
 * address in {@code X-Forwarded-For} that is not itself a trusted proxy (everything left of it is whatever the client
 * chose to send). With no trusted proxies configured the header is never read.
 */
@Component
public class ClientAddresses {

    private final List<IpAddressMatcher> trustedProxies;

    @Autowired
    ClientAddresses(IdentityProperties properties) {
        this(properties.trustedProxyList());
    }

    private ClientAddresses(List<String> trustedProxies) {
        this.trustedProxies = trustedProxies.stream().map(IpAddressMatcher::new).toList();
    }

    static ClientAddresses trusting(List<String> trustedProxies) {
        return new ClientAddresses(trustedProxies);
    }

    public String of(HttpServletRequest request) {
        String address = request.getRemoteAddr();
        if (!trusted(address)) {
            return address;
        }
        var forwarded = request.getHeaders("X-Forwarded-For");
        StringBuilder all = new StringBuilder();
        while (forwarded.hasMoreElements()) {
            all.append(all.isEmpty() ? "" : ",").append(forwarded.nextElement());
        }
        String[] hops = all.toString().split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (hop.isEmpty()) {
                continue;
            }
            if (!isAddress(hop)) {
                return address; // garbage from the client side of the chain: fall back to the proxy itself
            }
            if (!trusted(hop)) {
                return hop;
            }
            address = hop;
        }
        return address;
    }

    private boolean trusted(String address) {
        if (!isAddress(address)) {
            return false;
        }
        for (IpAddressMatcher proxy : trustedProxies) {
            try {
                if (proxy.matches(address)) {
                    return true;
                }
            } catch (IllegalArgumentException malformed) {
                return false;
            }
        }
        return false;
    }

    /** A literal IPv4 or IPv6 address (never a host name, which would make the matcher resolve it). */
    private static boolean isAddress(String value) {
        return value.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}")
                || (value.contains(":") && value.matches("[0-9A-Fa-f:.]{2,45}"));
    }
}
