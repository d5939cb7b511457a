package com.parkingspots.shared.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;

/**
 * Refuses a request path whose {@code ;} path parameters are not well-formed percent-encoded UTF-8
 * ({@code /users/1;%2}): Tomcat decodes only the path proper, and Spring's path parser, which decodes the parameters
 * too, would fail with an exception in the first filter. The 400 is written by {@link JsonErrorReportValve}.
 */
final class MalformedPathValve extends ValveBase {

    MalformedPathValve() {
        super(true);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        String uri = request.getRequestURI();
        if (uri != null && uri.indexOf(';') >= 0 && !FormUrlEncoded.isWellFormedPath(uri)) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        getNext().invoke(request, response);
    }
}
