package org.armswatch.input;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.armswatch.period.DatePattern;
import org.armswatch.period.Granularity;
import org.armswatch.period.PeriodFormatException;

/**
 * A file in another shape, described in configuration instead of code (inputs.md, "Files in other shapes"): which of
 * its columns is which of our fields, constants for fields it lacks, how to read it, and what its values mean. The file
 * is then read as if it had our header and our words, by the same readers as any other.
 *
 * @param columns our field name → the file's column name
 * @param constants our field name → the value every row gets (a stated currency is the constant "currency")
 * @param datePattern how the period or date column is written, or null for our own forms
 * @param periodIs what a date in that column stands for, or null for what the pattern holds (a pattern without a day is
 *     a month, without a month a year)
 * @param values our field name → (a cell as the file writes it → our word for it), matched ignoring case and
 *     surrounding spaces: {@code status: {"0": issued, "1": refused}}; a cell not listed stays as it is
 */
public record ColumnMapping(
        String name,
        String files,
        Map<String, String> columns,
        Map<String, String> constants,
        ReadingOptions reading,
        DatePattern datePattern,
        Granularity periodIs,
        Map<String, Map<String, String>> values) {

    /**
     * The fields whose text is a period or a date, in the order the readers look for them: the date pattern applies to
     * the first of them a file has (an ACLED export's event_date, not its year).
     */
    static final List<String> PERIOD_FIELDS = List.of("period", "event_date", "date", "reference_period_start", "year");

    public ColumnMapping {
        columns = Map.copyOf(columns);
        constants = Map.copyOf(constants);
        Map<String, Map<String, String>> normalized = new HashMap<>();
        values.forEach((field, words) -> {
            Map<String, String> byCell = new HashMap<>();
            words.forEach((cell, word) -> byCell.put(cell.strip().toLowerCase(Locale.ROOT), word));
            normalized.put(Header.normalize(field), Map.copyOf(byCell));
        });
        values = Map.copyOf(normalized);
    }

    public boolean matches(String nameInInputFolder) {
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + files);
        return matcher.matches(Path.of(nameInInputFolder));
    }

    /**
     * The header our readers see: each mapped column renamed to its field, the file's other columns as they are, and
     * one column per constant after them.
     */
    List<String> virtualHeader(Path file, List<String> fileHeader) throws InputFileException {
        List<String> header = new ArrayList<>(fileHeader);
        for (Map.Entry<String, String> c : columns.entrySet()) {
            int index = -1;
            for (int i = 0; i < fileHeader.size(); i++) {
                if (Header.normalize(fileHeader.get(i)).equals(Header.normalize(c.getValue()))) {
                    index = i;
                    break;
                }
            }
            if (index < 0) {
                throw new InputFileException(
                        file,
                        "mapping '" + name + "' names the column '" + c.getValue() + "' (for " + c.getKey()
                                + "), which the file lacks; its header: " + String.join(", ", fileHeader));
            }
            header.set(index, c.getKey());
        }
        header.addAll(constants.keySet().stream().sorted().toList());
        return header;
    }

    /** Values of the constant columns, in the order virtualHeader appends them. */
    List<String> constantValues() {
        return constants.keySet().stream().sorted().map(constants::get).toList();
    }

    /**
     * How a file's own columns are read through this mapping.
     *
     * @param fields per column: null for as it is, else the field whose translations (or date pattern) apply
     * @param dateColumn the column the date pattern applies to, or -1
     */
    record Transforms(String[] fields, int dateColumn) {}

    /** The columns of the virtual header (the file's own, not the constants) that this mapping reads its way. */
    Transforms transforms(List<String> header, int ownColumns) {
        String[] fields = new String[ownColumns];
        int dateColumn = -1;
        if (datePattern != null) {
            for (String field : PERIOD_FIELDS) {
                for (int i = 0; i < ownColumns && dateColumn < 0; i++) {
                    if (Header.normalize(header.get(i)).equals(field)) dateColumn = i;
                }
            }
        }
        for (int i = 0; i < ownColumns; i++) {
            String field = Header.normalize(header.get(i));
            if (values.containsKey(field) || i == dateColumn) fields[i] = field;
        }
        return new Transforms(fields, dateColumn);
    }

    /**
     * A cell of such a column as our readers expect it: a listed value in our word, a date in our ISO form.
     *
     * @throws RowRejected when a date is not written as the mapping says
     */
    String transform(String field, String cell, boolean isDate) throws RowRejected {
        String text = cell;
        Map<String, String> words = values.get(field);
        if (words != null) {
            String word = words.get(cell.strip().toLowerCase(Locale.ROOT));
            if (word != null) text = word;
        }
        if (isDate && !text.isBlank()) {
            text = period(field, text);
        }
        return text;
    }

    /** A date in the mapping's pattern, in our form of what it stands for: 2012, 2012-Q1, 2012-03 or 2012-03-15. */
    private String period(String field, String text) throws RowRejected {
        LocalDate d;
        try {
            d = datePattern.parse(text);
        } catch (PeriodFormatException e) {
            throw new RowRejected(field + " " + e.getMessage() + " (mapping '" + name + "')");
        }
        Granularity g = periodIs != null ? periodIs : datePattern.granularity();
        return switch (g) {
            case YEAR -> String.valueOf(d.getYear());
            case QUARTER -> d.getYear() + "-Q" + ((d.getMonthValue() + 2) / 3);
            case MONTH -> String.format(Locale.ROOT, "%d-%02d", d.getYear(), d.getMonthValue());
            case DAY -> d.toString();
        };
    }
}
