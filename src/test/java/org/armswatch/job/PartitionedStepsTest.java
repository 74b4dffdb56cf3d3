package org.armswatch.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.armswatch.period.Granularity;
import org.armswatch.publish.Manifest;
import org.armswatch.workbook.WorkbookComparison;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The framework's promises the job relies on, pinned with Spring Batch's own test support on the real H2: one partition
 * per input file and per workbook, a restart that runs only what did not complete, and a resumed run that publishes
 * what a clean one does. The context starts with --help, so that NightlyRun runs nothing by itself.
 */
@SpringBatchTest
@SpringBootTest(classes = ArmswatchApplication.class, args = "--help")
class PartitionedStepsTest {

    static final LocalDate RUN_DATE = LocalDate.parse("2026-11-28");
    static final String BROKEN = "licences/german_excel_export.csv";

    static final Path DIR = temporaryFolder();
    static final Path INPUT = DIR.resolve("input");
    static final Path OUTPUT = DIR.resolve("output");
    static final Path CLEAN = DIR.resolve("clean");

    @Autowired
    JobOperatorTestUtils jobs;

    static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("partitioned-steps");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void folders(DynamicPropertyRegistry registry) {
        registry.add("armswatch.input", INPUT::toString);
        registry.add("armswatch.output", OUTPUT::toString);
    }

    @BeforeAll
    static void theInputAndACleanRunOfIt() throws IOException {
        BundledInput.copyTo(INPUT);
        InProcessRun run = InProcessRun.of(
                "--input=" + BundledInput.copyTo(CLEAN.resolve("input")),
                "--output=" + CLEAN,
                "--run-date=" + RUN_DATE);
        assertThat(run.exitCode()).as(run.printed()).isZero();
    }

    @Test
    void aFailedPartitionAloneRunsAgainAndTheResumedRunPublishesWhatACleanOneDoes() throws Exception {
        Path broken = INPUT.resolve(BROKEN);
        byte[] good = Files.readAllBytes(broken);
        Files.writeString(broken, "no,such,columns\n1,2,3\n");
        JobParameters parameters = RunParameters.of(RUN_DATE, Granularity.QUARTER, 0);

        JobExecution failed = jobs.startJob(parameters);
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(partitions(failed, "stageInput"))
                .containsExactlyInAnyOrder(
                        "stageInput:ACLED exports",
                        "stageInput:licences/de_kazakhstan_2021_story.csv",
                        "stageInput:" + BROKEN,
                        "stageInput:licences/illustrative_licences.csv",
                        "stageInput:unrest/desk_tally_kazakhstan.csv");
        assertThat(failed.getStepExecutions())
                .filteredOn(s -> s.getStatus() == BatchStatus.FAILED)
                .extracting(StepExecution::getStepName)
                .containsExactlyInAnyOrder("stageInput:" + BROKEN, "stageInputs");
        assertThat(Failures.reason(failed)).contains("german_excel_export.csv");

        Files.write(broken, good);
        JobExecution resumed = jobs.startJob(parameters);
        assertThat(resumed.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(resumed.getJobInstance().getInstanceId())
                .isEqualTo(failed.getJobInstance().getInstanceId());
        assertThat(partitions(resumed, "stageInput")).containsExactly("stageInput:" + BROKEN);
        assertThat(resumed.getStepExecutions())
                .extracting(StepExecution::getStepName)
                .doesNotContain("findInputs");

        // One partition per workbook: the main one and one per country file written.
        List<String> countryFiles =
                PublishedFiles.of(OUTPUT.resolve("latest").toRealPath().resolve("countries"));
        assertThat(partitions(resumed, "writeWorkbook"))
                .hasSize(countryFiles.size() + 1)
                .contains("writeWorkbook:main", "writeWorkbook:KZ");

        Path published = OUTPUT.resolve("latest").toRealPath();
        Path reference = CLEAN.resolve("latest").toRealPath();
        assertThat(WorkbookComparison.differences(
                        reference.resolve("report-" + RUN_DATE + ".xlsx"),
                        published.resolve("report-" + RUN_DATE + ".xlsx")))
                .isEmpty();
        for (String file : PublishedFiles.of(reference)) {
            if (file.equals(Manifest.FILE_NAME)) continue;
            assertThat(published.resolve(file)).as(file).hasSameBinaryContentAs(reference.resolve(file));
        }

        // The manifest lists every file the run wrote, with its checksum and size, and the partitioned steps once.
        Manifest manifest = Manifest.read(published);
        assertThat(manifest.outputs())
                .extracting(Manifest.Output::name)
                .containsExactlyElementsOf(PublishedFiles.of(published).stream()
                        .filter(f -> !f.equals(Manifest.FILE_NAME))
                        .toList());
        for (Manifest.Output out : manifest.outputs()) {
            assertThat(out.sha256()).as(out.name()).isEqualTo(Manifest.sha256(published.resolve(out.name())));
            assertThat(out.bytes()).as(out.name()).isEqualTo(Files.size(published.resolve(out.name())));
        }
        assertThat(manifest.inputs()).extracting(Manifest.Input::name).contains(BROKEN);
        assertThat(manifest.stepSeconds())
                .containsKeys("stageInputs", "drawCharts", "writeWorkbooks")
                .allSatisfy((step, seconds) -> assertThat(step).doesNotContain(":"));
    }

    private static List<String> partitions(JobExecution execution, String worker) {
        return execution.getStepExecutions().stream()
                .map(StepExecution::getStepName)
                .filter(name -> name.startsWith(worker + ":"))
                .sorted()
                .toList();
    }
}
