package org.armswatch.aggregate;

/** A rejected row, or an earlier duplicate a later row replaced, as the Data_quality sheet lists it. */
public record DataQualityRow(String file, long line, String kind, String raw, String reason) {}
