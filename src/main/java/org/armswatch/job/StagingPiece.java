package org.armswatch.job;

import org.armswatch.input.InputFileException;

/**
 * A part of a staging partition, stored in its chunk's transaction: a block of a licence file's rows, a licence file's
 * end, or a whole file of another shape (InputStaging). Public: the build's ahead-of-time bean code names it.
 */
@FunctionalInterface
public interface StagingPiece {

    /** @return the input rows it accounts for */
    long store() throws InputFileException;
}
