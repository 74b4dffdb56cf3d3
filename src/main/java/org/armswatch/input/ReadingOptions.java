package org.armswatch.input;

import java.nio.charset.Charset;

/**
 * How to read a file where its content alone does not say: lines above the header, and a delimiter, encoding or decimal
 * mark that a configured mapping fixes. Null means "tell from the file" (inputs.md's rules).
 */
public record ReadingOptions(int skipLines, Character delimiter, Charset charset, Boolean decimalComma) {

    public static final ReadingOptions BY_CONTENT = new ReadingOptions(0, null, null, null);

    public ReadingOptions {
        if (skipLines < 0) throw new IllegalArgumentException("skip-lines must be 0 or more");
    }
}
