package org.armswatch.job;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.armswatch.aggregate.RunWarnings;
import org.armswatch.aggregate.SourceFileRecord;
import org.armswatch.aggregate.StagingStore;
import org.armswatch.country.CountryResolver;
import org.armswatch.input.InputCatalog;
import org.armswatch.input.InputFileException;
import org.armswatch.input.InputScan;
import org.armswatch.input.InputShape;
import org.armswatch.input.NotUtf8Exception;
import org.armswatch.input.RejectedRow;
import org.armswatch.licence.LicenceFile;
import org.armswatch.licence.LicenceFileReader;
import org.armswatch.unrest.CountedEvents;
import org.armswatch.unrest.EventFileReader;
import org.armswatch.unrest.EventTally;
import org.armswatch.unrest.HdxCountReader;
import org.armswatch.unrest.ReportedFigureReader;
import org.armswatch.unrest.SameEventsUnderOtherIds;

/**
 * Reads input files into the staging tables, piece by piece, for the staging step's chunks: a licence file in blocks of
 * its sorted rows and then its end (rejected rows, spans, the file marked staged), any other file whole, and the ACLED
 * exports together. A restart goes on after the last committed piece.
 */
final class InputStaging {

    /**
     * What a partition stages of one file, or of the ACLED exports together: its pieces, the SHA-256 of the bytes they
     * came from (null for a unit of one piece), and how to forget pieces an earlier reading of it stored.
     */
    record Unit(String sha256, List<StagingPiece> pieces, Runnable forget) {}

    private final RunOptions options;
    private final StagingStore store;
    private final CountryResolver countries;

    InputStaging(RunOptions options, StagingStore store, CountryResolver countries) {
        this.options = options;
        this.store = store;
        this.countries = countries;
    }

    /**
     * Stages files whole, in the calling chunk's transaction: one tally or HDX file, or all ACLED exports together (an
     * event may repeat across exports, so they are de-duplicated in one pass). The reader skipped a unit a committed
     * chunk staged ({@link #staged}).
     *
     * @return the rows read
     */
    private long stage(RunParameters run, Path input, InputShape shape, List<Integer> files) throws InputFileException {
        if (shape != InputShape.ACLED_EVENTS && files.size() > 1) {
            throw new IllegalArgumentException("one " + shape + " file a transaction, not " + files);
        }
        return switch (shape) {
            case LICENCES -> throw new IllegalArgumentException("a licence file is staged in pieces: read()");
            case REPORTED_FIGURES -> stageTally(run, input, files.get(0));
            case ACLED_EVENTS -> stageEvents(run, input, files);
            case HDX_COUNTS -> stageCounts(run, input, files.get(0));
        };
    }

    /** Whether every file of a unit was staged by a committed chunk. */
    boolean staged(RunParameters run, List<Integer> fileNos) {
        return fileNos.stream().allMatch(f -> store.sourceFile(run.runId(), f).staged());
    }

    /**
     * A unit's pieces. A licence file is read and sorted here, and stored a block a piece, its end last; any other unit
     * is one piece that reads and stores it whole, as its rows are de-duplicated or checked as a whole.
     */
    Unit read(RunParameters run, Path input, InputShape shape, List<Integer> fileNos) throws InputFileException {
        if (shape != InputShape.LICENCES) {
            return new Unit(null, List.of(() -> stage(run, input, shape, fileNos)), () -> {});
        }
        int fileNo = fileNos.get(0);
        String name = store.fileName(run.runId(), fileNo);
        Read<LicenceFile> read =
                readByContent(run, input, fileNo, name, scan -> new LicenceFileReader(countries).read(scan, name));
        LicenceFile file = read.result();
        StagingStore.LicenceBlocks blocks = store.licenceBlocks(run.runId(), fileNo, file.figures(), run.period());
        List<StagingPiece> pieces = new ArrayList<>();
        for (int b = 0; b < blocks.count(); b++) {
            int block = b;
            pieces.add(() -> {
                blocks.store(block);
                return blocks.rows(block);
            });
        }
        pieces.add(() -> {
            blocks.storeSpans();
            store.insertRejected(run.runId(), fileNo, "rejected", file.rejected());
            store.insertRejected(run.runId(), fileNo, "replaced", file.replaced());
            store.markStaged(
                    run.runId(),
                    fileNo,
                    read.scan(),
                    file.sha256(),
                    file.rowsRead(),
                    file.figures().size(),
                    file.rejected().size(),
                    file.replaced().size(),
                    read.notes(name, file.notes()));
            return file.rowsRead() - file.figures().size();
        });
        return new Unit(file.sha256(), pieces, blocks::forgetStored);
    }

