package org.armswatch.workbook.xml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Streams a worksheet's XML to a SAX handler, five times faster than the JDK's parser on the million-cell sheets a
 * large run writes. It reads what POI writes (UTF-8, elements, attributes, text, the five entities and character
 * references, comments, processing instructions) and refuses anything else (a DOCTYPE, CDATA), so a surprise fails the
 * check instead of passing it. Attribute values are decoded only when the handler asks for one.
 */
public final class SheetXmlScanner {

    private final InputStream in;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int end;
    private byte[] tag = new byte[256];
    private int tagLen;
    private char[] text = new char[256];
    private int textLen;
    private int depth;
    private final TagAttributes attributes = new TagAttributes();
    private final String[] names = new String[64];
    private final String[] recent = new String[256];
    private int nameCount;
    private String lastQName;
    private String lastLocal;
    /** The handler, when it takes plain cells whole. */
    private CellHandler cells;

    /**
     * A handler that takes a cell whose value is plain ASCII text in one call, instead of the events of its c, v (or is
     * and t) elements: a large sheet is millions of such cells.
     */
    public interface CellHandler {
        /** The cell's attributes (those of its c element) and its value's text, as the events would give them. */
        void cell(TagAttributes attributes, char[] text, int length);
    }

    private SheetXmlScanner(InputStream in) {
        this.in = in;
    }

    public static void scan(InputStream in, DefaultHandler handler) throws IOException {
        SheetXmlScanner scanner = new SheetXmlScanner(in);
        if (handler instanceof CellHandler c) scanner.cells = c;
        scanner.run(handler);
    }

    private int read() throws IOException {
        if (pos == end) {
            end = in.read(buf, 0, buf.length);
            pos = 0;
            if (end <= 0) {
                end = 0;
                return -1;
            }
        }
        return buf[pos++] & 0xFF;
    }

    /** Makes bytes available at pos; false at the end of the stream. */
    private boolean fill() throws IOException {
        if (pos < end) return true;
        end = in.read(buf, 0, buf.length);
        pos = 0;
        if (end <= 0) {
            end = 0;
            return false;
        }
        return true;
    }

