package org.armswatch.job;

/** What --help prints. */
final class Usage {

    private Usage() {}

    static final String TEXT = """
            armswatch: the nightly report of arms-export licences against unrest.

            java -jar target/armswatch.jar [options]
              --input=DIR             input folder with licences/ and unrest/ (default input)
              --output=DIR            output folder (default output); state in DIR/.state
              --period=P              month, quarter (default) or year
              --run-date=YYYY-MM-DD   the run's date (default today)
              --rerun                 run again a date that is already done
              --reject-threshold=S    share of a file's rows that may be rejected (default 0.05)
              --country-aliases=FILE  your own country aliases (CSV: alias,code)
              --staging=workers       let JVMs started with --worker stage the files (PostgreSQL only)
              --worker                stage files for runs on the same PostgreSQL until stopped
              --help                  this text
            Any armswatch.*, spring.* or logging.* property may be given too, e.g.
            --spring.datasource.url=jdbc:postgresql://localhost/armswatch

            Exit codes: 0 done (or already done), 1 run failed (resumes next start),
            2 bad command line or configuration, 3 another run in progress, 4 stopped (resumes next start),
            5 the state folder cannot be written or its database is damaged (the line says what to do).""";
}
