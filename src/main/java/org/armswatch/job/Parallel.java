package org.armswatch.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Runs independent pieces of one step (charts, workbooks) on every core: each piece writes its own
 * file, so the order they finish in changes nothing, and results come back in the order given.
 */
final class Parallel {

    /** A piece of work that may fail with an I/O error. */
    interface Piece<T> {
        T run() throws IOException;
    }

    private Parallel() {}

    static <T> List<T> run(List<Piece<T>> pieces) throws IOException {
        int threads = Math.max(1, Math.min(pieces.size(), Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "armswatch-report");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Piece<T> piece : pieces) {
                futures.add(pool.submit(() -> {
                    try {
                        return piece.run();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }));
            }
            List<T> results = new ArrayList<>(futures.size());
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing the report", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof UncheckedIOException io) throw io.getCause();
            if (cause instanceof RuntimeException r) throw r;
            if (cause instanceof Error err) throw err;
            throw new IOException(cause);
        } finally {
            pool.shutdownNow();
            // A piece still writing must finish before the caller cleans up the folder it writes in.
            try {
                pool.awaitTermination(5, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
