package org.armswatch.input;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A file in another shape, described in configuration instead of code (inputs.md, "Files in other
 * shapes"): which of its columns is which of our fields, constants for fields it lacks, and how
 * to read it. The file is then read as if it had our header, by the same readers as any other.
 *
 * @param columns   our field name → the file's column name
 * @param constants our field name → the value every row gets
 * @param dateFormat a java.time pattern for the period or date column, or null for our own forms
 * @param periodIs  what a date in that column stands for: "day", "month", "quarter" or "year"
 */
public record ColumnMapping(String name, String files, Map<String, String> columns, Map<String, String> constants,
                            ReadingOptions reading, String dateFormat, String periodIs) {

    /** The fields whose text is a period or a date, which dateFormat applies to. */
    static final List<String> PERIOD_FIELDS = List.of("period", "date", "event_date");

    public ColumnMapping {
        columns = Map.copyOf(columns);
        constants = Map.copyOf(constants);
    }

    public boolean matches(String nameInInputFolder) {
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + files);
        return matcher.matches(Path.of(nameInInputFolder));
    }

    /**
     * The header our readers see: each mapped column renamed to its field, the file's other
     * columns as they are, and one column per constant after them.
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
                throw new InputFileException(file, "mapping '" + name + "' names the column '" + c.getValue()
                        + "' (for " + c.getKey() + "), which the file lacks; its header: " + String.join(", ", fileHeader));
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

    /** Turns a period cell written in the mapping's date format into our form; unreadable text stays as it is. */
    String period(String text) {
        if (dateFormat == null || text.isBlank()) return text;
        try {
            LocalDate d = LocalDate.parse(text.trim(), DateTimeFormatter.ofPattern(dateFormat, Locale.ROOT));
            return switch (periodIs == null ? "day" : periodIs) {
                case "year" -> String.valueOf(d.getYear());
                case "quarter" -> d.getYear() + "-Q" + ((d.getMonthValue() + 2) / 3);
                case "month" -> String.format(Locale.ROOT, "%d-%02d", d.getYear(), d.getMonthValue());
                default -> d.toString();
            };
        } catch (DateTimeParseException e) {
            return text;
        }
    }
}
