package org.armswatch.workbook;

import java.util.HashMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.armswatch.unrest.Qualifier;

/**
 * The few styles every sheet shares, made once per workbook (Excel allows a limited number). "At least" and "about" are
 * number formats, so the cell stays a number: ≥ 4,400 sorts and sums.
 */
final class CellStyles {

    final CellStyle title;
    final CellStyle description;
    final CellStyle header;
    final CellStyle text;
    final CellStyle wrapped;
    final CellStyle inert;
    final CellStyle link;
    final CellStyle missing;
    final CellStyle percent;
    final CellStyle ratio;
    /** Number styles, made when first asked for: by kind (or currency), qualifier, [r] and [i]. */
    private final Map<String, CellStyle[]> numberStyles = new HashMap<>();

    private final Workbook wb;
    private final DataFormat formats;

    CellStyles(Workbook wb) {
        this.wb = wb;
        Font bold = wb.createFont();
        bold.setBold(true);
        Font big = wb.createFont();
        big.setBold(true);
        big.setFontHeightInPoints((short) 14);
        Font underlined = wb.createFont();
        underlined.setUnderline(Font.U_SINGLE);
        underlined.setColor(org.apache.poi.ss.usermodel.IndexedColors.BLUE.getIndex());

        title = wb.createCellStyle();
        title.setFont(big);
        description = wb.createCellStyle();
        header = wb.createCellStyle();
        header.setFont(bold);
        header.setWrapText(true);
        header.setVerticalAlignment(VerticalAlignment.TOP);
        text = wb.createCellStyle();
        text.setVerticalAlignment(VerticalAlignment.TOP);
        wrapped = wb.createCellStyle();
        wrapped.setWrapText(true);
        wrapped.setVerticalAlignment(VerticalAlignment.TOP);
        // Quote-prefixed: text from an input that looks like a formula stays text even when edited.
        inert = wb.createCellStyle();
        inert.cloneStyleFrom(wrapped);
        inert.setQuotePrefixed(true);
        link = wb.createCellStyle();
        link.setFont(underlined);
        missing = wb.createCellStyle();
        missing.setAlignment(org.apache.poi.ss.usermodel.HorizontalAlignment.RIGHT);
        missing.setVerticalAlignment(VerticalAlignment.TOP);

        formats = wb.createDataFormat();
        percent = wb.createCellStyle();
        percent.setVerticalAlignment(VerticalAlignment.TOP);
        percent.setDataFormat(formats.getFormat("#,##0.0%"));
        ratio = wb.createCellStyle();
        ratio.setVerticalAlignment(VerticalAlignment.TOP);
        ratio.setDataFormat(formats.getFormat("#,##0.0"));
    }

    /**
     * A count: "≥ 4,400" through the format, " [r]" after a figure revised since the previous run, " [i]" after one
     * that rests on illustrative rows (not real data). The cell keeps the number.
     */
    CellStyle number(Qualifier qualifier, boolean revised, boolean illustrative) {
        return style("COUNT", "#,##0", "", qualifier, revised, illustrative);
    }

    /**
     * A value in its currency: the code stands after the number ({@code 2,200,000 GBP}) as well as in the column's
     * header, so a figure copied out of its column still says what money it is.
     */
    CellStyle money(String currency, boolean cents, Qualifier qualifier, boolean revised, boolean illustrative) {
        return style(
                currency + (cents ? ".00" : ""),
                cents ? "#,##0.00" : "#,##0",
                " " + currency,
                qualifier,
                revised,
                illustrative);
    }

    private CellStyle style(
            String family, String body, String unit, Qualifier qualifier, boolean revised, boolean illustrative) {
        CellStyle[] styles = numberStyles.computeIfAbsent(family, f -> new CellStyle[4 * Qualifier.values().length]);
        int i = (qualifier.ordinal() * 2 + (revised ? 1 : 0)) * 2 + (illustrative ? 1 : 0);
        if (styles[i] == null) {
            String suffix = unit + (revised ? " [r]" : "") + (illustrative ? " [i]" : "");
            CellStyle s = wb.createCellStyle();
            s.setVerticalAlignment(VerticalAlignment.TOP);
            s.setDataFormat(
                    formats.getFormat(prefix(qualifier) + body + (suffix.isEmpty() ? "" : "\"" + suffix + "\"")));
            styles[i] = s;
        }
        return styles[i];
    }

    /** The qualifier's mark as number-format text: "≥ " is written "\"≥ \"". */
    private static String prefix(Qualifier q) {
        return q == Qualifier.EXACT ? "" : "\"" + q.mark() + "\"";
    }
}
