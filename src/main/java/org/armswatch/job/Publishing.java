package org.armswatch.job;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.armswatch.aggregate.SourceFileRecord;
import org.armswatch.aggregate.StagingStore;
import org.armswatch.publish.Manifest;
import org.armswatch.publish.RunFolder;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

/** Writes the manifest into the complete work folder, then moves it into place and moves latest. */
final class Publishing {

    private final RunOptions options;
    private final StagingStore store;

    Publishing(RunOptions options, StagingStore store) {
        this.options = options;
        this.store = store;
    }

    void publish(RunParameters run, JobExecution execution) throws IOException {
        RunFolder folder = new RunFolder(options.output(), run.runDate());
        if (Files.isDirectory(folder.work())) {
            writeManifest(folder, run, execution);
        } // else: killed after the move, before the database heard of it; publish() finishes the job.
        folder.publish();
        store.completeRun(run.runId());
    }

    private void writeManifest(RunFolder folder, RunParameters run, JobExecution execution) throws IOException {
        List<SourceFileRecord> files = store.sourceFiles(run.runId());
        List<Manifest.Input> inputs = files.stream()
                .map(f -> new Manifest.Input(
                        f.name(),
                        f.sha256(),
                        f.bytes(),
                        f.rowsRead(),
                        f.rowsUsed(),
                        f.rowsRejected(),
                        f.rowsReplaced(),
                        f.rowsSkipped()))
                .toList();
        Map<String, Double> seconds = new LinkedHashMap<>();
        for (StepExecution step : execution.getStepExecutions()) {
            // A partitioned step's time is the step's own; its partitions' times are in the log.
            if (step.getStepName().contains(":")) continue;
            if (step.getStartTime() != null && step.getEndTime() != null) {
                seconds.merge(
                        step.getStepName(),
                        Duration.between(step.getStartTime(), step.getEndTime()).toMillis() / 1000.0,
                        Double::sum);
            }
        }
        Instant started = execution.getStartTime() == null
                ? Instant.now()
                : execution.getStartTime().atZone(ZoneId.systemDefault()).toInstant();
        Manifest.write(
                folder.work(),
                run.runDate(),
                run.runId(),
                run.period().name().toLowerCase(Locale.ROOT),
                started,
                Instant.now(),
                inputs,
                seconds);
    }
}
