package com.parkingspots.identity.internal;

import com.parkingspots.shared.config.PlatformProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * SMTP when {@code SMTP_HOST} is set; otherwise each email is written to a file in {@code <data dir>/outbox}, so a person
 * trying the product can still follow its link. Never the log: the links carry sign-in-grade tokens (verification,
 * password reset), and logs are shipped, kept and read far more widely than a data directory.
 */
@Configuration(proxyBeanMethods = false)
class MailConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MailConfiguration.class);

    @Bean
    Mailer mailer(IdentityProperties properties, PlatformProperties platform) {
        IdentityProperties.Mail mail = properties.mail();
        if (!mail.smtpConfigured()) {
            Path outbox = platform.dataDir().resolve("outbox").toAbsolutePath();
            log.info("SMTP_HOST is not set: emails are written to {} instead of being sent", outbox);
            return email -> {
                Path file = outbox.resolve(Instant.now().toEpochMilli() + "-"
                        + UUID.randomUUID().toString().substring(0, 8) + ".txt");
                try {
                    Files.createDirectories(outbox);
                    Files.writeString(
                            file,
                            "To: " + email.to() + "\nSubject: " + email.subject() + "\n\n" + email.text() + "\n",
                            StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                log.info(
                        "Email (not sent, no SMTP_HOST) to {}: \"{}\" written to {}",
                        email.to(),
                        email.subject(),
                        file);
            };
        }
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(mail.smtpHost());
        sender.setPort(mail.smtpPort());
        sender.setUsername(mail.smtpUsername());
        sender.setPassword(mail.smtpPassword());
        sender.setDefaultEncoding("UTF-8");
        Properties javaMail = sender.getJavaMailProperties();
        javaMail.put("mail.smtp.auth", String.valueOf(mail.smtpUsername() != null));
        javaMail.put("mail.smtp.starttls.enable", String.valueOf(mail.smtpStarttls()));
        javaMail.put("mail.smtp.starttls.required", String.valueOf(mail.smtpStarttls()));
        javaMail.put("mail.smtp.connectiontimeout", "10000");
        javaMail.put("mail.smtp.timeout", "10000");
        javaMail.put("mail.smtp.writetimeout", "10000");
        return email -> {
            SimpleMailMessage message = new SimpleMailMessage();
            message.setFrom(mail.from());
            message.setTo(email.to());
            message.setSubject(email.subject());
            message.setText(email.text());
            sender.send(message);
        };
    }
}
