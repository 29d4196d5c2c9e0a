package org.weiquan.eventstore;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimestampsTest {

    @Test
    void reads_every_instant_as_instant_toString_writes_it() {
        Random random = new Random(26);
        for (int i = 0; i < 20_000; i++) {
            long seconds = random.nextLong(-62_000_000_000L, 250_000_000_000L);
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(seconds, nanos);
            assertThat(Timestamps.parse(instant.toString())).as(instant.toString()).isEqualTo(instant);
        }
    }

    @Test
    void reads_other_iso_shapes_as_instant_parse_does() {
        for (String text : List.of("2026-11-25T10:15:30.100Z", "2026-11-25T10:15:30.1Z", "2026-02-28T23:59:59.999999999Z",
                "2024-02-29T00:00:00Z", "+12026-01-01T00:00:00Z", "2026-11-25T10:15:30+08:00", "1969-12-31T23:59:59.5Z",
                "2026-11-25T24:00:00Z", "2026-11-25T10:15:30.Z")) {
            assertThat(Timestamps.parse(text)).as(text).isEqualTo(Instant.parse(text));
        }
    }

    @Test
    void refuses_what_instant_parse_refuses() {
        for (String text : List.of("2026-02-30T00:00:00Z", "2026-13-01T00:00:00Z", "2026-11-25T10:15:30.1234567890Z", "2026-1a-25T10:15:30Z", "not a time")) {
            assertThatThrownBy(() -> Timestamps.parse(text)).as(text).isInstanceOf(DateTimeParseException.class);
        }
    }
}
