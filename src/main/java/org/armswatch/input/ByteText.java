package org.armswatch.input;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * How {@link CsvReader} turns the bytes it parses into text. UTF-8 and single-byte charsets whose first 128 bytes are
 * ASCII (Windows-1252, ISO-8859-1 …) are parsed as the file has them. Any other charset (UTF-16, told by its byte-order
 * mark or named by a mapping) is re-encoded as UTF-8 first; so is a file whose delimiter is not ASCII, and the
 * delimiter then stands as the byte 0xFF, which UTF-8 never uses.
 */
final class ByteText {

    /** The stand-in for a delimiter that is not one byte: never part of UTF-8. */
    private static final byte SWAPPED_DELIMITER = (byte) 0xFF;

    private final Charset fileCharset;
    /** What the bytes in the buffer are: the file's charset, or UTF-8 after re-encoding. */
    private final Charset charset;

    private final boolean reencoded;
    private final boolean utf8;
    private final boolean singleByte;
    private final byte delimiter;
    private final char delimiterChar;

    private ByteText(Charset fileCharset, boolean reencoded, boolean singleByte, byte delimiter, char delimiterChar) {
        this.fileCharset = fileCharset;
        this.charset = reencoded ? StandardCharsets.UTF_8 : fileCharset;
        this.utf8 = charset.equals(StandardCharsets.UTF_8); // asked once per hashed field
        this.reencoded = reencoded;
        this.singleByte = singleByte;
        this.delimiter = delimiter;
        this.delimiterChar = delimiterChar;
    }

    static ByteText of(CsvDialect dialect) {
        Charset cs = dialect.charset();
        char d = dialect.delimiter();
        boolean utf8 = cs.equals(StandardCharsets.UTF_8);
        boolean singleByte = !utf8 && asciiSingleByte(cs);
        if (d < 0x80 && (utf8 || singleByte)) {
            return new ByteText(cs, false, singleByte, (byte) d, d);
        }
        if (singleByte && cs.newEncoder().canEncode(d)) {
            return new ByteText(cs, false, true, String.valueOf(d).getBytes(cs)[0], d);
        }
        return new ByteText(cs, true, false, d < 0x80 ? (byte) d : SWAPPED_DELIMITER, d);
    }

    /** Whether a file in this charset is parsed as its bytes are (UTF-8, Windows-1252 …), not re-encoded first. */
    static boolean parsedAsBytes(Charset cs) {
        return cs.equals(StandardCharsets.UTF_8) || asciiSingleByte(cs);
    }

    /** The text of a file in a charset that is not {@link #parsedAsBytes parsed as bytes}, as UTF-8. */
    static InputStream asUtf8(InputStream in, Charset cs) {
        return new Utf8Reencoding(in, cs, (char) 0);
    }

    /** One byte per character, and the first 128 bytes are ASCII: its delimiters and quotes are ASCII bytes. */
    private static boolean asciiSingleByte(Charset cs) {
        if (!cs.canEncode()
                || cs.newEncoder().maxBytesPerChar() != 1f
                || cs.newDecoder().maxCharsPerByte() != 1f) {
            return false;
        }
        byte[] ascii = new byte[128];
        for (int i = 0; i < ascii.length; i++) {
            ascii[i] = (byte) i;
        }
        return new String(ascii, cs).equals(new String(ascii, StandardCharsets.US_ASCII));
    }

    byte delimiter() {
        return delimiter;
    }

    InputStream wrap(InputStream in) {
        return reencoded ? new Utf8Reencoding(in, fileCharset, delimiter == SWAPPED_DELIMITER ? delimiterChar : 0) : in;
    }

    /** The buffer holds UTF-8, so its bytes hash as {@link CsvReader#hash(long, String)} hashes a String. */
    boolean utf8() {
        return utf8;
    }

    /** The text of {@code buf[from, to)}; bytes that are not valid in the charset become U+FFFD. */
    String decode(byte[] buf, int from, int to) {
        if (delimiter != SWAPPED_DELIMITER || !reencoded) {
            return new String(buf, from, to - from, charset);
        }
        StringBuilder out = new StringBuilder(to - from);
        int start = from;
        for (int i = from; i < to; i++) {
            if (buf[i] == SWAPPED_DELIMITER) {
                out.append(new String(buf, start, i - start, charset)).append(delimiterChar);
                start = i + 1;
            }
        }
        return out.append(new String(buf, start, to - start, charset)).toString();
    }

    /**
     * How many chars (UTF-16 units, as String.length counts) {@code buf[from, to)} decodes to, near enough for limits.
     */
    int chars(byte[] buf, int from, int to) {
        if (singleByte) {
            return to - from;
        }
        int n = 0;
        for (int i = from; i < to; i++) {
            n += units(buf[i]);
        }
        return n;
    }

    /** Where the character after the first {@code chars} characters from {@code from} starts. */
    int characterStart(byte[] buf, int from, int chars) {
        if (singleByte) {
            return from + chars;
        }
        int n = 0;
        int i = from;
        while (true) {
            int u = units(buf[i]);
            if (u > 0 && n + u > chars) {
                return i;
            }
            n += u;
            i++;
        }
    }

    /** UTF-16 units a UTF-8 byte starts: none for a continuation byte, two for the lead of a four-byte sequence. */
    private static int units(byte b) {
        if ((b & 0xC0) == 0x80) {
            return 0;
        }
        return (b & 0xF8) == 0xF0 ? 2 : 1;
    }

    /** A file in another charset, re-encoded as UTF-8 while it is read; a non-ASCII delimiter becomes 0xFF. */
    private static final class Utf8Reencoding extends InputStream {
        private final Reader chars;
        private final char swapped;
        private final char[] text = new char[8192];
        private byte[] pending = new byte[0];
        private int pendingAt;
        private char heldSurrogate;

        Utf8Reencoding(InputStream in, Charset charset, char swapped) {
            this.chars = new InputStreamReader(
                    in,
                    charset.newDecoder()
                            .onMalformedInput(CodingErrorAction.REPLACE)
                            .onUnmappableCharacter(CodingErrorAction.REPLACE));
            this.swapped = swapped;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            while (pendingAt == pending.length) {
                if (!encodeMore()) {
                    return -1;
                }
            }
            int n = Math.min(len, pending.length - pendingAt);
            System.arraycopy(pending, pendingAt, b, off, n);
            pendingAt += n;
            return n;
        }

        private boolean encodeMore() throws IOException {
            int start = 0;
            if (heldSurrogate != 0) {
                text[0] = heldSurrogate;
                heldSurrogate = 0;
                start = 1;
            }
            int n = chars.read(text, start, text.length - start);
            int length = n < 0 ? start : start + n;
            if (length == 0) {
                return false;
            }
            // A surrogate pair cut by the read waits for its second half.
            if (n >= 0 && Character.isHighSurrogate(text[length - 1])) {
                heldSurrogate = text[--length];
            }
            String s = new String(text, 0, length);
            if (swapped == 0) {
                pending = s.getBytes(StandardCharsets.UTF_8);
            } else {
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(length + 16);
                int from = 0;
                for (int i = s.indexOf(swapped); i >= 0; i = s.indexOf(swapped, from)) {
                    out.writeBytes(s.substring(from, i).getBytes(StandardCharsets.UTF_8));
                    out.write(SWAPPED_DELIMITER);
                    from = i + 1;
                }
                out.writeBytes(s.substring(from).getBytes(StandardCharsets.UTF_8));
                pending = out.toByteArray();
            }
            pendingAt = 0;
            return true;
        }

        @Override
        public void close() throws IOException {
            chars.close();
        }
    }
}
