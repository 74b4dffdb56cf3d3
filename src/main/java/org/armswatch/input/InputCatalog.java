package org.armswatch.input;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Finds the night's input files: every *.csv under input/licences/ and input/unrest/, in name order, licences first. A
 * missing input folder, or one with no CSV file at all, fails the run: an empty report published by mistake looks like
 * a quiet night.
 */
public final class InputCatalog {

    public static final String LICENCES = "licences";
    public static final String UNREST = "unrest";

    private InputCatalog() {}

    public static List<InputFile> find(Path inputDir) throws InputFileException {
        return find(inputDir, List.of());
    }

    public static List<InputFile> find(Path inputDir, List<ColumnMapping> mappings) throws InputFileException {
        if (!Files.isDirectory(inputDir)) {
            throw new InputFileException(
                    inputDir,
                    "the input folder does not exist (expected " + LICENCES + "/ and " + UNREST + "/ inside it)");
        }
        List<InputFile> files = new ArrayList<>();
        for (String folder : List.of(LICENCES, UNREST)) {
            for (Path path : csvFiles(inputDir.resolve(folder))) {
                String name = inputDir.relativize(path).toString().replace('\\', '/');
                InputScan scan = scan(inputDir, name, mappings);
                if (scan.mapping() == null) refuseUnread(scan);
                InputShape shape =
                        folder.equals(LICENCES) ? InputShape.LICENCES : InputShape.ofUnrest(new Header(scan.header()));
                files.add(new InputFile(files.size() + 1, name, shape, scan));
            }
        }
        if (files.isEmpty()) {
            throw new InputFileException(inputDir, "no CSV files in " + LICENCES + "/ or " + UNREST + "/");
        }
        return files;
    }

    /** A publication the job does not read fails the run before anything is staged, saying what it is. */
    private static void refuseUnread(InputScan scan) throws InputFileException {
        java.util.Optional<String> unread;
        try {
            unread = UnreadPublication.recognise(scan.file(), scan.header());
        } catch (IOException e) {
            throw new InputFileException(scan.file(), "cannot be read (" + e.getMessage() + ")");
        }
        if (unread.isPresent()) throw new InputFileException(scan.file(), unread.get());
    }

    /**
     * Looks at one file by its name in the input folder, through the first mapping that matches it, if any: its header
     * only ({@link InputScan#head}); the reader that stages it reads every byte once.
     */
    public static InputScan scan(Path inputDir, String name, List<ColumnMapping> mappings) throws InputFileException {
        Path path = inputDir.resolve(name);
        for (ColumnMapping m : mappings) {
            if (m.matches(name)) return InputScan.head(path, m);
        }
        return InputScan.head(path, ReadingOptions.BY_CONTENT);
    }

    /**
     * A file of the input folder as a run recorded it, read again only up to its header: see
     * {@link InputScan#ofRecorded(Path, ReadingOptions, String, java.nio.charset.Charset)}.
     */
    public static InputScan scanRecorded(
            Path inputDir, String name, List<ColumnMapping> mappings, String sha256, java.nio.charset.Charset charset)
            throws InputFileException {
        Path path = inputDir.resolve(name);
        for (ColumnMapping m : mappings) {
            if (m.matches(name)) return InputScan.ofRecorded(path, m, sha256, charset);
        }
        return InputScan.ofRecorded(path, ReadingOptions.BY_CONTENT, sha256, charset);
    }

    /**
     * Files beside the CSV files that the job does not read: a list saved as a workbook or as text would otherwise be
     * missing from the report without a word. Hidden files, Office's "~$" lock files and notes (*.md, README) are not
     * data and are left out.
     */
    public static List<String> notRead(Path inputDir) throws InputFileException {
        List<String> names = new ArrayList<>();
        for (String folder : List.of(LICENCES, UNREST)) {
            Path dir = inputDir.resolve(folder);
            if (!Files.isDirectory(dir)) continue;
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.filter(Files::isRegularFile)
                        .filter(p -> !isCsv(p) && looksLikeData(dir.relativize(p)))
                        .sorted()
                        .forEach(
                                p -> names.add(inputDir.relativize(p).toString().replace('\\', '/')));
            } catch (IOException e) {
                throw new InputFileException(dir, "cannot be listed (" + e.getMessage() + ")");
            }
        }
        return names;
    }

    /** The warning {@link #notRead} files make: the run goes on, and the reporter sees which files it left out. */
    public static String notReadWarning(List<String> names) {
        int shown = Math.min(names.size(), 10);
        return "not read, as only *.csv files are: " + String.join(", ", names.subList(0, shown))
                + (names.size() > shown ? " and " + (names.size() - shown) + " more" : "")
                + " (save a spreadsheet as CSV UTF-8 to have it read)";
    }

    private static boolean looksLikeData(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) return false;
        }
        String name = relative.getFileName().toString().toLowerCase(Locale.ROOT);
        return !name.startsWith("~$") && !name.endsWith(".md") && !name.startsWith("readme");
    }

    private static boolean isCsv(Path p) {
        return p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv");
    }

    private static List<Path> csvFiles(Path folder) throws InputFileException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile)
                    .filter(InputCatalog::isCsv)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new InputFileException(folder, "cannot be listed (" + e.getMessage() + ")");
        }
    }
}
