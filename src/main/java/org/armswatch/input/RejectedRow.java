package org.armswatch.input;

/** A row that could not be used: kept with where it was and why, so that a reporter can fix the source. */
public record RejectedRow(String file, long line, String raw, String reason) {}
