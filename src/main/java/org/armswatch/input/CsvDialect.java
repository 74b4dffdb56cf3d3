package org.armswatch.input;

import java.nio.charset.Charset;

/**
 * How a file's bytes become fields and figures. A plain value: the scan proposes one from the header line, and a
 * configured mapping may replace it.
 */
public record CsvDialect(char delimiter, Charset charset, boolean decimalComma) {}
