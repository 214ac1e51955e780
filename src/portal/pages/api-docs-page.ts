// The API documentation, rendered from the OpenAPI document the API itself serves (the
// same object), so it cannot drift from it: each operation with its parameters and
// responses, grouped by tag, then the schemas they refer to.
import { html, text, type SafeHtml } from '../html.js';
import { page } from '../layout.js';

type Obj = Record<string, unknown>;

const obj = (v: unknown): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
const TAG_TITLES: Record<string, string> = { search: 'Search', exports: 'Exports, jobs and bulk files', reports: 'Report views', service: 'Service' };

const anchor = (s: string): string => s.replace(/[^A-Za-z0-9_-]/g, '-');

/** A schema in a few words: "array of integer (1 to 100, default 25)", or a link to a named one. */
function describeSchema(s: Obj): SafeHtml {
  const ref = typeof s['$ref'] === 'string' ? s['$ref'] : null;
  if (ref) {
    const name = ref.split('/').pop() ?? ref;
    return html`<a href="#schema-${anchor(name)}">${name}</a>`;
  }
  const anyOf = arr(s['anyOf']).map(obj);
  if (anyOf.length > 0) {
    const parts = anyOf.filter((x) => x['type'] !== 'null');
    const nullable = parts.length < anyOf.length;
    return html`${parts.map((p, i) => html`${i > 0 ? ' or ' : ''}${describeSchema(p)}`)}${nullable ? ' or null' : ''}`;
  }
  const type = Array.isArray(s['type']) ? (s['type'] as unknown[]).map(text).join(' or ') : text(s['type']) || 'any';
  const notes: string[] = [];
  if (s['format']) notes.push(text(s['format']));
  if (Array.isArray(s['enum'])) notes.push(`one of ${(s['enum'] as unknown[]).map(text).join(', ')}`);
  if (s['minimum'] !== undefined && s['maximum'] !== undefined) notes.push(`${text(s['minimum'])} to ${text(s['maximum'])}`);
  else if (s['minimum'] !== undefined) notes.push(`at least ${text(s['minimum'])}`);
  if (s['maxLength'] !== undefined) notes.push(`at most ${text(s['maxLength'])} characters`);
  if (s['pattern']) notes.push(`matching ${text(s['pattern'])}`);
  if (s['default'] !== undefined) notes.push(`default ${text(s['default'])}`);
  const head = type === 'array' ? html`array of ${describeSchema(obj(s['items']))}` : html`${type}`;
  return html`${head}${notes.length > 0 ? ` (${notes.join('; ')})` : ''}`;
}

function operation(path: string, method: string, op: Obj): SafeHtml {
  const id = anchor(text(op['operationId']) || `${method}-${path}`);
  const params = arr(op['parameters']).map(obj);
  const body = obj(obj(obj(op['requestBody'])['content'])['application/json'])['schema'];
  const responses = Object.entries(obj(op['responses']));
  return html`<section class="op" aria-labelledby="op-${id}">
<h3 id="op-${id}"><span class="method">${method.toUpperCase()}</span> <code>${path}</code></h3>
<p>${text(op['summary'])}</p>
${op['description'] ? html`<p>${text(op['description'])}</p>` : ''}
${
  params.length > 0
    ? html`<div class="table-wrap"><table>
<caption>Parameters</caption>
<thead><tr><th scope="col">Name</th><th scope="col">In</th><th scope="col">Type</th><th scope="col">Meaning</th></tr></thead>
<tbody>${params.map(
        (p) => html`<tr><th scope="row"><code>${text(p['name'])}</code>${p['required'] === true ? html` <span class="flag">required</span>` : ''}</th><td>${text(p['in'])}</td><td>${describeSchema(obj(p['schema']))}</td><td>${text(p['description'])}</td></tr>`,
      )}</tbody>
</table></div>`
    : ''
}
${body ? html`<p><strong>Request body</strong> (JSON): ${describeSchema(obj(body))}</p>${schemaProperties(obj(body), 'Request body fields')}` : ''}
<div class="table-wrap"><table>
<caption>Responses</caption>
<thead><tr><th scope="col">Status</th><th scope="col">Meaning</th><th scope="col">Body</th></tr></thead>
<tbody>${responses.map(([status, r]) => {
    const content = obj(obj(r)['content']);
    const types = Object.keys(content);
    const schema = obj(obj(content['application/json'])['schema']);
    return html`<tr><th scope="row">${status}</th><td>${text(obj(r)['description'])}</td><td>${types.length === 0 ? '—' : content['application/json'] ? describeSchema(schema) : types.join(', ')}</td></tr>`;
  })}</tbody>
</table></div>
</section>`;
}

