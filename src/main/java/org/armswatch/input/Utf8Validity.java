package org.armswatch.input;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Whether bytes are UTF-8, as strictly as Java's decoder reports it (RFC 3629: no overlong forms, no surrogates,
 * nothing above U+10FFFF), without decoding them: ASCII, nearly all of a file, is passed over eight bytes at a time.
 */
final class Utf8Validity {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;

    private Utf8Validity() {}

    /**
     * Checks {@code b[from, to)}. Returns {@code to} when all of it is UTF-8; the start of a sequence that the range
     * cuts short, so that the caller can check it again with the bytes that follow; or -1 at the first invalid byte.
     */
    static int checkedUntil(byte[] b, int from, int to) {
        int i = from;
        while (i < to) {
            while (i + 8 <= to && ((long) LONGS.get(b, i) & HIGH_BITS) == 0) {
                i += 8;
            }
            if (i == to) {
                break;
            }
            int lead = b[i] & 0xFF;
            if (lead < 0x80) {
                i++;
                continue;
            }
            int needed;
            int low = 0x80;
            int high = 0xBF;
            if (lead >= 0xC2 && lead <= 0xDF) {
                needed = 1;
            } else if (lead >= 0xE0 && lead <= 0xEF) {
                needed = 2;
                if (lead == 0xE0) low = 0xA0;
                if (lead == 0xED) high = 0x9F;
            } else if (lead >= 0xF0 && lead <= 0xF4) {
                needed = 3;
                if (lead == 0xF0) low = 0x90;
                if (lead == 0xF4) high = 0x8F;
            } else {
                return -1;
            }
            for (int k = 1; k <= needed; k++) {
                if (i + k >= to) {
                    return i;
                }
                int c = b[i + k] & 0xFF;
                if (k == 1 ? c < low || c > high : c < 0x80 || c > 0xBF) {
                    return -1;
                }
            }
            i += needed + 1;
        }
        return to;
    }

    /**
     * Whether a stream of chunks is UTF-8, a sequence cut by a chunk's end checked with the bytes that follow; the
     * stream must not end inside a sequence.
     */
    static final class Running {
        private final byte[] pending = new byte[4];
        private int pendingLength;
        private boolean valid = true;

        void accept(byte[] b, int from, int to) {
            if (!valid || from == to) {
                return;
            }
            int start = from;
            if (pendingLength > 0) {
                int lead = pending[0] & 0xFF;
                int length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
                int take = Math.min(length - pendingLength, to - from);
                System.arraycopy(b, from, pending, pendingLength, take);
                pendingLength += take;
                start += take;
                if (pendingLength < length) {
                    // Still cut short: every byte taken so far must fit the sequence.
                    valid = checkedUntil(pending, 0, pendingLength) == 0;
                    return;
                }
                valid = checkedUntil(pending, 0, length) == length;
                pendingLength = 0;
                if (!valid) {
                    return;
                }
            }
            int checked = checkedUntil(b, start, to);
            if (checked < 0) {
                valid = false;
            } else if (checked < to) {
                pendingLength = to - checked;
                System.arraycopy(b, checked, pending, 0, pendingLength);
            }
        }

        /** True when every byte accepted is UTF-8 and the last sequence is complete. */
        boolean valid() {
            return valid && pendingLength == 0;
        }
    }
}
