package com.parkingspots.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.apache.catalina.connector.ClientAbortException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;

/**
 * A client that hangs up while its answer is written (a phone losing signal, a load tool stopping) is not a server
 * error: no ERROR line with a stack trace, no error body written into a closed connection. A real failure still is one.
 */
@ExtendWith(OutputCaptureExtension.class)
class ClientAbortLoggingTests {

    private final ApiExceptionHandler handler =
            new ApiExceptionHandler(new StaticListableBeanFactory().getBeanProvider(RequestLimits.class));

    @Test
    void aBrokenPipeIsNeitherAnsweredNorLoggedAsAnError(CapturedOutput output) {
        var request = new MockHttpServletRequest("GET", "/api/v1/parking-spots/");
        var brokenPipe = new ClientAbortException(new IOException("Broken pipe"));

        assertThat(handler.unexpected(brokenPipe, request)).isNull();
        assertThat(handler.unexpected(new AsyncRequestNotUsableException("write failed", brokenPipe), request))
                .isNull();
        assertThat(output.getAll()).doesNotContain("ERROR").doesNotContain("Broken pipe");

        var failure = handler.unexpected(new IllegalStateException("a real bug"), request);
        assertThat(failure.getStatusCode().value()).isEqualTo(500);
        assertThat(output.getAll()).contains("ERROR").contains("a real bug");
    }
}
