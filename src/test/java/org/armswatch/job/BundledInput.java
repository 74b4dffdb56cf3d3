package org.armswatch.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** Copies the project's bundled input/ folder, so a test can change its copy freely. */
final class BundledInput {

    private BundledInput() {}

    static Path copyTo(Path target) throws IOException {
        Path source = Path.of("input");
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path p : walk.toList()) {
                Path to = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(to);
                else Files.copy(p, to, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return target;
    }
}
