package org.armswatch.page;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.armswatch.aggregate.Figure;
import org.armswatch.aggregate.FigureChange;
import org.armswatch.aggregate.Indicator;
import org.armswatch.aggregate.Measure;
import org.armswatch.aggregate.OverviewRow;
import org.armswatch.aggregate.RunWarnings;
import org.armswatch.aggregate.SourceFileRecord;
import org.armswatch.aggregate.StoryLeads;
import org.armswatch.chart.DrawnChart;
import org.armswatch.workbook.ReportContent;

/**
 * index.html beside the workbook: the morning's leads, the charts, the Overview as a table that sorts by any column,
 * what changed, the warnings and the sources. One file with its styles and script inside, the charts by relative path:
 * it opens from a disk, a share or a phone, with no network. Figures read as in the workbook (≥ 4,400, [x], [i]) and
 * come from the same rows.
 */
public final class ReportPage {

    private ReportPage() {}

    public static void write(ReportContent c, Path file) throws IOException {
        StringBuilder h = new StringBuilder(64 * 1024);
        String period = c.period().name().toLowerCase(Locale.ROOT);
        String title = "Arms-export licences and unrest by country and " + period + ", report of " + c.runDate();
        h.append("<!doctype html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>")
                .append(esc(title))
                .append("</title>\n<style>")
                .append(STYLE)
                .append("</style>\n</head>\n")
                .append("<body>\n<header>\n<h1>")
                .append(esc(title))
                .append("</h1>\n<p class=\"meta\">Made by ")
                .append(esc(c.desk()))
                .append(" from ")
                .append(c.files().size())
                .append(" input files. The workbook ")
                .append("<a href=\"report-")
                .append(c.runDate())
                .append(".xlsx\">report-")
                .append(c.runDate())
                .append(
                        ".xlsx</a> holds every figure, its sources and the data quality of the inputs.</p>\n</header>\n<main>\n");
        leads(h, c.leads());
        warnings(h, c.warnings());
        charts(h, c.charts());
        overview(h, c);
        changes(h, c);
        sources(h, c.files());
        h.append("</main>\n<script>").append(SCRIPT).append("</script>\n</body>\n</html>\n");
        Files.writeString(file, h, StandardCharsets.UTF_8);
    }

    private static void leads(StringBuilder h, List<StoryLeads.Lead> leads) {
        h.append("<section id=\"leads\">\n<h2>Story leads</h2>\n");
        List<StoryLeads.Lead> real =
                leads.stream().filter(l -> !l.illustrative()).toList();
        List<StoryLeads.Lead> illustrative =
                leads.stream().filter(StoryLeads.Lead::illustrative).toList();
        if (real.isEmpty()) {
            h.append("<p>No lead rests on real figures: no unusual unrest came within 12 months of licences.</p>\n");
        } else {
            h.append(
                    "<p>Licences issued within 12 months before unusual unrest, most unusual first.</p>\n<ol class=\"leads\">\n");
            for (StoryLeads.Lead l : real) {
                h.append("<li><strong>")
                        .append(esc(l.countryName()))
                        .append(", ")
                        .append(esc(l.unrest().period().label()))
                        .append("</strong>: ")
                        .append(esc(l.reason()))
                        .append("</li>\n");
            }
            h.append("</ol>\n");
        }
        if (!illustrative.isEmpty()) {
            h.append("<details><summary>")
                    .append(illustrative.size())
                    .append(" more resting on illustrative figures")
                    .append(" <span class=\"illustrative\">[i] not real data</span></summary>\n<ol class=\"leads\">\n");
            for (StoryLeads.Lead l : illustrative) {
                h.append("<li class=\"illustrative-row\">")
                        .append(esc(l.countryName()))
                        .append(", ")
                        .append(esc(l.unrest().period().label()))
                        .append(": ")
                        .append(esc(l.reason()))
                        .append("</li>\n");
            }
            h.append("</ol>\n</details>\n");
        }
        h.append("</section>\n");
    }

    private static void warnings(StringBuilder h, List<RunWarnings.Shown> warnings) {
        if (warnings.isEmpty()) return;
        h.append(
                        "<section id=\"warnings\">\n<h2>Warnings</h2>\n<p>Where the job could not be sure of a figure, it says how it")
                .append(" counted it.</p>\n<ul>\n");
        for (RunWarnings.Shown w : warnings)
            h.append("<li>").append(esc(w.line())).append("</li>\n");
        h.append("</ul>\n</section>\n");
    }

    private static void charts(StringBuilder h, List<DrawnChart> charts) {
        h.append("<section id=\"charts\">\n<h2>Charts</h2>\n");
        for (DrawnChart chart : charts) {
            h.append("<figure>\n<img src=\"charts/")
                    .append(esc(chart.fileName()))
                    .append("\" alt=\"")
                    .append(esc(chart.altText()))
                    .append("\" width=\"")
                    .append(chart.widthPx() / 2)
                    .append("\" height=\"")
                    .append(chart.heightPx() / 2)
                    .append("\">\n<figcaption>")
                    .append(esc(chart.title()))
                    .append(". <a href=\"charts/")
                    .append(esc(chart.svgFileName()))
                    .append("\">SVG for the web</a>, <a href=\"charts/")
                    .append(esc(chart.fileName()))
                    .append("\">PNG for print</a></figcaption>\n</figure>\n");
        }
        h.append("</section>\n");
    }

