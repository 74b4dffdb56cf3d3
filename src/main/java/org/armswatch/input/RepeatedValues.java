package org.armswatch.input;

import java.util.Arrays;

/**
 * The strings of one column whose values repeat (a date, a country code, an event type): a cell whose bytes were seen
 * before gives the same {@code String} again, without decoding or allocating, and the same number, by which a caller
 * can keep what it made of the value (a parsed date) in an array. Holds at most {@link #MAX_VALUES} values; a column
 * with more is decoded as usual.
 */
public final class RepeatedValues {

    public static final int MAX_VALUES = 8_192;
    private static final int SLOT_BITS = 14;
    private static final int SLOTS = 1 << SLOT_BITS;

    /** Per slot: the hash, and the number + 1 (0 for a free slot), side by side so that a probe reads one line. */
    private final int[] slots = new int[2 * SLOTS];
    /** The values' bytes, one after the other; value n is {@code bytes[starts[n], starts[n + 1])}. */
    private byte[] bytes = new byte[1 << 16];

    private final int[] starts = new int[MAX_VALUES + 1];
    private final String[] values = new String[MAX_VALUES];
    private int size;

    /** The value of that number. */
    public String value(int number) {
        return values[number];
    }

    /** The number of the text of {@code buf[from, to)}, decoded by {@code text} the first time; -1 once full. */
    int number(byte[] buf, int from, int to, ByteText text) {
        int h = 1;
        for (int i = from; i < to; i++) {
            h = 31 * h + buf[i];
        }
        // Dates and codes differ in their last bytes, so their hashes are neighbours: spread them over the table.
        int slot = (h * 0x9E3779B9) >>> (32 - SLOT_BITS);
        for (int n; (n = slots[2 * slot + 1]) != 0; slot = (slot + 1) & (SLOTS - 1)) {
            if (slots[2 * slot] == h && same(n - 1, buf, from, to)) {
                return n - 1;
            }
        }
        if (size == MAX_VALUES) {
            return -1;
        }
        int start = starts[size];
        if (bytes.length - start < to - from) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, start + to - from));
        }
        System.arraycopy(buf, from, bytes, start, to - from);
        starts[size + 1] = start + to - from;
        slots[2 * slot] = h;
        slots[2 * slot + 1] = size + 1;
        values[size] = text.decode(buf, from, to);
        return size++;
    }

    /** Byte by byte: these values are short, shorter than a vectorised compare needs to pay for itself. */
    private boolean same(int number, byte[] buf, int from, int to) {
        int s = starts[number];
        if (starts[number + 1] - s != to - from) {
            return false;
        }
        for (int i = from; i < to; i++, s++) {
            if (bytes[s] != buf[i]) {
                return false;
            }
        }
        return true;
    }
}
