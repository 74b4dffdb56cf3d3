package org.armswatch.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults a night brings, on the packaged jar: a disk that fills while the report is written, an output folder that
 * cannot be written, a damaged state database. Each ends with its own exit code and one sentence saying what to do,
 * publishes nothing half-made, and leaves `latest` where it was. The disk is a small tmpfs, mounted for the test (as
 * root; without the right to mount, the disk tests are skipped and say so).
 */
class FaultsIT {

    @TempDir
    Path dir;

    private static boolean mount(String options, Path at) throws IOException, InterruptedException {
        Files.createDirectories(at);
        return new ProcessBuilder("mount", "-t", "tmpfs", "-o", options, "tmpfs", at.toString())
                        .redirectErrorStream(true)
                        .start()
                        .waitFor()
                == 0;
    }

    private static void remount(String size, Path at) throws IOException, InterruptedException {
        assertThat(new ProcessBuilder("mount", "-o", "remount,size=" + size, at.toString())
                        .start()
                        .waitFor())
                .isZero();
    }

    private static void unmount(Path at) throws IOException, InterruptedException {
        new ProcessBuilder("umount", "-l", at.toString()).start().waitFor(30, TimeUnit.SECONDS);
    }

    private String[] args(Path input, Path output, String runDate) {
        return new String[] {"--input=" + input, "--output=" + output, "--run-date=" + runDate};
    }

    @Test
    void theDiskFillsWhileTheReportIsWrittenThenTheNextStartCompletesOnceSpaceIsBack() throws Exception {
        Path input = BundledInput.copyTo(dir.resolve("input"));
        Path reference = dir.resolve("reference");
        for (String date : List.of("2026-11-27", "2026-11-28")) {
            assertThat(JobProcess.start(args(input, reference, date)).exitCode(120))
                    .isZero();
        }
        Path disk = dir.resolve("disk");
        Assumptions.assumeTrue(mount("size=40m", disk), "mounting a tmpfs is not permitted here");
        try {
            Path output = disk.resolve("output");
            JobProcess earlier = JobProcess.start(args(input, output, "2026-11-27"));
            assertThat(earlier.exitCode(120)).as(earlier.output()).isZero();
            Path latest = Files.readSymbolicLink(output.resolve("latest"));
            // Room for the staging and a little more: the charts or the workbooks fill it.
            long used = Files.getFileStore(disk).getTotalSpace()
                    - Files.getFileStore(disk).getUsableSpace();
            remount((used / 1024 + 2_400) + "k", disk);

            JobProcess full = JobProcess.start(args(input, output, "2026-11-28"));
            assertThat(full.exitCode(120)).as(full.output()).isEqualTo(ExitCode.RUN_FAILED.code());
            assertThat(full.output())
                    .contains("the disk is full")
                    .contains("free space")
                    .doesNotContain("\tat ")
                    .doesNotContain("Exception");
            assertThat(full.output().lines().count()).as("a short cron mail").isLessThan(25);
            assertThat(Files.readSymbolicLink(output.resolve("latest"))).isEqualTo(latest);
            assertThat(output.resolve("2026-11-28")).doesNotExist();

            remount("60m", disk);
            JobProcess again = JobProcess.start(args(input, output, "2026-11-28"));
            assertThat(again.exitCode(120)).as(again.output()).isZero();
            assertThat(again.output()).contains("resuming run");
            PublishedFiles.assertSame(reference.resolve("2026-11-28"), output.resolve("2026-11-28"));
        } finally {
            unmount(disk);
        }
    }

