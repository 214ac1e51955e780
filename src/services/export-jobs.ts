// Export jobs: a large export written to a file in the background, its progress in
// PostgreSQL (so it survives a restart of the API: unfinished jobs start again), the
// file kept for EXPORT_JOB_TTL_HOURS after it finished and then deleted.
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Kysely } from 'kysely';
import { HashingStream } from '../../exports/hashing-stream.js';
import { KIND_NAMES, type KindName } from '../../indexers/kinds.js';
import { checkText } from '../../queries/param-rules.js';
import { jsonValueType, SEARCH_SPECS } from '../../queries/search-spec.js';
import type { Database } from '../db/schema.js';
import { ConflictError, InvalidParameterError, NotFoundError, TooManyRequestsError } from '../errors.js';
import type { Logger } from '../logger.js';
import { rfc3339, rfc3339OrNull } from '../timestamps.js';
import {
  countQueued,
  expireJobs,
  findJob,
  insertJob,
  markFailed,
  markFinished,
  markRunning,
  recordProgress,
  unfinishedJobs,
  type ExportJob,
} from '../repositories/export-job-repository.js';
import { exportFileName, parseExportRequest, type ExportService } from './export-service.js';

const MAX_WAITING_JOBS = 50;
/** The fields of POST /api/v1/exports. */
const JOB_FIELDS = ['kind', 'format', 'params'];
/** An export job's id as POST /api/v1/exports gives it. */
const JOB_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface JobView {
  id: string;
  kind: string;
  format: string;
  state: ExportJob['state'];
  rows_written: number;
  rows_expected: number | null;
  progress: number | null;
  file_name: string | null;
  bytes: number | null;
  sha256: string | null;
  error: string | null;
  created_at: string;
  finished_at: string | null;
  expires_at: string | null;
  links: { self: string; file: string | null };
}

/**
 * A job's JSON parameters as a query string has them: numbers and booleans as their text,
 * where the parameter takes a number or a boolean; anywhere else a number or a boolean is a
 * 400 naming the parameter (`"form": [false]` is no form).
 */
function asQueryValues(kind: KindName, params: Record<string, unknown>): Record<string, unknown> {
  const types = new Map(SEARCH_SPECS[kind].filters.map((f) => [f.param, jsonValueType(f.type)]));
  const text = (name: string, v: unknown): unknown => {
    if (typeof v !== 'number' && typeof v !== 'boolean') return v;
    const type = types.get(name) ?? 'string';
    const ok = typeof v === 'number' ? type === 'number' || type === 'integer' : type === 'boolean';
    if (!ok) throw new InvalidParameterError(name, `${name} takes text, not a JSON ${typeof v} (${JSON.stringify(v)})`);
    return String(v);
  };
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v.map((x) => text(k, x)) : text(k, v)]));
}

export function jobView(j: ExportJob): JobView {
  const written = Number(j.rows_written);
  const expected = j.rows_expected === null ? null : Number(j.rows_expected);
  return {
    id: j.id,
    kind: j.kind,
    format: j.format,
    state: j.state,
    rows_written: written,
    rows_expected: expected,
    progress: j.state === 'finished' ? 1 : expected ? Math.min(written / expected, 1) : expected === 0 ? 1 : null,
    file_name: j.file_name,
    bytes: j.bytes === null ? null : Number(j.bytes),
    sha256: j.sha256,
    error: j.error,
    created_at: rfc3339(j.created_at),
    finished_at: rfc3339OrNull(j.finished_at),
    expires_at: rfc3339OrNull(j.expires_at),
    links: { self: `/api/v1/exports/${j.id}`, file: j.state === 'finished' ? `/api/v1/exports/${j.id}/file` : null },
  };
}

