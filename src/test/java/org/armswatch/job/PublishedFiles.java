package org.armswatch.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.armswatch.publish.Manifest;

/** A published run folder as the tests compare it: its files, and whether they are another run's byte for byte. */
final class PublishedFiles {

    private PublishedFiles() {}

    /** Every file under the folder, by its path within it, sorted. */
    static List<String> of(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile)
                    .map(f -> folder.relativize(f).toString())
                    .sorted()
                    .toList();
        }
    }

    /** The same files, each byte for byte the same, but the manifest, which records the clock. */
    static void assertSame(Path expected, Path actual) throws IOException {
        assertThat(of(actual)).isEqualTo(of(expected));
        for (String f : of(expected)) {
            if (f.equals(Manifest.FILE_NAME)) continue;
            assertThat(actual.resolve(f)).as(f).hasSameBinaryContentAs(expected.resolve(f));
        }
    }
}
