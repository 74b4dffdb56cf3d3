package org.armswatch.input;

import java.nio.file.Path;

/**
 * A file read as UTF-8 by default turned out, at its end, not to be UTF-8: nothing of it may be kept, and it is read
 * again as Windows-1252 ({@link InputScan#asWindows1252()}), as the desk's spreadsheet exports are.
 */
public final class NotUtf8Exception extends InputFileException {

    private static final long serialVersionUID = 1L;

    public NotUtf8Exception(Path file) {
        super(file, "is not valid UTF-8");
    }
}
