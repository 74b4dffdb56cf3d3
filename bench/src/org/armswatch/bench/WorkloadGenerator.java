package org.armswatch.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.armswatch.country.Country;
import org.armswatch.country.CountryResolver;

/**
 * Writes the benchmark's workload (bench/README.md): ACLED exports, native licence files, a German Excel licence export
 * and a desk tally, in the input layout of inputs.md, plus expected.json with the totals the job must report. The same
 * size always gives the same bytes.
 *
 * <p>Not a test: run by bench/run.sh as {@code java -cp ... org.armswatch.bench.WorkloadGenerator S|L DIR}.
 */
public final class WorkloadGenerator {

    /**
     * The two sizes of performance.md, ACLED event rows and licence rows written in total, each in a shape: shape 0 is
     * the benchmark's standing workload; another shape ("L-3") draws how many countries, how many years of unrest and
     * how many repeated events from its number, so that a change is judged on workloads of other shapes too.
     */
    record Size(String name, int eventRows, int licenceRows, long seed, int shape) {
        static Size of(String name) {
            String[] parts = name.split("-", 2);
            int shape = parts.length == 2 ? Integer.parseInt(parts[1]) : 0;
            if (shape < 0) throw new IllegalArgumentException("a shape is a number from 0, not " + parts[1]);
            return switch (parts[0]) {
                case "S" -> new Size(name, 200_000, 20_000, 20261128L + 1_000L * shape, shape);
                case "L" -> new Size(name, 2_000_000, 200_000, 20261129L + 1_000L * shape, shape);
                default -> throw new IllegalArgumentException("size is S or L, or S-N or L-N for shape N, not " + name);
            };
        }
    }

    /** A destination or event country as the files spell it. */
    record Place(
            String alpha2, String alpha3, int numeric, String english, String german, String region, String[] admin1) {}

