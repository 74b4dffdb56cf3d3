package org.armswatch.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole job with its job repository and its own tables on a real PostgreSQL server ({@link PostgresServer}): the
 * run publishes byte for byte what the run on H2 publishes, and a failed run resumes there as it does on H2.
 */
class OnPostgresTest {

    static final String RUN_DATE = "2026-11-28";

    @TempDir
    static Path shared;

    static Path onH2;

    @TempDir
    Path dir;

    @BeforeAll
    static void theSameRunOnH2() throws IOException {
        onH2 = shared.resolve("h2");
        InProcessRun run = InProcessRun.of(
                "--input=" + BundledInput.copyTo(shared.resolve("input")),
                "--output=" + onH2,
                "--run-date=" + RUN_DATE);
        assertThat(run.exitCode()).as(run.printed()).isZero();
    }

    static InProcessRun onPostgres(Path input, Path output, String database) {
        return InProcessRun.of(
                "--input=" + input,
                "--output=" + output,
                "--run-date=" + RUN_DATE,
                "--spring.datasource.url=" + database);
    }

    @Test
    void theRunOnPostgresPublishesWhatTheRunOnH2Does() throws Exception {
        String database = PostgresServer.shared().freshDatabase();
        Path output = dir.resolve("output");
        InProcessRun run = onPostgres(shared.resolve("input"), output, database);
        assertThat(run.exitCode()).as(run.printed()).isZero();
        assertThat(output.resolve(".state"))
                .as("no H2 file beside a PostgreSQL run")
                .isDirectoryNotContaining("glob:**/armswatch.mv.db");
        PublishedFiles.assertSame(onH2.resolve(RUN_DATE), output.resolve(RUN_DATE));
    }

    @Test
    void aFailedRunOnPostgresResumesThereAndPublishesTheSame() throws Exception {
        String database = PostgresServer.shared().freshDatabase();
        Path input = BundledInput.copyTo(dir.resolve("input"));
        Path output = dir.resolve("output");
        Path file = input.resolve("licences/german_excel_export.csv");
        byte[] good = Files.readAllBytes(file);
        Files.writeString(file, "no,such,columns\n1,2,3\n");

        InProcessRun failed = onPostgres(input, output, database);
        assertThat(failed.exitCode()).as(failed.printed()).isEqualTo(ExitCode.RUN_FAILED.code());
        assertThat(failed.printed()).contains("german_excel_export.csv");

        Files.write(file, good);
        InProcessRun resumed = onPostgres(input, output, database);
        assertThat(resumed.exitCode()).as(resumed.printed()).isZero();
        assertThat(resumed.printed()).contains("resuming run");
        PublishedFiles.assertSame(onH2.resolve(RUN_DATE), output.resolve(RUN_DATE));

        InProcessRun again = onPostgres(input, output, database);
        assertThat(again.printed()).contains("already done");
    }
}
