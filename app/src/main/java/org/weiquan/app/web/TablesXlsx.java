package org.weiquan.app.web;

import jakarta.servlet.http.HttpServletResponse;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * A {@link Tables.Sheet} as an Excel workbook (.xlsx, ADR 38): one worksheet, the title and the
 * organisation on top, then each table with its heading row; counts are numbers and rates
 * percentages, so the office can sum and pass them on as they are.
 */
public final class TablesXlsx {
    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private TablesXlsx() {
    }

    /** Answers with the workbook as the download {@code fileName} (the handler then returns nothing). */
    public static void download(HttpServletResponse response, String fileName, Tables.Sheet sheet) throws IOException {
        response.setContentType(MEDIA_TYPE);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build()
                .toString());
        write(sheet, response.getOutputStream());
    }

    public static void write(Tables.Sheet report, OutputStream out) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(report.title() + " " + report.month()));
            Font bold = workbook.createFont();
            bold.setBold(true);
            CellStyle title = workbook.createCellStyle();
            Font large = workbook.createFont();
            large.setBold(true);
            large.setFontHeightInPoints((short) 14);
            title.setFont(large);
            CellStyle sectionTitle = workbook.createCellStyle();
            sectionTitle.setFont(bold);
            CellStyle heading = bordered(workbook.createCellStyle());
            heading.setFont(bold);
            CellStyle plain = bordered(workbook.createCellStyle());
            CellStyle percent = bordered(workbook.createCellStyle());
            percent.setDataFormat(workbook.createDataFormat().getFormat("0.0%"));

            int r = 0;
            sheet.createRow(r).createCell(0).setCellValue(report.title());
            sheet.getRow(r).getCell(0).setCellStyle(title);
            sheet.addMergedRegion(new CellRangeAddress(r, r, 0, 3));
            r++;
            sheet.createRow(r++).createCell(0).setCellValue(report.organisation() + "  " + report.month());
            for (Tables.Section section : report.sections()) {
                r++;
                Row named = sheet.createRow(r++);
                named.createCell(0).setCellValue(section.title());
                named.getCell(0).setCellStyle(sectionTitle);
                Row head = sheet.createRow(r++);
                List<String> header = section.header();
                for (int c = 0; c < header.size(); c++) {
                    head.createCell(c).setCellValue(header.get(c));
                    head.getCell(c).setCellStyle(heading);
                }
                for (List<Tables.Cell> cells : section.rows()) {
                    Row row = sheet.createRow(r++);
                    for (int c = 0; c < cells.size(); c++) {
                        Tables.Cell cell = cells.get(c);
                        var written = row.createCell(c);
                        if (cell.number() == null) {
                            written.setCellValue(cell.text());
                            written.setCellStyle(plain);
                        } else {
                            written.setCellValue(cell.number().doubleValue());
                            written.setCellStyle(cell.rate() ? percent : plain);
                        }
                    }
                }
            }
            sheet.setColumnWidth(0, 36 * 256);
            for (int c = 1; c < 4; c++) sheet.setColumnWidth(c, 14 * 256);
            workbook.write(out);
        }
    }

    private static CellStyle bordered(CellStyle style) {
        style.setBorderTop(BorderStyle.THIN);
        style.setBorderBottom(BorderStyle.THIN);
        style.setBorderLeft(BorderStyle.THIN);
        style.setBorderRight(BorderStyle.THIN);
        return style;
    }
}
