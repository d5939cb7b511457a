package com.parkingspots.shared.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class LogFormatTests {

    @Test
    void jsonMeansBootsStructuredEcsAndTextMeansThePlainPattern() {
        assertThat(LogFormat.structuredFormat(null)).isNull();
        assertThat(LogFormat.structuredFormat("")).isNull();
        assertThat(LogFormat.structuredFormat("text")).isNull();
        assertThat(LogFormat.structuredFormat("JSON")).isEqualTo("ecs");
        assertThat(LogFormat.structuredFormat("logstash")).isEqualTo("logstash");
        assertThatThrownBy(() -> LogFormat.structuredFormat("xml")).hasMessageContaining("LOG_FORMAT");
    }

    @Test
    void setsTheConsoleFormatBeforeLoggingStarts() {
        MockEnvironment environment = new MockEnvironment().withProperty("LOG_FORMAT", "json");
        new LogFormat().postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty("logging.structured.format.console")).isEqualTo("ecs");
        MockEnvironment plain = new MockEnvironment();
        new LogFormat().postProcessEnvironment(plain, new SpringApplication());
        assertThat(plain.getProperty("logging.structured.format.console")).isNull();
    }
}
