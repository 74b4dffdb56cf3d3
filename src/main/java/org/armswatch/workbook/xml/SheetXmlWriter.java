package org.armswatch.workbook.xml;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;

/**
 * The UTF-8 writer under SXSSF's sheet XML. POI writes that XML a character at a time, and {@code BufferedWriter} takes
 * a lock for every one of them: a fifth of a large workbook's time. One thread writes one sheet, so this writer takes
 * none and encodes straight into a byte buffer.
 */
final class SheetXmlWriter extends Writer {

    private final OutputStream out;
    private final byte[] bytes = new byte[1 << 16];
    private int used;
    /** A high surrogate waiting for its low half, or 0. */
    private char high;

    SheetXmlWriter(OutputStream out) {
        this.out = out;
    }

    @Override
    public void write(int c) throws IOException {
        if (used > bytes.length - 4) drain();
        char ch = (char) c;
        if (ch < 0x80 && high == 0) {
            bytes[used++] = (byte) ch;
        } else {
            encode(ch);
        }
    }

    @Override
    public void write(char[] chars, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) write(chars[i]);
    }

    @Override
    public void write(String s, int off, int len) throws IOException {
        int end = off + len;
        int i = off;
        while (i < end) {
            if (high != 0 || used >= bytes.length - 4) {
                write(s.charAt(i++));
                continue;
            }
            // ASCII, nearly all of a sheet, straight into the buffer; anything else one character at a time.
            int stop = i + Math.min(end - i, bytes.length - 4 - used);
            byte[] b = bytes;
            int u = used;
            for (char c; i < stop && (c = s.charAt(i)) < 0x80; i++) b[u++] = (byte) c;
            used = u;
            if (i < stop) write(s.charAt(i++));
        }
    }

    /**
     * A number of a million rows' cells (a row, a shared text's index, a style) written as its digits, no String made.
     */
    void writeDigits(int n) throws IOException {
        if (n < 0) {
            write(Integer.toString(n));
            return;
        }
        if (high != 0) throw new IllegalStateException("digits inside a surrogate pair");
        if (used > bytes.length - 11) drain();
        int digits = 1;
        for (int rest = n / 10; rest > 0; rest /= 10) digits++;
        int at = used + digits;
        used = at;
        do {
            bytes[--at] = (byte) ('0' + n % 10);
            n /= 10;
        } while (n > 0);
    }

    private void encode(char ch) {
        if (high != 0) {
            char h = high;
            high = 0;
            if (Character.isLowSurrogate(ch)) {
                int cp = Character.toCodePoint(h, ch);
                bytes[used++] = (byte) (0xF0 | (cp >> 18));
                bytes[used++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                bytes[used++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                bytes[used++] = (byte) (0x80 | (cp & 0x3F));
                return;
            }
            bytes[used++] = '?'; // a lone high surrogate, as the JDK's encoder replaces it
            if (used > bytes.length - 4) drainQuietly();
        }
        if (ch < 0x80) {
            bytes[used++] = (byte) ch;
        } else if (ch < 0x800) {
            bytes[used++] = (byte) (0xC0 | (ch >> 6));
            bytes[used++] = (byte) (0x80 | (ch & 0x3F));
        } else if (Character.isHighSurrogate(ch)) {
            high = ch;
        } else if (Character.isLowSurrogate(ch)) {
            bytes[used++] = '?';
        } else {
            bytes[used++] = (byte) (0xE0 | (ch >> 12));
            bytes[used++] = (byte) (0x80 | ((ch >> 6) & 0x3F));
            bytes[used++] = (byte) (0x80 | (ch & 0x3F));
        }
    }

    private void drainQuietly() {
        try {
            drain();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void drain() throws IOException {
        out.write(bytes, 0, used);
        used = 0;
    }

    @Override
    public void flush() throws IOException {
        drain();
        out.flush();
    }

    @Override
    public void close() throws IOException {
        if (high != 0) {
            high = 0;
            if (used > bytes.length - 4) drain();
            bytes[used++] = '?';
        }
        drain();
        out.close();
    }
}
