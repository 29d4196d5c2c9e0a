package org.weiquan.app.web;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The CSV every export writes: what spreadsheets need beyond RFC 4180, and rows as they come. */
class CsvTest {

    @Test
    void a_file_starts_with_the_byte_order_mark_and_quotes_what_rfc_4180_asks() throws IOException {
        String csv = written(out -> Csv.write(out, c -> c.row("case_number", "note")
                .row("LD-2026-000001", "有逗号, 和\"引号\"")
                .row("LD-2026-000002", "两行\r\n说明")
                .row("LD-2026-000003", null)));

        byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
        assertThat(new byte[]{bytes[0], bytes[1], bytes[2]}).containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(csv).isEqualTo("\uFEFFcase_number,note\r\n"
                + "LD-2026-000001,\"有逗号, 和\"\"引号\"\"\"\r\n"
                + "LD-2026-000002,\"两行\r\n说明\"\r\n"
                + "LD-2026-000003,\r\n");
    }

    @Test
    void a_cell_that_a_spreadsheet_would_run_as_a_formula_is_defused() throws IOException {
        String csv = written(out -> Csv.write(out, c -> c.row("=HYPERLINK(\"http://x\")", "+1", "-2", "@SUM(A1)", "a=b")));

        // the apostrophe makes it text (OWASP's advice); the CSV module quotes such a cell as well
        assertThat(csv).isEqualTo("\uFEFF\"'=HYPERLINK(\"\"http://x\"\")\",\"'+1\",\"'-2\",\"'@SUM(A1)\",a=b\r\n");
    }

    @Test
    void sections_are_separated_by_an_empty_line() throws IOException {
        String csv = written(out -> Csv.write(out, c -> c.row("total", "count").row("received", "3")
                .blankLine().row("channel", "count")));

        assertThat(csv).isEqualTo("\uFEFFtotal,count\r\nreceived,3\r\n\r\nchannel,count\r\n");
    }

    @Test
    void rows_reach_the_stream_as_they_are_written_not_all_at_the_end() throws IOException {
        AtomicInteger bytesWhenTheLastRowIsWritten = new AtomicInteger();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Csv.write(out, c -> {
            for (int i = 0; i < 20_000; i++) c.row("LD-2026-" + i, "第" + i + "次调解：双方陈述意见");
            bytesWhenTheLastRowIsWritten.set(out.size());
            c.row("last", "row");
        });

        assertThat(bytesWhenTheLastRowIsWritten.get()).as("bytes already written before the end")
                .isGreaterThan(out.size() / 2);
    }

    private interface Writing {
        void to(OutputStream out) throws IOException;
    }

    private static String written(Writing writing) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writing.to(out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
