package org.armswatch.job;

import java.time.Duration;
import java.time.LocalDateTime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepExecution;

/**
 * Short progress lines for the cron mail and the log: a step's start, and its end with rows and
 * rows per second. Also the test-only slow-down (armswatch.slow-down-per-chunk-ms), which lets
 * the cron tests kill a run inside any step; it pauses between transactions and changes nothing else.
 */
final class StepProgress implements StepExecutionListener, ChunkListener<Object, Object> {

    private static final Logger log = LoggerFactory.getLogger("org.armswatch.progress");

    private final long slowDownMillis;

    StepProgress(long slowDownMillis) {
        this.slowDownMillis = slowDownMillis;
    }

    @Override
    public void beforeStep(StepExecution step) {
        log.info("{} started", step.getStepName());
    }

    @Override
    public ExitStatus afterStep(StepExecution step) {
        LocalDateTime start = step.getStartTime();
        double seconds = start == null ? 0 : Duration.between(start, LocalDateTime.now()).toMillis() / 1000.0;
        long rows = step.getWriteCount();
        if (rows > 0) {
            log.info("{} {}: {} rows in {} s ({} rows/s)", step.getStepName(), step.getStatus().name().toLowerCase(),
                    rows, String.format("%.1f", seconds), seconds > 0 ? Math.round(rows / seconds) : rows);
        } else {
            log.info("{} {} in {} s", step.getStepName(), step.getStatus().name().toLowerCase(), String.format("%.1f", seconds));
        }
        return step.getExitStatus();
    }

    @Override
    public void beforeChunk(ChunkContext context) {
        if (slowDownMillis > 0) {
            try {
                Thread.sleep(slowDownMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
