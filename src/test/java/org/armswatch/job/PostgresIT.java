package org.armswatch.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar on a real PostgreSQL server, killed as cron's machine may kill it: kill -9 once some workbooks are
 * written and others not, then a start that runs only the rest and publishes byte for byte the run on H2.
 */
class PostgresIT {

    @TempDir
    Path dir;

    @Test
    void killNineInTheMiddleOfTheWorkbooksOnPostgresThenTheNextStartFinishesTheSameRun() throws Exception {
        Path input = BundledInput.copyTo(dir.resolve("input"));
        Path onH2 = JobProcess.cleanRunOnH2(input, dir.resolve("h2"));

        String database = PostgresServer.shared().freshDatabase();
        Path output = dir.resolve("output");
        String[] args = {
            "--input=" + input,
            "--output=" + output,
            "--run-date=" + CronBehaviourIT.RUN_DATE,
            "--spring.datasource.url=" + database
        };
        JobProcess killed = CronBehaviourIT.slowed(JobProcess.start(args));
        assertThat(CronBehaviourIT.await(
                        () -> !CronBehaviourIT.completedPartitions(CronBehaviourIT.logLines(output, 0), "writeWorkbook")
                                .isEmpty(),
                        60_000))
                .as(killed.output())
                .isTrue();
        killed.killNine();
        List<String> done = CronBehaviourIT.completedPartitions(CronBehaviourIT.logLines(output, 0), "writeWorkbook");
        assertThat(killed.output()).doesNotContain("writeWorkbooks completed");
        long logged = Files.size(CronBehaviourIT.log(output));

        JobProcess resumed = JobProcess.start(args);
        assertThat(resumed.exitCode(120)).as(resumed.output()).isZero();
        assertThat(resumed.output()).contains("recovering it").contains("resuming run");
        List<String> again = CronBehaviourIT.logLines(output, logged).stream()
                .filter(l -> l.contains("org.armswatch.partitions : writeWorkbook:") && l.endsWith(" started"))
                .toList();
        for (String partition : done) {
            assertThat(again).as("a completed partition run again").noneMatch(l -> l.contains(partition + " started"));
        }
        PublishedFiles.assertSame(onH2, output.resolve(CronBehaviourIT.RUN_DATE));
    }
}
