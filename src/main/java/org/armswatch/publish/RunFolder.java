package org.armswatch.publish;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Where a run writes and how it becomes visible. A run writes into output/.work/&lt;run-date&gt;/; only a complete
 * folder is moved to output/&lt;run-date&gt;/, and only then does output/latest point at it. Readers of output/ never
 * see half a run.
 */
public final class RunFolder {

    private final Path output;
    private final LocalDate runDate;

    public RunFolder(Path output, LocalDate runDate) {
        this.output = output;
        this.runDate = runDate;
    }

    /** The run's work folder; a resumed run finds what its earlier attempt left there. */
    public Path work() {
        return output.resolve(".work").resolve(runDate.toString());
    }

    public Path published() {
        return output.resolve(runDate.toString());
    }

    public Path latest() {
        return output.resolve("latest");
    }

    public Path createWork() throws IOException {
        Files.createDirectories(work());
        return work();
    }

    /**
     * Moves the complete work folder into place (replacing an earlier run of the same date, as a forced rerun does) and
     * then points latest at it. Each move is a rename within output/. Idempotent: a run killed half-way through
     * publishing finishes it on the next start.
     */
    public Path publish() throws IOException {
        Path target = published();
        Path replaced = output.resolve(".work").resolve(runDate + ".replaced");
        if (Files.isDirectory(work())) {
            deleteTree(replaced);
            if (Files.exists(target)) {
                move(target, replaced);
            }
            move(work(), target);
        }
        if (!Files.isDirectory(target)) {
            throw new IOException("nothing to publish: neither " + work() + " nor " + target + " exists");
        }
        if (isNewestPublished()) {
            Path link = output.resolve(".latest.tmp");
            Files.deleteIfExists(link);
            Files.createSymbolicLink(link, target.getFileName());
            move(link, latest());
        }
        deleteTree(replaced);
        return target;
    }

    /** latest never goes back: a resumed or rerun older date is published without taking it over. */
    private boolean isNewestPublished() throws IOException {
        if (!Files.isSymbolicLink(latest())) return true;
        try {
            LocalDate current = LocalDate.parse(
                    Files.readSymbolicLink(latest()).getFileName().toString());
            return !runDate.isBefore(current);
        } catch (DateTimeParseException e) {
            return true;
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException(
                    "cannot move " + from + " to " + to + " in one step; the output folder must be"
                            + " on one file system",
                    e);
        }
    }

    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) return;
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                if (exc != null) throw exc;
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
