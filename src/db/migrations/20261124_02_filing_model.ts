// The normalised model over the source tables: which versions each filing has and which
// one is current, who the filers are, plain-language labels, the change log the indexer
// follows, and a record of every import run.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- Every (filing, amendment) seen in any table. The current version is decided from
    -- the cover records (the highest AMEND_ID of a cover), never per schedule table: an
    -- amendment can drop a whole schedule. Nothing is deleted; older versions are marked.
    CREATE TABLE filing_versions (
      filing_id integer NOT NULL,
      amend_id integer NOT NULL,
      has_cover boolean NOT NULL DEFAULT false,
      cover_table text,
      form_type text,
      filer_id text,
      superseded boolean NOT NULL DEFAULT false,
      PRIMARY KEY (filing_id, amend_id)
    );

    CREATE TABLE filings (
      filing_id integer PRIMARY KEY,
      current_amend_id integer NOT NULL,
      -- false where no cover record was seen (partial exports, the sample): the highest
      -- AMEND_ID seen anywhere then counts as current.
      has_cover boolean NOT NULL,
      version_count integer NOT NULL
    );

    -- One row per filer id seen in FILERS_CD, FILERNAME_CD or a cover page. The display
    -- name is the latest FILERNAME_CD row, or the name typed on a cover when the filer has
    -- no FILERNAME_CD row. All names over time stay in filer_names.
    CREATE TABLE filers (
      filer_id text PRIMARY KEY,
      xref_filer_id text,
      name text,
      name_source text NOT NULL CHECK (name_source IN ('filer_names', 'cover', 'none')),
      filer_type text,
      status text,
      city text,
      st text,
      zip4 text,
      effect_dt date
    );

    CREATE TABLE code_labels (
      code_type text NOT NULL,
      code text NOT NULL,
      label text NOT NULL,
      source text NOT NULL,
      PRIMARY KEY (code_type, code)
    );

    -- Written in the same transaction as the data it describes. Writers take an
    -- exclusive lock on this table before writing, so seq order is commit order and a
    -- reader that has seen seq N will never later find a smaller seq appear.
    -- table_name + filing_id/amend_id: rows of that filing version changed;
    -- table_name + row_key: a row not tied to a filing (filers: row_key = filer_id);
    -- op current_changed: the filing's current version moved to amend_id.
    CREATE TABLE change_log (
      seq bigserial PRIMARY KEY,
      changed_at timestamptz NOT NULL DEFAULT clock_timestamp(),
      table_name text NOT NULL,
      op text NOT NULL CHECK (op IN ('upsert', 'delete', 'current_changed')),
      filing_id integer,
      amend_id integer,
      row_key text
    );

    CREATE TABLE import_runs (
      id bigserial PRIMARY KEY,
      source text NOT NULL,
      started_at timestamptz NOT NULL DEFAULT now(),
      finished_at timestamptz,
      status text NOT NULL CHECK (status IN ('running', 'finished', 'failed')),
      report jsonb
    );

    CREATE INDEX filing_versions_filer ON filing_versions (filer_id);
    CREATE INDEX filer_names_filer ON filer_names (filer_id);
    CREATE INDEX filer_links_a ON filer_links (filer_id_a);
    CREATE INDEX filer_links_b ON filer_links (filer_id_b);
    CREATE INDEX filer_xrefs_xref ON filer_xrefs (xref_id);
    CREATE INDEX filer_filings_filing ON filer_filings (filing_id);
    CREATE INDEX campaign_covers_filer ON campaign_covers (filer_id);
    CREATE INDEX lobbying_report_covers_filer ON lobbying_report_covers (filer_id);
    CREATE INDEX registration_covers_filer ON registration_covers (filer_id);
    CREATE INDEX text_memos_ref ON text_memos (filing_id, amend_id, ref_no);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP INDEX IF EXISTS filer_names_filer, filer_links_a, filer_links_b, filer_xrefs_xref,
      filer_filings_filing, campaign_covers_filer, lobbying_report_covers_filer,
      registration_covers_filer, text_memos_ref;
    DROP TABLE IF EXISTS import_runs, change_log, code_labels, filers, filings, filing_versions;
  `.execute(db);
}
