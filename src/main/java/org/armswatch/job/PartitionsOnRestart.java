package org.armswatch.job;

import java.util.Map;
import java.util.Set;
import org.springframework.batch.core.job.JobExecutionException;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.partition.support.SimpleStepExecutionSplitter;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Spring Batch's splitter, made safe against a kill between its two writes: it records a partition's step execution
 * first and its execution context after, so a process killed in between leaves a partition with an empty context, which
 * a restart would run with nothing to do (the cron tests hit this). A partition found so on a restart gets its context
 * from the partitioner again.
 */
final class PartitionsOnRestart extends SimpleStepExecutionSplitter {

    private static final String GRID_SIZE = SimpleStepExecutionSplitter.class.getSimpleName() + ".GRID_SIZE";

    private final JobRepository repository;
    private final String worker;
    private final Partitioner partitioner;

    PartitionsOnRestart(JobRepository repository, String worker, Partitioner partitioner) {
        super(repository, worker, partitioner);
        this.repository = repository;
        this.worker = worker;
        this.partitioner = partitioner;
    }

    @Override
    public Set<StepExecution> split(StepExecution manager, int gridSize) throws JobExecutionException {
        Set<StepExecution> partitions = super.split(manager, gridSize);
        Map<String, ExecutionContext> contexts = null;
        for (StepExecution partition : partitions) {
            if (!partition.getExecutionContext().isEmpty()) continue;
            if (contexts == null) {
                // The grid size the first attempt recorded, as the splitter itself uses on a restart.
                contexts = partitioner.partition(
                        (int) manager.getExecutionContext().getLong(GRID_SIZE, gridSize));
            }
            ExecutionContext context = contexts.get(partition.getStepName().substring(worker.length() + 1));
            if (context == null) continue;
            context.entrySet().forEach(e -> partition.getExecutionContext().put(e.getKey(), e.getValue()));
            repository.updateExecutionContext(partition);
        }
        return partitions;
    }
}
