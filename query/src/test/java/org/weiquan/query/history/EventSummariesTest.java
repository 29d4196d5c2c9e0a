package org.weiquan.query.history;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EventSummariesTest {
    private final EventSummaries summaries = EventSummaries.load("/audit/test-labels.csv");

    @Test
    void fills_plain_and_nested_fields_in_both_languages() {
        var summary = summaries.summarise("test.fields",
                Map.of("who", "苏州某公司", "amount", "10000.00", "worker", Map.of("name", "张小明")));

        assertThat(summary.en()).isEqualTo("苏州某公司 paid 10000.00 to 张小明");
        assertThat(summary.zh()).isEqualTo("苏州某公司向张小明支付10000.00");
    }

    @Test
    void a_missing_value_is_a_dash_and_a_label_without_fields_is_kept_as_written() {
        Map<String, Object> data = new HashMap<>();
        data.put("who", null);

        assertThat(summaries.summarise("test.fields", data).en()).isEqualTo("— paid — to —");
        assertThat(summaries.summarise("test.plain", data).zh()).isEqualTo("无需填写");
    }

    @Test
    void alternatives_take_the_first_plain_value_so_old_and_new_revisions_both_read_well() {
        var newShape = summaries.summarise("test.alternatives",
                Map.of("mediator", Map.of("id", "mediator.sun", "name", "孙丽")));
        var oldShape = summaries.summarise("test.alternatives", Map.of("mediator", "mediator.sun"));

        assertThat(newShape.en()).isEqualTo("Mediator mediator.sun assigned");
        assertThat(newShape.zh()).isEqualTo("指派调解员孙丽");
        assertThat(oldShape.zh()).isEqualTo("指派调解员mediator.sun");
    }

    @Test
    void values_with_replacement_characters_are_copied_literally() {
        var summary = summaries.summarise("test.fields",
                Map.of("who", "$1 \\ co", "amount", "{amount}", "worker", Map.of("name", "x")));

        assertThat(summary.en()).isEqualTo("$1 \\ co paid {amount} to x");
    }

    @Test
    void an_unknown_event_type_falls_back_to_its_name() {
        assertThat(summaries.summarise("labour-dispute.something-new", Map.of()).en())
                .isEqualTo("labour dispute something new");
        assertThat(summaries.knows("test.plain")).isTrue();
        assertThat(summaries.knows("labour-dispute.something-new")).isFalse();
    }

    @Test
    void a_coded_value_reads_as_its_label_in_each_language_and_an_unknown_one_as_it_is() {
        var verified = EventSummaries.standard().summarise("safety-hazard.rectification-verified",
                Map.of("outcome", "PASSED", "verifiedOn", "2026-12-03"));
        assertThat(verified.zh()).isEqualTo("2026-12-03 整改核查：复查合格");
        assertThat(verified.en()).isEqualTo("Rectification verified: Passed on 2026-12-03");
        var filed = EventSummaries.standard().summarise("labour-dispute.filed",
                Map.of("caseNumber", "LD-2026-000001", "category", "WAGE_ARREARS"));
        assertThat(filed.zh()).isEqualTo("劳动争议 LD-2026-000001 已登记（收到调解申请，拖欠劳动报酬）");
        var unknown = EventSummaries.standard().summarise("labour-dispute.filed",
                Map.of("caseNumber", "LD-2026-000001", "category", "SOMETHING_NEW"));
        assertThat(unknown.zh()).contains("SOMETHING_NEW");
    }

    @Test
    void every_coded_field_of_the_label_file_names_a_type_of_the_labels_table() throws Exception {
        java.util.Properties labels = new java.util.Properties();
        try (var in = EventSummaries.class.getResourceAsStream("/labels.properties")) {
            labels.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        String file;
        try (var in = EventSummaries.class.getResourceAsStream("/audit/event-labels.csv")) {
            file = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.startsWith("#")).collect(java.util.stream.Collectors.joining("\n"));
        }
        var types = java.util.regex.Pattern.compile("\\{[A-Za-z0-9.|]+:([A-Za-z]+)}").matcher(file).results()
                .map(match -> match.group(1)).distinct().toList();
        assertThat(types).hasSizeGreaterThan(15);
        for (String type : types) {
            assertThat(labels.stringPropertyNames()).as(type).anyMatch(key -> key.startsWith(type + "."));
        }
    }
}
