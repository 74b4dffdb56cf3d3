package org.armswatch.job;

import java.time.LocalDate;
import org.armswatch.period.Granularity;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.scope.context.ChunkContext;

/**
 * A run's identity in Spring Batch: the run date (identifying: one job instance per date), the forced rerun number
 * (identifying, only for --rerun) and the report period. The job instance id is the run id in the job's own tables.
 */
record RunParameters(long runId, LocalDate runDate, Granularity period) {

    static final String RUN_DATE = "runDate";
    static final String RERUN = "rerun";
    static final String PERIOD = "period";
    /** The {@link RunOptions#readingSettings()} a run began with: a resumed run must read with the same. */
    static final String READING = "reading";

    static JobParameters of(LocalDate runDate, Granularity period, long rerun) {
        return of(runDate, period, rerun, null);
    }

    static JobParameters of(LocalDate runDate, Granularity period, long rerun, String readingSettings) {
        JobParametersBuilder b = new JobParametersBuilder()
                .addString(RUN_DATE, runDate.toString(), true)
                .addString(PERIOD, period.name(), false);
        if (rerun > 0) b.addLong(RERUN, rerun, true);
        if (readingSettings != null) b.addString(READING, readingSettings, false);
        return b.toJobParameters();
    }

    static RunParameters of(ChunkContext chunk) {
        return of(chunk.getStepContext().getStepExecution().getJobExecution());
    }

    static RunParameters of(JobExecution execution) {
        JobParameters p = execution.getJobParameters();
        return new RunParameters(
                execution.getJobInstance().getInstanceId(),
                LocalDate.parse(p.getString(RUN_DATE)),
                Granularity.valueOf(p.getString(PERIOD)));
    }
}
