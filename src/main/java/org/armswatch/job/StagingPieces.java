package org.armswatch.job;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.armswatch.input.InputFileException;
import org.armswatch.input.InputShape;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * A staging partition's pieces, unit after unit (a file, or the ACLED exports together). Its place, the unit and the
 * pieces of it handed out, is saved at each commit: a restart reads the unit again and goes on after the last committed
 * piece, unless the file's bytes changed since, when what its first chunks stored is forgotten and it begins again. Not
 * final: the step scope hands it out as a proxy of its class.
 */
class StagingPieces implements ItemStreamReader<StagingPiece> {

    private static final String UNIT = "staging.unit";
    private static final String PIECE = "staging.piece";
    private static final String SHA256 = "staging.sha256";

    private final InputStaging staging;
    private final RunParameters run;
    private final Path input;
    private final InputShape shape;
    private final List<List<Integer>> units;
    /** Why this JVM must not stage the partition, or null: said when the step opens it, as the step's failure. */
    private final String refusal;

    private int unit;
    private int piece;
    private String sha256;
    private InputStaging.Unit current;

    StagingPieces(
            InputStaging staging,
            RunParameters run,
            Path input,
            InputShape shape,
            List<List<Integer>> units,
            String refusal) {
        this.staging = staging;
        this.run = run;
        this.input = input;
        this.shape = shape;
        this.units = units;
        this.refusal = refusal;
    }

    @Override
    public void open(ExecutionContext context) {
        if (refusal != null) throw new UsageException(refusal);
        unit = context.getInt(UNIT, 0);
        piece = context.getInt(PIECE, 0);
        sha256 = context.containsKey(SHA256) ? context.getString(SHA256) : null;
    }

    @Override
    public void update(ExecutionContext context) {
        context.putInt(UNIT, unit);
        context.putInt(PIECE, piece);
        if (sha256 != null) context.putString(SHA256, sha256);
        else context.remove(SHA256);
    }

    @Override
    public StagingPiece read() throws InputFileException {
        while (unit < units.size()) {
            if (current == null) {
                List<Integer> files = units.get(unit);
                if (staging.staged(run, files)) {
                    next();
                    continue;
                }
                current = staging.read(run, input, shape, files);
                if (piece > 0 && !Objects.equals(current.sha256(), sha256)) {
                    // Its first chunks came from other bytes: what they stored goes, and the file begins again.
                    current.forget().run();
                    piece = 0;
                }
                sha256 = current.sha256();
            }
            if (piece < current.pieces().size()) return current.pieces().get(piece++);
            next();
        }
        return null;
    }

    private void next() {
        current = null;
        unit++;
        piece = 0;
        sha256 = null;
    }

    @Override
    public void close() throws ItemStreamException {
        current = null;
    }
}
