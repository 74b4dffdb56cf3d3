package org.armswatch.workbook.xml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The lock-free writer must give the bytes the JDK's UTF-8 writer gives, a character at a time or in runs. */
class SheetXmlWriterTest {

    private static byte[] written(Writer w, ByteArrayOutputStream bytes, String text, boolean charByChar)
            throws IOException {
        try (w) {
            if (charByChar) {
                for (int i = 0; i < text.length(); i++) w.write(text.charAt(i));
            } else {
                w.write(text);
            }
        }
        return bytes.toByteArray();
    }

    @Test
    void encodesAsTheJdkDoes() throws IOException {
        StringBuilder longText = new StringBuilder();
        for (int i = 0; i < 30_000; i++) longText.append("Côte d'Ivoire € 😀 ").append(i);
        String loneHigh = "a\uD83Db";
        String loneLow = "a\uDE00b";
        String trailingHigh = "end\uD83D";
        for (String text : new String[] {
            "plain ASCII", "Türkiye – Ürün €", "𝄞 and 😀", longText.toString(), loneHigh, loneLow, trailingHigh, ""
        }) {
            for (boolean charByChar : new boolean[] {true, false}) {
                var jdk = new ByteArrayOutputStream();
                var ours = new ByteArrayOutputStream();
                assertThat(written(new SheetXmlWriter(ours), ours, text, charByChar))
                        .as(
                                "%s, %s",
                                text.length() > 40 ? text.substring(0, 40) : text, charByChar ? "by char" : "whole")
                        .isEqualTo(written(new OutputStreamWriter(jdk, StandardCharsets.UTF_8), jdk, text, charByChar));
            }
        }
    }

    @Test
    void digitsAreWhatIntegerToStringGivesAcrossBufferEnds() throws IOException {
        java.util.Random random = new java.util.Random(20261128);
        var jdk = new ByteArrayOutputStream();
        var ours = new ByteArrayOutputStream();
        try (Writer expected = new OutputStreamWriter(jdk, StandardCharsets.UTF_8);
                SheetXmlWriter w = new SheetXmlWriter(ours)) {
            int[] edges = {0, 1, 9, 10, 99, 100, 999_999, 1_000_000, Integer.MAX_VALUE, -1, Integer.MIN_VALUE};
            for (int i = 0; i < 200_000; i++) {
                int n = i < edges.length ? edges[i] : random.nextInt(1 << (1 + random.nextInt(30)));
                String text = i % 3 == 0 ? "<c r=\"A" : "é";
                expected.write(text);
                expected.write(Integer.toString(n));
                w.write(text);
                w.writeDigits(n);
            }
        }
        assertThat(ours.toByteArray()).isEqualTo(jdk.toByteArray());
    }

    @Test
    void aWholeNumberBelowTenMillionIsWrittenAsDoubleToStringWritesIt() {
        java.util.Random random = new java.util.Random(7);
        double[] edges = {0.0, -0.0, 1.0, 9_999_999.0, 10_000_000.0, 2.5, -3.0, 1e-9, Double.NaN, 123_456.78};
        int fast = 0;
        for (int i = 0; i < 100_000; i++) {
            double v = i < edges.length
                    ? edges[i]
                    : i % 2 == 0 ? random.nextInt(20_000_000) : random.nextInt(20_000_000) / 100.0;
            if (StreamedWorkbook.RowWriter.wholeBelowTenMillion(v)) {
                fast++;
                assertThat((int) v + ".0").as("%s", v).isEqualTo(Double.toString(v));
            }
        }
        assertThat(fast).isBetween(20_000, 40_000);
        assertThat(StreamedWorkbook.RowWriter.wholeBelowTenMillion(-0.0)).isFalse();
        assertThat(StreamedWorkbook.RowWriter.wholeBelowTenMillion(1e7)).isFalse();
    }
}
