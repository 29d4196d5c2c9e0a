package org.weiquan.app.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Figures laid out as an office reads them: a sheet of titled tables whose cells carry both the text
 * a page shows and the number a spreadsheet keeps. A page, its print view, a CSV and an Excel
 * workbook are all written from one {@link Sheet}, so they cannot disagree.
 */
public final class Tables {
    private Tables() {
    }

    /**
     * One cell: {@code text} as the page shows it; {@code number} for a spreadsheet (a count, or a
     * rate as a fraction), null for words; {@code rate}: the number is a fraction shown as a percentage.
     */
    public record Cell(String text, Number number, boolean rate) {
        public static Cell words(String text) {
            return new Cell(text, null, false);
        }

        public static Cell count(long count) {
            return new Cell(Long.toString(count), count, false);
        }

        public static Cell rate(BigDecimal fraction) {
            return fraction == null ? new Cell("—", null, false)
                    : new Cell(fraction.movePointRight(2).setScale(1, RoundingMode.HALF_UP).toPlainString() + " %",
                    fraction, true);
        }
    }

    /** One table: its title, its column headings and its rows. */
    public record Section(String title, List<String> header, List<List<Cell>> rows) {
    }

    /** The whole report: its title line, its organisation and month, and its tables. */
    public record Sheet(String title, String organisation, String month, List<Section> sections) {
    }

    /**
     * The sheet as CSV rows: its title, then each table under its title and headings, tables
     * separated by an empty line; the text of each cell, as the page shows it.
     */
    public static void writeCsv(Sheet sheet, Csv csv) throws IOException {
        csv.row(sheet.title(), sheet.organisation(), sheet.month());
        for (Section section : sheet.sections()) {
            csv.blankLine();
            if (sheet.sections().size() > 1) csv.row(section.title());
            csv.row(section.header().toArray(String[]::new));
            for (List<Cell> row : section.rows()) csv.row(row.stream().map(Cell::text).toArray(String[]::new));
        }
    }
}
