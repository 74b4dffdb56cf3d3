package org.armswatch.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.armswatch.job.InProcessRuns;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * index.html as a reader sees it, in a real browser (Debian's headless Chromium): it loads without console errors,
 * every chart's picture resolves, the Overview sorts, and it reads on a phone and on a desktop. Screenshots at both
 * widths are kept in target/screenshots/ for a person to look at.
 */
class ReportPageBrowserTest {

    static final String RUN_DATE = "2026-12-03";
    static final Path SCREENSHOTS = Path.of("target/screenshots");

    @TempDir
    static Path dir;

    static Path page;

    @BeforeAll
    static void runTheJobOnTheBundledInput() throws Exception {
        Path output = InProcessRuns.bundled(dir, RUN_DATE);
        page = output.resolve("latest/index.html");
        Files.createDirectories(SCREENSHOTS);
    }

    @Test
    void loadsWithoutConsoleErrorsAndEveryChartResolves() throws Exception {
        HeadlessChromium.Result r = HeadlessChromium.run(
                dir.resolve("profile-dom"),
                "--virtual-time-budget=5000",
                "--dump-dom",
                page.toUri().toString());
        Matcher body = Pattern.compile("<body([^>]*)>").matcher(r.stdout());
        assertThat(body.find())
                .as("the page as the browser built it:\n%s", r.log())
                .isTrue();
        assertThat(body.group(1)).contains("data-images=\"ok\"").contains("data-errors=\"none\"");
        assertThat(HeadlessChromium.console(r.log())).isEmpty();
        long pictures = Pattern.compile("<img ").matcher(r.stdout()).results().count();
        assertThat(pictures)
                .as("one picture per chart")
                .isEqualTo(Files.list(page.getParent().resolve("charts"))
                        .filter(p -> p.toString().endsWith(".png"))
                        .count());
        // The story's lead comes first, and rests on real figures.
        assertThat(r.stdout())
                .contains("<strong>Kazakhstan, Jan to Mar 2022</strong>: Licences issued in 2021 (25 licences,"
                        + " EUR 2,200,000)");
    }

    @Test
    void theOverviewSortsByAColumnInTheBrowser() throws Exception {
        // A copy of the page that selects the "Unrest events" header twice (descending) once it has loaded.
        String html = Files.readString(page)
                .replace(
                        "</body>",
                        "<script>window.addEventListener('load',function(){"
                                + "var th=[].filter.call(document.querySelectorAll('#overview-table thead th'),function(t){"
                                + "return t.textContent==='Unrest events';})[0];th.click();th.click();"
                                + "document.body.setAttribute('data-first',document.querySelector('#overview-table tbody tr th').textContent"
                                + "+' '+document.querySelector('#overview-table tbody tr td').textContent);});</script></body>");
        Path sorted = page.resolveSibling("sorted.html");
        Files.writeString(sorted, html);
        HeadlessChromium.Result r = HeadlessChromium.run(
                dir.resolve("profile-sort"),
                "--virtual-time-budget=5000",
                "--dump-dom",
                sorted.toUri().toString());
        // The most unrest events of any country and quarter: Kazakhstan's January 2022.
        assertThat(r.stdout()).contains("data-first=\"Kazakhstan Jan to Mar 2022\"");
    }

    @Test
    void readsOnAPhoneAndOnADesktopAndTheScreenshotsAreKept() throws Exception {
        for (int[] size : new int[][] {{390, 2400}, {1280, 2400}}) {
            Path shot = SCREENSHOTS.resolve("index-" + size[0] + "px.png").toAbsolutePath();
            Files.deleteIfExists(shot);
            HeadlessChromium.run(
                    dir.resolve("profile-" + size[0]),
                    "--window-size=" + size[0] + "," + size[1],
                    "--virtual-time-budget=5000",
                    "--screenshot=" + shot,
                    page.toUri().toString());
            BufferedImage image = ImageIO.read(shot.toFile());
            assertThat(image.getWidth()).isEqualTo(size[0]);
            // Nothing wider than the screen: the page's own width fits, tables scroll inside their box.
            assertThat(darkPixelsAtTheRightEdge(image))
                    .as("text cut at the right edge at %d px", size[0])
                    .isZero();
        }
    }

    /** Text running off the page would leave dark pixels in the last column of the screenshot. */
    private static int darkPixelsAtTheRightEdge(BufferedImage image) {
        int dark = 0;
        int x = image.getWidth() - 1;
        for (int y = 0; y < image.getHeight(); y++) {
            int rgb = image.getRGB(x, y);
            int luminance = ((rgb >> 16 & 0xFF) * 299 + (rgb >> 8 & 0xFF) * 587 + (rgb & 0xFF) * 114) / 1000;
            if (luminance < 100) dark++;
        }
        return dark;
    }
}
