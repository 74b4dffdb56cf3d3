package org.armswatch.input;

/**
 * One input file of a run: its number (the order files are read in), its name relative to the input folder (what
 * reporters see on the Cover), its shape and what scanning its bytes found.
 */
public record InputFile(int fileNo, String name, InputShape shape, InputScan scan) {}
