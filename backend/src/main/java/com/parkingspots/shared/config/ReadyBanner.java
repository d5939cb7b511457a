package com.parkingspots.shared.config;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Once the server answers: where to open it, and what the modules want said then (demo sign-ins). */
@Component
class ReadyBanner {

    private static final Logger log = LoggerFactory.getLogger(ReadyBanner.class);

    private final ObjectProvider<StartupNotes> notes;

    ReadyBanner(ObjectProvider<StartupNotes> notes) {
        this.notes = notes;
    }

    @EventListener
    void ready(ApplicationReadyEvent event) {
        if (!(event.getApplicationContext() instanceof WebServerApplicationContext web) || web.getWebServer() == null) {
            return;
        }
        List<String> lines = new ArrayList<>();
        lines.add("ParkingSpots is ready: open http://localhost:"
                + web.getWebServer().getPort());
        notes.orderedStream().forEach(note -> lines.addAll(note.lines()));
        String rule = "=".repeat(80);
        log.info("\n\n{}\n {}\n{}", rule, String.join("\n ", lines), rule);
    }
}
