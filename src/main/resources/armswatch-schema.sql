-- The job's own tables (Spring Batch's BATCH_* tables are created by Spring Batch's script).
-- Standard SQL that runs on H2 and PostgreSQL; every statement is idempotent so each start can run it.
-- Free text from inputs (sources, notes, regions, categories, raw rows) is VARCHAR without a length
-- (unbounded on both): a long cell must reach the workbook, which cuts it visibly, not fail the run.

-- One row per run (a Spring Batch job instance): the run date and report period it was made for.
CREATE TABLE IF NOT EXISTS aw_run (
    run_id        BIGINT       NOT NULL PRIMARY KEY,
    run_date      DATE         NOT NULL,
    report_period VARCHAR(10)  NOT NULL,
    status        VARCHAR(20)  NOT NULL,
    completed_at  TIMESTAMP
);

-- Every input file of a run, with its checksum and reconciliation.
CREATE TABLE IF NOT EXISTS aw_source_file (
    run_id        BIGINT        NOT NULL,
    file_no       INT           NOT NULL,
    name          VARCHAR(1000) NOT NULL,
    shape         VARCHAR(30)   NOT NULL,
    sha256        VARCHAR(64),
    bytes         BIGINT        NOT NULL,
    encoding      VARCHAR(40),
    delimiter     VARCHAR(5)    NOT NULL,
    decimal_comma BOOLEAN       NOT NULL,
    staged        BOOLEAN       NOT NULL,
    rows_read     INT,
    rows_used     INT,
    rows_rejected INT,
    rows_replaced INT,
    rows_skipped  INT,
    notes         VARCHAR(20000),
    PRIMARY KEY (run_id, file_no)
);

-- Rejected rows, and earlier duplicates that a later row replaced (kind 'replaced').
CREATE TABLE IF NOT EXISTS aw_rejected_row (
    run_id  BIGINT        NOT NULL,
    file_no INT           NOT NULL,
    line    BIGINT        NOT NULL,
    kind    VARCHAR(10)   NOT NULL,
    raw     VARCHAR,
    reason  VARCHAR(2000) NOT NULL
);

