package org.weiquan.app.web;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * CSV for the spreadsheets exports end up in, written by Jackson's CSV module (RFC 4180 quoting)
 * row by row as the rows are produced, never the whole file in memory. Beyond what CSV itself
 * asks: UTF-8 with a byte-order mark first (Excel on a Chinese Windows reads a file as UTF-8 only
 * with it), and a cell that starts with {@code = + - @} defused by a leading apostrophe, so that a
 * spreadsheet never runs a name or a note as a formula.
 */
public final class Csv {
    public static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    static final String BYTE_ORDER_MARK = "\uFEFF";
    private static final CsvMapper MAPPER = new CsvMapper();

    private final Writer writer;
    private final SequenceWriter rows;

    private Csv(Writer writer) throws IOException {
        this.writer = writer;
        writer.write(BYTE_ORDER_MARK);
        this.rows = MAPPER.writerFor(String[].class)
                .with(CsvSchema.emptySchema().withLineSeparator("\r\n"))
                .writeValues(writer);
    }

    /** What writes an export's rows, one {@link #row} at a time. */
    @FunctionalInterface
    public interface Rows {
        void writeTo(Csv csv) throws IOException;
    }

    /**
     * Answers with the download {@code fileName}, its rows written straight to the response as
     * {@code rows} produces them (the handler then returns null: the answer is written).
     */
    public static void download(HttpServletResponse response, String fileName, Rows rows) throws IOException {
        response.setContentType(TEXT_CSV.toString());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"");
        write(response.getOutputStream(), rows);
    }

    /** Writes the byte-order mark and the rows to {@code out}, and flushes (the stream stays open). */
    public static void write(OutputStream out, Rows rows) throws IOException {
        Csv csv = new Csv(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8)));
        rows.writeTo(csv);
        csv.rows.flush();
        csv.writer.flush();
    }

    public Csv row(String... fields) throws IOException {
        String[] safe = new String[fields.length];
        for (int i = 0; i < fields.length; i++) safe[i] = defused(fields[i]);
        rows.write(safe);
        return this;
    }

    /** An empty line, between the sections of a report. */
    public Csv blankLine() throws IOException {
        rows.flush();
        writer.write("\r\n");
        return this;
    }

    /** {@code =SUM(A1)} becomes {@code '=SUM(A1)}; null an empty cell. */
    static String defused(String field) {
        if (field == null) return "";
        return !field.isEmpty() && "=+-@".indexOf(field.charAt(0)) >= 0 ? "'" + field : field;
    }
}
