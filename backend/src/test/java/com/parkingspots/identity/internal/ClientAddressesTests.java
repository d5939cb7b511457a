package com.parkingspots.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class ClientAddressesTests {

    @Test
    void withoutTrustedProxiesForwardedForIsNeverRead() {
        ClientAddresses addresses = ClientAddresses.trusting(List.of());
        assertThat(addresses.of(request("127.0.0.1", "203.0.113.7"))).isEqualTo("127.0.0.1");
        assertThat(addresses.of(request("198.51.100.1", "203.0.113.7"))).isEqualTo("198.51.100.1");
    }

    @Test
    void theDefaultConfigurationTrustsNoProxy() {
        assertThat(new IdentityPropertiesTests().defaults().trustedProxyList()).isEmpty();
    }

    @Test
    void behindATrustedProxyTheNearestUntrustedHopIsTheClient() {
        ClientAddresses addresses = ClientAddresses.trusting(List.of("10.0.0.0/8", "127.0.0.1"));
        assertThat(addresses.of(request("10.1.2.3", "203.0.113.7"))).isEqualTo("203.0.113.7");
        assertThat(addresses.of(request("10.1.2.3", "198.51.100.66, 203.0.113.7")))
                .as("what the client wrote to the left is not believed")
                .isEqualTo("203.0.113.7");
        assertThat(addresses.of(request("127.0.0.1", "198.51.100.66, 203.0.113.7, 10.9.9.9")))
                .as("a chain of trusted proxies is walked")
                .isEqualTo("203.0.113.7");
        assertThat(addresses.of(request("10.1.2.3", "10.2.2.2"))).isEqualTo("10.2.2.2");
        assertThat(addresses.of(request("10.1.2.3", null))).isEqualTo("10.1.2.3");
        assertThat(addresses.of(request("10.1.2.3", "evil.example.com"))).isEqualTo("10.1.2.3");
        assertThat(addresses.of(request("10.1.2.3", "2001:db8::1"))).isEqualTo("2001:db8::1");
    }

    @Test
    void anUntrustedPeerCannotPretendToBeAProxy() {
        ClientAddresses addresses = ClientAddresses.trusting(List.of("10.0.0.0/8"));
        assertThat(addresses.of(request("198.51.100.1", "203.0.113.7"))).isEqualTo("198.51.100.1");
    }

    private static MockHttpServletRequest request(String remote, String forwardedFor) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(remote);
        if (forwardedFor != null) {
            request.addHeader("X-Forwarded-For", forwardedFor);
        }
        return request;
    }
}
