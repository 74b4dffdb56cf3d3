package org.armswatch.job;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.armswatch.aggregate.SourceFileRecord;
import org.armswatch.aggregate.StagingStore;
import org.armswatch.country.CountryResolver;
import org.armswatch.input.InputCatalog;
import org.armswatch.input.InputFileException;
import org.armswatch.input.InputScan;
import org.armswatch.input.InputShape;
import org.armswatch.input.RejectedRow;
import org.armswatch.licence.LicenceFile;
import org.armswatch.licence.LicenceFileReader;
import org.armswatch.unrest.CountedEvents;
import org.armswatch.unrest.EventFileReader;
import org.armswatch.unrest.HdxCountReader;
import org.armswatch.unrest.EventTally;
import org.armswatch.unrest.ReportedFigureReader;

import java.util.ArrayList;

/**
 * Reads input files of one shape into the staging tables. Each call stages what one transaction
 * should hold: one licence or tally file, or all ACLED exports together (an event may repeat
 * across exports, so they are de-duplicated in one pass). A restart re-reads only what no
 * committed transaction staged.
 */
final class InputStaging {

    private final RunOptions options;
    private final StagingStore store;
    private final CountryResolver countries;

    InputStaging(RunOptions options, StagingStore store, CountryResolver countries) {
        this.options = options;
        this.store = store;
        this.countries = countries;
    }

    /** What one call staged: rows read, and whether files of the shape are left for another call. */
    record Staged(long rows, boolean more) {}

    /** Stages the next unit of work of this shape. */
    Staged stageNext(RunParameters run, InputShape shape) throws InputFileException {
        List<Integer> files = store.unstagedFiles(run.runId(), shape);
        if (files.isEmpty()) {
            return new Staged(0, false);
        }
        long rows = switch (shape) {
            case LICENCES -> stageLicences(run, files.get(0));
            case REPORTED_FIGURES -> stageTally(run, files.get(0));
            case ACLED_EVENTS -> stageEvents(run, files);
            case HDX_COUNTS -> stageCounts(run, files.get(0));
        };
        return new Staged(rows, shape != InputShape.ACLED_EVENTS && files.size() > 1);
    }

    private long stageLicences(RunParameters run, int fileNo) throws InputFileException {
        String name = store.fileName(run.runId(), fileNo);
        InputScan scan = rescan(run, fileNo, name);
        LicenceFile file = new LicenceFileReader(countries).read(scan, name);
        store.insertLicences(run.runId(), fileNo, file.figures(), run.period());
        store.insertRejected(run.runId(), fileNo, "rejected", file.rejected());
        store.insertRejected(run.runId(), fileNo, "replaced", file.replaced());
        store.markStaged(run.runId(), fileNo, file.rowsRead(), file.figures().size(), file.rejected().size(),
                file.replaced().size(), file.notes());
        return file.rowsRead();
    }

    private long stageTally(RunParameters run, int fileNo) throws InputFileException {
        String name = store.fileName(run.runId(), fileNo);
        InputScan scan = rescan(run, fileNo, name);
        ReportedFigureReader.TallyFile file = new ReportedFigureReader(countries, options.metrics()).read(scan, fileNo, name);
        store.insertReportedFigures(run.runId(), file.figures());
        store.insertRejected(run.runId(), fileNo, "rejected", file.rejected());
        store.markStaged(run.runId(), fileNo, file.rowsRead(), file.figures().size(), file.rejected().size(), 0, file.notes());
        return file.rowsRead();
    }

    private long stageCounts(RunParameters run, int fileNo) throws InputFileException {
        String name = store.fileName(run.runId(), fileNo);
        HdxCountReader.HdxFile file = new HdxCountReader(countries).read(rescan(run, fileNo, name), name);
        store.insertEventCounts(run.runId(), "HDX", fileNo, file.counts(), run.period());
        store.insertRejected(run.runId(), fileNo, "rejected", file.rejected());
        store.markStaged(run.runId(), fileNo, file.rowsRead(), file.rowsUsed(), file.rejected().size(), 0,
                file.rowsSkipped(), file.notes());
        return file.rowsRead();
    }

