package com.parkingspots.shared.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Establishes who is calling, without ever rejecting a request: public endpoints must ignore a bad or expired token
 * (CONTRACT.md Decision 4). Endpoints that need a caller ask for one ({@link CallerArgumentResolver}), and only then does
 * a missing or invalid token become a 401.
 */
final class AuthenticationFilter extends OncePerRequestFilter {

    static final String CALLER = AuthenticationFilter.class.getName() + ".caller";
    static final String FAILURE = AuthenticationFilter.class.getName() + ".failure";

    enum Failure {
        NOT_AUTHENTICATED,
        INVALID,
        INACTIVE
    }

    private final @Nullable BearerAuthenticator authenticator;

    AuthenticationFilter(@Nullable BearerAuthenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String token = BearerTokens.fromHeader(request.getHeader("Authorization"));
        if (token == null) {
            request.setAttribute(FAILURE, Failure.NOT_AUTHENTICATED);
        } else if (authenticator == null) {
            request.setAttribute(FAILURE, Failure.INVALID);
        } else {
            switch (authenticator.authenticate(token)) {
                case BearerAuthenticator.Authenticated(Caller caller) -> request.setAttribute(CALLER, caller);
                case BearerAuthenticator.Invalid() -> request.setAttribute(FAILURE, Failure.INVALID);
                case BearerAuthenticator.Revoked() -> request.setAttribute(FAILURE, Failure.INVALID);
                case BearerAuthenticator.Inactive() -> request.setAttribute(FAILURE, Failure.INACTIVE);
            }
        }
        chain.doFilter(request, response);
    }
}
