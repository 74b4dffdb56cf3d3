package org.armswatch.input;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Publications a desk keeps beside its licence lists that the job does not read, told by their preamble, so that the
 * run's sentence says what the file is instead of which columns it lacks. SIPRI's exports are the first: the Arms
 * Transfers Database gives trend-indicator values of deliveries, a volume measure in millions of TIV rather than money,
 * and no licences, so no column mapping can make licence figures of them.
 */
final class UnreadPublication {

    /** SIPRI's preamble names the database within its first ten lines. */
    private static final int LOOK = 4096;

    private UnreadPublication() {}

    /**
     * What the file is and what to do with it, when it is a publication the job does not read: its first line is
     * SIPRI's title of a TIV table or of a trade register, and the preamble names SIPRI.
     */
    static Optional<String> recognise(Path file, java.util.List<String> firstLine) throws IOException {
        String title = String.join(",", firstLine).toLowerCase(Locale.ROOT);
        if (!title.contains("tiv of arms") && !title.contains("transfers of major conventional arms")) {
            return Optional.empty();
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(LOOK);
        }
        String text = new String(head, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        if (text.contains("sipri")) {
            return Optional.of("this is a SIPRI Arms Transfers Database export (trend-indicator values of deliveries,"
                    + " a volume measure, not money, and no licences), which armswatch does not read: keep it outside"
                    + " the input folder");
        }
        return Optional.empty();
    }
}
