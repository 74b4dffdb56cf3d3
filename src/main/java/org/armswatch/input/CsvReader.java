package org.armswatch.input;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Streams the records of one file (RFC 4180, tolerant the way spreadsheet programs are).
 *
 * <p>Fields of the current record are valid until {@link #next()}. The record stays in one byte buffer as the file has
 * it and a field becomes a {@code String} only when asked for, so that a reader touching a few of ACLED's 31 columns
 * pays for decoding those only. Parsing bytes is safe because the delimiter, the quote and the line breaks are single
 * bytes that no other character contains, in UTF-8 and in single-byte charsets such as Windows-1252; a file in any
 * other charset is re-encoded as UTF-8 while it is read ({@link ByteText}).
 *
 * <p>Choices where RFC 4180 is silent: spaces before an opening quote and after a closing quote are ignored ({@code a,
 * "b, c" ,d} has three fields); a quote inside an unquoted field ({@code 5" gun}) is a literal character; text after a
 * closing quote ({@code "abc"def}) is appended and reported as a problem; a record that is still inside quotes at the
 * end of the file is reported as an "unterminated quote".
 *
 * <p>Opened on a scan, it computes the file's SHA-256 as it reads ({@link #sha256()}) and, at the end of the file,
 * refuses a file whose bytes are no longer those the run recorded, or that the scan took for UTF-8 and is not, before a
 * caller could keep anything of it.
 *
 * <p>Why not a maintained parser ({@code bench/csv-parsers.sh}, docs/performance.md, 2026-12-03): Spring Batch's
 * {@code FlatFileItemReader} read the L workload's ACLED export in 9.4–9.8 s against this reader's 2.3 s, half the
 * job's time, far over the 10 % issue 16 allows. FastCSV 4.1.0 took 2.7–2.8 s, but reads a quote that is never closed
 * as one last record holding the rest of the file, without a word: 60 licences after a stray quote vanished from the
 * totals. It also fails the whole file on text after a closing quote (or, when allowed, reads {@code "1"00} as 100),
 * and on a field longer than its buffer. This reader says which line is broken, and why, in each of these cases.
 */
public final class CsvReader implements Closeable {

    static final int MAX_FIELD = 1_000_000;
    /** What a rejected row keeps of a field that was too long to hold. */
    private static final int KEPT_OF_LONG_FIELD = 200;

    private static final int INITIAL_BYTES = 1 << 20;

    private static final byte PLAIN = 0;
    /** Quoted, closed, no doubled quotes: the value is the span without its two quotes. */
    private static final byte QUOTED = 1;
    /** Needs unescaping: doubled quotes, text after the closing quote, or no closing quote. */
    private static final byte ESCAPED = 2;

    /** Eight bytes of the buffer as one long, little-endian: the first byte is the lowest. */
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private static final long QUOTES = everyByte('"');
    private static final long LFS = everyByte('\n');
    private static final long CRS = everyByte('\r');

    private static final int IN_UNQUOTED = 0;
    private static final int IN_QUOTED = 1;
    private static final int AFTER_QUOTE = 2;

    private final Path file;
    private final InputStream in;
    private final ByteText text;
    private final byte delimiter;
    /** The delimiter in every byte of a long, for {@link #fieldEnd}. */
    private final long delimiterBytes;
    /** The scan's SHA-256, which the bytes read must have; null when nobody asked. */
    private String expectedSha256;
    /** The file's size and time when it was opened: a file that grows or is rewritten while read is refused. */
    private java.nio.file.attribute.BasicFileAttributes openedAs;
    /** The SHA-256 of every byte of the file, once its end was reached. */
    private String sha256;
    /** The scan took the file for UTF-8 without having seen all of it. */
    private boolean utf8Unconfirmed;

    private DigestingInput digesting;
    private boolean bytesEnded;

    private byte[] buf = new byte[INITIAL_BYTES];
    private int limit;
    private int pos;
    private boolean pendingCr;
    private long nextLine = 1;

    private int recStart;
    private int recEnd;
    private long line;
    private String problem;
    /** Lines after its first that a quote never closed took into the record: see {@link #next()}. */
    private long linesTakenIn;
    /** Text after a closing quote in this record, the mark of a stray quote closed at a later row's start. */
    private boolean textAfterQuote;
    /** A line break inside quotes: the record may have taken in lines that were rows ({@link #refuseRowsTakenIn}). */
    private boolean breakInQuotes;
    /** The header's delimiters: a line with as many inside a quoted field is a row taken in by a stray quote. */
    private int headerDelimiters = Integer.MAX_VALUE;

    private boolean truncated;
    private int fieldCount;
    /** A mapped file's constant columns follow its own; its period column may need its date format read. */
    private int ownColumns = Integer.MAX_VALUE;

    private List<String> constants = List.of();
    private ColumnMapping mapping;
    /** Per column of a mapped file: whether its cells are read through the mapping (dates, translated values). */
    private boolean[] transformed = new boolean[0];

    private String[] transformedFields = new String[0];
    private int dateColumn = -1;
    /** This record's cells of those columns, as the mapping made them. */
    private String[] transformedValues = new String[0];

    private int[] starts = new int[64];
    private int[] ends = new int[64];
    private byte[] kinds = new byte[64];
    private String[] values = new String[64];

    CsvReader(Path file, InputStream in, CsvDialect dialect) {
        this.file = file;
        this.text = ByteText.of(dialect);
        this.in = text.wrap(in);
        this.delimiter = text.delimiter();
        this.delimiterBytes = everyByte(delimiter);
    }

    /** Opens the scanned file, positioned after its header line. */
    public static CsvReader open(InputScan scan) throws InputFileException {
        Path file = scan.file();
        DigestingInput in;
        try {
            in = new DigestingInput(Files.newInputStream(file), scan.utf8Unconfirmed());
        } catch (IOException e) {
            throw FileReadFailure.of(file, e);
        }
        try {
            // The BOM is skipped before any re-encoding, as the scan saw it: three bytes of the file.
            if (scan.bom()) {
                in.skipNBytes(3);
            }
        } catch (IOException e) {
            closeQuietly(in);
            throw FileReadFailure.of(file, e);
        }
        CsvReader reader = new CsvReader(file, in, scan.dialect());
        reader.digesting = in;
        try {
            reader.openedAs = Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class);
        } catch (IOException e) {
            closeQuietly(in);
            throw FileReadFailure.of(file, e);
        }
        reader.expectedSha256 = scan.sha256();
        reader.utf8Unconfirmed = scan.utf8Unconfirmed();
        if (scan.mapping() != null) {
            reader.mapping = scan.mapping();
            reader.constants = scan.mapping().constantValues();
            reader.ownColumns = scan.header().size() - reader.constants.size();
            ColumnMapping.Transforms t = reader.mapping.transforms(scan.header(), reader.ownColumns);
            reader.transformedFields = t.fields();
            reader.dateColumn = t.dateColumn();
            reader.transformed = new boolean[reader.ownColumns];
            reader.transformedValues = new String[reader.ownColumns];
            for (int i = 0; i < reader.ownColumns; i++) reader.transformed[i] = t.fields()[i] != null;
        }
        try {
            // A preamble (a title, a note above the table) is passed over record by record, blank or not.
            for (int i = 0; i < scan.skipLines(); i++) {
                if (!reader.parseRecord()) {
                    reader.checkAtEnd();
                    throw new InputFileException(file, "ends within its " + scan.skipLines() + " preamble lines");
                }
            }
            if (!reader.next()) {
                throw new InputFileException(file, "no header line");
            }
            reader.headerDelimiters = Math.max(1, reader.fieldCount - 1);
        } catch (IOException e) {
            reader.close();
            throw FileReadFailure.of(file, e);
        } catch (InputFileException e) {
            reader.close();
            throw e;
        }
        return reader;
    }

    /** Advances to the next record that is not empty; false at the end of the file. */
    public boolean next() throws InputFileException {
        try {
            while (parseRecord()) {
                if (linesTakenIn > 0) {
                    refuseLinesTakenIn();
                }
                if (breakInQuotes) {
                    refuseRowsTakenIn();
                }
                if (problem != null || !blank()) {
                    transform();
                    return true;
                }
            }
            fieldCount = 0;
            checkAtEnd();
            return false;
        } catch (IOException e) {
            throw FileReadFailure.of(file, e);
        }
    }

    /**
     * A quote opened and never closed makes the rest of the file one field. As one rejected row among thousands it
     * would pass the reject threshold while every row after it was missing from the totals: the file is refused
     * instead, with the line to look at. A quote left open on the file's last line takes nothing in and stays a
     * rejected row.
     */
    private void refuseLinesTakenIn() throws InputFileException {
        refuse("line " + line + " opens a quote that is never closed, so the " + linesTakenIn
                + (linesTakenIn == 1 ? " line" : " lines")
                + " after it cannot be read as rows (a stray quote, or an export cut off)");
    }

    /** Refuses the file for a stray quote, unless its end shows a reason that comes first (changed while read). */
    private void refuse(String why) throws InputFileException {
        checkAtEnd();
        throw new InputFileException(file, why + "; nothing of the file was used");
    }

    /**
     * A stray quote closed by another many lines later makes the lines between one field: a licence row whose source
     * holds the sixty rows after it, and those rows missing from the totals without a rejected row. A line inside a
     * quoted field with at least the header's delimiters is taken for such a row and the file is refused. A line break
     * in a real quoted cell (OKF DE's "Timor-Leste" followed by one) leaves a line with one or none.
     */
    private void refuseRowsTakenIn() throws InputFileException {
        if (truncated) {
            // Longer than any spreadsheet cell and over several lines: nothing else but a stray quote does that.
            refuse("line " + line + " opens a quote whose field runs on over more than "
                    + String.format(Locale.ROOT, "%,d", MAX_FIELD) + " characters to line " + (nextLine - 1)
                    + " (a stray quote?): the rows in it would be missing from the totals");
        }
        long rows = 0;
        for (int i = 0; i < fieldCount; i++) {
            if (kinds[i] == PLAIN) continue;
            int delimiters = 0;
            boolean afterBreak = false;
            for (int at = starts[i]; at < ends[i]; at++) {
                byte c = buf[at];
                if (c == '\n' || c == '\r') {
                    if (afterBreak && delimiters >= headerDelimiters) rows++;
                    afterBreak = true;
                    delimiters = 0;
                } else if (c == delimiter) {
                    delimiters++;
                }
            }
            if (afterBreak && delimiters >= headerDelimiters) rows++;
        }
        if (rows == 0 && textAfterQuote) {
            // Closed at the start of a later row ("DE" or "Leopard" tanks): that row is in this one, half read.
            refuse("line " + line + " opens a quote that closes on line " + (nextLine - 1) + " with text right after"
                    + " it (a stray quote?): the rows it took in would be missing from the totals");
        }
        if (rows > 0) {
            refuse("line " + line + " opens a quote that runs on to line " + (nextLine - 1) + " and takes in " + rows
                    + (rows == 1 ? " line that has" : " lines that have") + " a row's delimiters (a stray"
                    + " quote?): their figures would be missing from the totals");
        }
    }

    /** A mapped file's cells read through its mapping; one it cannot read makes the record's problem. */
    private void transform() {
        for (int i = 0; i < transformed.length; i++) {
            if (!transformed[i]) continue;
            try {
                transformedValues[i] = mapping.transform(transformedFields[i], ownField(i), i == dateColumn);
            } catch (RowRejected r) {
                transformedValues[i] = ownField(i);
                if (problem == null) problem = r.getMessage();
            }
        }
    }

    public int fieldCount() {
        return fieldCount;
    }

    /** The field's value, untrimmed; "" for a field the record does not have. */
    public String field(int index) {
        if (index >= ownColumns) {
            return constants.get(index - ownColumns);
        }
        if (index >= 0 && index < transformed.length && transformed[index]) {
            return transformedValues[index];
        }
        return ownField(index);
    }

    /**
     * As {@link #field(int)}, for a column whose values repeat: a value seen before in {@code seen} comes back as the
     * same {@code String}, with no decoding.
     */
    public String field(int index, RepeatedValues seen) {
        int number = fieldNumber(index, seen);
        return number >= 0 ? seen.value(number) : field(index);
    }

    /**
     * The number of the field's value in {@code seen} (see {@link RepeatedValues}), or -1 when it has none: a value
     * that needs unescaping, of a mapped file's constant or period column, or of a column with too many values. The
     * caller then reads {@link #field(int)}.
     */
    public int fieldNumber(int index, RepeatedValues seen) {
        if (index >= ownColumns
                || index < 0
                || index < transformed.length && transformed[index]
                || index >= fieldCount
                || kinds[index] == ESCAPED) {
            return -1;
        }
        int s = starts[index];
        int e = ends[index];
        return kinds[index] == QUOTED ? seen.number(buf, s + 1, e - 1, text) : seen.number(buf, s, e, text);
    }

    /**
     * The field's value when it is one to 18 ASCII digits and nothing else, which is most figures of a large export; -1
     * for anything else (blank, spaces, signs, marks, more digits), which the caller reads from {@link #field(int)}.
     */
    public long digits(int index) {
        if (index >= ownColumns
                || index < 0
                || index < transformed.length && transformed[index]
                || index >= fieldCount
                || kinds[index] == ESCAPED) {
            return -1;
        }
        int s = kinds[index] == QUOTED ? starts[index] + 1 : starts[index];
        int e = kinds[index] == QUOTED ? ends[index] - 1 : ends[index];
        if (e <= s || e - s > 18) {
            return -1;
        }
        long value = 0;
        for (int i = s; i < e; i++) {
            int d = buf[i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            value = value * 10 + d;
        }
        return value;
    }

    private String ownField(int index) {
        if (index < 0 || index >= fieldCount) {
            return "";
        }
        String value = values[index];
        if (value == null) {
            value = materialize(index);
            values[index] = value;
        }
        return value;
    }

    /** Physical line where the current record starts; the header is line 1 unless blank lines precede it. */
    public long line() {
        return line;
    }

    /** The record as it is in the file, without its line break; a field too long to hold ends in " …". */
    public String raw() {
        String raw = text.decode(buf, recStart, recEnd);
        return truncated ? raw + " …" : raw;
    }

    /** Why the record is malformed, or null. */
    public String problem() {
        return problem;
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            // Closing a file that was only read cannot lose data.
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // Nothing was read yet.
        }
    }

    /**
     * At the end of the file: refuses it if its bytes are not those the run recorded (a run's figures come from one set
     * of inputs; a resumed run may come hours after the first look), or if it is not the UTF-8 it was read as.
     */
    private void checkAtEnd() throws InputFileException {
        if (digesting == null || sha256 != null) {
            return;
        }
        try {
            sha256 = digesting.sha256();
            if (utf8Unconfirmed && !digesting.utf8()) {
                throw new NotUtf8Exception(file);
            }
        } catch (IOException e) {
            throw FileReadFailure.of(file, e);
        }
        refuseIfChangedWhileRead();
        if (expectedSha256 != null && !sha256.equals(expectedSha256)) {
            throw new InputFileException(
                    file,
                    "changed since this run began (SHA-256 was " + expectedSha256 + ", is " + sha256
                            + "); the next start reads the inputs afresh");
        }
    }

    /**
     * A file still being written (an export copied in while the job reads it) would give the figures of half a file: at
     * its end, a file whose size or time differs from when it was opened is refused, before anything of it is kept.
     */
    private void refuseIfChangedWhileRead() throws InputFileException {
        java.nio.file.attribute.BasicFileAttributes now;
        try {
            now = Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class);
        } catch (IOException e) {
            throw FileReadFailure.of(file, e);
        }
        if (now.size() != openedAs.size() || !now.lastModifiedTime().equals(openedAs.lastModifiedTime())) {
            throw new InputFileException(
                    file,
                    "changed while it was read (" + openedAs.size() + " bytes, modified "
                            + openedAs.lastModifiedTime() + ", when opened; " + now.size() + " bytes, modified "
                            + now.lastModifiedTime() + ", at its end): nothing of it was kept; start the run again"
                            + " once the file is complete");
        }
    }

    /** The SHA-256 of every byte of the file, as lower-case hex, once {@link #next()} returned false; else null. */
    public String sha256() {
        return sha256;
    }

    /**
     * Mixes the field's text into a 64-bit FNV-1a hash, as {@link #hash(long, String)} mixes the same text: its UTF-8
     * bytes, without surrounding spaces and tabs, ASCII letters in lower case, then a separator. From the buffer, with
     * no String made, unless the field needs unescaping or belongs to a mapped column.
     */
    public long hashField(int index, long h) {
        if (index < 0 || index >= fieldCount) return hash(h, "");
        // A Windows-1252 "é" is one byte, UTF-8's two: the same name in exports of two encodings must hash alike.
        if (index >= ownColumns
                || index < transformed.length && transformed[index]
                || kinds[index] == ESCAPED
                || !text.utf8()) {
            return hash(h, field(index));
        }
        int s = kinds[index] == QUOTED ? starts[index] + 1 : starts[index];
        int e = kinds[index] == QUOTED ? ends[index] - 1 : ends[index];
        return hashBytes(h, buf, s, e);
    }

    /**
     * Whether the field's text holds one of the words (ASCII, lower case) in any case, as
     * {@code text.toLowerCase(Locale.ROOT).contains(word)} finds it: from the buffer, with no String made, where the
     * bytes are the text's (an ASCII letter is the same byte in UTF-8 and the single-byte charsets read as they are).
     */
    public boolean fieldContainsAny(int index, byte[][] words) {
        if (index < 0 || index >= fieldCount) return false;
        if (index >= ownColumns || index < transformed.length && transformed[index] || kinds[index] == ESCAPED) {
            String lower = field(index).toLowerCase(Locale.ROOT);
            for (byte[] w : words) if (lower.contains(new String(w, StandardCharsets.US_ASCII))) return true;
            return false;
        }
        int s = kinds[index] == QUOTED ? starts[index] + 1 : starts[index];
        int e = kinds[index] == QUOTED ? ends[index] - 1 : ends[index];
        for (byte[] w : words) {
            for (int at = s; at + w.length <= e; at++) {
                int k = 0;
                while (k < w.length && (buf[at + k] | (buf[at + k] >= 'A' && buf[at + k] <= 'Z' ? 0x20 : 0)) == w[k])
                    k++;
                if (k == w.length) return true;
            }
        }
        return false;
    }

    private static final long FNV_PRIME = 0x100000001b3L;

    /** See {@link #hashField}: the same hash of a text already made a String. */
    public static long hash(long h, String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return hashBytes(h, b, 0, b.length);
    }

    private static long hashBytes(long h, byte[] b, int s, int e) {
        while (s < e && (b[s] == ' ' || b[s] == '\t')) s++;
        while (e > s && (b[e - 1] == ' ' || b[e - 1] == '\t')) e--;
        for (int i = s; i < e; i++) {
            int c = b[i];
            if (c >= 'A' && c <= 'Z') c += 'a' - 'A';
            h = (h ^ (c & 0xFF)) * FNV_PRIME;
        }
        return (h ^ 0x1F) * FNV_PRIME;
    }

    private String materialize(int i) {
        int s = starts[i];
        int e = ends[i];
        return switch (kinds[i]) {
            case PLAIN -> text.decode(buf, s, e);
            case QUOTED -> text.decode(buf, s + 1, e - 1);
            default -> unescape(s, e);
        };
    }

    /** Mirrors the parser: doubled quotes inside quotes, everything after the closing quote literal. */
    private String unescape(int s, int e) {
        byte[] value = new byte[e - s];
        int n = 0;
        int i = s + 1;
        while (i < e) {
            byte c = buf[i];
            if (c == '"') {
                if (i + 1 < e && buf[i + 1] == '"') {
                    value[n++] = '"';
                    i += 2;
                    continue;
                }
                System.arraycopy(buf, i + 1, value, n, e - i - 1);
                n += e - i - 1;
                break;
            }
            value[n++] = c;
            i++;
        }
        return text.decode(value, 0, n);
    }

    /** Only whitespace, candidate delimiters and quotes: a line a spreadsheet leaves behind, not a row. */
    private boolean blank() {
        for (int i = recStart; i < recEnd; i++) {
            byte c = buf[i];
            if (c != ' ' && c != '\t' && c != ',' && c != ';' && c != '"' && c != '\r' && c != '\n' && c != delimiter) {
                return false;
            }
        }
        return true;
    }

    private boolean parseRecord() throws IOException {
        Arrays.fill(values, 0, fieldCount, null);
        fieldCount = 0;
        if (pendingCr) {
            if (pos >= limit && !fillBetweenRecords()) {
                return false;
            }
            pendingCr = false;
            if (buf[pos] == '\n') {
                pos++;
            }
        }
        if (pos >= limit && !fillBetweenRecords()) {
            return false;
        }
        problem = null;
        linesTakenIn = 0;
        breakInQuotes = false;
        textAfterQuote = false;
        truncated = false;
        recStart = pos;
        line = nextLine;

        final byte d = delimiter;
        int p = pos;
        int fs = p;
        int closeQuote = -1;
        byte kind = PLAIN;
        int state = IN_UNQUOTED;
        for (; ; ) {
            if (p >= limit) {
                if (p - fs > MAX_FIELD && text.chars(buf, fs, p) > MAX_FIELD) {
                    skipLongField(fs, p, state, kind, closeQuote);
                    return true;
                }
                int before = recStart;
                boolean more = refill();
                int shift = before - recStart;
                p -= shift;
                fs -= shift;
                closeQuote -= shift;
                if (!more) {
                    endAtEof(fs, p, state, closeQuote, kind);
                    return true;
                }
            }
            byte c = buf[p];
            if (state == IN_UNQUOTED) {
                if (c == d) {
                    addField(fs, p, kind);
                    p++;
                    fs = p;
                    kind = PLAIN;
                    // The common case: an unquoted field, scanned without leaving this loop.
                    p = fieldEnd(p);
                } else if (c == '\n' || c == '\r') {
                    addField(fs, p, kind);
                    endRecord(p, c);
                    return true;
                } else if (c == '"') {
                    if (kind == PLAIN && onlySpaces(fs, p)) {
                        fs = p;
                        kind = QUOTED;
                        state = IN_QUOTED;
                    }
                    p++;
                } else {
                    p++;
                    p = fieldEnd(p);
                }
            } else if (state == IN_QUOTED) {
                while ((p = quoteOrLineBreak(p)) < limit) {
                    c = buf[p];
                    if (c == '"') {
                        break;
                    }
                    if (c == '\n') {
                        if (buf[p - 1] != '\r') {
                            nextLine++;
                        }
                    } else if (c == '\r') {
                        nextLine++;
                    }
                    breakInQuotes = true;
                    p++;
                }
                if (p < limit) {
                    closeQuote = p;
                    state = AFTER_QUOTE;
                    p++;
                }
            } else {
                if (c == d) {
                    addField(fs, closeQuote + 1, kind);
                    p++;
                    fs = p;
                    kind = PLAIN;
                    state = IN_UNQUOTED;
                } else if (c == '\n' || c == '\r') {
                    addField(fs, closeQuote + 1, kind);
                    endRecord(p, c);
                    return true;
                } else if (c == '"' && p == closeQuote + 1) {
                    kind = ESCAPED;
                    state = IN_QUOTED;
                    p++;
                } else if (c == ' ' || c == '\t') {
                    p++;
                } else {
                    setProblem("text after closing quote");
                    textAfterQuote = true;
                    kind = ESCAPED;
                    state = IN_UNQUOTED;
                }
            }
        }
    }

    /** The first delimiter, quote or line break from {@code p} on, or limit: eight bytes at a time. */
    private int fieldEnd(int p) {
        final byte[] b = buf;
        final int end = limit;
        final long d = delimiterBytes;
        for (; p + 8 <= end; p += 8) {
            long w = (long) LONGS.get(b, p);
            long found = zeroByte(w ^ d) | zeroByte(w ^ QUOTES) | zeroByte(w ^ LFS) | zeroByte(w ^ CRS);
            if (found != 0) {
                return p + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; p < end; p++) {
            byte c = b[p];
            if (c == delimiter || c == '\n' || c == '\r' || c == '"') {
                return p;
            }
        }
        return end;
    }

    /** The first quote or line break from {@code p} on, or limit. */
    private int quoteOrLineBreak(int p) {
        final byte[] b = buf;
        final int end = limit;
        for (; p + 8 <= end; p += 8) {
            long w = (long) LONGS.get(b, p);
            long found = zeroByte(w ^ QUOTES) | zeroByte(w ^ LFS) | zeroByte(w ^ CRS);
            if (found != 0) {
                return p + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; p < end; p++) {
            byte c = b[p];
            if (c == '\n' || c == '\r' || c == '"') {
                return p;
            }
        }
        return end;
    }

    /**
     * The high bit set in the lowest byte of {@code x} that is zero (bytes above it may be flagged wrongly, which the
     * lowest one never is); 0 if no byte is zero.
     */
    private static long zeroByte(long x) {
        return (x - 0x0101010101010101L) & ~x & 0x8080808080808080L;
    }

    private static long everyByte(int b) {
        return (b & 0xFFL) * 0x0101010101010101L;
    }

    private boolean onlySpaces(int from, int to) {
        for (int i = from; i < to; i++) {
            if (buf[i] != ' ' && buf[i] != '\t') {
                return false;
            }
        }
        return true;
    }

    /** Whether a line break in {@code [from, to)} is followed by anything but blanks and more line breaks. */
    private boolean textAfterLineBreak(int from, int to) {
        boolean afterBreak = false;
        for (int i = from; i < to; i++) {
            byte c = buf[i];
            if (c == '\n' || c == '\r') {
                afterBreak = true;
            } else if (afterBreak && c != ' ' && c != '\t') {
                return true;
            }
        }
        return false;
    }

    private void endAtEof(int fs, int p, int state, int closeQuote, byte kind) {
        if (state == IN_QUOTED) {
            // Said even after an earlier problem: it explains why the rest of the file became one row.
            problem = problem == null ? "unterminated quote" : problem + "; unterminated quote";
            if (textAfterLineBreak(fs, p)) {
                linesTakenIn = nextLine - line - (p > fs && (buf[p - 1] == '\n' || buf[p - 1] == '\r') ? 1 : 0);
            }
            addField(fs, p, ESCAPED);
        } else if (state == AFTER_QUOTE) {
            addField(fs, closeQuote + 1, kind);
        } else {
            addField(fs, p, kind);
        }
        recEnd = p;
        pos = p;
    }

    private void endRecord(int p, byte lineBreak) {
        recEnd = p;
        nextLine++;
        pendingCr = lineBreak == '\r';
        pos = p + 1;
    }

    private void addField(int start, int end, byte kind) {
        if (fieldCount == starts.length) {
            int n = fieldCount * 2;
            starts = Arrays.copyOf(starts, n);
            ends = Arrays.copyOf(ends, n);
            kinds = Arrays.copyOf(kinds, n);
            values = Arrays.copyOf(values, n);
        }
        starts[fieldCount] = start;
        ends[fieldCount] = end;
        kinds[fieldCount] = kind;
        fieldCount++;
        // Bytes are never fewer than characters: counting characters is needed only past the limit in bytes.
        if (end - start > MAX_FIELD && text.chars(buf, start, end) > MAX_FIELD) {
            setProblem(longFieldProblem());
        }
    }

    private void setProblem(String reason) {
        if (problem == null) {
            problem = reason;
        }
    }

    private static String longFieldProblem() {
        return "field longer than " + String.format(Locale.ROOT, "%,d", MAX_FIELD) + " characters";
    }

    /**
     * A field past the limit: keep the record's start and a little of the field for the rejected row, and read on to
     * the end of the record without keeping the rest, so that one broken cell cannot take the heap.
     */
    private void skipLongField(int fs, int p, int state, byte kind, int closeQuote) throws IOException {
        setProblem(longFieldProblem());
        truncated = true;
        int keepEnd = text.characterStart(buf, fs, fs + KEPT_OF_LONG_FIELD);
        addFieldUnchecked(fs, keepEnd, kind == PLAIN ? PLAIN : ESCAPED);
        recEnd = keepEnd;

        // A closing quote as the last character read may still turn out to be the first of a doubled pair.
        boolean quoteSeen = state == AFTER_QUOTE && closeQuote == p - 1;
        boolean inQuotes = state == IN_QUOTED || quoteSeen;
        boolean atFieldStart = false;
        // The record's bytes up to p were scanned already: a CRLF may be split at p.
        boolean lastCr = p > recStart && buf[p - 1] == '\r';
        boolean lastBreak = lastCr || p > recStart && buf[p - 1] == '\n';
        int scan = p;
        for (; ; ) {
            if (scan >= limit) {
                // Keep [recStart, keepEnd) and drop everything scanned after it.
                limit = keepEnd;
                int before = recStart;
                boolean more = refill();
                keepEnd -= before - recStart;
                recEnd = keepEnd;
                scan = keepEnd;
                if (!more) {
                    pos = limit;
                    if (inQuotes && !quoteSeen) {
                        problem = problem + "; unterminated quote";
                        // The field was too long to keep: every physical line it spans counts.
                        linesTakenIn = nextLine - line - (lastBreak ? 1 : 0);
                    }
                    return;
                }
            }
            byte c = buf[scan++];
            if (quoteSeen) {
                quoteSeen = false;
                if (c == '"') {
                    continue;
                }
                inQuotes = false;
            }
            if (inQuotes) {
                if (c == '"') {
                    quoteSeen = true;
                } else if (c == '\n') {
                    if (!lastCr) {
                        nextLine++;
                    }
                } else if (c == '\r') {
                    nextLine++;
                }
                breakInQuotes |= c == '\n' || c == '\r';
            } else if (c == '\n' || c == '\r') {
                if (!(c == '\n' && lastCr)) {
                    nextLine++;
                }
                pendingCr = c == '\r';
                // The kept part of the record stays where it is; the next record starts after the line break.
                pos = scan;
                return;
            } else if (c == delimiter) {
                atFieldStart = true;
            } else if (c == '"' && atFieldStart) {
                inQuotes = true;
                atFieldStart = false;
            } else if (c != ' ' && c != '\t') {
                atFieldStart = false;
            }
            lastCr = c == '\r';
            lastBreak = lastCr || c == '\n';
        }
    }

    private void addFieldUnchecked(int start, int end, byte kind) {
        if (fieldCount == starts.length) {
            addField(start, end, kind);
            return;
        }
        starts[fieldCount] = start;
        ends[fieldCount] = end;
        kinds[fieldCount] = kind;
        fieldCount++;
    }

    private boolean fillBetweenRecords() throws IOException {
        recStart = pos;
        fieldCount = 0;
        boolean more = refill();
        pos = recStart;
        return more;
    }

    /** Moves the current record to the buffer's start (growing it if the record fills it) and reads more. */
    private boolean refill() throws IOException {
        if (bytesEnded) {
            return false;
        }
        int shift = recStart;
        if (shift > 0) {
            System.arraycopy(buf, shift, buf, 0, limit - shift);
            limit -= shift;
            recStart = 0;
            recEnd -= shift;
            for (int i = 0; i < fieldCount; i++) {
                starts[i] -= shift;
                ends[i] -= shift;
            }
        }
        if (buf.length - limit < buf.length / 4) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        int n = in.readNBytes(buf, limit, buf.length - limit);
        if (n == 0) {
            bytesEnded = true;
            return false;
        }
        limit += n;
        return true;
    }
}
