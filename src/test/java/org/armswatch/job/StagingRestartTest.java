package org.armswatch.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.armswatch.period.Granularity;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A licence file that stops in the middle of its staging goes on, when the run resumes, after its last committed chunk:
 * the blocks committed before are not stored again, and the run publishes what an uninterrupted one does. The failure
 * is a database trigger's (FailingBlockInsert) on the real H2.
 */
@SpringBatchTest
@SpringBootTest(classes = ArmswatchApplication.class, args = "--help")
class StagingRestartTest {

    static final LocalDate RUN_DATE = LocalDate.parse("2026-11-28");
    static final String BIG = "licences/zz_licence_list.csv";
    /** 40 blocks of rows and the file's end: three chunks of {@link NightlyJobConfiguration#PIECES_PER_CHUNK}. */
    static final int ROWS = 40 * 1024;

    static final Path DIR = PartitionedStepsTest.temporaryFolder();
    static final Path INPUT = DIR.resolve("input");
    static final Path OUTPUT = DIR.resolve("output");

    @Autowired
    JobOperatorTestUtils jobs;

    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void folders(DynamicPropertyRegistry registry) {
        registry.add("armswatch.input", INPUT::toString);
        registry.add("armswatch.output", OUTPUT::toString);
    }

    @Test
    void aLicenceFileStoppedInItsSecondChunkGoesOnFromThereAndTheRunPublishesWhatACleanOneDoes() throws Exception {
        BundledInput.copyTo(INPUT);
        GeneratedLicences.write(INPUT.resolve(BIG), 0, ROWS, "Generated for StagingRestartTest");
        Path clean = DIR.resolve("clean");
        Path cleanInput = BundledInput.copyTo(clean.resolve("input"));
        Files.copy(INPUT.resolve(BIG), cleanInput.resolve(BIG));
        InProcessRun reference =
                InProcessRun.of("--input=" + cleanInput, "--output=" + clean, "--run-date=" + RUN_DATE);
        assertThat(reference.exitCode()).as(reference.printed()).isZero();

        int perChunk = NightlyJobConfiguration.PIECES_PER_CHUNK;
        JobParameters parameters = RunParameters.of(RUN_DATE, Granularity.QUARTER, 0);
        JobExecution failed = failingInTheSecondChunk(parameters).execution();
        StepExecution stopped = partition(failed).orElseThrow();
        assertThat(stopped.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(stopped.getCommitCount()).isEqualTo(1);
        int fileNo = bigFileNo(failed);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM aw_licence_block WHERE run_id = ? AND file_no = ?",
                        Integer.class,
                        failed.getJobInstance().getInstanceId(),
                        fileNo))
                .isEqualTo(perChunk);

        FailingBlockInsert.INSERTED.clear();
        JobExecution resumed = jobs.startJob(parameters);
        assertThat(resumed.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        List<Long> stored = FailingBlockInsert.INSERTED.stream()
                .filter(b -> b[0] == fileNo)
                .map(b -> b[1])
                .toList();
        // The first chunk's blocks are not stored again: the file goes on at its second chunk.
        assertThat(stored).hasSize(ROWS / 1024 - perChunk).first().isEqualTo(perChunk * 1024L);
        assertThat(partition(resumed).orElseThrow().getReadCount()).isEqualTo(ROWS / 1024 + 1 - perChunk);

        PublishedFiles.assertSame(clean.resolve(RUN_DATE.toString()), OUTPUT.resolve(RUN_DATE.toString()));
    }

    /**
     * A file whose bytes changed between its first chunks and the resume is not stitched from two versions: what its
     * first chunks stored is forgotten, it is staged again from its first row, and the figures are the new bytes'.
     */
    @Test
    void aLicenceFileChangedAfterItsFirstChunksIsStagedAgainWhole() throws Exception {
        BundledInput.copyTo(INPUT);
        GeneratedLicences.write(INPUT.resolve(BIG), 1, ROWS, "Generated for StagingRestartTest");
        LocalDate date = RUN_DATE.plusDays(1);
        JobParameters parameters = RunParameters.of(date, Granularity.QUARTER, 0);
        JobExecution failed = failingInTheSecondChunk(parameters).execution();

        // Another version of the list: every row goes to another destination.
        GeneratedLicences.write(INPUT.resolve(BIG), 2, ROWS, "Generated for StagingRestartTest");
        FailingBlockInsert.INSERTED.clear();
        JobExecution resumed = jobs.startJob(parameters);
        assertThat(resumed.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        int fileNo = bigFileNo(failed);
        List<Long> stored = FailingBlockInsert.INSERTED.stream()
                .filter(b -> b[0] == fileNo)
                .map(b -> b[1])
                .toList();
        assertThat(stored).hasSize(ROWS / 1024).first().isEqualTo(0L);

        try (var wb = org.armswatch.workbook.WrittenTable.open(
                OUTPUT.resolve(date.toString()).resolve("report-" + date + ".xlsx"))) {
            var licences = org.armswatch.workbook.WrittenTable.of(wb, "Licences");
            // Where the second version has rows and the first had none, in the file's first blocks (Brazil) and in its
            // last (Kazakhstan, Turkey).
            for (String[] cell : List.of(
                    new String[] {"BR", "2022", "1"}, new String[] {"KZ", "2021", "2"}, new String[] {"TR", "2022", "2"
                    })) {
                String destination = cell[0];
                int year = Integer.parseInt(cell[1]);
                int quarter = Integer.parseInt(cell[2]);
                assertThat(licences.cell(
                                        licences.row(
                                                "Destination ISO code",
                                                destination,
                                                "Period (ISO)",
                                                year + "-Q" + quarter,
                                                "Input file",
                                                BIG),
                                        "Value")
                                .number())
                        .as(destination)
                        .isEqualTo(GeneratedLicences.value(2, ROWS, destination, year, quarter));
            }
        }
    }

    /**
     * A run whose big licence file fails in its second chunk, as a database failing one insert would make it.
     * Wrapped: @SpringBatchTest takes a method returning a JobExecution for its job scope's execution.
     */
    private record FailedRun(JobExecution execution) {}

    private FailedRun failingInTheSecondChunk(JobParameters parameters) throws Exception {
        jdbc.execute("CREATE TRIGGER IF NOT EXISTS fail_block BEFORE INSERT ON aw_licence_block FOR EACH ROW CALL '"
                + FailingBlockInsert.class.getName() + "'");
        FailingBlockInsert.failAt = (NightlyJobConfiguration.PIECES_PER_CHUNK + 4) * 1024L;
        JobExecution failed = jobs.startJob(parameters);
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        return new FailedRun(failed);
    }

    private int bigFileNo(JobExecution execution) {
        return jdbc.queryForObject(
                "SELECT file_no FROM aw_source_file WHERE run_id = ? AND name = ?",
                Integer.class,
                execution.getJobInstance().getInstanceId(),
                BIG);
    }

    /** Not a StepExecution: @SpringBatchTest would take a method returning one for its step scope's execution. */
    private static java.util.Optional<StepExecution> partition(JobExecution execution) {
        return execution.getStepExecutions().stream()
                .filter(s -> s.getStepName().equals("stageInput:" + BIG))
                .findFirst();
    }
}