export class ExportJobs {
  private running = 0;
  private readonly queue: string[] = [];
  private readonly controllers = new Map<string, AbortController>();
  private readonly inFlight = new Set<Promise<void>>();
  private cleanupTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly exports: ExportService,
    private readonly log: Logger,
    private readonly opts: { dir: string; ttlHours: number; maxConcurrent: number },
  ) {}

  private filePath(id: string, format: string): string {
    return path.join(this.opts.dir, 'jobs', `${id}.${format}`);
  }

  /** Starts what a previous process left unfinished, and the hourly clean-up. */
  async start(): Promise<void> {
    await mkdir(path.join(this.opts.dir, 'jobs'), { recursive: true });
    for (const j of await unfinishedJobs(this.db)) this.enqueue(j.id);
    await this.cleanup();
    this.cleanupTimer = setInterval(() => void this.cleanup().catch(() => {}), 10 * 60_000);
    this.cleanupTimer.unref();
  }

  /** Stops running jobs (they start again with the next process) and waits for them. */
  async stop(): Promise<void> {
    if (this.cleanupTimer) clearInterval(this.cleanupTimer);
    this.queue.length = 0;
    for (const c of this.controllers.values()) c.abort();
    await Promise.allSettled([...this.inFlight]);
  }

  async create(body: unknown): Promise<JobView> {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new InvalidParameterError('body', 'the body must be a JSON object: {"kind": ..., "format": ..., "params": {...}}');
    const b = body as Record<string, unknown>;
    const unknown = Object.keys(b).find((k) => !JOB_FIELDS.includes(k));
    if (unknown !== undefined) throw new InvalidParameterError(unknown, `unknown field ${JSON.stringify(unknown.slice(0, 60))}; a job takes ${JOB_FIELDS.join(', ')}`);
    const kind = b['kind'];
    if (typeof kind !== 'string' || !(KIND_NAMES as readonly string[]).includes(kind)) {
      throw new InvalidParameterError('kind', `kind must be one of ${KIND_NAMES.join(', ')}`);
    }
    // Left out, format and params have their defaults; null is not leaving them out.
    const format = b['format'] === undefined ? 'csv' : b['format'];
    if (format !== 'csv' && format !== 'xlsx') throw new InvalidParameterError('format', 'format must be csv or xlsx');
    const params = b['params'] === undefined ? {} : b['params'];
    if (typeof params !== 'object' || params === null || Array.isArray(params)) throw new InvalidParameterError('params', 'params must be an object of search parameters (leave it out for none)');
    const query = asQueryValues(kind as KindName, params as Record<string, unknown>);
    // Validated now, exactly as the search endpoint would: a bad filter is a 400, not a failed job.
    parseExportRequest(kind as KindName, format, query);
    if ((await countQueued(this.db)) >= MAX_WAITING_JOBS) throw new TooManyRequestsError(`${MAX_WAITING_JOBS} export jobs are waiting already; try again later`, 60);
    const id = randomUUID();
    await insertJob(this.db, { id, kind, format, params: query });
    this.enqueue(id);
    return this.view(id);
  }

  async view(id: string): Promise<JobView> {
    checkText('id', id);
    // Anything else would reach PostgreSQL's uuid type as an error.
    if (!JOB_ID.test(id)) throw new InvalidParameterError('id', `id must be an export job id: a UUID, as POST /api/v1/exports gave it (got ${JSON.stringify(id.slice(0, 40))})`);
    const j = await findJob(this.db, id);
    if (!j) throw new NotFoundError(`no export job ${id}`);
    return jobView(j);
  }

  /** The finished file's path, for download. A job that has no file (yet, or any more) is
   *  a conflict, not a 404: the job is there, and its state says why. */
  async file(id: string): Promise<{ path: string; name: string; format: string }> {
    const v = await this.view(id);
    if (v.state !== 'finished' || !v.file_name) {
      const waiting = v.state === 'queued' || v.state === 'running';
      const why = waiting ? 'has no file yet' : v.state === 'expired' ? 'has no file any more' : 'has no file';
      throw new ConflictError(`export job ${id} ${why} (state: ${v.state}); see ${v.links.self}`, v.state, waiting ? 2 : undefined);
    }
    return { path: this.filePath(id, v.format), name: v.file_name, format: v.format };
  }

  private enqueue(id: string): void {
    if (!this.queue.includes(id)) this.queue.push(id);
    this.pump();
  }

  private pump(): void {
    while (this.running < this.opts.maxConcurrent && this.queue.length > 0) {
      const id = this.queue.shift()!;
      this.running++;
      const p: Promise<void> = this.run(id).finally(() => {
        this.running--;
        this.inFlight.delete(p);
        this.pump();
      });
      this.inFlight.add(p);
    }
  }

  private async run(id: string): Promise<void> {
    const job = await findJob(this.db, id).catch(() => undefined);
    if (!job) return;
    const controller = new AbortController();
    this.controllers.set(id, controller);
    const final = this.filePath(id, job.format);
    const partial = `${final}.part`;
    try {
      const e = parseExportRequest(job.kind as KindName, job.format, job.params);
      const expected = await this.exports.count(e);
      await markRunning(this.db, id, expected);
      let rows = 0;
      let lastSaved = 0;
      // Progress is saved at most once a second, one write after another; the last one is
      // awaited before the job is marked finished, so it can never land after (and undo)
      // the final count.
      let saving: Promise<void> = Promise.resolve();
      const onRows = (n: number): void => {
        rows = n;
        const now = Date.now();
        if (now - lastSaved < 1_000) return;
        lastSaved = now;
        saving = saving.then(() => recordProgress(this.db, id, n)).catch(() => {});
      };
      const digest = new HashingStream();
      await Promise.all([
        pipeline(digest, createWriteStream(partial)),
        e.format === 'csv' ? this.exports.writeCsv(e, digest, controller.signal, onRows) : this.exports.writeXlsx(e, digest, controller.signal, onRows),
      ]);
      await saving;
      await rename(partial, final);
      const bytes = (await stat(final)).size;
      const expiresAt = new Date(Date.now() + this.opts.ttlHours * 3_600_000);
      await markFinished(this.db, id, { rows, fileName: exportFileName(e, new Date()), bytes, sha256: digest.sha256(), expiresAt });
      this.log.info('export job finished', { id, rows, bytes });
    } catch (err) {
      await rm(partial, { force: true });
      if (controller.signal.aborted) return; // stopping: it starts again with the next process
      const message = err instanceof Error ? err.message : String(err);
      this.log.error('export job failed', { id, error: message });
      await markFailed(this.db, id, message).catch(() => {});
    } finally {
      this.controllers.delete(id);
    }
  }

  /** Deletes the files of jobs past their time. */
  async cleanup(now = new Date()): Promise<number> {
    const expired = await expireJobs(this.db, now);
    for (const j of expired) await rm(this.filePath(j.id, j.format), { force: true });
    if (expired.length > 0) this.log.info('export files expired', { count: expired.length });
    return expired.length;
  }
}