    private long stageEvents(RunParameters run, List<Integer> fileNos) throws InputFileException {
        // Past its memory budget the tally spills event ids to the run's work folder; a killed attempt's files are
        // overwritten by the next one, and the folder goes when the run is published.
        Path spill = options.output().resolve(".work").resolve(run.runDate() + ".events");
        try (EventTally tally = new EventTally(EventTally.LISTED_REPLACED, spill, EventTally.DEFAULT_MEMORY_BUDGET)) {
            return stageEvents(run, fileNos, tally);
        }
    }

    private long stageEvents(RunParameters run, List<Integer> fileNos, EventTally tally) throws InputFileException {
        EventFileReader reader = new EventFileReader(countries);
        List<EventFileReader.EventFile> results = new ArrayList<>();
        for (int fileNo : fileNos) {
            String name = store.fileName(run.runId(), fileNo);
            InputScan scan = rescan(run, fileNo, name);
            List<RejectedRow> rejected = new ArrayList<>();
            results.add(reader.read(scan, fileNo, name, tally, rejected::add));
            store.insertRejected(run.runId(), fileNo, "rejected", rejected);
        }
        Map<String, Integer> numbers = store.fileNumbers(run.runId());
        Map<String, List<RejectedRow>> replacedByFile = tally.replacedRows().stream()
                .collect(Collectors.groupingBy(RejectedRow::file, LinkedHashMap::new, Collectors.toList()));
        replacedByFile.forEach((file, rows) -> store.insertRejected(run.runId(), numbers.get(file), "replaced", rows));
        store.insertEventCounts(run.runId(), "ACLED", 0, tally.counts().stream().map(CountedEvents::of).toList(), run.period());
        for (int i = 0; i < fileNos.size(); i++) {
            int fileNo = fileNos.get(i);
            EventFileReader.EventFile f = results.get(i);
            List<String> notes = new ArrayList<>(f.notes());
            int listed = replacedByFile.getOrDefault(store.fileName(run.runId(), fileNo), List.of()).size();
            if (listed < tally.replaced(fileNo)) {
                notes.add(String.format(java.util.Locale.UK, "%s: %,d duplicate events replaced by a later copy, all counted;"
                        + " Data_quality lists %,d of them (the run lists the first %,d replaced copies of its ACLED exports, by file and line)",
                        store.fileName(run.runId(), fileNo), tally.replaced(fileNo), listed, EventTally.LISTED_REPLACED));
            }
            store.markStaged(run.runId(), fileNo, f.rowsRead(), tally.used(fileNo), f.rowsRejected(),
                    tally.replaced(fileNo), notes);
        }
        return results.stream().mapToLong(EventFileReader.EventFile::rowsRead).sum();
    }

    /**
     * The file as the run recorded it (a resumed run may come hours later), its header read again. Its bytes are not
     * read twice: the reader computes their SHA-256 as it parses them and refuses, at the end of the file and so
     * before this call's transaction commits anything of it, a file whose bytes changed since the run began.
     */
    private InputScan rescan(RunParameters run, int fileNo, String name) throws InputFileException {
        SourceFileRecord recorded = store.sourceFiles(run.runId()).stream().filter(f -> f.fileNo() == fileNo)
                .findFirst().orElseThrow(() -> new IllegalStateException("file " + fileNo + " was not recorded"));
        return InputCatalog.scanRecorded(options.input(), name, options.mappings(), recorded.sha256(),
                charset(recorded.encoding()));
    }

    /** The charset of a recorded encoding such as "windows-1252" or "UTF-8 with BOM". */
    private static Charset charset(String encoding) {
        return Charset.forName(encoding.replace(" with BOM", ""));
    }
}
