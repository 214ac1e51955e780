// What the indexer needs in the database: per searchable kind, which versioned index the
// alias points to and how far in the change log that index is (the checkpoint, advanced
// only after Elasticsearch acknowledged); documents Elasticsearch refused for good; and a
// NOTIFY on every change-log write so the follower wakes at once (it also polls).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE search_index_state (
      kind text PRIMARY KEY,
      generation integer NOT NULL DEFAULT 0,
      index_name text,
      checkpoint bigint NOT NULL DEFAULT 0,
      rebuilt_at timestamptz,
      updated_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE search_index_failures (
      id bigserial PRIMARY KEY,
      kind text NOT NULL,
      doc_id text NOT NULL,
      seq bigint,
      error text NOT NULL,
      failed_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE FUNCTION notify_change_log() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM pg_notify('change_log', '');
      RETURN NULL;
    END $$;

    CREATE TRIGGER change_log_notify AFTER INSERT ON change_log
      FOR EACH STATEMENT EXECUTE FUNCTION notify_change_log();

    CREATE INDEX filing_versions_filer_current ON filing_versions (filer_id, filing_id);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP INDEX IF EXISTS filing_versions_filer_current;
    DROP TRIGGER IF EXISTS change_log_notify ON change_log;
    DROP FUNCTION IF EXISTS notify_change_log();
    DROP TABLE IF EXISTS search_index_failures, search_index_state;
  `.execute(db);
}