    static final List<Place> PLACES = List.of(
            new Place("KZ", "KAZ", 398, "Kazakhstan", "Kasachstan", "Caucasus and Central Asia", new String[] {
                "Almaty", "Mangystau", "Aktobe", "Astana"
            }),
            new Place("TR", "TUR", 792, "Turkey", "Türkei", "Middle East", new String[] {
                "Istanbul", "Ankara", "Izmir", "Diyarbakir"
            }),
            new Place("EG", "EGY", 818, "Egypt", "Ägypten", "Northern Africa", new String[] {
                "Cairo", "Giza", "North Sinai", "Alexandria"
            }),
            new Place("IN", "IND", 356, "India", "Indien", "South Asia", new String[] {
                "Delhi", "Maharashtra", "Manipur", "Punjab"
            }),
            new Place(
                    "IL", "ISR", 376, "Israel", "Israel", "Middle East", new String[] {"Tel Aviv", "Jerusalem", "Haifa"
                    }),
            new Place("DZ", "DZA", 12, "Algeria", "Algerien", "Northern Africa", new String[] {"Alger", "Oran", "Bejaia"
            }),
            new Place("SA", "SAU", 682, "Saudi Arabia", "Saudi-Arabien", "Middle East", new String[] {
                "Riyadh", "Makkah", "Eastern"
            }),
            new Place(
                    "AE",
                    "ARE",
                    784,
                    "United Arab Emirates",
                    "Vereinigte Arabische Emirate",
                    "Middle East",
                    new String[] {"Abu Dhabi", "Dubai"}),
            new Place("QA", "QAT", 634, "Qatar", "Katar", "Middle East", new String[] {"Ad Dawhah", "Al Rayyan"}),
            new Place("KW", "KWT", 414, "Kuwait", "Kuwait", "Middle East", new String[] {"Al Asimah", "Hawalli"}),
            new Place("PK", "PAK", 586, "Pakistan", "Pakistan", "South Asia", new String[] {
                "Punjab", "Sindh", "Khyber Pakhtunkhwa", "Balochistan"
            }),
            new Place("ID", "IDN", 360, "Indonesia", "Indonesien", "Southeast Asia", new String[] {
                "Jakarta", "Papua", "West Java"
            }),
            new Place("BR", "BRA", 76, "Brazil", "Brasilien", "South America", new String[] {
                "Sao Paulo", "Rio de Janeiro", "Bahia"
            }),
            new Place("CO", "COL", 170, "Colombia", "Kolumbien", "South America", new String[] {
                "Norte de Santander", "Cauca", "Antioquia"
            }),
            new Place("MX", "MEX", 484, "Mexico", "Mexiko", "Central America", new String[] {
                "Guerrero", "Jalisco", "Michoacan", "Ciudad de Mexico"
            }),
            new Place("NG", "NGA", 566, "Nigeria", "Nigeria", "Western Africa", new String[] {
                "Borno", "Lagos", "Zamfara", "Kaduna"
            }),
            new Place("ZA", "ZAF", 710, "South Africa", "Südafrika", "Southern Africa", new String[] {
                "Gauteng", "KwaZulu-Natal", "Western Cape"
            }),
            new Place("KE", "KEN", 404, "Kenya", "Kenia", "Eastern Africa", new String[] {"Nairobi", "Mombasa", "Kisumu"
            }),
            new Place("ET", "ETH", 231, "Ethiopia", "Äthiopien", "Eastern Africa", new String[] {
                "Amhara", "Oromia", "Tigray"
            }),
            new Place("UA", "UKR", 804, "Ukraine", "Ukraine", "Europe", new String[] {
                "Donetsk", "Kharkiv", "Kyiv City", "Zaporizhia"
            }),
            new Place("RS", "SRB", 688, "Serbia", "Serbien", "Europe", new String[] {"Belgrade", "Novi Sad", "Nis"}),
            new Place("GE", "GEO", 268, "Georgia", "Georgien", "Caucasus and Central Asia", new String[] {
                "Tbilisi", "Adjara", "Imereti"
            }),
            new Place("AM", "ARM", 51, "Armenia", "Armenien", "Caucasus and Central Asia", new String[] {
                "Yerevan", "Syunik", "Tavush"
            }),
            new Place("AZ", "AZE", 31, "Azerbaijan", "Aserbaidschan", "Caucasus and Central Asia", new String[] {
                "Baki", "Ganja", "Tovuz"
            }),
            new Place("UZ", "UZB", 860, "Uzbekistan", "Usbekistan", "Caucasus and Central Asia", new String[] {
                "Tashkent", "Karakalpakstan", "Samarkand"
            }),
            new Place("KG", "KGZ", 417, "Kyrgyzstan", "Kirgisistan", "Caucasus and Central Asia", new String[] {
                "Bishkek", "Batken", "Osh"
            }),
            new Place("TN", "TUN", 788, "Tunisia", "Tunesien", "Northern Africa", new String[] {
                "Tunis", "Sfax", "Kasserine"
            }),
            new Place("MA", "MAR", 504, "Morocco", "Marokko", "Northern Africa", new String[] {
                "Rabat-Sale-Kenitra", "Casablanca-Settat"
            }),
            new Place("JO", "JOR", 400, "Jordan", "Jordanien", "Middle East", new String[] {"Amman", "Irbid", "Zarqa"}),
            new Place("LB", "LBN", 422, "Lebanon", "Libanon", "Middle East", new String[] {
                "Beirut", "South Lebanon", "North Lebanon"
            }),
            new Place(
                    "IQ", "IRQ", 368, "Iraq", "Irak", "Middle East", new String[] {"Baghdad", "Basra", "Ninewa", "Erbil"
                    }),
            new Place("PH", "PHL", 608, "Philippines", "Philippinen", "Southeast Asia", new String[] {
                "Metro Manila", "Mindanao", "Sulu"
            }),
            new Place("TH", "THA", 764, "Thailand", "Thailand", "Southeast Asia", new String[] {
                "Bangkok", "Narathiwat", "Pattani"
            }),
            new Place("MM", "MMR", 104, "Myanmar", "Myanmar", "Southeast Asia", new String[] {
                "Yangon", "Mandalay", "Sagaing", "Rakhine"
            }),
            new Place("BD", "BGD", 50, "Bangladesh", "Bangladesch", "South Asia", new String[] {
                "Dhaka", "Chittagong", "Sylhet"
            }),
            new Place("CL", "CHL", 152, "Chile", "Chile", "South America", new String[] {
                "Santiago Metropolitan", "Valparaiso", "Araucania"
            }),
            new Place("PE", "PER", 604, "Peru", "Peru", "South America", new String[] {"Lima", "Puno", "Cusco"}),
            new Place("VE", "VEN", 862, "Venezuela", "Venezuela", "South America", new String[] {
                "Capital District", "Zulia", "Miranda"
            }),
            new Place("SN", "SEN", 686, "Senegal", "Senegal", "Western Africa", new String[] {
                "Dakar", "Ziguinchor", "Thies"
            }),
            new Place("ML", "MLI", 466, "Mali", "Mali", "Western Africa", new String[] {
                "Bamako", "Mopti", "Gao", "Timbuktu"
            }));

