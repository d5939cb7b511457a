package com.parkingspots.spots.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class WeeklyScheduleTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static String week(String hours, WeeklySchedule.Window... blocked) {
        return WeeklySchedule.of(hours == null ? null : JSON.readTree(hours), List.of(blocked))
                .toMultirange();
    }

    @Test
    void noHoursMeansOpenAllWeek() {
        assertThat(week(null)).isEqualTo("{[0,10080)}");
        assertThat(WeeklySchedule.of(null, List.of()).isOpenAllWeek()).isTrue();
    }

    @Test
    void dayWindowsBecomeMinutesSinceMonday() {
        assertThat(week("{\"monday\":{\"open\":\"08:00\",\"close\":\"20:00\"},\"wednesday\":\"24h\"}"))
                .isEqualTo("{[480,1200),[2880,4320)}");
    }

    @Test
    void theWebClientsShapesAreReadCloseAt2400AndNullForClosed() {
        assertThat(week("{\"monday\":{\"open\":\"00:00\",\"close\":\"24:00\"},\"tuesday\":null,"
                        + "\"wednesday\":{\"open\":\"18:00\",\"close\":\"24:00\"}}"))
                .isEqualTo("{[0,1440),[3960,4320)}");
        assertThatThrownBy(() -> week("{\"monday\":{\"open\":\"24:00\",\"close\":\"24:00\"}}"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void overnightHoursRunIntoTheNextDayAndSundayWrapsToMonday() {
        assertThat(week("{\"sunday\":{\"open\":\"22:00\",\"close\":\"06:00\"}}"))
                .isEqualTo("{[0,360),[9960,10080)}");
        assertThat(week("{\"monday\":{\"open\":\"00:00\",\"close\":\"00:00\"}}"))
                .isEqualTo("{[0,1440)}");
    }

    @Test
    void blockedWindowsAreSubtractedOnTheirDayOrEveryDay() {
        assertThat(week(null, new WeeklySchedule.Window(0, LocalTime.of(12, 0), LocalTime.of(14, 0))))
                .isEqualTo("{[0,720),[840,10080)}");
        String daily = week(
                "{\"monday\":\"24h\",\"tuesday\":\"24h\"}",
                new WeeklySchedule.Window(null, LocalTime.of(23, 0), LocalTime.of(1, 0)));
        assertThat(daily).isEqualTo("{[60,1380),[1500,2820)}");
    }

    @Test
    void malformedSchedulesAreRefusedWithAMessage() {
        for (String bad : List.of(
                "[]",
                "{\"funday\":\"24h\"}",
                "{\"monday\":{\"open\":\"8:00\",\"close\":\"10:00\"}}",
                "{\"monday\":{\"open\":\"24:00\",\"close\":\"10:00\"}}",
                "{\"monday\":{\"open\":\"08:00\"}}",
                "{\"monday\":42}")) {
            assertThatThrownBy(() -> WeeklySchedule.parse(JSON.readTree(bad)))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("operating_hours");
        }
    }
}