function schemaProperties(s: Obj, caption: string): SafeHtml {
  const props = Object.entries(obj(s['properties']));
  if (props.length === 0) return html``;
  const required = new Set(arr(s['required']).map(text));
  return html`<div class="table-wrap"><table>
<caption>${caption}</caption>
<thead><tr><th scope="col">Field</th><th scope="col">Type</th><th scope="col">Meaning</th></tr></thead>
<tbody>${props.map(
    ([name, p]) => html`<tr><th scope="row"><code>${name}</code>${required.has(name) ? html` <span class="flag">always</span>` : ''}</th><td>${describeSchema(obj(p))}</td><td>${text(obj(p)['description'])}</td></tr>`,
  )}</tbody>
</table></div>`;
}

export function apiDocsPage(doc: Obj): SafeHtml {
  const info = obj(doc['info']);
  const ops: { tag: string; path: string; method: string; op: Obj }[] = [];
  for (const [path, item] of Object.entries(obj(doc['paths']))) {
    for (const method of METHODS) {
      const op = obj(obj(item)[method]);
      if (Object.keys(op).length === 0) continue;
      ops.push({ tag: text(arr(op['tags'])[0]) || 'other', path, method, op });
    }
  }
  const tags = [...new Set(ops.map((o) => o.tag))];
  const schemas = Object.entries(obj(obj(doc['components'])['schemas']));
  return page({
    title: 'API',
    section: 'docs',
    main: html`<h1>API documentation</h1>
<p class="lead">${text(info['description'])}</p>
<p>Everything on this site comes from this API. The machine-readable <a href="/api/v1/openapi.json">OpenAPI ${text(doc['openapi'])} document</a> is what this page is rendered from. Every search page's address works on the API too: <code>/search?kind=contributions&amp;q=teachers</code> shows what <code>/api/v1/contributions?q=teachers</code> returns.</p>
<nav aria-labelledby="toc-h"><h2 id="toc-h">Contents</h2><ul>${tags.map(
      (t) => html`<li><a href="#tag-${anchor(t)}">${TAG_TITLES[t] ?? t}</a><ul>${ops
        .filter((o) => o.tag === t)
        .map((o) => html`<li><a href="#op-${anchor(text(o.op['operationId']) || `${o.method}-${o.path}`)}">${o.method.toUpperCase()} ${o.path}</a></li>`)}</ul></li>`,
    )}<li><a href="#schemas">Schemas</a></li></ul></nav>
${tags.map(
  (t) => html`<section aria-labelledby="tag-${anchor(t)}"><h2 id="tag-${anchor(t)}">${TAG_TITLES[t] ?? t}</h2>${ops.filter((o) => o.tag === t).map((o) => operation(o.path, o.method, o.op))}</section>`,
)}
<section aria-labelledby="schemas"><h2 id="schemas">Schemas</h2>
${schemas.map(([name, s]) => html`<section class="op" aria-labelledby="schema-${anchor(name)}"><h3 id="schema-${anchor(name)}">${name}</h3>${obj(s)['description'] ? html`<p>${text(obj(s)['description'])}</p>` : ''}<p>${describeSchema({ ...obj(s), properties: undefined })}</p>${schemaProperties(obj(s), `Fields of ${name}`)}</section>`)}
</section>`,
  });
}