    private static void overview(StringBuilder h, ReportContent c) {
        List<String> currencies = new ArrayList<>();
        for (OverviewRow r : c.overview()) {
            r.figures().keySet().stream()
                    .filter(i -> i.measure() == Measure.VALUE_ISSUED && !currencies.contains(i.currency()))
                    .forEach(i -> currencies.add(i.currency()));
        }
        currencies.sort(null);
        List<Indicator> shown = new ArrayList<>();
        shown.add(Indicator.of(Measure.LICENCES_ISSUED));
        for (String cur : currencies) shown.add(Indicator.money(Measure.VALUE_ISSUED, cur));
        for (Measure m : List.of(
                Measure.EVENTS,
                Measure.FATALITIES,
                Measure.DETAINED_LOWEST,
                Measure.DETAINED_LATEST,
                Measure.KILLED_LOWEST,
                Measure.KILLED_LATEST)) {
            shown.add(Indicator.of(m));
        }
        h.append("<section id=\"overview\">\n<h2>Overview</h2>\n<p>One row per country and ")
                .append(c.period().name().toLowerCase(Locale.ROOT))
                .append(". Select a column's name to sort by it. [x] = not available; ≥ = at")
                .append(" least; ~ = about; [i] = illustrative, not real data: never quote it.</p>\n")
                .append("<div class=\"scroll\"><table id=\"overview-table\" class=\"sortable\">\n<thead><tr>")
                .append(
                        "<th scope=\"col\" data-type=\"text\">Country</th><th scope=\"col\" data-type=\"text\">Period</th>");
        for (Indicator i : shown) {
            h.append("<th scope=\"col\" data-type=\"number\">")
                    .append(esc(header(i)))
                    .append("</th>");
        }
        h.append("<th scope=\"col\" data-type=\"text\">Sources</th></tr></thead>\n<tbody>\n");
        for (OverviewRow r : c.overview()) {
            h.append("<tr")
                    .append(r.illustrative() ? " class=\"illustrative-row\"" : "")
                    .append("><th scope=\"row\" data-v=\"")
                    .append(esc(r.countryName()))
                    .append("\">")
                    .append(esc(r.countryName()))
                    .append("</th><td data-v=\"")
                    .append(r.period().iso())
                    .append("\">")
                    .append(esc(r.period().label()))
                    .append("</td>");
            for (Indicator i : shown) cell(h, r.figure(i), i.currency());
            h.append("<td class=\"text\">").append(esc(r.sources())).append("</td></tr>\n");
        }
        h.append("</tbody>\n</table></div>\n</section>\n");
    }

    private static String header(Indicator i) {
        String unit = i.currency().isEmpty() ? "" : " (" + i.currency() + ")";
        return switch (i.measure()) {
            case LICENCES_ISSUED -> "Licences issued";
            case VALUE_ISSUED -> "Value issued" + unit;
            case EVENTS -> "Unrest events";
            case FATALITIES -> "Fatalities";
            case DETAINED_LOWEST -> "Detained, lowest reported";
            case DETAINED_LATEST -> "Detained, latest reported";
            case KILLED_LOWEST -> "Killed, lowest reported";
            case KILLED_LATEST -> "Killed, latest reported";
            default -> i.measure().key();
        };
    }

    private static void cell(StringBuilder h, Figure f, String currency) {
        if (f == null || !f.available()) {
            h.append("<td class=\"num\" data-v=\"\">[x]</td>");
            return;
        }
        h.append("<td class=\"num")
                .append(f.illustrative() ? " illustrative" : "")
                .append("\" data-v=\"")
                .append(f.value().toPlainString())
                .append("\">")
                .append(esc(f.shown(currency)))
                .append("</td>");
    }

    private static void changes(StringBuilder h, ReportContent c) {
        h.append("<section id=\"changes\">\n<h2>Changes</h2>\n");
        if (!c.changes().comparable()) {
            h.append("<p>Nothing to compare: this is the first run of its report period.</p>\n</section>\n");
            return;
        }
        h.append("<p>Since the run of ")
                .append(c.changes().previousRunDate())
                .append(": ")
                .append(esc(c.changes().counts()))
                .append(".</p>\n");
        if (!c.changes().figures().isEmpty()) {
            h.append(
                            "<div class=\"scroll\"><table class=\"sortable\">\n<thead><tr><th scope=\"col\" data-type=\"text\">Change</th>")
                    .append(
                            "<th scope=\"col\" data-type=\"text\">Country</th><th scope=\"col\" data-type=\"text\">Period</th>")
                    .append(
                            "<th scope=\"col\" data-type=\"text\">Figure</th><th scope=\"col\" data-type=\"number\">Previous</th>")
                    .append("<th scope=\"col\" data-type=\"number\">New</th></tr></thead>\n<tbody>\n");
            for (FigureChange f : c.changes().figures()) {
                h.append("<tr><td>")
                        .append(f.kind().word())
                        .append("</td><th scope=\"row\">")
                        .append(esc(f.countryName()))
                        .append("</th><td data-v=\"")
                        .append(f.period().iso())
                        .append("\">")
                        .append(esc(f.period().label()))
                        .append("</td><td>")
                        .append(esc(header(f.indicator())))
                        .append("</td>");
                cell(h, f.before(), f.indicator().currency());
                cell(h, f.after(), f.indicator().currency());
                h.append("</tr>\n");
            }
            h.append("</tbody>\n</table></div>\n");
        }
        h.append("</section>\n");
    }

