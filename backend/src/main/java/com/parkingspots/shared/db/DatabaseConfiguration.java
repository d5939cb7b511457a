package com.parkingspots.shared.db;

import com.parkingspots.shared.config.DatabaseUrls;
import com.parkingspots.shared.config.PlatformProperties;
import com.zaxxer.hikari.HikariDataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One DataSource: the external PostgreSQL named by {@code DATABASE_URL}, or the embedded one when it is unset. The
 * embedded server is a bean the pool depends on, so Spring closes the pool first and the server after it.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    @Nullable
    EmbeddedPostgresServer embeddedPostgresServer(PlatformProperties properties) {
        if (!properties.embedded()) {
            return null;
        }
        return EmbeddedPostgresServer.start(
                properties.dataDir(),
                properties.embeddedDatabase().durable(),
                properties.embeddedDatabase().port());
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(PlatformProperties properties, ObjectProvider<EmbeddedPostgresServer> embedded) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setPoolName("parkingspots");
        if (properties.embedded()) {
            EmbeddedPostgresServer server = embedded.getObject();
            dataSource.setJdbcUrl(server.jdbcUrl());
            dataSource.setUsername(server.username());
        } else {
            DatabaseUrls.Jdbc jdbc = DatabaseUrls.parse(properties.databaseUrl());
            dataSource.setJdbcUrl(jdbc.url());
            if (jdbc.username() != null) {
                dataSource.setUsername(jdbc.username());
            }
            if (jdbc.password() != null) {
                dataSource.setPassword(jdbc.password());
            }
            log.info("Using external PostgreSQL at {}", jdbc.url());
        }
        return dataSource;
    }
}
