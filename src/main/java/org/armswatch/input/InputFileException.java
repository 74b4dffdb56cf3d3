package org.armswatch.input;

import java.nio.file.Path;

/** A file that cannot be read as a whole: fails the run, with a message that names the file. */
public class InputFileException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient Path file;

    public InputFileException(Path file, String reason) {
        super(nameOf(file) + ": " + reason);
        this.file = file;
    }

    public Path file() {
        return file;
    }

    private static String nameOf(Path file) {
        Path name = file.getFileName();
        return name == null ? file.toString() : name.toString();
    }
}
