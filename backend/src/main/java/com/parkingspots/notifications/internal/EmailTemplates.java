package com.parkingspots.notifications.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders a notification's email as HTML and as plain text from the Thymeleaf templates in {@code templates/mail}.
 * Its own engine (SpEL expressions, not the web MVC one): HTML escapes every value, the text template is in TEXT mode.
 */
@Component
public class EmailTemplates {

    public record Fact(String label, String value) {}

    /** What an email says; {@code lines} are paragraphs, {@code facts} the booking's figures. */
    public record Content(
            String name,
            String title,
            List<String> lines,
            List<Fact> facts,
            @Nullable String actionLabel,
            @Nullable String actionUrl,
            String unsubscribeUrl) {}

    public record Rendered(String html, String text) {}

    private final SpringTemplateEngine engine = new SpringTemplateEngine();

    EmailTemplates() {
        engine.addTemplateResolver(resolver(TemplateMode.HTML, ".html", 1));
        engine.addTemplateResolver(resolver(TemplateMode.TEXT, ".txt", 2));
    }

    private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String suffix, int order) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/mail/");
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setResolvablePatterns(java.util.Set.of("*" + suffix));
        resolver.setCheckExistence(true);
        resolver.setCacheable(true);
        resolver.setOrder(order);
        return resolver;
    }

    public Rendered render(Content content) {
        Context context = new Context(Locale.ENGLISH);
        context.setVariables(Map.of(
                "name", content.name(),
                "title", content.title(),
                "lines", content.lines(),
                "facts", content.facts(),
                "unsubscribeUrl", content.unsubscribeUrl()));
        context.setVariable("actionLabel", content.actionLabel());
        context.setVariable("actionUrl", content.actionUrl());
        return new Rendered(
                engine.process("notification.html", context),
                engine.process("notification.txt", context).replaceAll("\n{3,}", "\n\n"));
    }
}
