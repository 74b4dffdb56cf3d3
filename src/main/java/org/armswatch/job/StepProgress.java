package org.armswatch.job;

import java.time.Duration;
import java.time.LocalDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.partition.StepExecutionAggregator;
import org.springframework.batch.core.partition.support.DefaultStepExecutionAggregator;
import org.springframework.batch.core.step.StepExecution;

/**
 * Short progress lines for the cron mail and the log: a step's start, and its end with rows and rows per second. A
 * partition's lines (its step is named "worker:partition") go to the log file only: forty workbooks would bury the cron
 * mail's few lines.
 */
final class StepProgress implements StepExecutionListener {

    /**
     * Input rows a step staged, in its execution context: its chunks' items are pieces of files (StagingPieces), so its
     * write count is not rows.
     */
    static final String ROWS = "rows";

    /** Spring Batch's sums of the partitions' counts, and their rows. */
    static final StepExecutionAggregator ROWS_OF_PARTITIONS = (manager, partitions) -> {
        new DefaultStepExecutionAggregator().aggregate(manager, partitions);
        long rows = 0;
        for (StepExecution p : partitions) rows += p.getExecutionContext().getLong(ROWS, 0);
        if (rows > 0) manager.getExecutionContext().putLong(ROWS, rows);
    };

    private static final Logger steps = LoggerFactory.getLogger("org.armswatch.progress");
    private static final Logger partitions = LoggerFactory.getLogger("org.armswatch.partitions");

    private static Logger log(StepExecution step) {
        return step.getStepName().contains(":") ? partitions : steps;
    }

    @Override
    public void beforeStep(StepExecution step) {
        log(step).info("{} started", step.getStepName());
    }

    @Override
    public ExitStatus afterStep(StepExecution step) {
        LocalDateTime start = step.getStartTime();
        double seconds =
                start == null ? 0 : Duration.between(start, LocalDateTime.now()).toMillis() / 1000.0;
        long rows = step.getExecutionContext().getLong(ROWS, step.getWriteCount());
        if (rows > 0) {
            log(step)
                    .info(
                            "{} {}: {} rows in {} s ({} rows/s)",
                            step.getStepName(),
                            step.getStatus().name().toLowerCase(),
                            rows,
                            String.format("%.1f", seconds),
                            seconds > 0 ? Math.round(rows / seconds) : rows);
        } else {
            log(step)
                    .info(
                            "{} {} in {} s",
                            step.getStepName(),
                            step.getStatus().name().toLowerCase(),
                            String.format("%.1f", seconds));
        }
        return step.getExitStatus();
    }
}