-- Licence figures as reported, after duplicates within a file were resolved. Every row is shown in
-- the Licences sheet; which of them the Overview counts (the same key in a file read later wins, a
-- report period's total wins over its parts) is worked out when the run is aggregated.
-- Staging stores each file's rows in the sheet's order, 1,024 to a block (LicenceBlock), under the
-- key of the block's first row: run, file and position (StagedLicences.key). The sheet and the
-- aggregation read them along the primary key with no sort and no other index. BYTEA is binary
-- data in H2 and PostgreSQL alike.
CREATE TABLE IF NOT EXISTS aw_licence_block (
    first_key BIGINT  NOT NULL PRIMARY KEY,
    run_id    BIGINT  NOT NULL,
    file_no   INT     NOT NULL,
    row_count INT     NOT NULL,
    data      BYTEA   NOT NULL
);
-- The layout of a block's data (LicenceBlock.FORMAT): 1 had no currency. A run begun with blocks of another layout
-- is started afresh, not resumed.
ALTER TABLE aw_licence_block ADD COLUMN IF NOT EXISTS format INT DEFAULT 1 NOT NULL;
-- Earlier versions wrote a database row per licence row, into aw_licence_row or, with two indexes,
-- aw_licence: a run they began is started afresh rather than resumed, and completed runs' rows there
-- are never read again.
CREATE TABLE IF NOT EXISTS aw_licence_row (
    row_key       BIGINT        NOT NULL PRIMARY KEY,
    run_id        BIGINT        NOT NULL,
    file_no       INT           NOT NULL,
    exporter      VARCHAR(2)    NOT NULL,
    destination   VARCHAR(2)    NOT NULL,
    period        VARCHAR(10)   NOT NULL,
    report_period VARCHAR(10)   NOT NULL,
    category      VARCHAR       NOT NULL,
    status        VARCHAR(10)   NOT NULL,
    licences      BIGINT,
    value_eur     DECIMAL(22,2),
    source        VARCHAR       NOT NULL
);
-- Per file, the keys between which a destination's rows lie (all of them, in a row) and an
-- exporter's (among others): one country's workbook reads only those.
CREATE TABLE IF NOT EXISTS aw_licence_span (
    run_id    BIGINT      NOT NULL,
    file_no   INT         NOT NULL,
    role      VARCHAR(12) NOT NULL,
    country   VARCHAR(2)  NOT NULL,
    first_key BIGINT      NOT NULL,
    last_key  BIGINT      NOT NULL,
    PRIMARY KEY (run_id, role, country, file_no)
);
-- Whether a licence file has a value with cents: the money columns then show decimals.
ALTER TABLE aw_source_file ADD COLUMN IF NOT EXISTS value_cents BOOLEAN DEFAULT FALSE NOT NULL;
-- A file is read once, by the step that stages it: its SHA-256, and its charset unless configured, are
-- null until then (state files of earlier versions had both NOT NULL).
ALTER TABLE aw_source_file ALTER COLUMN sha256 DROP NOT NULL;
ALTER TABLE aw_source_file ALTER COLUMN encoding DROP NOT NULL;

-- Events counted per source, country, month and type: raw ACLED events are never staged, and HDX
-- publishes counts. rows_without_fatalities: rows that gave no fatality figure ([x], never 0).
CREATE TABLE IF NOT EXISTS aw_event_count (
    run_id                    BIGINT       NOT NULL,
    source_kind               VARCHAR(10)  NOT NULL,
    country                   VARCHAR(2)   NOT NULL,
    event_month               VARCHAR(10)  NOT NULL,
    report_period             VARCHAR(10)  NOT NULL,
    event_type                VARCHAR(200) NOT NULL,
    events                    BIGINT       NOT NULL,
    fatalities                BIGINT       NOT NULL,
    rows_counted              BIGINT       NOT NULL,
    rows_without_fatalities   BIGINT       NOT NULL,
    -- HDX: the file the counts came from (ACLED: 0, its events are de-duplicated across files);
    -- superseded: the same country, month and type in an HDX file read later (overlapping downloads)
    file_no                   INT          DEFAULT 0 NOT NULL,
    superseded                BOOLEAN      DEFAULT FALSE NOT NULL
);

-- The desk's tally, row by row as reported.
CREATE TABLE IF NOT EXISTS aw_reported_figure (
    run_id      BIGINT        NOT NULL,
    file_no     INT           NOT NULL,
    line        BIGINT        NOT NULL,
    country     VARCHAR(2)    NOT NULL,
    reported_on VARCHAR(10)   NOT NULL,
    region      VARCHAR       NOT NULL,
    metric      VARCHAR(100)  NOT NULL,
    figure      BIGINT        NOT NULL,
    qualifier   VARCHAR(10)   NOT NULL,
    basis       VARCHAR(12)   NOT NULL,
    source      VARCHAR       NOT NULL,
    source_type VARCHAR(20)   NOT NULL,
    notes       VARCHAR       NOT NULL
);

-- The tally's figures per country, report period, metric, basis and region, across sources.
CREATE TABLE IF NOT EXISTS aw_reported_total (
    run_id             BIGINT        NOT NULL,
    country            VARCHAR(2)    NOT NULL,
    period             VARCHAR(10)   NOT NULL,
    metric             VARCHAR(100)  NOT NULL,
    basis              VARCHAR(12)   NOT NULL,
    region             VARCHAR       NOT NULL,
    official           BIGINT,
    official_qualifier VARCHAR(10),
    highest            BIGINT        NOT NULL,
    highest_qualifier  VARCHAR(10)   NOT NULL,
    lowest             BIGINT        NOT NULL,
    lowest_qualifier   VARCHAR(10)   NOT NULL,
    source_count       INT           NOT NULL,
    sources            VARCHAR       NOT NULL
);

-- What the job could not be sure of (RunWarnings): shown on the Cover, in Data_quality and on the cron line.
-- file_no 0: the run as a whole. step: the step that wrote it, which deletes its own when it runs again.
CREATE TABLE IF NOT EXISTS aw_warning (
    run_id  BIGINT       NOT NULL,
    file_no INT          NOT NULL,
    step    VARCHAR(20)  NOT NULL,
    message VARCHAR      NOT NULL
);

-- The Overview's figures of every run, kept so that the next run can say what changed.
CREATE TABLE IF NOT EXISTS aw_figure (
    run_id    BIGINT        NOT NULL,
    country   VARCHAR(2)    NOT NULL,
    period    VARCHAR(10)   NOT NULL,
    measure   VARCHAR(30)   NOT NULL,
    figure    DECIMAL(22,2),
    qualifier VARCHAR(10)   NOT NULL,
    PRIMARY KEY (run_id, country, period, measure)
);

-- Provenance: whether a figure rests on illustrative rows (not real data), and per Overview row its sources and the
-- reported figures as a desk quotes them. Columns added to tables of earlier versions, which runs they made lack.
ALTER TABLE aw_figure ADD COLUMN IF NOT EXISTS illustrative BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE aw_event_count ADD COLUMN IF NOT EXISTS illustrative_events BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE aw_reported_total ADD COLUMN IF NOT EXISTS lowest_reported BIGINT;
ALTER TABLE aw_reported_total ADD COLUMN IF NOT EXISTS lowest_reported_qualifier VARCHAR(10);
ALTER TABLE aw_reported_total ADD COLUMN IF NOT EXISTS lowest_reported_source VARCHAR;
ALTER TABLE aw_reported_total ADD COLUMN IF NOT EXISTS lowest_reported_on VARCHAR(10);
ALTER TABLE aw_reported_total ADD COLUMN IF NOT EXISTS latest_reported BIGINT;
ALTER TABLE aw_reported_total ADD COLUMN IF NOT EXISTS latest_reported_qualifier VARCHAR(10);
ALTER TABLE aw_reported_total ADD COLUMN IF NOT EXISTS latest_reported_source VARCHAR;
ALTER TABLE aw_reported_total ADD COLUMN IF NOT EXISTS latest_reported_on VARCHAR(10);
-- The ACLED exports that hold events of a country and month (HDX's counts name their file in aw_event_count).
CREATE TABLE IF NOT EXISTS aw_event_source (
    run_id      BIGINT      NOT NULL,
    file_no     INT         NOT NULL,
    country     VARCHAR(2)  NOT NULL,
    event_month VARCHAR(10) NOT NULL
);
CREATE TABLE IF NOT EXISTS aw_overview_text (
    run_id   BIGINT       NOT NULL,
    country  VARCHAR(2)   NOT NULL,
    period   VARCHAR(10)  NOT NULL,
    sources  VARCHAR      NOT NULL,
    reported VARCHAR      NOT NULL,
    PRIMARY KEY (run_id, country, period)
);

-- Indexes of earlier versions that made whole-run reads slower (see above).
DROP INDEX IF EXISTS aw_rejected_row_run;
DROP INDEX IF EXISTS aw_licence_run;
DROP INDEX IF EXISTS aw_event_count_run;
DROP INDEX IF EXISTS aw_reported_figure_run;
DROP INDEX IF EXISTS aw_reported_total_run;
