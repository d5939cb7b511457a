package com.parkingspots.identity.internal;

import com.parkingspots.identity.MailOutbox;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Identity's emails go into the transactional outbox of the notifications module ({@link MailOutbox}), which sends them
 * over SMTP when {@code SMTP_HOST} is set and otherwise writes them to files in {@code <data dir>/outbox}.
 */
@Configuration(proxyBeanMethods = false)
class MailConfiguration {

    @Bean
    Mailer mailer(MailOutbox outbox) {
        return email -> outbox.enqueue(email.to(), email.subject(), email.text());
    }
}
