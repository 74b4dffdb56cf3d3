package org.armswatch.aggregate;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Consecutive staged licence rows of one file as one value of the database: each distinct text once, then the rows as
 * numbers. Staged and read a row at a time, the rows cost the database more than everything else the run stores; a
 * block costs it one insert and one read, and a row decoded from it shares its texts with the block's other rows.
 * Values keep two decimals, rounded half up, as the DECIMAL(22,2) column that held them did.
 */
final class LicenceBlock {

    /**
     * The layout below and of the blocks' keys (3: 15 bits of file number in {@link StagedLicences#key}, 12 before); a
     * run staged in another (by an earlier version) is started afresh, not resumed.
     */
    static final int FORMAT = 3;

    private static final int TEXTS = 8;

    /** Rows to a block: a country's rows are found by key, and a block is read whole. */
    static final int ROWS = 1024;

    private static final byte NONE = 0;
    private static final byte SMALL = 1;
    private static final byte LARGE = 2;

    private LicenceBlock() {}

    static byte[] encode(List<StagedLicences.Row> rows) {
        Map<String, Integer> index = new HashMap<>();
        List<byte[]> texts = new ArrayList<>();
        int[] refs = new int[rows.size() * TEXTS];
        int n = 0;
        int size = 8;
        for (StagedLicences.Row r : rows) {
            for (String t : new String[] {
                r.exporter(),
                r.destination(),
                r.period(),
                r.reportPeriod(),
                r.category(),
                r.status(),
                r.currency(),
                r.source()
            }) {
                Integer i = index.get(t);
                if (i == null) {
                    i = texts.size();
                    index.put(t, i);
                    byte[] b = t.getBytes(StandardCharsets.UTF_8);
                    texts.add(b);
                    size += 4 + b.length;
                }
                refs[n++] = i;
            }
            size += TEXTS * 4
                    + 9
                    + 5
                    + (r.value() == null ? 0 : 8 + r.value().unscaledValue().bitLength() / 8 + 8);
        }
        // Plain arrays, not Data streams: their byte-array streams take a lock for every byte.
        ByteBuffer out = ByteBuffer.allocate(size);
        out.putInt(texts.size());
        for (byte[] b : texts) {
            out.putInt(b.length);
            out.put(b);
        }
        out.putInt(rows.size());
        n = 0;
        for (StagedLicences.Row r : rows) {
            for (int k = 0; k < TEXTS; k++) out.putInt(refs[n++]);
            out.put((byte) (r.licences() != null ? 1 : 0));
            if (r.licences() != null) out.putLong(r.licences());
            putValue(out, r.value());
        }
        return Arrays.copyOf(out.array(), out.position());
    }

    static List<StagedLicences.Row> decode(byte[] data, int fileNo) {
        try {
            ByteBuffer in = ByteBuffer.wrap(data);
            String[] texts = new String[in.getInt()];
            for (int i = 0; i < texts.length; i++) {
                int length = in.getInt();
                texts[i] = new String(data, in.position(), length, StandardCharsets.UTF_8);
                in.position(in.position() + length);
            }
            int count = in.getInt();
            List<StagedLicences.Row> rows = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                String exporter = texts[in.getInt()];
                String destination = texts[in.getInt()];
                String period = texts[in.getInt()];
                String reportPeriod = texts[in.getInt()];
                String category = texts[in.getInt()];
                String status = texts[in.getInt()];
                String currency = texts[in.getInt()];
                String source = texts[in.getInt()];
                Long licences = in.get() != 0 ? in.getLong() : null;
                rows.add(new StagedLicences.Row(
                        exporter,
                        destination,
                        period,
                        reportPeriod,
                        category,
                        status,
                        licences,
                        value(in),
                        currency,
                        source,
                        fileNo));
            }
            return rows;
        } catch (RuntimeException e) {
            throw new IllegalStateException("a staged licence block cannot be read: " + e, e);
        }
    }

    /** The value in cents, as a long when it fits (nearly always). */
    private static void putValue(ByteBuffer out, BigDecimal value) {
        if (value == null) {
            out.put(NONE);
            return;
        }
        BigInteger cents = value.setScale(2, RoundingMode.HALF_UP).unscaledValue();
        if (cents.bitLength() < 64) {
            out.put(SMALL);
            out.putLong(cents.longValueExact());
        } else {
            byte[] b = cents.toByteArray();
            out.put(LARGE);
            out.putInt(b.length);
            out.put(b);
        }
    }

    private static BigDecimal value(ByteBuffer in) {
        byte kind = in.get();
        if (kind == NONE) return null;
        if (kind == SMALL) return BigDecimal.valueOf(in.getLong(), 2);
        byte[] b = new byte[in.getInt()];
        in.get(b);
        return new BigDecimal(new BigInteger(b), 2);
    }
}
