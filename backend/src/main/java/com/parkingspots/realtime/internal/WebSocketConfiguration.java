package com.parkingspots.realtime.internal;

import com.parkingspots.shared.config.PlatformProperties;
import com.parkingspots.shared.security.BearerAuthenticator;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

/**
 * {@code /api/v1/ws} (also with a trailing slash, through the shared trailing-slash filter), plain WebSocket without
 * STOMP. Browser origins are those of {@code BACKEND_CORS_ORIGINS}; clients without an {@code Origin} header are
 * accepted. Frames larger than {@code parkingspots.realtime.max-message-bytes} close the connection with 1009.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class WebSocketConfiguration implements WebSocketConfigurer {

    static final String PATH = "/api/v1/ws";

    private final RealtimeHandler handler;
    private final ObjectProvider<BearerAuthenticator> authenticator;
    private final WebSocketTickets tickets;
    private final List<String> origins;

    WebSocketConfiguration(
            RealtimeHandler handler,
            ObjectProvider<BearerAuthenticator> authenticator,
            WebSocketTickets tickets,
            PlatformProperties platform) {
        this.handler = handler;
        this.authenticator = authenticator;
        this.tickets = tickets;
        this.origins = platform.corsOriginList();
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(handler, PATH)
                .addInterceptors(new TokenHandshake(authenticator, tickets))
                .setAllowedOriginPatterns(origins.toArray(String[]::new));
    }

    @Bean
    ServletServerContainerFactoryBean webSocketContainer(RealtimeProperties properties) {
        ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
        container.setMaxTextMessageBufferSize(properties.maxMessageBytes());
        container.setMaxBinaryMessageBufferSize(properties.maxMessageBytes());
        container.setMaxSessionIdleTimeout(properties.idleTimeout().toMillis() * 2);
        container.setAsyncSendTimeout(properties.sendTimeout().toMillis());
        return container;
    }
}
