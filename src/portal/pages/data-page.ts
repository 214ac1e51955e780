// The bulk data page: every dataset file with its size, row count and SHA-256, from the
// manifest that `disclosure export bulk` writes.
import type { BulkManifest } from '../../services/bulk-datasets.js';
import { bytes, count, html, type SafeHtml } from '../html.js';
import { page } from '../layout.js';

export function dataPage(manifest: BulkManifest | null): SafeHtml {
  const files = manifest?.files ?? [];
  const datasets = [...new Set(files.map((f) => f.dataset))];
  return page({
    title: 'Bulk data',
    section: 'data',
    main: html`<h1>Bulk data</h1>
<p class="lead">Whole datasets as CSV files (UTF-8 with a byte order mark, RFC 4180 quoting), the current version of every filing, per kind and per year. Check a download against its SHA-256 with <code>sha256sum</code>.</p>
${
  files.length === 0
    ? html`<p class="notice">No bulk files have been generated on this server yet. An operator makes them with <code>npx disclosure export bulk</code>.</p>`
    : html`<p>Generated ${manifest?.generated_at.slice(0, 19).replace('T', ' ')} UTC from ${manifest?.source ?? 'CAL-ACCESS'}. The list is also at <a href="/api/v1/bulk">/api/v1/bulk</a> (JSON).</p>
${datasets.map((d) => {
  const rows = files.filter((f) => f.dataset === d);
  const id = `ds-${d.replace(/[^a-z0-9-]/gi, '_')}`;
  return html`<section aria-labelledby="${id}">
<h2 id="${id}">${d}</h2>
<p>${rows[0]?.description ?? ''}</p>
<div class="table-wrap"><table>
<caption class="visually-hidden">Files of the ${d} dataset</caption>
<thead><tr><th scope="col">File</th><th scope="col">Year</th><th scope="col" class="num">Rows</th><th scope="col" class="num">Size</th><th scope="col">SHA-256</th></tr></thead>
<tbody>${rows.map(
    (f) => html`<tr><th scope="row"><a href="/api/v1/bulk/${encodeURIComponent(f.file)}" download>${f.file}</a></th><td>${f.year === null ? 'All years' : f.year === 'undated' ? 'Undated' : f.year}</td><td class="num">${count(f.rows)}</td><td class="num">${bytes(f.bytes)}<span class="sub">${count(f.bytes)} bytes</span></td><td class="hash">${f.sha256}</td></tr>`,
  )}</tbody>
</table></div>
<p class="small muted">Columns: ${rows[0]?.columns.join(', ') ?? ''}</p>
</section>`;
})}`
}`,
  });
}
