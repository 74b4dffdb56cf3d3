package org.armswatch.input;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What is known of a file before its rows are read: BOM, header line, delimiter, charset, and, once some reader has
 * read every byte, its SHA-256 (else null).
 *
 * @param utf8Unconfirmed the charset is UTF-8 because none was configured and no byte seen so far says otherwise; the
 *     reader checks the rest ({@link NotUtf8Exception})
 */
public record InputScan(
        Path file,
        String sha256,
        long bytes,
        boolean bom,
        CsvDialect dialect,
        List<String> header,
        List<String> notes,
        int skipLines,
        ColumnMapping mapping,
        boolean utf8Unconfirmed) {

    public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    public static final String NOT_UTF8 = "not valid UTF-8: read as Windows-1252";
    public static final String UTF16 = "UTF-16, as its byte-order mark says (a spreadsheet's \"Unicode\" export)";

    /** A header that has not ended by then is not a header: the file is something else. */
    static final int MAX_HEADER_BYTES = 1 << 20;

    private static final int BUFFER = 1 << 20;

    public InputScan {
        header = List.copyOf(header);
        notes = List.copyOf(notes);
    }

    public static InputScan of(Path file) throws InputFileException {
        return of(file, ReadingOptions.BY_CONTENT);
    }

    /**
     * Scans with what a configured mapping says of the file: preamble lines, delimiter, encoding, decimal mark. Reads
     * every byte; the nightly run's first look is {@link #head(Path, ReadingOptions)}, which leaves that to the reader.
     */
    public static InputScan of(Path file, ReadingOptions options) throws InputFileException {
        HeaderLine headerLine = new HeaderLine(options.skipLines());
        byte[] buf = new byte[BUFFER];
        long total = 0;
        boolean bom = false;
        boolean utf16 = false;
        boolean validUtf8;
        String sha256;
        // SHA-256 and the UTF-8 check on a second thread; this one finds the header.
        try (DigestingInput in = new DigestingInput(Files.newInputStream(file), true)) {
            for (; ; ) {
                int n = in.readNBytes(buf, 0, buf.length);
                if (n == 0) {
                    break;
                }
                int headerFrom = 0;
                if (total == 0
                        && n >= 3
                        && (buf[0] & 0xFF) == 0xEF
                        && (buf[1] & 0xFF) == 0xBB
                        && (buf[2] & 0xFF) == 0xBF) {
                    bom = true;
                    headerFrom = 3;
                }
                if (total == 0) utf16 = utf16Bom(buf, n);
                total += n;
                if (!headerLine.complete()) {
                    headerLine.accept(buf, headerFrom, n);
                }
            }
            sha256 = in.sha256();
            validUtf8 = in.utf8();
        } catch (IOException e) {
            throw FileReadFailure.of(file, e);
        }
        Charset wide = wide(utf16, options.charset());
        if (wide != null) {
            return scanned(file, options, headerLineInUtf8(file, options, wide), wide, sha256, total, false, false);
        }
        return scanned(file, options, headerLine, validUtf8 ? null : WINDOWS_1252, sha256, total, bom, false);
    }

    /**
     * The first look at a file: its header only, as {@link #ofRecorded(Path, ReadingOptions, String, Charset)} reads
     * it, without a checksum. Unless configured, the charset is UTF-8 unless the header says otherwise, until the
     * reader has seen every byte: the reader checks that and computes the SHA-256 in the same pass
     * ({@link CsvReader#sha256()}; {@link NotUtf8Exception}, and the caller reads the file again as Windows-1252).
     */
    public static InputScan head(Path file, ReadingOptions options) throws InputFileException {
        return ofRecorded(file, options, null, null);
    }

    /** The same file, read before with this SHA-256: a reader refuses it at its end if it changed since. */
    public InputScan withSha256(String sha) {
        return new InputScan(file, sha, bytes, bom, dialect, header, notes, skipLines, mapping, false);
    }

    /** As {@link #head(Path, ReadingOptions)}, for a file a configured mapping describes. */
    public static InputScan head(Path file, ColumnMapping mapping) throws InputFileException {
        return mapped(head(file, mapping.reading()), mapping);
    }

    /**
     * A file of this run, as the staging steps see it: only its header is read again; its SHA-256 and charset are those
     * recorded, and {@link CsvReader} refuses the file at its end if its bytes no longer have that SHA-256. A null
     * SHA-256 (nobody read the file yet) checks nothing; a null charset is found as {@link #head} finds it.
     */
    public static InputScan ofRecorded(Path file, ReadingOptions options, String sha256, Charset charset)
            throws InputFileException {
        HeaderLine headerLine = new HeaderLine(options.skipLines());
        byte[] buf = new byte[1 << 16];
        boolean bom = false;
        boolean utf16 = false;
        long size;
        try (InputStream in = Files.newInputStream(file)) {
            size = Files.size(file);
            for (long total = 0; !headerLine.complete(); ) {
                int n = in.readNBytes(buf, 0, buf.length);
                if (n == 0) {
                    break;
                }
                int headerFrom = 0;
                if (total == 0
                        && n >= 3
                        && (buf[0] & 0xFF) == 0xEF
                        && (buf[1] & 0xFF) == 0xBB
                        && (buf[2] & 0xFF) == 0xBF) {
                    bom = true;
                    headerFrom = 3;
                }
                if (total == 0) utf16 = utf16Bom(buf, n);
                total += n;
                headerLine.accept(buf, headerFrom, n);
            }
        } catch (IOException e) {
            throw FileReadFailure.of(file, e);
        }
        Charset wide = wide(utf16, options.charset() != null ? options.charset() : charset);
        if (wide != null) {
            return scanned(file, options, headerLineInUtf8(file, options, wide), wide, sha256, size, false, false);
        }
        Charset recorded = StandardCharsets.UTF_8.equals(charset) ? null : charset;
        boolean unchecked = charset == null;
        if (unchecked && !headerLine.utf8()) {
            // Seen at once in a spreadsheet's export with an accented header: no need to wait for the reader.
            recorded = WINDOWS_1252;
            unchecked = false;
        }
        return scanned(file, options, headerLine, recorded, sha256, size, bom, unchecked);
    }

    /** As {@link #ofRecorded(Path, ReadingOptions, String, Charset)}, for a file a configured mapping describes. */
    public static InputScan ofRecorded(Path file, ColumnMapping mapping, String sha256, Charset charset)
            throws InputFileException {
        return mapped(ofRecorded(file, mapping.reading(), sha256, charset), mapping);
    }

    /**
     * @param notUtf8 the charset the content was read in because it is not UTF-8, else null
     * @param unchecked whether nobody has yet seen whether the content is UTF-8
     */
    private static InputScan scanned(
            Path file,
            ReadingOptions options,
            HeaderLine headerLine,
            Charset notUtf8,
            String sha256,
            long total,
            boolean bom,
            boolean unchecked)
            throws InputFileException {
        headerLine.end();
        if (headerLine.overlong()) {
            throw new InputFileException(
                    file,
                    "no header line in the first " + String.format(Locale.ROOT, "%,d", MAX_HEADER_BYTES) + " bytes");
        }
        if (!headerLine.found()) {
            throw new InputFileException(file, "no header line");
        }
        List<String> notes = new ArrayList<>();
        Charset charset = StandardCharsets.UTF_8;
        if (notUtf8 != null && !ByteText.parsedAsBytes(notUtf8)) {
            charset = notUtf8;
            if (options.charset() == null) notes.add(UTF16);
        } else if (options.charset() != null) {
            charset = options.charset();
        } else if (notUtf8 != null) {
            charset = notUtf8;
            notes.add(NOT_UTF8);
        }
        char delimiter = options.delimiter() != null ? options.delimiter() : headerLine.delimiter();
        int skipLines = options.skipLines();
        if (headerLine.namedDelimiter()) {
            skipLines++;
            notes.add("its first line, Excel's \"sep=" + headerLine.delimiter() + "\", names the delimiter");
        }
        boolean decimalComma = options.decimalComma() != null ? options.decimalComma() : delimiter == ';';
        CsvDialect dialect = new CsvDialect(delimiter, charset, decimalComma);
        // The header line of a file that is re-encoded as it is read was found in its UTF-8 (headerLineInUtf8).
        List<String> header = parseHeader(
                file,
                headerLine.bytes(),
                ByteText.parsedAsBytes(charset) ? dialect : new CsvDialect(delimiter, StandardCharsets.UTF_8, false));
        boolean utf8Unconfirmed = unchecked && options.charset() == null;
        return new InputScan(file, sha256, total, bom, dialect, header, notes, skipLines, null, utf8Unconfirmed);
    }

    private static boolean utf16Bom(byte[] buf, int n) {
        return n >= 2
                && ((buf[0] & 0xFF) == 0xFF && (buf[1] & 0xFF) == 0xFE
                        || (buf[0] & 0xFF) == 0xFE && (buf[1] & 0xFF) == 0xFF);
    }

    /**
     * The charset of a file whose delimiters and line breaks are not single ASCII bytes (UTF-16, by its byte-order
     * mark, which Java's UTF-16 decoder reads and drops; or as configured), else null.
     */
    private static Charset wide(boolean utf16Bom, Charset configured) {
        if (utf16Bom) return StandardCharsets.UTF_16;
        return configured != null && !ByteText.parsedAsBytes(configured) ? configured : null;
    }

    /** The header line of a file in a {@link #wide} charset, found in the file's text re-encoded as UTF-8. */
    private static HeaderLine headerLineInUtf8(Path file, ReadingOptions options, Charset wide)
            throws InputFileException {
        HeaderLine headerLine = new HeaderLine(options.skipLines());
        byte[] buf = new byte[1 << 16];
        try (InputStream in = ByteText.asUtf8(Files.newInputStream(file), wide)) {
            while (!headerLine.complete()) {
                int n = in.readNBytes(buf, 0, buf.length);
                if (n == 0) break;
                headerLine.accept(buf, 0, n);
            }
        } catch (IOException e) {
            throw FileReadFailure.of(file, e);
        }
        return headerLine;
    }

    /** Scans a file that a configured mapping describes: read as the mapping says, seen with our column names. */
    public static InputScan of(Path file, ColumnMapping mapping) throws InputFileException {
        return mapped(of(file, mapping.reading()), mapping);
    }

    private static InputScan mapped(InputScan raw, ColumnMapping mapping) throws InputFileException {
        Path file = raw.file();
        List<String> notes = new ArrayList<>(raw.notes());
        notes.add("read through the mapping '" + mapping.name() + "'");
        return new InputScan(
                file,
                raw.sha256(),
                raw.bytes(),
                raw.bom(),
                raw.dialect(),
                mapping.virtualHeader(file, raw.header()),
                notes,
                raw.skipLines(),
                mapping,
                raw.utf8Unconfirmed());
    }

    /** Parses the header with the same reader the rows will be read with, so both agree on quoting. */
    private static List<String> parseHeader(Path file, byte[] headerBytes, CsvDialect dialect)
            throws InputFileException {
        try (CsvReader reader = new CsvReader(file, new ByteArrayInputStream(headerBytes), dialect)) {
            if (!reader.next()) {
                throw new InputFileException(file, "no header line");
            }
            if (reader.problem() != null) {
                throw new InputFileException(file, "header line: " + reader.problem());
            }
            List<String> names = new ArrayList<>(reader.fieldCount());
            for (int i = 0; i < reader.fieldCount(); i++) {
                names.add(reader.field(i));
            }
            return names;
        }
    }

    /**
     * Finds the first line that is not blank, on bytes, before the charset is known: the quote, the line breaks and the
     * candidate delimiters are the same bytes in UTF-8 and Windows-1252, and no multi-byte UTF-8 sequence contains
     * them. Keeps the bytes up to that line's end and counts the delimiters outside quotes.
     */
    private static final class HeaderLine {
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        /** Preamble lines (records, quotes respected) still to pass over before the header. */
        private int toSkip;
        /** Whether the file's first line is the one being read (after a BOM), where Excel's "sep=" line stands. */
        private boolean firstLine;
        /** The delimiter a first line "sep=;" names, as Excel reads it; 0 without one. */
        private char named;

        private boolean lastCr;
        private boolean inQuotes;
        private boolean justClosed;
        private boolean atFieldStart = true;
        private boolean nonBlank;
        private boolean found;
        private boolean overlong;
        private int commas;
        private int semicolons;
        private int tabs;

        HeaderLine(int skipLines) {
            this.toSkip = skipLines;
            this.firstLine = skipLines == 0;
        }

        boolean complete() {
            return found || overlong;
        }

        void accept(byte[] buf, int from, int to) {
            int i = from;
            for (; i < to && !found; i++) {
                byte b = buf[i];
                if (inQuotes) {
                    if (b == '"') {
                        inQuotes = false;
                        justClosed = true;
                    } else if (b != ' ' && b != '\t' && b != ',' && b != ';' && b != '\r' && b != '\n') {
                        nonBlank = true;
                    }
                    continue;
                }
                if (b == '"' && (atFieldStart || justClosed)) {
                    inQuotes = true;
                    justClosed = false;
                    atFieldStart = false;
                    continue;
                }
                justClosed = false;
                boolean crlf = b == '\n' && lastCr;
                lastCr = b == '\r';
                if ((b == '\n' || b == '\r') && toSkip > 0) {
                    if (!crlf) {
                        toSkip--;
                    }
                    passLineOver();
                    from = i + 1;
                    continue;
                }
                switch (b) {
                    case '\n', '\r' -> {
                        boolean first = firstLine;
                        firstLine = false;
                        if (first && nonBlank && namesDelimiter(buf, from, i)) {
                            passLineOver();
                            from = i + 1;
                        } else if (nonBlank) {
                            found = true;
                        } else {
                            commas = 0;
                            semicolons = 0;
                            tabs = 0;
                            atFieldStart = true;
                        }
                    }
                    case ',' -> {
                        commas++;
                        atFieldStart = true;
                    }
                    case ';' -> {
                        semicolons++;
                        atFieldStart = true;
                    }
                    case '\t' -> {
                        tabs++;
                        atFieldStart = true;
                    }
                    case ' ', '"' -> {}
                    default -> {
                        nonBlank = true;
                        atFieldStart = false;
                    }
                }
            }
            int end = found ? i - 1 : to;
            kept.write(buf, from, end - from);
            if (!found && kept.size() > MAX_HEADER_BYTES) {
                overlong = true;
            }
        }

        /** Forgets the line just ended, a preamble or "sep=" line: the header is still to come. */
        private void passLineOver() {
            nonBlank = false;
            commas = 0;
            semicolons = 0;
            tabs = 0;
            atFieldStart = true;
            kept.reset();
        }

        /**
         * Whether the line so far, {@code kept} and then {@code buf[from, to)}, is Excel's {@code sep=;} (quoted or
         * not, any case): it names the delimiter and is no header. Excel writes it first, so only the first line is
         * looked at.
         */
        private boolean namesDelimiter(byte[] buf, int from, int to) {
            if (kept.size() + to - from > 12) return false;
            String line = (kept.toString(StandardCharsets.ISO_8859_1)
                            + new String(buf, from, to - from, StandardCharsets.ISO_8859_1))
                    .strip();
            if (line.length() > 2 && line.startsWith("\"") && line.endsWith("\"")) {
                line = line.substring(1, line.length() - 1);
            }
            if (line.length() != 5 || !line.regionMatches(true, 0, "sep=", 0, 4)) return false;
            char c = line.charAt(4);
            if (c != ',' && c != ';' && c != '\t') return false;
            named = c;
            return true;
        }

        /** Whether a first line "sep=X" named the delimiter and is to be passed over as a preamble line. */
        boolean namedDelimiter() {
            return named != 0;
        }

        /** The file ended: a last line without a line break still counts. */
        void end() {
            if (!complete() && nonBlank) {
                found = true;
            }
        }

        boolean found() {
            return found;
        }

        boolean overlong() {
            return overlong;
        }

        byte[] bytes() {
            return kept.toByteArray();
        }

        /** Whether the header line's bytes are UTF-8. */
        boolean utf8() {
            byte[] b = kept.toByteArray();
            return Utf8Validity.checkedUntil(b, 0, b.length) == b.length;
        }

        /** As a "sep=" line names it, else the most frequent candidate; ties go to the comma, the CSV default. */
        char delimiter() {
            if (named != 0) {
                return named;
            }
            if (commas >= semicolons && commas >= tabs) {
                return ',';
            }
            return semicolons >= tabs ? ';' : '\t';
        }
    }
}
