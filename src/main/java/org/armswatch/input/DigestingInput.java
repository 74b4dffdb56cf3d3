package org.armswatch.input;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The bytes of a file as they are read, with their SHA-256 computed on a second thread, and, when asked, whether they
 * are UTF-8: a file is read once, by the reader that stages it, and the run still records its checksum and refuses it
 * if it changed since it was staged; on two cores this costs hardly any time.
 *
 * <p>Each read is copied into one of a few chunks for the hashing thread; the reader waits only when all of them are
 * still being hashed, so memory stays at {@code CHUNKS × CHUNK} bytes whatever the file's size.
 */
final class DigestingInput extends InputStream {

    private static final int CHUNK = 1 << 20;
    private static final int CHUNKS = 4;
    /** Tells the hashing thread that the file ended. */
    private static final Chunk END = new Chunk(new byte[0]);

    private static final class Chunk {
        final byte[] bytes;
        int length;

        Chunk(byte[] bytes) {
            this.bytes = bytes;
        }
    }

    private final InputStream in;
    private final BlockingQueue<Chunk> toHash = new ArrayBlockingQueue<>(CHUNKS + 1);
    private final BlockingQueue<Chunk> free = new ArrayBlockingQueue<>(CHUNKS);
    private final MessageDigest sha256;
    /** Null when the charset is known and UTF-8 need not be checked. */
    private final Utf8Validity.Running utf8;

    private final Thread hasher;
    private volatile Throwable hasherFailed;
    private String hex;
    private boolean ended;

    DigestingInput(InputStream in, boolean checkUtf8) {
        this.in = in;
        this.sha256 = newSha256();
        this.utf8 = checkUtf8 ? new Utf8Validity.Running() : null;
        for (int i = 0; i < CHUNKS; i++) {
            free.add(new Chunk(new byte[CHUNK]));
        }
        hasher = new Thread(this::hashUntilEnd, "armswatch-sha256");
        hasher.setDaemon(true);
        hasher.start();
    }

    static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, Math.min(len, CHUNK));
        if (n < 0) {
            ended = true;
            return n;
        }
        if (n > 0) {
            Chunk chunk = take(free);
            System.arraycopy(b, off, chunk.bytes, 0, n);
            chunk.length = n;
            put(chunk);
        }
        return n;
    }

    /**
     * Reads what is left, unparsed, and returns the SHA-256 of every byte of the file, as lower-case hex: a caller that
     * stopped early still learns whether the whole file is the one it expected.
     */
    String sha256() throws IOException {
        if (hex == null) {
            byte[] rest = new byte[CHUNK];
            while (!ended) {
                read(rest, 0, rest.length);
            }
            put(END);
            try {
                hasher.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while checking the file's SHA-256", e);
            }
            if (hasherFailed != null) {
                throw new IllegalStateException("SHA-256 failed", hasherFailed);
            }
            hex = HexFormat.of().formatHex(sha256.digest());
        }
        return hex;
    }

    /** Whether every byte of the file is UTF-8; known once {@link #sha256()} returned, and only if asked for. */
    boolean utf8() throws IOException {
        if (utf8 == null) throw new IllegalStateException("UTF-8 was not checked");
        sha256();
        return utf8.valid();
    }

    @Override
    public void close() throws IOException {
        if (hasher.isAlive()) {
            hasher.interrupt();
        }
        in.close();
    }

    private void hashUntilEnd() {
        try {
            for (Chunk c; (c = toHash.take()) != END; ) {
                sha256.update(c.bytes, 0, c.length);
                if (utf8 != null) utf8.accept(c.bytes, 0, c.length);
                free.put(c);
            }
        } catch (InterruptedException e) {
            // The reader closed the file before its end: nobody waits for the digest.
        } catch (RuntimeException | Error e) {
            hasherFailed = e;
        }
    }

    private Chunk take(BlockingQueue<Chunk> queue) throws IOException {
        try {
            for (; ; ) {
                if (hasherFailed != null) {
                    throw new IllegalStateException("SHA-256 failed", hasherFailed);
                }
                Chunk c = queue.poll(1, java.util.concurrent.TimeUnit.SECONDS);
                if (c != null) {
                    return c;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading", e);
        }
    }

    private void put(Chunk chunk) throws IOException {
        try {
            toHash.put(chunk);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading", e);
        }
    }
}
