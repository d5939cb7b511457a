package com.parkingspots.shared.security;

import com.parkingspots.shared.web.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Resolves {@link Caller} (required: 401/400 with the contract's messages otherwise) and {@code Optional<Caller>}.
 * Declare the caller before the body so that, as in the existing API, 401 wins over 422.
 */
final class CallerArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        if (parameter.getParameterType() == Caller.class) {
            return true;
        }
        return parameter.getParameterType() == Optional.class
                && parameter.nested().getNestedParameterType() == Caller.class;
    }

    @Override
    public Object resolveArgument(
            MethodParameter parameter,
            ModelAndViewContainer mavContainer,
            NativeWebRequest webRequest,
            WebDataBinderFactory binderFactory) {
        HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
        Caller caller = request == null ? null : (Caller) request.getAttribute(AuthenticationFilter.CALLER);
        if (parameter.getParameterType() == Optional.class) {
            return Optional.ofNullable(caller);
        }
        if (caller != null) {
            return caller;
        }
        Object failure = request == null ? null : request.getAttribute(AuthenticationFilter.FAILURE);
        if (failure == AuthenticationFilter.Failure.INACTIVE) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "Inactive user");
        }
        if (failure == AuthenticationFilter.Failure.INVALID) {
            throw ApiException.unauthorized("Could not validate credentials");
        }
        throw ApiException.unauthorized("Not authenticated");
    }
}