    private static void sources(StringBuilder h, List<SourceFileRecord> files) {
        h.append("<section id=\"sources\">\n<h2>Sources</h2>\n<ul class=\"files\">\n");
        for (SourceFileRecord f : files) {
            h.append("<li><code>")
                    .append(esc(f.name()))
                    .append("</code>: ")
                    .append(f.rowsRead())
                    .append(" rows read, ")
                    .append(f.rowsUsed())
                    .append(" used, ")
                    .append(f.rowsRejected())
                    .append(" rejected; SHA-256 <code class=\"hash\">")
                    .append(f.sha256())
                    .append("</code></li>\n");
        }
        h.append("</ul>\n</section>\n");
    }

    static String esc(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }

    private static final String STYLE = """
            body{font-family:"DejaVu Sans",Arial,Helvetica,sans-serif;margin:0;color:#1b1b1b;background:#fff;line-height:1.45}
            header,main{max-width:1100px;margin:0 auto;padding:0 16px}
            h1{font-size:1.6rem;margin:24px 0 4px}h2{font-size:1.25rem;margin:28px 0 8px;border-bottom:2px solid #222}
            .meta{color:#505050}a{color:#0b5cad}
            ol.leads li{margin-bottom:8px}
            .illustrative{color:#8a1c1c;font-weight:bold}tr.illustrative-row,li.illustrative-row{color:#6b6b6b}
            figure{margin:16px 0}figure img{max-width:100%;height:auto;border:1px solid #ddd}
            figcaption{font-size:.9rem;color:#404040}
            .scroll{overflow-x:auto;-webkit-overflow-scrolling:touch;border:1px solid #ddd}
            table{border-collapse:collapse;font-size:.85rem;min-width:100%}
            th,td{padding:4px 8px;border-bottom:1px solid #e4e4e4;vertical-align:top;text-align:left}
            thead th{position:sticky;top:0;background:#f3f3f3;cursor:pointer;white-space:nowrap}
            thead th[aria-sort]::after{content:" ▲"}thead th[aria-sort=descending]::after{content:" ▼"}
            td.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}td.text{min-width:18em}
            ul.files li{margin-bottom:6px;word-break:break-all}code.hash{font-size:.75rem}
            @media (max-width:600px){h1{font-size:1.25rem}table{font-size:.78rem}}
            """;

    /** Sorting by a header, and a check a test reads: every picture loaded, no error thrown. */
    private static final String SCRIPT = """
            (function(){
              var errors=[];window.addEventListener('error',function(e){errors.push(String(e.message));});
              function key(td,type){var v=td.getAttribute('data-v');if(v===null){v=td.textContent;}
                if(type==='number'){return v===''?-Infinity:parseFloat(v);}return v.toLowerCase();}
              document.querySelectorAll('table.sortable').forEach(function(table){
                var heads=table.tHead.rows[0].cells;
                Array.prototype.forEach.call(heads,function(th,col){
                  th.setAttribute('tabindex','0');
                  function sort(){
                    var type=th.getAttribute('data-type');var down=th.getAttribute('aria-sort')==='ascending';
                    Array.prototype.forEach.call(heads,function(o){o.removeAttribute('aria-sort');});
                    th.setAttribute('aria-sort',down?'descending':'ascending');
                    var body=table.tBodies[0];var rows=Array.prototype.slice.call(body.rows);
                    rows.sort(function(a,b){var x=key(a.cells[col],type),y=key(b.cells[col],type);
                      return (x<y?-1:x>y?1:0)*(down?-1:1);});
                    rows.forEach(function(r){body.appendChild(r);});
                  }
                  th.addEventListener('click',sort);
                  th.addEventListener('keydown',function(e){if(e.key==='Enter'){sort();}});
                });
              });
              window.addEventListener('load',function(){
                var broken=[];document.querySelectorAll('img').forEach(function(img){
                  if(!img.complete||img.naturalWidth===0){broken.push(img.getAttribute('src'));}});
                document.body.setAttribute('data-images',broken.length?'broken: '+broken.join(' '):'ok');
                document.body.setAttribute('data-errors',errors.length?errors.join(' | '):'none');
              });
            })();
            """;
}
