package org.armswatch.workbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The lock-free writer must give the bytes the JDK's UTF-8 writer gives, a character at a time or in runs. */
class SheetXmlWriterTest {

    private static byte[] written(Writer w, ByteArrayOutputStream bytes, String text, boolean charByChar) throws IOException {
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
        StringBuilder long_ = new StringBuilder();
        for (int i = 0; i < 30_000; i++) long_.append("Côte d'Ivoire € 😀 ").append(i);
        String loneHigh = "a\uD83Db";
        String loneLow = "a\uDE00b";
        String trailingHigh = "end\uD83D";
        for (String text : new String[] {"plain ASCII", "Türkiye – Ürün €", "𝄞 and 😀", long_.toString(), loneHigh,
                loneLow, trailingHigh, ""}) {
            for (boolean charByChar : new boolean[] {true, false}) {
                var jdk = new ByteArrayOutputStream();
                var ours = new ByteArrayOutputStream();
                assertThat(written(new SheetXmlWriter(ours), ours, text, charByChar))
                        .as("%s, %s", text.length() > 40 ? text.substring(0, 40) : text, charByChar ? "by char" : "whole")
                        .isEqualTo(written(new OutputStreamWriter(jdk, StandardCharsets.UTF_8), jdk, text, charByChar));
            }
        }
    }
}
