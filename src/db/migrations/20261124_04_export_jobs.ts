// Large exports run as jobs whose state lives here, so they survive a restart of the API:
// a job left queued or running is started again when the API comes back.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE export_jobs (
      id uuid PRIMARY KEY,
      kind text NOT NULL,
      format text NOT NULL CHECK (format IN ('csv', 'xlsx')),
      params jsonb NOT NULL,
      state text NOT NULL CHECK (state IN ('queued', 'running', 'finished', 'failed', 'expired')),
      rows_expected bigint,
      rows_written bigint NOT NULL DEFAULT 0,
      file_name text,
      bytes bigint,
      sha256 text,
      error text,
      attempts integer NOT NULL DEFAULT 0,
      created_at timestamptz NOT NULL DEFAULT now(),
      started_at timestamptz,
      finished_at timestamptz,
      expires_at timestamptz
    );
    CREATE INDEX export_jobs_state ON export_jobs (state, created_at);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS export_jobs`.execute(db);
}
