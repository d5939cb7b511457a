package com.parkingspots.notifications.internal;

import com.parkingspots.shared.config.PlatformProperties;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
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
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * SMTP when {@code SMTP_HOST} is set; otherwise each email is written to a file in {@code <data dir>/outbox}, so a person
 * trying the product can still follow its link. Never the log: links carry sign-in-grade tokens (verification,
 * password reset), and logs are shipped, kept and read far more widely than a data directory.
 */
@Configuration(proxyBeanMethods = false)
class MailTransportConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MailTransportConfiguration.class);

    @Bean
    MailTransport mailTransport(MailSettings mail, PlatformProperties platform) {
        if (!mail.smtpConfigured()) {
            Path outbox = platform.dataDir().resolve("outbox").toAbsolutePath();
            log.info("SMTP_HOST is not set: emails are written to {} instead of being sent", outbox);
            return email -> {
                String name = Instant.now().toEpochMilli() + "-"
                        + UUID.randomUUID().toString().substring(0, 8);
                Path file = outbox.resolve(name + ".txt");
                try {
                    Files.createDirectories(outbox);
                    Files.writeString(
                            file,
                            "To: " + email.to() + "\nSubject: " + email.subject() + "\n\n" + email.text() + "\n",
                            StandardCharsets.UTF_8);
                    if (email.html() != null) {
                        Files.writeString(outbox.resolve(name + ".html"), email.html(), StandardCharsets.UTF_8);
                    }
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
            MimeMessage message = sender.createMimeMessage();
            try {
                MimeMessageHelper helper = new MimeMessageHelper(message, email.html() != null, "UTF-8");
                helper.setFrom(mail.from());
                helper.setTo(email.to());
                helper.setSubject(email.subject());
                if (email.html() != null) {
                    helper.setText(email.text(), email.html());
                } else {
                    helper.setText(email.text());
                }
                if (email.unsubscribeUrl() != null) {
                    message.setHeader("List-Unsubscribe", "<" + email.unsubscribeUrl() + ">");
                    message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
                }
            } catch (MessagingException e) {
                throw new MailPreparationException(e);
            }
            sender.send(message);
        };
    }
}