    /**
     * Exporters of the native licence files; Germany's figures come only from the German export, so keys never meet.
     */
    static final String[] EXPORTERS = {
        "FR", "IT", "ES", "NL", "SE", "BE", "AT", "CZ", "PL", "FI", "DK", "GB", "US", "NO"
    };

    /** ACLED's event types with two sub-types each, and the disorder type they belong to. */
    static final String[][] EVENT_TYPES = {
        {"Political violence", "Battles", "Armed clash", "Government regains territory"},
        {"Demonstrations", "Protests", "Peaceful protest", "Protest with intervention"},
        {"Demonstrations", "Riots", "Violent demonstration", "Mob violence"},
        {"Political violence", "Violence against civilians", "Attack", "Abduction/forced disappearance"},
        {"Political violence", "Explosions/Remote violence", "Shelling/artillery/missile attack", "Air/drone strike"},
        {"Strategic developments", "Strategic developments", "Arrests", "Looting/property destruction"}
    };

    static final String ACLED_HEADER = "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,"
            + "sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,"
            + "region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,"
            + "fatalities,tags,timestamp";

    static final LocalDate FIRST_DAY = LocalDate.of(2018, 1, 1);
    static final int DAYS = (int) (LocalDate.of(2026, 1, 1).toEpochDay() - FIRST_DAY.toEpochDay());
    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** Share of ACLED rows that repeat an earlier event (half in the main export, half in the revisions export). */
    static final double REPEATS = 0.04;
    /** Of the repeats, this share carries an older timestamp than the copy already read, and so loses. */
    static final double STALE = 0.15;
    /** Rows that the job must reject, per file: well under the 5 % threshold. */
    static final double BAD_EVENTS = 0.0005;

    static final double BAD_LICENCES = 0.001;

    private final Size size;
    private final Path out;
    private final Totals totals = new Totals();
    /** The shape: the countries written, the first day of unrest, the days after it, the share of repeated events. */
    private final List<Place> places;

    private final LocalDate firstDay;
    private final int days;
    private final double repeats;

