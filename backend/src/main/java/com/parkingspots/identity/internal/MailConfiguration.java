package com.parkingspots.identity.internal;

import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** SMTP when {@code SMTP_HOST} is set; otherwise the log, so a person trying the product can still follow the links. */
@Configuration(proxyBeanMethods = false)
class MailConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MailConfiguration.class);

    @Bean
    Mailer mailer(IdentityProperties properties) {
        IdentityProperties.Mail mail = properties.mail();
        if (!mail.smtpConfigured()) {
            log.info("SMTP_HOST is not set: emails are written to this log instead of being sent");
            return email -> log.info(
                    "Email (not sent, no SMTP_HOST) to {}: \"{}\" — link: {}",
                    email.to(),
                    email.subject(),
                    email.link());
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