    @Test
    void anOutputFolderThatCannotBeWrittenIsNamedAtOnce() throws Exception {
        Path input = BundledInput.copyTo(dir.resolve("input"));
        Path readOnly = dir.resolve("read-only");
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root) {
            // chmod does not stop root: a read-only file system does.
            Assumptions.assumeTrue(mount("ro,size=1m", readOnly), "mounting a tmpfs is not permitted here");
        } else {
            Files.createDirectories(readOnly);
            readOnly.toFile().setWritable(false, false);
        }
        try {
            JobProcess job = JobProcess.start(args(input, readOnly.resolve("output"), "2026-11-28"));
            assertThat(job.exitCode(60)).as(job.output()).isEqualTo(ExitCode.STATE_UNUSABLE.code());
            assertThat(job.output())
                    .contains("cannot be written")
                    .contains(readOnly.resolve("output").toString())
                    .contains("--output")
                    .doesNotContain("\tat ");
            assertThat(job.output().lines().count()).isEqualTo(1);
        } finally {
            if (root) unmount(readOnly);
        }
    }

    @Test
    void aDamagedStateDatabaseIsNamedWithWhatToDoAndMovingItAsideStartsAfresh() throws Exception {
        Path input = BundledInput.copyTo(dir.resolve("input"));
        Path output = dir.resolve("output");
        assertThat(JobProcess.start(args(input, output, "2026-11-27")).exitCode(120))
                .isZero();
        Path db = output.resolve(".state").resolve("armswatch.mv.db");
        byte[] bytes = Files.readAllBytes(db);
        java.util.Random noise = new java.util.Random(5);
        for (int i = 0; i < 16_384 && i < bytes.length; i++) bytes[i] = (byte) noise.nextInt();
        Files.write(db, bytes);

        JobProcess damaged = JobProcess.start(args(input, output, "2026-11-28"));
        assertThat(damaged.exitCode(60)).as(damaged.output()).isEqualTo(ExitCode.STATE_UNUSABLE.code());
        assertThat(damaged.output()).contains("is damaged").contains("mv " + db).doesNotContain("\tat ");
        assertThat(output.resolve("2026-11-28")).doesNotExist();

        Files.move(db, db.resolveSibling("armswatch.mv.db.damaged"));
        JobProcess afresh = JobProcess.start(args(input, output, "2026-11-28"));
        assertThat(afresh.exitCode(120)).as(afresh.output()).isZero();
        assertThat(Files.readSymbolicLink(output.resolve("latest")).toString()).isEqualTo("2026-11-28");
    }

    @Test
    void aFolderOfTenThousandFilesIsReadWholeAndEveryRowCounted() throws Exception {
        Path input = dir.resolve("input");
        Files.createDirectories(input.resolve("licences"));
        BundledInput.copyTo(dir.resolve("bundled"));
        Files.createDirectories(input.resolve("unrest"));
        try (var unrest = Files.list(dir.resolve("bundled").resolve("unrest"))) {
            for (Path f : unrest.toList()) Files.copy(f, input.resolve("unrest").resolve(f.getFileName()));
        }
        long value = 0;
        for (int i = 0; i < 10_000; i++) {
            Files.writeString(
                    input.resolve("licences").resolve(String.format("l%05d.csv", i)),
                    // A category of its own: the same key in two files would count once, from the file read last.
                    "exporter,destination,period,category,licences,value_eur\nDE,KZ," + (2010 + i % 12) + ",C" + i
                            + ",1," + (100 + i) + "\n");
            value += 100 + i;
        }
        Path output = dir.resolve("output");
        JobProcess job = JobProcess.start(args(input, output, "2026-11-28"));
        assertThat(job.exitCode(600)).as(job.output()).isZero();
        assertThat(job.output()).contains("from 10002 files");
        var manifest =
                org.armswatch.publish.Manifest.read(output.resolve("latest").toRealPath());
        var licences = manifest.inputs().stream()
                .filter(i -> i.name().startsWith("licences/"))
                .toList();
        assertThat(licences)
                .hasSize(10_000)
                .allSatisfy(i -> assertThat(i.rowsUsed()).isEqualTo(1));
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                output.resolve("latest").resolve("report-2026-11-28.xlsx").toFile())) {
            var overview = org.armswatch.workbook.WrittenTable.of(wb, "Overview");
            double sum = overview.where(r -> true).stream()
                    .filter(r -> overview.cell(r, "ISO code").shown().equals("KZ"))
                    .mapToDouble(r -> {
                        var c = overview.cell(r, "Value of licences issued");
                        // A period without licence figures shows a marker, not a number.
                        return c.number() == null ? 0 : c.number();
                    })
                    .sum();
            assertThat(sum).isEqualTo((double) value);
        }
    }

    @Test
    void aLineOfAHundredMegabytesIsRejectedWithItsReasonAndTheRestCounted() throws Exception {
        Path input = BundledInput.copyTo(dir.resolve("input"));
        Path file = input.resolve("licences").resolve("huge_line.csv");
        try (var w = Files.newBufferedWriter(file)) {
            w.write("exporter,destination,period,licences,value_eur,notes\n");
            for (int i = 0; i < 100; i++) w.write("DE,UZ,2019,1,1000,ok\n");
            w.write("DE,UZ,2019,1,1000,");
            char[] block = new char[1 << 20];
            java.util.Arrays.fill(block, 'x');
            for (int i = 0; i < 100; i++) w.write(block);
            w.write("\nDE,UZ,2019,1,1000,ok after\n");
        }
        Path output = dir.resolve("output");
        JobProcess job = JobProcess.start(args(input, output, "2026-11-28"));
        assertThat(job.exitCode(300)).as(job.output()).isZero();
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                output.resolve("latest").resolve("report-2026-11-28.xlsx").toFile())) {
            var quality = org.armswatch.workbook.WrittenTable.of(wb, "Data_quality");
            var fileRow = quality.row("Input file", "licences/huge_line.csv", "What", "file");
            assertThat(quality.cell(fileRow, "Rows read").number()).isEqualTo(102.0);
            assertThat(quality.cell(fileRow, "Rows used").number()).isEqualTo(101.0);
            var rejected =
                    quality.where(r -> quality.cell(r, "Input file").shown().equals("licences/huge_line.csv")
                            && quality.cell(r, "What").shown().equals("rejected"));
            assertThat(rejected).hasSize(1);
            assertThat(quality.cell(rejected.get(0), "Reason").shown()).contains("longer than");
        }
    }

    /**
     * Whether the process is in the middle of reading the file: it has it open (Linux lists a process's open files
     * under /proc), past its first megabyte (past what a header's scan reads) and short of its end.
     */
    private static boolean readingMidway(long pid, Path file) throws IOException {
        Path fds = Path.of("/proc", Long.toString(pid), "fd");
        long size = Files.size(file);
        try (var open = Files.list(fds)) {
            for (Path fd : open.toList()) {
                try {
                    if (!Files.readSymbolicLink(fd).equals(file.toAbsolutePath())) continue;
                    Path info = Path.of(
                            "/proc",
                            Long.toString(pid),
                            "fdinfo",
                            fd.getFileName().toString());
                    for (String line : Files.readAllLines(info)) {
                        if (!line.startsWith("pos:")) continue;
                        long pos = Long.parseLong(line.substring(4).trim());
                        if (pos > 1 << 20 && pos < size) return true;
                    }
                } catch (IOException | NumberFormatException e) {
                    // closed between the listing and the look
                }
            }
        } catch (IOException e) {
            return false; // the process ended
        }
        return false;
    }

    @Test
    void anInputFileThatGrowsWhileItIsReadFailsTheRunAndTheNextStartReadsItWhole() throws Exception {
        Path input = BundledInput.copyTo(dir.resolve("input"));
        Path acled = input.resolve("unrest").resolve("acled_format_illustrative.csv");
        List<String> lines = Files.readAllLines(acled);
        String template = lines.get(1).substring(lines.get(1).indexOf(','));
        // An export large enough to be still in reading when the test writes to it (about 120 MB).
        try (var w = Files.newBufferedWriter(acled)) {
            w.write(lines.get(0));
            w.write('\n');
            for (int i = 0; i < 300_000; i++) {
                w.write("EGY" + (1_000_000 + i));
                w.write(template);
                w.write('\n');
            }
        }
        Path output = dir.resolve("output");
        String[] args = args(input, output, "2026-11-28");
        JobProcess job = CronBehaviourIT.slowed(JobProcess.start(args));
        assertThat(job.awaitLine(l -> l.endsWith("stageInputs started"), 60_000))
                .as(job.output())
                .isTrue();
        // Once the job is reading the export: one more row lands, as when the export is still being copied in.
        assertThat(CronBehaviourIT.await(() -> readingMidway(job.pid(), acled), 60_000))
                .as(job.output())
                .isTrue();
        Files.writeString(acled, "EGY999" + template + "\n", java.nio.file.StandardOpenOption.APPEND);

        assertThat(job.exitCode(300)).as(job.output()).isEqualTo(ExitCode.RUN_FAILED.code());
        assertThat(job.output()).contains("acled_format_illustrative.csv").contains("changed while it was read");
        assertThat(output.resolve("latest")).doesNotExist();

        JobProcess again = JobProcess.start(args);
        assertThat(again.exitCode(300)).as(again.output()).isZero();
        assertThat(again.output()).contains("resuming run");
        var manifest =
                org.armswatch.publish.Manifest.read(output.resolve("latest").toRealPath());
        assertThat(manifest.inputs())
                .filteredOn(i -> i.name().equals("unrest/acled_format_illustrative.csv"))
                .singleElement()
                .satisfies(i -> assertThat(i.rowsRead()).isEqualTo(300_001));
    }
}
