// An export job's page: its state and a progress bar. With script the bar moves in
// place (the JSON API is polled); without, the page reloads itself every few seconds
// until the job is done. The state is announced politely, not every tick.
import type { JobView } from '../../services/export-jobs.js';
import { bytes, count, html, type SafeHtml } from '../html.js';
import { page } from '../layout.js';
import { KIND_LABELS } from './search-page.js';

const STATE_TEXT: Record<JobView['state'], string> = {
  queued: 'Waiting for its turn.',
  running: 'Running.',
  finished: 'Finished. The file is ready to download.',
  failed: 'The export failed.',
  expired: 'The file of this export has expired; start the download again from the search.',
};

export function exportJobPage(job: JobView, backHref: string | null): SafeHtml {
  const done = job.state === 'finished' || job.state === 'failed' || job.state === 'expired';
  const pct = job.progress === null ? null : Math.round(job.progress * 100);
  const kind = KIND_LABELS[job.kind as keyof typeof KIND_LABELS]?.plural.toLowerCase() ?? job.kind;
  return page({
    title: `Export of ${kind}`,
    section: 'search',
    head: done ? '' : html`<noscript><meta http-equiv="refresh" content="3"></noscript>`,
    main: html`<h1>Preparing your ${job.format === 'xlsx' ? 'Excel' : 'CSV'} file of ${kind}</h1>
<section data-export-job="${job.links.self}" aria-labelledby="progress-label">
<p id="progress-label"><strong>Progress</strong></p>
<progress max="100"${pct === null ? '' : html` value="${pct}"`} aria-labelledby="progress-label" aria-describedby="job-counts">${pct === null ? '' : `${pct}%`}</progress>
<p id="job-counts" data-job-counts>${count(job.rows_written)}${job.rows_expected === null ? '' : ` of ${count(job.rows_expected)}`} rows written</p>
<p role="status" aria-live="polite" data-job-status>${STATE_TEXT[job.state]}${job.state === 'failed' && job.error ? ` ${job.error}` : ''}</p>
<p data-job-file${job.state === 'finished' ? '' : html` hidden`}><a class="button" href="${job.links.file ?? `${job.links.self}/file`}">Download ${job.file_name ?? 'the file'}</a>${
      job.bytes !== null ? html` <span class="muted">${bytes(job.bytes)}${job.sha256 ? html`, SHA-256 <span class="hash">${job.sha256}</span>` : ''}</span>` : ''
    }</p>
</section>
<p class="small muted">You can leave this page and come back: its address keeps working until the file expires${job.expires_at ? ` (${job.expires_at.slice(0, 16).replace('T', ' ')} UTC)` : ''}.${
      backHref ? html` <a href="${backHref}">Back to the search</a>.` : ''
    }</p>`,
  });
}