    private long stageTally(RunParameters run, Path input, int fileNo) throws InputFileException {
        String name = store.fileName(run.runId(), fileNo);
        Read<ReportedFigureReader.TallyFile> read = readByContent(
                run,
                input,
                fileNo,
                name,
                scan -> new ReportedFigureReader(countries, options.metrics()).read(scan, fileNo, name));
        ReportedFigureReader.TallyFile file = read.result();
        store.insertReportedFigures(run.runId(), file.figures());
        store.insertRejected(run.runId(), fileNo, "rejected", file.rejected());
        store.markStaged(
                run.runId(),
                fileNo,
                read.scan(),
                file.sha256(),
                file.rowsRead(),
                file.figures().size(),
                file.rejected().size(),
                0,
                read.notes(name, file.notes()));
        return file.rowsRead();
    }

    private long stageCounts(RunParameters run, Path input, int fileNo) throws InputFileException {
        String name = store.fileName(run.runId(), fileNo);
        Read<HdxCountReader.HdxFile> read =
                readByContent(run, input, fileNo, name, scan -> new HdxCountReader(countries).read(scan, name));
        HdxCountReader.HdxFile file = read.result();
        store.insertEventCounts(run.runId(), "HDX", fileNo, file.counts(), run.period());
        store.insertRejected(run.runId(), fileNo, "rejected", file.rejected());
        store.markStaged(
                run.runId(),
                fileNo,
                read.scan(),
                file.sha256(),
                file.rowsRead(),
                file.rowsUsed(),
                file.rejected().size(),
                0,
                file.rowsSkipped(),
                read.notes(name, file.notes()));
        return file.rowsRead();
    }

    private long stageEvents(RunParameters run, Path input, List<Integer> fileNos) throws InputFileException {
        // Past its memory budget the tally spills event ids to the run's work folder; a killed attempt's files are
        // overwritten by the next one, and the folder goes when the run is published.
        Path spill = options.output().resolve(".work").resolve(run.runDate() + ".events");
        Set<Integer> notUtf8 = new HashSet<>();
        for (; ; ) {
            try (EventTally tally =
                    new EventTally(EventTally.LISTED_REPLACED, spill, EventTally.DEFAULT_MEMORY_BUDGET)) {
                return stageEvents(run, input, fileNos, tally, notUtf8);
            } catch (NotUtf8Exception e) {
                // An export that is not UTF-8 after all: every file again, into a new tally, that one as Windows-1252
                // (which every byte is, so each file comes here at most once).
                if (notUtf8.size() > fileNos.size()) throw new IllegalStateException("read again more than once", e);
            }
        }
    }

    /** @param notUtf8 files known not to be UTF-8; one found so is added, and nothing is staged */
    private long stageEvents(
            RunParameters run, Path input, List<Integer> fileNos, EventTally tally, Set<Integer> notUtf8)
            throws InputFileException {
        EventFileReader reader = new EventFileReader(countries);
        List<EventFileReader.EventFile> results = new ArrayList<>();
        List<InputScan> scans = new ArrayList<>();
        List<List<RejectedRow>> rejectedByFile = new ArrayList<>();
        for (int fileNo : fileNos) {
            String name = store.fileName(run.runId(), fileNo);
            InputScan scan = rescan(run, input, fileNo, name, notUtf8.contains(fileNo));
            List<RejectedRow> rejected = new ArrayList<>();
            try {
                results.add(reader.read(scan, fileNo, name, tally, rejected::add, fileNos.size() > 1));
            } catch (NotUtf8Exception e) {
                notUtf8.add(fileNo);
                throw e;
            }
            scans.add(scan);
            rejectedByFile.add(rejected);
        }
        for (int i = 0; i < fileNos.size(); i++) {
            store.insertRejected(run.runId(), fileNos.get(i), "rejected", rejectedByFile.get(i));
        }
        Map<String, Integer> numbers = store.fileNumbers(run.runId());
        Map<String, List<RejectedRow>> replacedByFile = tally.replacedRows().stream()
                .collect(Collectors.groupingBy(RejectedRow::file, LinkedHashMap::new, Collectors.toList()));
        replacedByFile.forEach((file, rows) -> store.insertRejected(run.runId(), numbers.get(file), "replaced", rows));
        store.insertEventCounts(run.runId(), "ACLED", 0, CountedEvents.ofAcled(tally.counts()), run.period());
        store.insertWarnings(run.runId(), overlapWarnings(tally.overlaps()));
        store.insertEventSources(run.runId(), tally.cellsByFile());
        for (int i = 0; i < fileNos.size(); i++) {
            int fileNo = fileNos.get(i);
            String name = store.fileName(run.runId(), fileNo);
            EventFileReader.EventFile f = results.get(i);
            List<String> notes = new ArrayList<>(f.notes());
            int listed = replacedByFile.getOrDefault(name, List.of()).size();
            if (listed < tally.replaced(fileNo)) {
                notes.add(String.format(
                        java.util.Locale.UK,
                        "%s: %,d duplicate events replaced by a later copy, all counted;"
                                + " Data_quality lists %,d of them (the run lists the first %,d replaced copies"
                                + " of its ACLED exports, by file and line)",
                        name,
                        tally.replaced(fileNo),
                        listed,
                        EventTally.LISTED_REPLACED));
            }
            if (notUtf8.contains(fileNo)) notes.add(0, notUtf8Note(name));
            store.markStaged(
                    run.runId(),
                    fileNo,
                    scans.get(i),
                    f.sha256(),
                    f.rowsRead(),
                    tally.used(fileNo),
                    f.rowsRejected(),
                    tally.replaced(fileNo),
                    notes);
        }
        return results.stream().mapToLong(EventFileReader.EventFile::rowsRead).sum();
    }

