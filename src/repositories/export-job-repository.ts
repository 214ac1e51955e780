// The export_jobs table: where a job is, how far it got, what it produced.
import type { Kysely, Selectable } from 'kysely';
import type { Database, ExportJobsTable } from '../db/schema.js';

export type ExportJob = Selectable<ExportJobsTable>;

export async function insertJob(db: Kysely<Database>, job: { id: string; kind: string; format: 'csv' | 'xlsx'; params: Record<string, unknown> }): Promise<void> {
  await db.insertInto('export_jobs').values({ ...job, params: JSON.stringify(job.params), state: 'queued' }).execute();
}

export async function findJob(db: Kysely<Database>, id: string): Promise<ExportJob | undefined> {
  return db.selectFrom('export_jobs').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Jobs to (re)start: queued ones, and running ones a stopped API left behind. */
export async function unfinishedJobs(db: Kysely<Database>): Promise<ExportJob[]> {
  return db.selectFrom('export_jobs').selectAll().where('state', 'in', ['queued', 'running']).orderBy('created_at').execute();
}

export async function countQueued(db: Kysely<Database>): Promise<number> {
  const r = await db.selectFrom('export_jobs').select((eb) => eb.fn.countAll<string>().as('n')).where('state', 'in', ['queued', 'running']).executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function markRunning(db: Kysely<Database>, id: string, expected: number): Promise<void> {
  await db
    .updateTable('export_jobs')
    .set((eb) => ({ state: 'running', rows_expected: expected, rows_written: 0, started_at: new Date().toISOString(), attempts: eb('attempts', '+', 1), error: null }))
    .where('id', '=', id)
    .execute();
}

export async function recordProgress(db: Kysely<Database>, id: string, rows: number): Promise<void> {
  await db.updateTable('export_jobs').set({ rows_written: rows }).where('id', '=', id).where('state', '=', 'running').execute();
}

export async function markFinished(db: Kysely<Database>, id: string, r: { rows: number; fileName: string; bytes: number; sha256: string; expiresAt: Date }): Promise<void> {
  await db
    .updateTable('export_jobs')
    .set({ state: 'finished', rows_written: r.rows, file_name: r.fileName, bytes: r.bytes, sha256: r.sha256, finished_at: new Date().toISOString(), expires_at: r.expiresAt.toISOString() })
    .where('id', '=', id)
    .execute();
}

export async function markFailed(db: Kysely<Database>, id: string, error: string): Promise<void> {
  await db.updateTable('export_jobs').set({ state: 'failed', error, finished_at: new Date().toISOString() }).where('id', '=', id).execute();
}

/** Finished jobs whose files are past their time; marked expired (their files go). */
export async function expireJobs(db: Kysely<Database>, now: Date): Promise<ExportJob[]> {
  return db
    .updateTable('export_jobs')
    .set({ state: 'expired' })
    .where('state', '=', 'finished')
    .where('expires_at', '<', now.toISOString())
    .returningAll()
    .execute();
}
