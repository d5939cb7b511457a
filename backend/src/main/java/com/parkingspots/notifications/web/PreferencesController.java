package com.parkingspots.notifications.web;

import com.parkingspots.notifications.internal.Channel;
import com.parkingspots.notifications.internal.Kind;
import com.parkingspots.notifications.internal.Preferences;
import com.parkingspots.shared.security.Caller;
import com.parkingspots.shared.web.RequestValidationException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The user's choices per kind and channel; {@code PUT} changes the kinds and channels it names, nothing else. */
@RestController
class PreferencesController {

    record Preference(
            String kind,
            @Nullable Boolean email,
            @Nullable Boolean push,
            @Nullable Boolean inApp) {}

    record PreferencesBody(@NotNull List<Preference> preferences) {}

    private final Preferences preferences;

    PreferencesController(Preferences preferences) {
        this.preferences = preferences;
    }

    @GetMapping("/api/v1/users/me/notification-preferences")
    PreferencesBody get(Caller caller) {
        return body(preferences.all(caller.id()));
    }

    @PutMapping("/api/v1/users/me/notification-preferences")
    @Transactional
    PreferencesBody put(Caller caller, @Valid @RequestBody PreferencesBody request) {
        for (int i = 0; i < request.preferences().size(); i++) {
            Preference preference = request.preferences().get(i);
            int index = i;
            Kind kind = Kind.parse(preference.kind() == null ? "" : preference.kind())
                    .orElseThrow(() -> RequestValidationException.of(
                            "enum", List.of("body", "preferences", index, "kind"), "Unknown notification kind"));
            set(caller, kind, Channel.EMAIL, preference.email());
            set(caller, kind, Channel.PUSH, preference.push());
            set(caller, kind, Channel.IN_APP, preference.inApp());
        }
        return body(preferences.all(caller.id()));
    }

    private void set(Caller caller, Kind kind, Channel channel, @Nullable Boolean enabled) {
        if (enabled != null) {
            preferences.set(caller.id(), kind, channel, enabled);
        }
    }

    private static PreferencesBody body(Map<Kind, Map<Channel, Boolean>> all) {
        return new PreferencesBody(all.entrySet().stream()
                .map(e -> new Preference(
                        e.getKey().value(),
                        e.getValue().get(Channel.EMAIL),
                        e.getValue().get(Channel.PUSH),
                        e.getValue().get(Channel.IN_APP)))
                .toList());
    }
}
