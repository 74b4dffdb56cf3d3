package org.armswatch.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The hand-written check must say what Java's strict decoder says, byte for byte, cut anywhere. */
class Utf8ValidityTest {

    private static boolean decoderSaysUtf8(byte[] bytes) {
        return ReaderFuzzTest.isUtf8(bytes);
    }

    /** As DigestingInput uses it: in pieces, a cut sequence completed by the bytes of the next piece(s). */
    private static boolean checkSaysUtf8(byte[] bytes, int piece) {
        Utf8Validity.Running running = new Utf8Validity.Running();
        // Each piece comes at another offset of a larger buffer, as a reader's chunks do.
        byte[] buf = new byte[piece + 7];
        for (int at = 0; at < bytes.length; at += piece) {
            int n = Math.min(piece, bytes.length - at);
            int offset = at % 7;
            System.arraycopy(bytes, at, buf, offset, n);
            running.accept(buf, offset, offset + n);
        }
        return running.valid();
    }

    @Test
    void agreesWithTheStrictDecoderOnRandomBytesCutAnywhere() {
        Random random = new Random(20261128);
        byte[] interesting = {
            0x41,
            0x2C,
            (byte) 0x80,
            (byte) 0xBF,
            (byte) 0xC0,
            (byte) 0xC2,
            (byte) 0xDF,
            (byte) 0xE0,
            (byte) 0xA0,
            (byte) 0xED,
            (byte) 0x9F,
            (byte) 0xEF,
            (byte) 0xF0,
            (byte) 0x90,
            (byte) 0xF4,
            (byte) 0x8F,
            (byte) 0xF5,
            (byte) 0xFF
        };
        String[] valid = {"Türkei", "€", "Ωμέγα", "\uD83D\uDCA3", "Қазақстан", "\uFEFF", "plain ascii text, longer"};
        int invalid = 0;
        for (int round = 0; round < 20_000; round++) {
            StringBuilder text = new StringBuilder();
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            int parts = 1 + random.nextInt(12);
            for (int p = 0; p < parts; p++) {
                if (random.nextInt(4) == 0) {
                    out.write(interesting[random.nextInt(interesting.length)]);
                } else {
                    out.writeBytes(valid[random.nextInt(valid.length)].getBytes(StandardCharsets.UTF_8));
                }
            }
            byte[] bytes = out.toByteArray();
            boolean expected = decoderSaysUtf8(bytes);
            if (!expected) invalid++;
            // A byte or two at a time, a sequence waits over several pieces; a random size cuts it anywhere.
            for (int piece : new int[] {1, 2, 1 + random.nextInt(bytes.length + 8)}) {
                assertThat(checkSaysUtf8(bytes, piece))
                        .as("%s cut every %d bytes", java.util.HexFormat.of().formatHex(bytes), piece)
                        .isEqualTo(expected);
            }
            text.setLength(0);
        }
        assertThat(invalid).isBetween(2_000, 18_000);
    }
}
