package org.armswatch.input;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Turns an I/O failure into the run's message: the file's name and the operating system's reason. */
final class FileReadFailure {

    private FileReadFailure() {}

    static InputFileException of(Path file, IOException e) {
        return new InputFileException(file, "cannot be read (" + reason(e) + ")");
    }

    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "No such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "Permission denied";
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