    private void run(DefaultHandler handler) throws IOException {
        try {
            while (fill()) {
                if (buf[pos] == '<') {
                    pos++;
                    flushText(handler);
                    tagged(handler);
                } else {
                    text();
                }
            }
            flushText(handler);
        } catch (org.xml.sax.SAXException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** Text up to the next '<' or the buffer's end: ASCII straight from the buffer, the rest byte by byte. */
    private void text() throws IOException {
        int p = pos;
        int stop = plainEnd(p);
        int n = stop - p;
        if (textLen + n > text.length) text = Arrays.copyOf(text, Math.max(text.length * 2, textLen + n));
        for (int i = p; i < stop; i++) text[textLen++] = (char) buf[i];
        pos = stop;
        if (stop < end && buf[stop] != '<') {
            pos = stop + 1;
            int next = textByte(buf[stop] & 0xFF);
            // textByte read one byte past the character; put it back for the loop in run.
            if (next >= 0) pos--;
        }
    }

    /** Where the plain ASCII text from p ends: at a '<', an '&', a byte beyond ASCII, or the buffer's end. */
    private int plainEnd(int p) {
        byte[] b = buf;
        int e = end;
        while (p < e) {
            byte c = b[p];
            if (c == '<' || c == '&' || c < 0) return p;
            p++;
        }
        return p;
    }

    /** After a '<': an element's start or end, or markup the handler does not see. */
    private void tagged(DefaultHandler handler) throws IOException, org.xml.sax.SAXException {
        int first = read();
        if (first == '?') {
            skipUntil("?>");
            return;
        }
        if (first == '!') {
            markup(handler);
            return;
        }
        boolean closing = first == '/';
        tagLen = 0;
        if (first < 0) throw new IOException("the XML ends inside a tag");
        if (!closing) addTag(first);
        int quote = 0;
        if (first == '"' || first == '\'') quote = first;
        for (; ; ) {
            if (!fill()) throw new IOException("the XML ends inside a tag");
            byte[] b = buf;
            int start = pos;
            int p = start;
            int e = end;
            boolean closed = false;
            for (; p < e; p++) {
                byte c = b[p];
                if (quote != 0) {
                    if (c == quote) quote = 0;
                } else if (c == '"' || c == '\'') {
                    quote = c;
                } else if (c == '>') {
                    closed = true;
                    break;
                }
            }
            int n = p - start;
            if (tagLen + n > tag.length) tag = Arrays.copyOf(tag, Math.max(tag.length * 2, tagLen + n));
            System.arraycopy(b, start, tag, tagLen, n);
            tagLen += n;
            pos = closed ? p + 1 : p;
            if (closed) break;
        }
        boolean empty = tagLen > 0 && tag[tagLen - 1] == '/';
        if (empty) tagLen--;
        int nameEnd = 0;
        while (nameEnd < tagLen && !isSpace(tag[nameEnd])) nameEnd++;
        String qName = name(0, nameEnd);
        String local = localName(qName);
        if (closing) {
            depth--;
            handler.endElement("", local, qName);
            return;
        }
        attributes.from = nameEnd;
        if (cells != null && !empty && local.length() == 1 && local.charAt(0) == 'c' && wholeCell()) return;
        handler.startElement("", local, qName, attributes);
        if (empty) {
            handler.endElement("", local, qName);
        } else {
            depth++;
        }
    }

    private static final byte[] V_OPEN = ascii("<v>");
    private static final byte[] V_CLOSE = ascii("</v></c>");
    private static final byte[] T_OPEN = ascii("<is><t>");
    private static final byte[] T_OPEN_PRESERVED = ascii("<is><t xml:space=\"preserve\">");
    private static final byte[] T_CLOSE = ascii("</t></is></c>");

    /**
     * After a cell's start tag: when its value and end tags follow in the buffer, exactly as written (&lt;v&gt; or
     * &lt;is&gt;&lt;t&gt;, ASCII text without entities, then the end tags), the cell goes to the handler at once.
     * Anything else (a formula, rich text, an entity, a character beyond ASCII, the buffer's end) returns false with
     * nothing consumed, and the cell's events follow as ever.
     */
    private boolean wholeCell() {
        int p = pos;
        byte[] close;
        if (at(p, V_OPEN)) {
            p += V_OPEN.length;
            close = V_CLOSE;
        } else if (at(p, T_OPEN)) {
            p += T_OPEN.length;
            close = T_CLOSE;
        } else if (at(p, T_OPEN_PRESERVED)) {
            p += T_OPEN_PRESERVED.length;
            close = T_CLOSE;
        } else {
            return false;
        }
        byte[] b = buf;
        int start = p;
        p = plainEnd(p);
        if (!at(p, close)) return false;
        int length = p - start;
        if (length > text.length) text = Arrays.copyOf(text, Math.max(text.length * 2, length));
        for (int i = 0; i < length; i++) text[i] = (char) b[start + i];
        pos = p + close.length;
        cells.cell(attributes, text, length);
        return true;
    }

    /** Whether the bytes at p, all of them in the buffer, are these. */
    private boolean at(int p, byte[] bytes) {
        if (p + bytes.length > end) return false;
        for (int i = 0; i < bytes.length; i++) {
            if (buf[p + i] != bytes[i]) return false;
        }
        return true;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private void markup(DefaultHandler handler) throws IOException, org.xml.sax.SAXException {
        int a = read();
        int b = read();
        if (a == '-' && b == '-') {
            skipUntil("-->");
            return;
        }
        throw new IOException("unexpected markup <!" + (char) a + (char) b + " in a worksheet");
    }

    private void skipUntil(String terminator) throws IOException {
        int matched = 0;
        while (matched < terminator.length()) {
            int b = read();
            if (b < 0) throw new IOException("the XML ends before " + terminator);
            matched = b == terminator.charAt(matched) ? matched + 1 : (b == terminator.charAt(0) ? 1 : 0);
        }
    }

    /** One byte of text (UTF-8, with entities); returns the next byte to look at. */
    private int textByte(int b) throws IOException {
        if (b == '&') {
            entity();
            return read();
        }
        return utf8(b);
    }

    /** Decodes the character starting with byte b into the text; returns the byte after it. */
    private int utf8(int b) throws IOException {
        if (b < 0x80) {
            addText((char) b);
        } else {
            int extra = b >= 0xF0 ? 3 : b >= 0xE0 ? 2 : 1;
            int cp = b & (0x3F >> extra);
            for (int i = 0; i < extra; i++) {
                int next = read();
                if ((next & 0xC0) != 0x80) throw new IOException("text that is not UTF-8");
                cp = (cp << 6) | (next & 0x3F);
            }
            if (cp >= 0x10000) {
                addText(Character.highSurrogate(cp));
                addText(Character.lowSurrogate(cp));
            } else {
                addText((char) cp);
            }
        }
        return read();
    }

    private void entity() throws IOException {
        StringBuilder name = new StringBuilder();
        for (int b = read(); b != ';'; b = read()) {
            if (b < 0 || name.length() > 10) throw new IOException("an unfinished entity &" + name);
            name.append((char) b);
        }
        String e = name.toString();
        switch (e) {
            case "lt" -> addText('<');
            case "gt" -> addText('>');
            case "amp" -> addText('&');
            case "quot" -> addText('"');
            case "apos" -> addText('\'');
            default -> {
                if (!e.startsWith("#")) throw new IOException("an unknown entity &" + e + ";");
                int cp = e.startsWith("#x") ? Integer.parseInt(e.substring(2), 16) : Integer.parseInt(e.substring(1));
                for (char c : Character.toChars(cp)) addText(c);
            }
        }
    }

    private void flushText(DefaultHandler handler) throws org.xml.sax.SAXException {
        // Outside the root element there is only white space, which SAX does not report either.
        if (textLen > 0 && depth > 0) handler.characters(text, 0, textLen);
        textLen = 0;
    }

    private void addText(char c) {
        if (textLen == text.length) text = Arrays.copyOf(text, text.length * 2);
        text[textLen++] = c;
    }

    private void addTag(int b) {
        if (tagLen == tag.length) tag = Arrays.copyOf(tag, tag.length * 2);
        tag[tagLen++] = (byte) b;
    }

    /** Element names repeat millions of times: each distinct one becomes a String once, found by a small hash first. */
    private String name(int from, int to) {
        int len = to - from;
        int slot = len == 0 ? 0 : (len * 31 + tag[from] * 7 + tag[to - 1]) & (recent.length - 1);
        String r = recent[slot];
        if (r != null && r.length() == len && matches(r, from)) return r;
        r = known(from, to);
        recent[slot] = r;
        return r;
    }

    private String known(int from, int to) {
        int len = to - from;
        for (int i = 0; i < nameCount; i++) {
            String n = names[i];
            if (n.length() == len && matches(n, from)) return n;
        }
        String n = new String(tag, from, len, StandardCharsets.UTF_8);
        if (nameCount < names.length) names[nameCount++] = n;
        return n;
    }

    /** The name without its prefix; the last one asked for is kept, as the same names come in turn. */
    private String localName(String qName) {
        if (qName == lastQName) return lastLocal;
        int colon = qName.indexOf(':');
        lastQName = qName;
        lastLocal = colon < 0 ? qName : qName.substring(colon + 1);
        return lastLocal;
    }

    private boolean matches(String n, int from) {
        for (int i = 0; i < n.length(); i++) {
            if (tag[from + i] != n.charAt(i)) return false;
        }
        return true;
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t';
    }

    /**
     * The current tag's attributes, found and decoded on request; only getValue(qName) is offered, and cellPosition.
     */
    public final class TagAttributes implements Attributes {
        int from;
        /** Short values repeat ("s", "n", "4"): each distinct one becomes a String once. */
        private final String[] recentValues = new String[64];

        @Override
        public String getValue(String qName) {
            long span = find(qName);
            return span < 0 ? null : value((int) (span >>> 32), (int) span);
        }

        /**
         * A cell reference such as "AB12" as row 11 and column 27, 0-based (row in the high half), read from the bytes;
         * -1 when the attribute is missing, -2 when it is not letters then digits.
         */
        public long cellPosition(String qName) {
            long span = find(qName);
            if (span < 0) return -1;
            int i = (int) (span >>> 32);
            int end = (int) span;
            int col = 0;
            int start = i;
            for (; i < end && ((tag[i] | 0x20) >= 'a' && (tag[i] | 0x20) <= 'z'); i++) {
                col = col * 26 + ((tag[i] | 0x20) - 'a' + 1);
            }
            if (i == start || i == end || i - start > 3) return -2;
            long row = 0;
            for (; i < end; i++) {
                int d = tag[i] - '0';
                if (d < 0 || d > 9 || row > Integer.MAX_VALUE) return -2;
                row = row * 10 + d;
            }
            if (row < 1 || row > Integer.MAX_VALUE) return -2;
            return (row - 1) << 32 | (col - 1);
        }

        /** Where the attribute's value lies in the tag: start in the high half, end in the low; -1 if absent. */
        private long find(String qName) {
            int i = from;
            while (i < tagLen) {
                while (i < tagLen && isSpace(tag[i])) i++;
                int nameStart = i;
                while (i < tagLen && tag[i] != '=' && !isSpace(tag[i])) i++;
                int nameEnd = i;
                while (i < tagLen && tag[i] != '"' && tag[i] != '\'') i++;
                if (i >= tagLen) return -1;
                byte quote = tag[i++];
                int valueStart = i;
                while (i < tagLen && tag[i] != quote) i++;
                int valueEnd = i++;
                if (nameEnd - nameStart == qName.length() && matches(qName, nameStart)) {
                    return (long) valueStart << 32 | valueEnd;
                }
            }
            return -1;
        }

        private String value(int from, int to) {
            int len = to - from;
            if (len <= 12) {
                int slot = len == 0 ? 0 : (len * 31 + tag[from] * 7 + tag[to - 1]) & (recentValues.length - 1);
                String r = recentValues[slot];
                if (r != null && r.length() == len && matches(r, from)) return r;
                r = decoded(from, to);
                if (r.indexOf('&') < 0 && r.length() == len) recentValues[slot] = r;
                return r;
            }
            return decoded(from, to);
        }

        private String decoded(int from, int to) {
            String raw = new String(tag, from, to - from, StandardCharsets.UTF_8);
            if (raw.indexOf('&') < 0) return raw;
            StringBuilder out = new StringBuilder(raw.length());
            for (int i = 0; i < raw.length(); ) {
                char c = raw.charAt(i);
                int semi = c == '&' ? raw.indexOf(';', i) : -1;
                if (semi < 0) {
                    out.append(c);
                    i++;
                    continue;
                }
                String e = raw.substring(i + 1, semi);
                switch (e) {
                    case "lt" -> out.append('<');
                    case "gt" -> out.append('>');
                    case "amp" -> out.append('&');
                    case "quot" -> out.append('"');
                    case "apos" -> out.append('\'');
                    default -> {
                        if (!e.startsWith("#"))
                            throw new IllegalStateException("an unknown entity in an attribute: " + raw);
                        out.appendCodePoint(
                                e.startsWith("#x")
                                        ? Integer.parseInt(e.substring(2), 16)
                                        : Integer.parseInt(e.substring(1)));
                    }
                }
                i = semi + 1;
            }
            return out.toString();
        }

        @Override
        public int getLength() {
            throw new UnsupportedOperationException();
        }

        @Override
        public String getURI(int index) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String getLocalName(int index) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String getQName(int index) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String getType(int index) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String getValue(int index) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int getIndex(String uri, String localName) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int getIndex(String qName) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String getType(String uri, String localName) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String getType(String qName) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String getValue(String uri, String localName) {
            return getValue(localName);
        }
    }
}
