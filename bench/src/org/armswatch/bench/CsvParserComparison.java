package org.armswatch.bench;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.armswatch.input.InputScan;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.file.FlatFileItemReader;
import org.springframework.batch.infrastructure.item.file.mapping.DefaultLineMapper;
import org.springframework.batch.infrastructure.item.file.mapping.PassThroughFieldSetMapper;
import org.springframework.batch.infrastructure.item.file.separator.DefaultRecordSeparatorPolicy;
import org.springframework.batch.infrastructure.item.file.transform.DelimitedLineTokenizer;
import org.springframework.batch.infrastructure.item.file.transform.FieldSet;
import org.springframework.core.io.InputStreamResource;

/**
 * Issue 16's question, measured: does a maintained CSV parser (FastCSV) read an ACLED export as fast as the job's own
 * reader over bytes? Each mode reads the whole file once, takes the ten fields the job uses from every record (id,
 * date, type, actors, iso, country, location, source, fatalities) and the file's SHA-256, which the job records.
 * FastCSV hands every field over as a String; the job's reader hashes and parses them in its buffer.
 *
 * <p>Spring Batch's {@code FlatFileItemReader} (with the separator policy that quoted line breaks need) is measured
 * too.
 *
 * <p>Usage: {@code java CsvParserComparison fastcsv|flatfile|armswatch FILE}; bench/csv-parsers.sh alternates them.
 */
public final class CsvParserComparison {

    private static final int[] USED = {0, 1, 5, 7, 10, 15, 17, 21, 25, 28};

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[1]);
        long t0 = System.nanoTime();
        long rows = 0;
        long mix = 17;
        String sha256;
        if (args[0].equals("fastcsv")) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest);
                    CsvReader<CsvRecord> csv =
                            CsvReader.builder().ofCsvRecord(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                boolean header = true;
                for (CsvRecord r : csv) {
                    if (header) {
                        header = false;
                        continue;
                    }
                    for (int i : USED) mix = mix * 31 + r.getField(i).hashCode();
                    rows++;
                }
            }
            sha256 = HexFormat.of().formatHex(digest.digest());
        } else if (args[0].equals("flatfile")) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            DefaultLineMapper<FieldSet> lines = new DefaultLineMapper<>();
            DelimitedLineTokenizer tokenizer = new DelimitedLineTokenizer();
            tokenizer.setStrict(false);
            lines.setLineTokenizer(tokenizer);
            lines.setFieldSetMapper(new PassThroughFieldSetMapper());
            try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
                FlatFileItemReader<FieldSet> reader = new FlatFileItemReader<>(new InputStreamResource(in), lines);
                reader.setLinesToSkip(1);
                reader.setRecordSeparatorPolicy(new DefaultRecordSeparatorPolicy());
                reader.open(new ExecutionContext());
                for (FieldSet f; (f = reader.read()) != null; ) {
                    for (int i : USED) mix = mix * 31 + f.readRawString(i).hashCode();
                    rows++;
                }
                reader.close();
            }
            sha256 = HexFormat.of().formatHex(digest.digest());
        } else {
            try (org.armswatch.input.CsvReader csv = org.armswatch.input.CsvReader.open(InputScan.of(file))) {
                while (csv.next()) {
                    for (int i : USED) mix = csv.hashField(i, mix);
                    rows++;
                }
                sha256 = csv.sha256();
            }
        }
        System.out.printf(
                "%s: %,d rows in %.2f s (sha256 %s…, mix %d)%n",
                args[0], rows, (System.nanoTime() - t0) / 1e9, sha256.substring(0, 12), mix & 0xff);
    }
}
