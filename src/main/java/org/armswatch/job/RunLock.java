package org.armswatch.job;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;

/**
 * One run at a time per state folder. Taken before the database is opened, so a second start is refused at once with a
 * sentence naming the run in progress, instead of H2's "database may be already in use". The operating system releases
 * the lock when the process dies, even by kill -9, so a lock that can be taken means no live run holds the state.
 */
public final class RunLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock of a run; a staging worker's is its own, so a worker may share a run's output folder. */
    static final String RUN = "run.lock";

    static final String WORKER = "worker.lock";

    public static RunLock take(Path stateDir, String what) throws IOException {
        return take(stateDir, RUN, what);
    }

    static RunLock take(Path stateDir, String name, String what) throws IOException {
        Files.createDirectories(stateDir);
        Path file = stateDir.resolve(name);
        FileChannel channel =
                FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            String holder = Files.readString(file, StandardCharsets.UTF_8).trim();
            channel.close();
            throw new RunInProgressException(inUse(stateDir, name) + (holder.isEmpty() ? "" : ": " + holder));
        }
        String me = "pid " + ProcessHandle.current().pid() + ", started " + Instant.now() + ", " + what;
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(me.getBytes(StandardCharsets.UTF_8)), 0);
        channel.force(false);
        return new RunLock(channel, lock);
    }

    /**
     * Who holds the lock, if another process does, without taking it or creating anything: lets a second start refuse
     * at once, before the framework starts. Taking the lock stays the rule.
     */
    public static Optional<String> heldBy(Path stateDir) {
        return heldBy(stateDir, RUN);
    }

    static Optional<String> heldBy(Path stateDir, String name) {
        Path file = stateDir.resolve(name);
        if (!Files.isRegularFile(file)) return Optional.empty();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock probe;
            try {
                probe = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                probe = null;
            }
            if (probe != null) {
                probe.release();
                return Optional.empty();
            }
            return Optional.of(inUse(stateDir, name) + ": "
                    + Files.readString(file, StandardCharsets.UTF_8).trim());
        } catch (IOException e) {
            return Optional.empty(); // cannot tell here; taking the lock will say
        }
    }

    private static String inUse(Path stateDir, String name) {
        return "another armswatch " + (name.equals(WORKER) ? "worker is running" : "run is in progress") + " on "
                + stateDir;
    }

    @Override
    public void close() throws IOException {
        if (channel.isOpen()) {
            channel.truncate(0);
            lock.release();
            channel.close();
        }
    }

    /** Another process holds the state folder. */
    public static final class RunInProgressException extends RuntimeException {
        RunInProgressException(String message) {
            super(message);
        }
    }
}
