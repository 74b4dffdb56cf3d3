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

    /**
     * The file's name, after its folder where that is one of the input's two ("licences/x.csv"), as the run says it.
     */
    private static String nameOf(Path file) {
        Path name = file.getFileName();
        if (name == null) return file.toString();
        Path folder = file.getParent() == null ? null : file.getParent().getFileName();
        if (folder != null
                && (folder.toString().equals(InputCatalog.LICENCES)
                        || folder.toString().equals(InputCatalog.UNREST))) {
            return folder + "/" + name;
        }
        return name.toString();
    }
}