    WorkloadGenerator(Size size, Path out) {
        this.size = size;
        this.out = out;
        if (size.shape() == 0) {
            places = PLACES;
            firstDay = FIRST_DAY;
            repeats = REPEATS;
        } else {
            SplittableRandom shape = new SplittableRandom(mix(size.shape()));
            // At least 16 countries: the licence files' key space must hold their rows.
            places = PLACES.subList(0, 16 + shape.nextInt(PLACES.size() - 15));
            firstDay = LocalDate.of(2012 + shape.nextInt(9), 1, 1);
            repeats = shape.nextDouble() * 0.08;
        }
        days = (int) (LocalDate.of(2026, 1, 1).toEpochDay() - firstDay.toEpochDay());
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: WorkloadGenerator S|L|S-N|L-N OUTPUT_DIR");
            System.exit(2);
        }
        checkCountriesResolve();
        new WorkloadGenerator(Size.of(args[0]), Path.of(args[1])).write();
    }

    /** The job must read every spelling this generator writes; a name it cannot resolve would be a bug here. */
    static void checkCountriesResolve() {
        CountryResolver resolver = CountryResolver.bundled();
        for (Place p : PLACES) {
            for (String cell : List.of(p.alpha2(), p.alpha3(), String.valueOf(p.numeric()), p.english(), p.german())) {
                String got = resolver.resolve(cell).map(Country::code).orElse("nothing");
                if (!got.equals(p.alpha2())) {
                    throw new IllegalStateException("'" + cell + "' resolves to " + got + ", not " + p.alpha2());
                }
            }
        }
        for (String exporter : EXPORTERS) {
            String got =
                    resolver.resolve(exporterName(exporter)).map(Country::code).orElse("nothing");
            if (!got.equals(exporter)) {
                throw new IllegalStateException(
                        "'" + exporterName(exporter) + "' resolves to " + got + ", not " + exporter);
            }
        }
    }

    void write() throws IOException {
        Files.createDirectories(out.resolve("input/unrest"));
        Files.createDirectories(out.resolve("input/licences"));
        writeEvents();
        writeTally();
        writeNativeLicences();
        writeGermanExport();
        Files.writeString(out.resolve("expected.json"), totals.json(size));
    }

    // ---------------------------------------------------------------- ACLED events

    /** One event's fields, a pure function of its index so that a later copy can be rebuilt without keeping it. */
    record Event(
            int index,
            Place place,
            LocalDate day,
            String[] type,
            int subType,
            int admin,
            long timestamp,
            int fatalities,
            long noteSeed) {
        String id() {
            return place.alpha3() + (100_000 + index);
        }
    }

    Event event(int index) {
        SplittableRandom r = new SplittableRandom(mix(size.seed() * 1_000_003L + index));
        // A skewed choice, as real monitors cover some countries far more than others.
        int c = (int) (places.size() * Math.pow(r.nextDouble(), 1.6));
        Place place = places.get(c);
        LocalDate day = firstDay.plusDays(r.nextInt(days));
        String[] type = EVENT_TYPES[r.nextInt(EVENT_TYPES.length)];
        int fatalities =
                type[1].equals("Protests") ? 0 : r.nextInt(10) < 6 ? 0 : (int) (-Math.log(1 - r.nextDouble()) * 6);
        long uploaded = day.toEpochDay() * 86_400 + 86_400L * (3 + r.nextInt(28)) + r.nextInt(86_400);
        return new Event(
                index,
                place,
                day,
                type,
                r.nextInt(2),
                r.nextInt(place.admin1().length),
                uploaded,
                fatalities,
                r.nextLong());
    }

    /**
     * SplitMix64's finaliser: SplittableRandom's streams from seeds a constant apart are shifted copies of each other,
     * so neighbouring events must not get neighbouring seeds.
     */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private void writeEvents() throws IOException {
        int rows = size.eventRows();
        int repeatsInRevisions = (int) (rows * repeats / 2);
        int mainRows = rows - repeatsInRevisions;
        SplittableRandom r = new SplittableRandom(size.seed());
        BitSet repeated = new BitSet();
        // Per event: the fatalities of the copy that wins, and which file holds it.
        int originals = 0;
        int bad = 0;
        List<int[]> repeatsWithWinner = new ArrayList<>();
        FileCount main = totals.file("unrest/acled_2018_2025.csv");
        FileCount revisions = totals.file("unrest/acled_revisions.csv");
        int[] fatalities = new int[mainRows];
        byte[] winnerFile = new byte[mainRows];
        try (Writer w = writer("input/unrest/acled_2018_2025.csv", StandardCharsets.UTF_8)) {
            w.write(ACLED_HEADER);
            w.write('\n');
            for (int row = 0; row < mainRows; row++) {
                double roll = r.nextDouble();
                if (roll < BAD_EVENTS) {
                    writeBadEvent(w, bad++);
                    main.rejected++;
                } else if (roll < BAD_EVENTS + repeats / 2 && originals > 1000) {
                    int i = unrepeated(repeated, r.nextInt(originals), originals);
                    if (i < 0) {
                        row--;
                        continue;
                    }
                    repeatCopy(w, event(i), r, fatalities, winnerFile, 0, repeatsWithWinner);
                } else {
                    Event e = event(originals);
                    writeEvent(w, e, e.timestamp(), e.fatalities(), r, false);
                    fatalities[originals] = e.fatalities();
                    originals++;
                }
            }
        }
        try (Writer w = writer("input/unrest/acled_revisions.csv", StandardCharsets.UTF_8)) {
            w.write(ACLED_HEADER);
            w.write('\n');
            for (int row = 0; row < repeatsInRevisions; row++) {
                int i = unrepeated(repeated, r.nextInt(originals), originals);
                if (i < 0) throw new IllegalStateException("more repeats than events");
                repeatCopy(w, event(i), r, fatalities, winnerFile, 1, repeatsWithWinner);
            }
        }
        // The Overview's unrest events are political violence and demonstrations: strategic developments are neither.
        for (int i = 0; i < originals; i++) {
            Event e = event(i);
            if (!e.type()[0].equals("Strategic developments"))
                totals.event(e.place().alpha2(), fatalities[i]);
        }
        // Every event is used once, in the file of its winning copy; every losing copy is "replaced".
        int mainUsed = 0;
        int revisionsUsed = 0;
        for (int i = 0; i < originals; i++) {
            if (winnerFile[i] == 1) revisionsUsed++;
            else mainUsed++;
        }
        main.used = mainUsed;
        revisions.used = revisionsUsed;
        for (int[] rep : repeatsWithWinner) {
            // rep: {file of the repeat copy, 1 if the repeat won}
            int repeatFile = rep[0];
            boolean repeatWon = rep[1] == 1;
            FileCount loser = repeatWon ? main : (repeatFile == 0 ? main : revisions);
            loser.replaced++;
        }
        main.read = main.used + main.rejected + main.replaced;
        revisions.read = revisions.used + revisions.rejected + revisions.replaced;
        if (main.read != mainRows || revisions.read != repeatsInRevisions) {
            throw new IllegalStateException("generator's own count is off: " + main.read + "/" + mainRows + ", "
                    + revisions.read + "/" + repeatsInRevisions);
        }
    }

    /** The first event from {@code start} on (wrapping) that has not been repeated yet; -1 if none is left. */
    private static int unrepeated(BitSet repeated, int start, int originals) {
        int i = repeated.nextClearBit(start);
        if (i >= originals) i = repeated.nextClearBit(0);
        if (i >= originals) return -1;
        repeated.set(i);
        return i;
    }

    /**
     * A second copy of event {@code e}: mostly a revision with a later timestamp and revised fatalities, sometimes a
     * stale copy with an older timestamp, which the job must ignore.
     */
    private void repeatCopy(
            Writer w, Event e, SplittableRandom r, int[] fatalities, byte[] winnerFile, int file, List<int[]> repeats)
            throws IOException {
        boolean stale = r.nextDouble() < STALE;
        long timestamp =
                stale ? e.timestamp() - 1 - r.nextInt(86_400 * 3) : e.timestamp() + 1 + r.nextInt(86_400 * 200);
        int revised = e.type()[1].equals("Protests") ? 0 : e.fatalities() + r.nextInt(3);
        writeEvent(w, e, timestamp, revised, r, true);
        if (!stale) {
            fatalities[e.index()] = revised;
            winnerFile[e.index()] = (byte) file;
        }
        // A repeat in the main file that wins replaces a row of the main file; one that loses is itself replaced.
        repeats.add(new int[] {file, stale ? 0 : 1});
    }

    private static final String[] NOTE_OPENINGS = {
        "On %s, in %s (%s), ", "Around %s, near %s (%s), ", "On the night of %s, in %s, %s province, "
    };
    private static final String[] NOTE_BODIES = {
        "demonstrators gathered outside the governor's office, demanding lower fuel prices and the release of activists",
        "security forces and an armed group exchanged fire; residents reported damage to homes, shops and a school",
        "unidentified gunmen attacked a checkpoint, then withdrew; local sources gave differing accounts",
        "police dispersed a crowd with tear gas; dozens were arrested, according to a lawyers' association",
        "a drone strike hit a warehouse on the outskirts; the military said it stored weapons, residents denied it",
        "workers blocked the main road for the third day, protesting unpaid wages and the plant's closure"
    };

    private void writeEvent(Writer w, Event e, long timestamp, int fatalities, SplittableRandom r, boolean copy)
            throws IOException {
        Place p = e.place();
        String[] type = e.type();
        String admin1 = p.admin1()[e.admin()];
        StringBuilder row = new StringBuilder(520);
        row.append(e.id()).append(',');
        // Both forms of event_date occur: ACLED's own exports and the older "05 January 2022" of its tools.
        if (r.nextInt(10) < 3) {
            row.append(String.format(
                    Locale.ROOT,
                    "%02d %s %d",
                    e.day().getDayOfMonth(),
                    e.day().getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH),
                    e.day().getYear()));
        } else {
            row.append(e.day());
        }
        row.append(',')
                .append(e.day().getYear())
                .append(',')
                .append(1 + r.nextInt(3))
                .append(',')
                .append(type[0])
                .append(',')
                .append(type[1])
                .append(',')
                .append(type[2 + e.subType()])
                .append(',');
        boolean demo = type[0].equals("Demonstrations");
        row.append(demo ? "Protesters (" + p.english() + ")" : "Military Forces of " + p.english())
                .append(',')
                .append(demo ? "Labour Group (" + p.english() + ")" : "")
                .append(',')
                .append(demo ? 6 : 1)
                .append(',')
                .append(
                        demo
                                ? (type[1].equals("Riots") ? "Police Forces of " + p.english() : "")
                                : "Unidentified Armed Group (" + p.english() + ")")
                .append(",,")
                .append(demo ? 1 : 3)
                .append(',')
                .append(demo ? 16 : 13)
                .append(',')
                .append(type[1].equals("Violence against civilians") ? "Civilian targeting" : "")
                .append(',')
                .append(p.numeric())
                .append(',')
                .append(p.region())
                .append(',')
                .append(csv(p.english()))
                .append(',')
                .append(admin1)
                .append(',')
                .append(admin1)
                .append(",,")
                .append(admin1)
                .append(" - Centre,");
        row.append(String.format(Locale.ROOT, "%.4f,%.4f", -40 + r.nextDouble() * 100, -100 + r.nextDouble() * 200))
                .append(',')
                .append(1 + r.nextInt(3))
                .append(',');
        row.append(r.nextInt(4) == 0 ? "\"Reuters; Twitter; local media, " + admin1 + "\"" : "Local media")
                .append(',')
                .append(r.nextBoolean() ? "National" : "Subnational-National")
                .append(',');
        row.append(notes(e, r, copy, fatalities))
                .append(',')
                .append(fatalities)
                .append(',')
                .append(demo ? "crowd size=no report" : "")
                .append(',')
                .append(timestamp)
                .append('\n');
        w.append(row);
    }

    /** Quoted notes with commas in every row, a line break in some and doubled quotes in a few. */
    private static String notes(Event e, SplittableRandom r, boolean copy, int fatalities) {
        SplittableRandom n = new SplittableRandom(e.noteSeed());
        String opening = String.format(
                Locale.ROOT,
                NOTE_OPENINGS[n.nextInt(NOTE_OPENINGS.length)],
                e.day(),
                e.place().admin1()[e.admin()],
                e.place().english());
        StringBuilder text = new StringBuilder(260).append(opening).append(NOTE_BODIES[n.nextInt(NOTE_BODIES.length)]);
        int extra = r.nextInt(50);
        if (extra == 0) text.append(".\nUpdate: a second source confirms the account");
        else if (extra == 1) text.append(". Banners read \"\"No to war\"\", \"\"Bread, work, freedom\"\"");
        text.append(". ").append(fatalities == 0 ? "No fatalities reported." : fatalities + " reported fatalities.");
        if (copy) text.append(" [revised]");
        return "\"" + text + "\"";
    }

    private static final String[] BAD_REASONS = {"unknown country", "bad date", "bad fatalities"};

    private void writeBadEvent(Writer w, int k) throws IOException {
        String kind = BAD_REASONS[k % BAD_REASONS.length];
        String iso = kind.equals("unknown country") ? "999" : "398";
        String country = kind.equals("unknown country") ? "Atlantis" : "Kazakhstan";
        String date = kind.equals("bad date") ? "2022-02-30" : "2022-01-05";
        String fatalities = kind.equals("bad fatalities") ? "several" : "0";
        w.write("BAD" + k + "," + date + ",2022,1,Demonstrations,Protests,Peaceful protest,Protesters,,6,,,,60,," + iso
                + ",Nowhere," + country + ",Nowhere,,,Nowhere,0,0,1,Test,National,\"a row the job must reject, ("
                + kind + ")\"," + fatalities + ",,1641340800\n");
    }

    // ---------------------------------------------------------------- desk tally

    private static final String[] METRICS = {"detained", "killed", "injured", "protesters", "events"};
    private static final String[] QUALIFIERS = {"exact", "at_least", "about", "up_to"};
    private static final String[][] TALLY_SOURCES = {
        {"Interior Ministry via state television", "official"},
        {"Human rights group, citing lawyers, hospitals and families", "ngo"},
        {"Independent news site", "independent"},
        {"Regional news agency", "media"}
    };

    private void writeTally() throws IOException {
        int rows = Math.max(200, size.eventRows() / 100);
        SplittableRandom r = new SplittableRandom(size.seed() + 7);
        try (Writer w = writer("input/unrest/desk_tally.csv", StandardCharsets.UTF_8)) {
            w.write("country,date,region,metric,value,qualifier,basis,source,source_type\n");
            for (int i = 0; i < rows; i++) {
                Place p = places.get(r.nextInt(places.size()));
                LocalDate day = firstDay.plusDays(r.nextInt(days));
                String[] source = TALLY_SOURCES[r.nextInt(TALLY_SOURCES.length)];
                boolean cumulative = r.nextInt(3) > 0;
                w.write(p.english() + "," + day + "," + (r.nextInt(3) == 0 ? p.admin1()[0] : "") + ","
                        + METRICS[r.nextInt(METRICS.length)] + "," + r.nextInt(5000) + ","
                        + QUALIFIERS[r.nextInt(QUALIFIERS.length)] + "," + (cumulative ? "cumulative" : "incremental")
                        + ",\"" + source[0] + "\"," + source[1] + "\n");
            }
        }
        FileCount f = totals.file("unrest/desk_tally.csv");
        f.read = rows;
        f.used = rows;
    }

    // ---------------------------------------------------------------- licences

    private static final int GERMAN_FIRST_YEAR = 1990;
    private static final int GERMAN_LAST_YEAR = 2025;

    /**
     * Native rows: every (exporter, destination, period, category) key at most once across both files, so that the
     * Overview's sums must equal the sums written here.
     */
    private void writeNativeLicences() throws IOException {
        int germanRows = places.size() * (GERMAN_LAST_YEAR - GERMAN_FIRST_YEAR + 1);
        int rows = size.licenceRows() - germanRows;
        int periods = 8 * 5;
        int categories = 23;
        long space = (long) EXPORTERS.length * places.size() * periods * categories;
        long stride = 7_919; // a prime that divides no factor of the key space: k -> k*stride mod space is one-to-one
        if (rows > space || space % stride == 0) throw new IllegalStateException("licence key space too small");
        SplittableRandom r = new SplittableRandom(size.seed() + 11);
        FileCount yearlyCount = totals.file("licences/licences_yearly.csv");
        FileCount quarterlyCount = totals.file("licences/licences_quarterly.csv");
        String header = "exporter,destination,period,category,licences,value_eur,status,source,notes\n";
        try (Writer yearly = writer("input/licences/licences_yearly.csv", StandardCharsets.UTF_8);
                Writer quarterly = writer("input/licences/licences_quarterly.csv", StandardCharsets.UTF_8)) {
            yearly.write(header);
            quarterly.write(header);
            for (int k = 0; k < rows; k++) {
                long key = k * stride % space;
                int category = (int) (key % categories);
                key /= categories;
                int period = (int) (key % periods);
                key /= periods;
                Place destination = places.get((int) (key % places.size()));
                String exporter = EXPORTERS[(int) (key / places.size())];
                int year = 2018 + period / 5;
                boolean isYearly = period % 5 == 0;
                String periodText = isYearly ? String.valueOf(year) : year + "-Q" + (period % 5);
                Writer w = isYearly ? yearly : quarterly;
                FileCount count = isYearly ? yearlyCount : quarterlyCount;
                count.read++;
                if (r.nextDouble() < BAD_LICENCES) {
                    w.write(exporter + ",Xyz," + periodText + ",,1,1000,issued,Test,a row the job must reject\n");
                    count.rejected++;
                    continue;
                }
                count.used++;
                boolean refused = r.nextInt(20) == 0;
                Integer licences = r.nextInt(30) == 0 ? null : 1 + r.nextInt(60);
                BigDecimal value = BigDecimal.valueOf((1 + r.nextInt(60)) * (5_000L + r.nextInt(2_000_000)));
                if (r.nextInt(10) == 0) value = value.add(BigDecimal.valueOf(r.nextInt(100), 2));
                String valueText = r.nextInt(50) == 0 ? "\"" + thousands(value) + "\"" : value.toPlainString();
                w.write(exporterCell(exporter, r) + "," + destinationCell(destination, r) + "," + periodText
                        + "," + (category == 0 ? "" : "ML" + category) + "," + (licences == null ? "" : licences) + ","
                        + valueText + "," + (refused ? "refused" : "issued")
                        + ",\"National export control report " + year + ", table 4, as published\",\n");
                totals.licence(destination.alpha2(), refused, licences, value);
            }
        }
    }

    /** Exporters as alpha-2 mostly, as English names sometimes (so both go through the resolver). */
    private static String exporterCell(String exporter, SplittableRandom r) {
        return r.nextInt(10) == 0 ? exporterName(exporter) : exporter;
    }

    static String exporterName(String alpha2) {
        return new Locale("", alpha2).getDisplayCountry(Locale.ENGLISH);
    }

    private static String destinationCell(Place p, SplittableRandom r) {
        return switch (r.nextInt(4)) {
            case 0 -> p.alpha3();
            case 1 -> csv(p.english());
            default -> p.alpha2();
        };
    }

    private static String thousands(BigDecimal value) {
        return String.format(Locale.ROOT, value.scale() > 0 ? "%,.2f" : "%,.0f", value);
    }

    /** German Excel: ';', decimal comma with '.' thousands, Windows-1252, German country names. */
    private void writeGermanExport() throws IOException {
        SplittableRandom r = new SplittableRandom(size.seed() + 13);
        FileCount count = totals.file("licences/ruestungsexport_de.csv");
        try (Writer w = writer("input/licences/ruestungsexport_de.csv", WINDOWS_1252)) {
            w.write("exporter;destination country;year;number of licences;value (eur);source\r\n");
            for (int year = GERMAN_FIRST_YEAR; year <= GERMAN_LAST_YEAR; year++) {
                for (Place p : places) {
                    Integer licences = year < 2016 || r.nextInt(5) == 0 ? null : 1 + r.nextInt(400);
                    BigDecimal value = BigDecimal.valueOf(1_000L + r.nextInt(400_000_000), 2);
                    String german = String.format(Locale.GERMANY, "%,.2f", value);
                    w.write("Deutschland;" + p.german() + ";" + year + ";" + (licences == null ? "" : licences) + ";"
                            + german + ";Rüstungsexportbericht " + year + ", via BMWK\r\n");
                    count.read++;
                    count.used++;
                    totals.licence(p.alpha2(), false, licences, value);
                }
            }
        }
    }

    private Writer writer(String name, Charset charset) throws IOException {
        return new BufferedWriter(Files.newBufferedWriter(out.resolve(name), charset), 1 << 16);
    }

    private static String csv(String cell) {
        return cell.indexOf(',') >= 0 ? "\"" + cell + "\"" : cell;
    }

    // ---------------------------------------------------------------- expected totals

    static final class FileCount {
        int read;
        int used;
        int rejected;
        int replaced;
    }

    static final class CountryTotals {
        long events;
        long fatalities;
        long licencesIssued;
        long licencesRefused;
        BigDecimal valueIssued = BigDecimal.ZERO;
    }

    static final class Totals {
        final Map<String, FileCount> files = new LinkedHashMap<>();
        final Map<String, CountryTotals> countries = new TreeMap<>();

        FileCount file(String name) {
            return files.computeIfAbsent(name, k -> new FileCount());
        }

        void event(String country, int fatalities) {
            CountryTotals c = countries.computeIfAbsent(country, k -> new CountryTotals());
            c.events++;
            c.fatalities += fatalities;
        }

        void licence(String destination, boolean refused, Integer licences, BigDecimal value) {
            CountryTotals c = countries.computeIfAbsent(destination, k -> new CountryTotals());
            if (refused) {
                if (licences != null) c.licencesRefused += licences;
            } else {
                if (licences != null) c.licencesIssued += licences;
                c.valueIssued = c.valueIssued.add(value);
            }
        }

        /** One key per line, so that the checker can read it without a JSON library. */
        String json(Size size) {
            CountryTotals all = new CountryTotals();
            countries.values().forEach(c -> {
                all.events += c.events;
                all.fatalities += c.fatalities;
                all.licencesIssued += c.licencesIssued;
                all.licencesRefused += c.licencesRefused;
                all.valueIssued = all.valueIssued.add(c.valueIssued);
            });
            StringBuilder j = new StringBuilder("{\n");
            j.append("  \"size\": \"").append(size.name()).append("\",\n");
            j.append("  \"eventRows\": ").append(size.eventRows()).append(",\n");
            j.append("  \"licenceRows\": ").append(size.licenceRows()).append(",\n");
            j.append("  \"total\": ").append(country(all)).append(",\n");
            j.append("  \"files\": {\n");
            int i = 0;
            for (Map.Entry<String, FileCount> f : files.entrySet()) {
                FileCount c = f.getValue();
                j.append("    \"")
                        .append(f.getKey())
                        .append("\": {\"read\": ")
                        .append(c.read)
                        .append(", \"used\": ")
                        .append(c.used)
                        .append(", \"rejected\": ")
                        .append(c.rejected)
                        .append(", \"replaced\": ")
                        .append(c.replaced)
                        .append('}')
                        .append(++i < files.size() ? ",\n" : "\n");
            }
            j.append("  },\n  \"byCountry\": {\n");
            i = 0;
            for (Map.Entry<String, CountryTotals> c : countries.entrySet()) {
                j.append("    \"")
                        .append(c.getKey())
                        .append("\": ")
                        .append(country(c.getValue()))
                        .append(++i < countries.size() ? ",\n" : "\n");
            }
            return j.append("  }\n}\n").toString();
        }

        private static String country(CountryTotals c) {
            return "{\"events\": " + c.events + ", \"fatalities\": " + c.fatalities + ", \"licencesIssued\": "
                    + c.licencesIssued + ", \"valueIssuedEur\": " + c.valueIssued.toPlainString()
                    + ", \"licencesRefused\": " + c.licencesRefused + "}";
        }
    }
}
