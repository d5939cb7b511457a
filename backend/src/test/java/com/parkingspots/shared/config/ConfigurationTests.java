package com.parkingspots.shared.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

class ConfigurationTests {

    private final ApplicationContextRunner runner =
            new ApplicationContextRunner().withUserConfiguration(PropertiesOnly.class);

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(PlatformProperties.class)
    static class PropertiesOnly {}

    @Test
    void productionProfileRefusesToStartWithoutASecretKey() {
        runner.withPropertyValues("parkingspots.profile=prod").run(context -> {
            assertThat(context).hasFailed();
            assertThat(rootMessage(context.getStartupFailure())).contains("SECRET_KEY must be set");
        });
    }

    @Test
    void productionProfileRefusesAShortSecretKey() {
        runner.withPropertyValues("parkingspots.profile=prod", "parkingspots.secret-key=only-twenty-bytes!!")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(rootMessage(context.getStartupFailure()))
                            .contains("SECRET_KEY is too short")
                            .contains("32 bytes");
                });
    }

    @Test
    void productionProfileStartsWithAStrongKey() {
        runner.withPropertyValues("parkingspots.profile=prod", "parkingspots.secret-key=" + "k".repeat(32))
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void developmentDefaultsNeedNothing() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            PlatformProperties properties = context.getBean(PlatformProperties.class);
            assertThat(properties.profile()).isEqualTo(PlatformProperties.Profile.DEV);
            assertThat(properties.embedded()).isTrue();
            assertThat(properties.corsOriginList())
                    .containsExactly("http://localhost:3000", "http://localhost:8000", "http://localhost:19006");
        });
    }

    @Test
    void anUnusableDatabaseUrlStopsStartUpWithAClearMessage() {
        runner.withPropertyValues("parkingspots.database-url=mysql://root:pw@db/app")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(rootMessage(context.getStartupFailure()))
                            .contains("DATABASE_URL")
                            .contains("only PostgreSQL")
                            .doesNotContain("pw@");
                });
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "postgresql://user:pass@db.example:5433/parking | jdbc:postgresql://db.example:5433/parking | user | pass",
                "postgresql+asyncpg://postgres:password@db:5432/parkingspots | jdbc:postgresql://db:5432/parkingspots | postgres | password",
                "postgres://app@localhost/app?sslmode=require | jdbc:postgresql://localhost/app?sslmode=require | app | ",
                "postgresql://u:p%40ss%2Fw0rd@127.0.0.1:5432/x | jdbc:postgresql://127.0.0.1:5432/x | u | p@ss/w0rd",
                "postgresql://localhost | jdbc:postgresql://localhost/postgres | | ",
                "jdbc:postgresql://localhost:5432/test?user=root | jdbc:postgresql://localhost:5432/test?user=root | | ",
            })
    void databaseUrlFormsAreParsed(String raw, String jdbc, String user, String password) {
        DatabaseUrls.Jdbc parsed = DatabaseUrls.parse(raw);
        assertThat(parsed.url()).isEqualTo(jdbc);
        assertThat(parsed.username()).isEqualTo(user);
        assertThat(parsed.password()).isEqualTo(password);
    }

    @Test
    void malformedDatabaseUrlsAreRejected() {
        assertThatThrownBy(() -> DatabaseUrls.parse("localhost:5432")).hasMessageContaining("DATABASE_URL");
        assertThatThrownBy(() -> DatabaseUrls.parse("postgresql:///nohost")).hasMessageContaining("no host");
    }

    @Test
    void corsOriginsAcceptCommaSeparatedAndJsonLists() {
        assertThat(CorsOrigins.parse("http://a:3000, http://b:3000/"))
                .containsExactly("http://a:3000", "http://b:3000");
        assertThat(CorsOrigins.parse("[\"http://a:3000\",\"http://10.0.0.5:3000\"]"))
                .containsExactly("http://a:3000", "http://10.0.0.5:3000");
    }

    @Test
    void withoutSecretKeyTheDevelopmentKeyIsGeneratedOnceAndKept(@TempDir Path dataDir) throws Exception {
        byte[] first = SecretKeys.loadOrGenerate(dataDir.resolve("secret.key"));
        byte[] second = SecretKeys.loadOrGenerate(dataDir.resolve("secret.key"));
        assertThat(first).hasSizeGreaterThanOrEqualTo(PlatformProperties.MIN_SECRET_KEY_BYTES);
        assertThat(second).isEqualTo(first);
        assertThat(Files.readString(dataDir.resolve("secret.key"), StandardCharsets.UTF_8)
                        .strip())
                .isEqualTo(new String(first, StandardCharsets.UTF_8));
        assertThat(Files.getPosixFilePermissions(dataDir.resolve("secret.key")).toString())
                .isEqualTo("[OWNER_READ, OWNER_WRITE]");
    }

    private static String rootMessage(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }
}
