package org.armswatch.bench;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.armswatch.input.InputScan;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.file.FlatFileItemReader;
import org.springframework.batch.infrastructure.item.file.mapping.DefaultLineMapper;
import org.springframework.batch.infrastructure.item.file.mapping.PassThroughFieldSetMapper;
import org.springframework.batch.infrastructure.item.file.separator.DefaultRecordSeparatorPolicy;
import org.springframework.batch.infrastructure.item.file.transform.DelimitedLineTokenizer;
import org.springframework.batch.infrastructure.item.file.transform.FieldSet;
import org.springframework.core.io.FileSystemResource;

/**
 * Issue 16's other question about a maintained CSV parser: what does it do with the broken files that reporters'
 * exports contain? Each case is a small licence list (exporter, destination, period, licences, value) read by FastCSV
 * (as {@code CsvReader.builder()} gives it, and with {@code allowExtraCharsAfterClosingQuote}), by Spring Batch's
 * {@code FlatFileItemReader} with a {@code DelimitedLineTokenizer} and the record separator policy that quoted line
 * breaks need, and by the job's reader. For each it prints the records read, the licences and value summed over the
 * records whose cells are numbers, and what it said.
 *
 * <p>Usage: {@code java CsvParserSafety DIR} (bench/csv-parsers.sh runs it); the cases are written into DIR.
 */
public final class CsvParserSafety {

    private static final String HEADER = "exporter,destination,period,licences,value_eur\n";

    public static void main(String[] args) throws Exception {
        Path dir = Files.createDirectories(Path.of(args[0]));
        StringBuilder stray = new StringBuilder(HEADER);
        for (int i = 0; i < 3_000; i++) stray.append("DE,KZ,2021-Q1,1,10\n");
        stray.append("DE,FR,2021,3,\"100\n");
        for (int i = 0; i < 60; i++) stray.append("DE,TR,2021-Q1,1,1000\n");
        compare(dir, "a quote never closed, 60 rows after it", stray.toString());

        compare(dir, "text after a closing quote", HEADER + "DE,KZ,2021,1,\"1\"00\nDE,KZ,2022,1,5\n");

        String huge = "x".repeat(17_000_000);
        compare(dir, "a field of 17 million characters", HEADER + "DE,KZ,2021,1,\"" + huge + "\"\nDE,KZ,2022,1,5\n");
    }

    private static void compare(Path dir, String name, String text) throws Exception {
        Path file = dir.resolve(name.replaceAll("[^a-z0-9]+", "-") + ".csv");
        Files.writeString(file, text);
        System.out.println("== " + name);
        run("FastCSV 4.1.0", () -> fastCsv(file, false));
        run("FastCSV, extra chars", () -> fastCsv(file, true));
        run("FlatFileItemReader", () -> flatFile(file));
        run("armswatch", () -> armswatch(file));
    }

    private interface Reading {
        Sums read() throws Exception;
    }

    private static void run(String parser, Reading reading) {
        try {
            System.out.printf("  %-22s %s%n", parser, reading.read());
        } catch (Exception | OutOfMemoryError e) {
            String message = String.valueOf(e.getMessage());
            if (e.getCause() != null) message += ": " + e.getCause().getMessage();
            message = message.replaceAll("\\s+", " ");
            System.out.printf(
                    "  %-22s failed: %s%n",
                    parser, message.length() > 160 ? message.substring(0, 160) + " …" : message);
        }
    }

    /** Records read, the sums of the numeric cells, and the problems reported. */
    private static final class Sums {
        long records;
        long licences;
        BigDecimal value = BigDecimal.ZERO;
        long problems;
        String firstProblem;

        void add(String licences, String value) {
            records++;
            try {
                long l = Long.parseLong(licences.trim());
                BigDecimal v = new BigDecimal(value.trim().replace(",", ""));
                this.licences += l;
                this.value = this.value.add(v);
            } catch (NumberFormatException e) {
                // Not a number: the row would be rejected by a reader of figures.
            }
        }

        void problem(String problem) {
            if (problems++ == 0) firstProblem = problem;
        }

        @Override
        public String toString() {
            return String.format(
                    "%,d records, %,d licences, EUR %,.0f, %s",
                    records,
                    licences,
                    value,
                    problems == 0 ? "no problem reported" : problems + " problem(s): " + firstProblem);
        }
    }

    private static Sums fastCsv(Path file, boolean extraChars) throws Exception {
        Sums sums = new Sums();
        try (CsvReader<CsvRecord> csv = CsvReader.builder()
                .allowExtraCharsAfterClosingQuote(extraChars)
                .allowMissingFields(true)
                .allowExtraFields(true)
                .ofCsvRecord(file)) {
            boolean header = true;
            for (CsvRecord r : csv) {
                if (header) {
                    header = false;
                    continue;
                }
                sums.add(field(r, 3), field(r, 4));
            }
        }
        return sums;
    }

    private static String field(CsvRecord r, int i) {
        return i < r.getFieldCount() ? r.getField(i) : "";
    }

    private static Sums flatFile(Path file) throws Exception {
        Sums sums = new Sums();
        DefaultLineMapper<FieldSet> lines = new DefaultLineMapper<>();
        DelimitedLineTokenizer tokenizer = new DelimitedLineTokenizer();
        tokenizer.setStrict(false);
        lines.setLineTokenizer(tokenizer);
        lines.setFieldSetMapper(new PassThroughFieldSetMapper());
        FlatFileItemReader<FieldSet> reader = new FlatFileItemReader<>(lines);
        reader.setResource(new FileSystemResource(file));
        reader.setLinesToSkip(1);
        // Quoted line breaks (ACLED's notes) need the policy that joins lines while a quote is open.
        reader.setRecordSeparatorPolicy(new DefaultRecordSeparatorPolicy());
        reader.open(new ExecutionContext());
        try {
            for (FieldSet f; (f = reader.read()) != null; ) {
                sums.add(f.getFieldCount() > 3 ? f.readString(3) : "", f.getFieldCount() > 4 ? f.readString(4) : "");
            }
        } finally {
            reader.close();
        }
        return sums;
    }

    private static Sums armswatch(Path file) throws Exception {
        Sums sums = new Sums();
        try (org.armswatch.input.CsvReader csv = org.armswatch.input.CsvReader.open(InputScan.of(file))) {
            while (csv.next()) {
                if (csv.problem() != null) {
                    sums.problem("line " + csv.line() + ": " + csv.problem());
                    sums.records++;
                    continue;
                }
                sums.add(csv.field(3), csv.field(4));
            }
        }
        return sums;
    }
}