    /**
     * Two exports that cover the same countries and months may count some events twice under different ids, where their
     * day, place, actors or fatalities differ too: the reporter is told how large the overlap is.
     */
    private static List<RunWarnings.Warning> overlapWarnings(List<SameEventsUnderOtherIds.Overlap> overlaps) {
        List<RunWarnings.Warning> said = new ArrayList<>();
        for (SameEventsUnderOtherIds.Overlap o : overlaps) {
            long matched = o.matchedFromFirst() + o.matchedFromSecond();
            // Each match pairs one event of either file: the others are in one file only.
            long alone = Math.max(0, o.eventsInFirst() + o.eventsInSecond() - 2 * matched);
            String what = String.format(
                    java.util.Locale.UK,
                    "ACLED exports %s and %s cover the same country and month"
                            + " in %,d cases, with %,d and %,d events there",
                    o.firstName(),
                    o.secondName(),
                    o.cells(),
                    o.eventsInFirst(),
                    o.eventsInSecond());
            String how = o.compared()
                    ? String.format(
                            java.util.Locale.UK,
                            "; %,d found in both under other ids (same day, place, actors"
                                    + " and fatalities) were counted once; %,d are in one export only, and any of them that is an"
                                    + " event of the other with details revised is counted twice: keep one export per period",
                            matched,
                            alone)
                    : String.format(
                            java.util.Locale.UK,
                            "; too many to compare (more than %,d), so events held by both"
                                    + " under other ids may be counted twice: keep one export per period",
                            SameEventsUnderOtherIds.MAX_COMPARED);
            said.add(new RunWarnings.Warning(0, what + how));
        }
        return said;
    }

    /** The file's note when it was read again as Windows-1252, as the first look writes its notes. */
    private static String notUtf8Note(String name) {
        return name + ": " + InputScan.NOT_UTF8;
    }

    /** How one file is read into what its staging step keeps. */
    private interface Reading<T> {
        T read(InputScan scan) throws InputFileException;
    }

    /** What a file gave, and the scan it was read through (its charset is recorded). */
    private record Read<T>(InputScan scan, T result, boolean notUtf8) {
        List<String> notes(String name, List<String> readerNotes) {
            if (!notUtf8) return readerNotes;
            List<String> notes = new ArrayList<>(readerNotes);
            notes.add(0, notUtf8Note(name));
            return notes;
        }
    }

    /**
     * Reads the file as recorded; one taken for UTF-8 that turns out not to be (seen only at its end, nothing of it
     * kept) is read again as Windows-1252, as a spreadsheet's export is.
     */
    private <T> Read<T> readByContent(RunParameters run, Path input, int fileNo, String name, Reading<T> reading)
            throws InputFileException {
        InputScan scan = rescan(run, input, fileNo, name, false);
        try {
            return new Read<>(scan, reading.read(scan), false);
        } catch (NotUtf8Exception e) {
            InputScan again = rescan(run, input, fileNo, name, true);
            return new Read<>(again, reading.read(again), true);
        }
    }

    /**
     * The file as the run recorded it (a resumed run may come hours later), its header read again. Its bytes are not
     * read twice: the reader computes their SHA-256 as it parses them and, when the run recorded one, refuses at the
     * end of the file, and so before this call's transaction commits anything of it, a file whose bytes changed.
     *
     * @param windows1252 read as Windows-1252, because a first reading found the file is not UTF-8
     */
    private InputScan rescan(RunParameters run, Path input, int fileNo, String name, boolean windows1252)
            throws InputFileException {
        SourceFileRecord recorded = store.sourceFile(run.runId(), fileNo);
        Charset charset = windows1252 ? InputScan.WINDOWS_1252 : charset(recorded.encoding());
        return InputCatalog.scanRecorded(input, name, options.mappings(), recorded.sha256(), charset);
    }

    /** The charset of a recorded encoding such as "windows-1252" or "UTF-8 with BOM"; null when not known yet. */
    private static Charset charset(String encoding) {
        if (encoding == null) return null;
        return Charset.forName(encoding.replace(" with BOM", ""));
    }
}
