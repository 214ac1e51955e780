// The OpenAPI 3.1 document of the API, built from the same declarations the routes use
// (filters, sorts, facets), so it cannot drift from them. Served at /api/v1/openapi.json.
import { Router } from 'express';
import { KIND_NAMES, type KindName } from '../../indexers/kinds.js';
import { EXPORT_COLUMNS } from '../../exports/columns.js';
import { BULK_FILE_PATTERN, FILER_ID_PATTERN, LIST_ITEM_PATTERN, MAX_AMENDMENT, MAX_FILING_ID, NON_BLANK_TEXT_PATTERN, TEXT_PATTERN } from '../../queries/param-rules.js';
import {
  COMMON_PARAMS,
  DEFAULT_PAGE_SIZE,
  MAX_AMOUNT,
  MAX_INTEGER,
  MAX_PAGE_SIZE,
  MAX_SUGGEST_LENGTH,
  MAX_TEXT_LENGTH,
  MIN_AMOUNT,
  REPEATABLE_TYPES,
  SEARCH_SPECS,
  type FilterDef,
} from '../../queries/search-spec.js';
import { encodeCursor, parseSearchRequest, requestKey } from '../../queries/search-request.js';

type Schema = Record<string, unknown>;

const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const nullable = (s: Schema): Schema => ({ anyOf: [s, { type: 'null' }] });
// What the parameters take, as the routes check it (queries/param-rules.ts, search-request.ts):
// no control characters in any text, no empty values (q aside), real bounds.
const text = (maxLength = MAX_TEXT_LENGTH): Schema => ({ type: 'string', minLength: 1, maxLength, pattern: NON_BLANK_TEXT_PATTERN });
// A real calendar day from 1900 to 2100 (29 February in leap years only), as parseDay takes it.
const DAY_PATTERN =
  '^(?:(?:19[0-9]{2}|20[0-9]{2}|2100)-(?:(?:0[1-9]|1[0-2])-(?:0[1-9]|1[0-9]|2[0-8])|(?:0[13-9]|1[0-2])-(?:29|30)|(?:0[13578]|1[02])-31)|(?:19(?:0[48]|[2468][048]|[13579][26])|20(?:0[048]|[2468][048]|[13579][26]))-02-29)$';
const CURSOR_SCHEMA: Schema = { type: 'string', minLength: 1, maxLength: MAX_TEXT_LENGTH, pattern: '^[A-Za-z0-9_-]+$' };

/** Every timestamp the API writes: RFC 3339 in UTC, to the second (src/timestamps.ts). */
const dateTime = (description: string): Schema => ({ type: 'string', format: 'date-time', description, examples: ['2026-12-02T00:56:34Z'] });
const CodeLabel = nullable({ type: 'object', properties: { code: { type: 'string' }, label: nullable({ type: 'string' }) }, required: ['code'] });

/** A filter's values: one, or an array of them for a repeatable filter. */
function filterSchema(f: FilterDef): Schema {
  const repeatable = REPEATABLE_TYPES.has(f.type);
  let schema: Schema;
  switch (f.type) {
    case 'min_amount':
    case 'max_amount':
      schema = { type: 'number', minimum: MIN_AMOUNT, maximum: MAX_AMOUNT };
      break;
    case 'date_from':
    case 'date_to':
      schema = { type: 'string', pattern: DAY_PATTERN };
      break;
    case 'year':
      schema = { type: 'integer', minimum: 1900, maximum: 2100 };
      break;
    case 'integer':
      schema = { type: 'integer', minimum: 0, maximum: MAX_INTEGER };
      break;
    case 'boolean':
      schema = { type: 'boolean' };
      break;
    case 'state':
      schema = { type: 'string', pattern: '^[A-Za-z]{2}$' };
      break;
    case 'zip':
      schema = { type: 'string', pattern: '^[0-9]{5}(-[0-9]{4})?$' };
      break;
    case 'code':
      schema = f.values ? { type: 'string', enum: [...f.values] } : { ...text(), pattern: LIST_ITEM_PATTERN };
      break;
    default:
      schema = text();
  }
  return repeatable ? { type: 'array', minItems: 1, items: schema } : schema;
}

/** In a job's JSON, a repeatable filter takes one value or an array of them (as the server reads it). */
function bodyFilterSchema(f: FilterDef): Schema {
  const s = filterSchema(f);
  return s['type'] === 'array' ? { anyOf: [s['items'] as Schema, s] } : s;
}

function filterParam(f: FilterDef): Schema {
  const repeatable = REPEATABLE_TYPES.has(f.type);
  return {
    name: f.param,
    in: 'query',
    required: false,
    description: f.description,
    schema: filterSchema(f),
    ...(repeatable ? { style: 'form', explode: true } : {}),
  };
}

/** The columns parameter of an export: a comma-separated list of the kind's column keys. */
function columnsSchema(kind: KindName): Schema {
  const keys = EXPORT_COLUMNS[kind].map((c) => c.key).join('|');
  return { type: 'string', pattern: `^(${keys})(,(${keys}))*$` };
}
const COLUMNS_DESCRIPTION = 'Columns to include, in this order: comma-separated keys of the kind\'s columns (default: all).';

function exportPath(kind: KindName, format: 'csv' | 'xlsx'): Schema {
  const spec = SEARCH_SPECS[kind];
  return {
    get: {
      operationId: `export_${kind}_${format}`,
      summary: `Every ${kind.replace(/s$/, '')} the search matches, as ${format.toUpperCase()}`,
      tags: ['exports'],
      parameters: [
        ...commonParams(kind).filter((p) => ['q', 'sort', 'versions'].includes(p['name'] as string)),
        ...spec.filters.map(filterParam),
        { name: 'columns', in: 'query', required: false, description: COLUMNS_DESCRIPTION, schema: columnsSchema(kind) },
      ],
      responses: {
        '200': {
          description: format === 'csv' ? 'CSV (RFC 4180, UTF-8 with BOM, formula cells neutralised), streamed.' : 'XLSX: a sheet describing the query, then the data (more sheets past 1,048,575 rows).',
          content: format === 'csv' ? { 'text/csv': {} } : { 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {} },
        },
        '400': errorResponse('A parameter is not valid.'),
        '429': tooMany('Too many exports running, or this client\'s export budget is spent; `Retry-After` says in how many seconds to try again.'),
        '503': errorResponse('The search index is unavailable.'),
      },
    },
  };
}

const JOB_ID_PARAM: Schema = { name: 'id', in: 'path', required: true, description: 'The job id POST /api/v1/exports gave; anything but a UUID is a 400.', schema: { type: 'string', format: 'uuid' } };

/**
 * The body of POST /api/v1/exports for one kind. params are the export's parameters as JSON
 * values (numbers, booleans, arrays for repeatable filters); the strings of a query string
 * are taken too. The same rules hold as on the export endpoint: a bad one is a 400 naming it.
 */
function exportJobBody(kind: KindName): Schema {
  const spec = SEARCH_SPECS[kind];
  const common = commonParams(kind).filter((p) => ['q', 'sort', 'versions'].includes(p['name'] as string));
  const params: Record<string, Schema> = Object.fromEntries(
    [
      ...common.map((p): [string, Schema] => [p['name'] as string, p['schema'] as Schema]),
      ...spec.filters.map((f): [string, Schema] => [f.param, bodyFilterSchema(f)]),
    ].concat([['columns', columnsSchema(kind)]]),
  );
  return {
    type: 'object',
    required: ['kind'],
    additionalProperties: false,
    properties: {
      kind: { type: 'string', const: kind },
      format: { type: 'string', enum: ['csv', 'xlsx'], default: 'csv' },
      params: {
        type: 'object',
        additionalProperties: false,
        properties: params,
        description: `The parameters of the export, as for /api/v1/${kind}.csv (a cursor or paging aside). min_amount not above max_amount, date_from not after date_to.`,
      },
    },
  };
}

function commonParams(kind: KindName): Schema[] {
  const spec = SEARCH_SPECS[kind];
  const p: Record<(typeof COMMON_PARAMS)[number], Schema> = {
    q: { name: 'q', in: 'query', description: 'What to look for, in plain language: "contributions from teachers in Fresno to Newsom over $500 in 2018". The filters read from it and the text left over come back in `understood`. The one parameter that may be empty (no text). Filters read from it never conflict with explicit ones: an explicit filter replaces what q says.', schema: { type: 'string', maxLength: MAX_TEXT_LENGTH, pattern: TEXT_PATTERN } },
    sort: { name: 'sort', in: 'query', description: 'Order of results. relevance (the default) ranks by the text and names searched; with none, it is the newest first (-date; filers: by name), and the response\'s sort says so.', schema: { type: 'string', enum: [...spec.sorts], default: 'relevance' } },
    page_size: { name: 'page_size', in: 'query', description: 'Rows per page.', schema: { type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE } },
    cursor: {
      name: 'cursor',
      in: 'query',
      description: 'next_cursor of the previous page, exactly as it was given, with every other parameter the same; leave it out for the first page. It is opaque (base64url) and bound to its search: an empty, made-up or altered cursor, or one of another search, is a 400 naming cursor.',
      schema: CURSOR_SCHEMA,
    },
    exact_total: { name: 'exact_total', in: 'query', description: 'Count every match (otherwise counting stops at 10,000; with facets the count is always exact).', schema: { type: 'boolean', default: false } },
    facets: {
      name: 'facets',
      in: 'query',
      description: `Counts per value of the fields that narrow best: true (all), false (none), or a comma-separated list of the ones to compute (${spec.facets.map((f) => f.name).join(', ')}); \`facets\` in the answer has exactly those. Fewer facets answer faster. Default: all on the first page, none with a cursor. With any facet the total is exact.`,
      schema: { oneOf: [{ type: 'boolean' }, { type: 'string', pattern: `^(${spec.facets.map((f) => f.name).join('|')})(,(${spec.facets.map((f) => f.name).join('|')}))*$` }] },
    },
    facet_size: { name: 'facet_size', in: 'query', description: 'Values per facet.', schema: { type: 'integer', minimum: 1, maximum: 50, default: 10 } },
    versions: { name: 'versions', in: 'query', description: 'current: only the current version of each filing; all: superseded amendments too, flagged `superseded`.', schema: { type: 'string', enum: spec.versioned ? ['current', 'all'] : ['current'], default: 'current' } },
  };
  return COMMON_PARAMS.filter((name) => spec.versioned || name !== 'versions').map((name) => ({ ...p[name], required: false }));
}

const errorResponse = (what: string): Schema => ({ description: what, content: { 'application/json': { schema: ref('Error') } } });
const responseRef = (name: string): Schema => ({ $ref: `#/components/responses/${name}` });
const headerRef = (name: string): Schema => ({ $ref: `#/components/headers/${name}` });
/** A 429 of an operation's own words, with the header every 429 carries. */
const tooMany = (what: string): Schema => ({ description: what, headers: { 'Retry-After': headerRef('RetryAfter') }, content: { 'application/json': { schema: ref('Error') } } });

function searchPath(kind: KindName): Schema {
  const spec = SEARCH_SPECS[kind];
  return {
    get: {
      operationId: `search_${kind}`,
      summary: `Search ${kind}`,
      tags: ['search'],
      parameters: [...commonParams(kind), ...spec.filters.map(filterParam)],
      responses: {
        '200': { description: 'A page of results with facets.', content: { 'application/json': { schema: ref('SearchResponse') } } },
        '304': responseRef('NotModified'),
        '400': errorResponse('A parameter is not valid; `error.parameter` names it.'),
        '503': errorResponse('The search index is unavailable; `error.store` names it.'),
      },
    },
  };
}

// Examples of every parameter and request body: real values of the CAL-ACCESS sample
// (data/calaccess-sample), valid under their schemas, and answered 2xx when sent together
// (as the examples phase of a contract run sends them; the cursor is one of that very
// search). API explorers offer them too.
const SEARCH_TEXT: Record<KindName, string> = { contributions: 'attorney', expenditures: 'consultant', lobbying: 'payment', filers: 'committee', filings: 'statement' };
const SORT_EXAMPLE: Record<KindName, string> = { contributions: '-date', expenditures: '-date', lobbying: '-date', filers: 'name', filings: '-date' };
/** Filter examples by parameter, then the kinds whose values differ. */
const FILTER_EXAMPLES: Record<string, unknown> = {
  min_amount: 100,
  max_amount: 5000,
  date_from: '2016-01-01',
  date_to: '2016-12-31',
  year: [2016],
  election_year: [2016],
  filing_id: [591429],
  memo: false,
  state: ['CA'],
  zip: '95814',
  city: 'Sacramento',
  city_exact: 'sacramento',
  contributor: 'Smith',
  recipient: '1353735',
  employer: 'State of California',
  employer_exact: 'state of california',
  occupation: 'attorney',
  occupation_exact: 'attorney',
  entity_type: ['IND'],
  schedule: ['A'],
  form: ['F460'],
  filer_type: ['RECIPIENT COMMITTEE'],
  report_kind: ['ITEMIZED'],
  payee: 'consulting',
  spender: '1247892',
  expense: ['CNS'],
  target: 'Proposition',
  support_oppose: ['S'],
  office: ['GOV'],
  filer: '1245739',
  party: 'Sacramento',
  beneficiary: 'Senator',
  activity: ['PAYMENT'],
  name: 'Friends',
  status: ['ACTIVE'],
};
const KIND_FILTER_EXAMPLES: Partial<Record<KindName, Record<string, unknown>>> = {
  expenditures: { schedule: ['E'] },
  lobbying: { schedule: ['F625P3B'], form: ['F635'] },
  filings: { filer: '1261406' },
};
/** Path and query parameters of the other operations. */
const OPERATION_EXAMPLES: Record<string, Record<string, unknown>> = {
  search_all: { q: 'sacramento', page_size: 5 },
  suggest_filers: { q: 'friends', size: 5 },
  filer: { id: '1147635' },
  filing: { id: 591429, amendment: 1 },
  filing_compare: { id: 591429, from: 0, to: 1 },
  // A job's id is made by POST /api/v1/exports (see its links); this one names none.
  export_job: { id: '0b5e3c1a-6f1d-4c2e-9a57-3d8f2b7e4c10' },
  export_job_file: { id: '0b5e3c1a-6f1d-4c2e-9a57-3d8f2b7e4c10' },
  bulk_file: { file: 'contributions.csv' },
};
// Only q in params: a contract tester keeps the example's params while it tries the other
// kinds, and q is the one parameter every kind takes.
const EXPORT_JOB_EXAMPLE = { kind: 'contributions', format: 'csv', params: { q: 'attorney' } };

function filterExample(kind: KindName, f: FilterDef): unknown {
  const own = KIND_FILTER_EXAMPLES[kind]?.[f.param] ?? FILTER_EXAMPLES[f.param];
  if (own !== undefined) return own;
  // A filter added since: a value of its type.
  const first = f.values?.[0];
  return REPEATABLE_TYPES.has(f.type) ? (first === undefined ? [] : [first]) : (first ?? 'a');
}

/** A parameter's example as it arrives in a query string (one value: a string). */
const onWire = (v: unknown): unknown => (Array.isArray(v) ? (v.length === 1 ? String(v[0]) : v.map(String)) : String(v));

/** Examples of a search or export operation's parameters, the cursor one of a page of
 *  exactly that search (a cursor is bound to the search it came from). */
function kindExamples(kind: KindName, names: readonly string[], withCursor: boolean): Record<string, unknown> {
  const spec = SEARCH_SPECS[kind];
  const ex: Record<string, unknown> = {
    q: SEARCH_TEXT[kind],
    sort: SORT_EXAMPLE[kind],
    page_size: 10,
    exact_total: false,
    facets: spec.facets.slice(0, 2).map((f) => f.name).join(','),
    facet_size: 10,
    versions: 'current',
    columns: (EXPORT_COLUMNS[kind] ?? []).slice(0, 3).map((c) => c.key).join(','),
  };
  for (const f of spec.filters) ex[f.param] = filterExample(kind, f);
  const out: Record<string, unknown> = Object.fromEntries(names.filter((n) => n !== 'cursor' && ex[n] !== undefined).map((n) => [n, ex[n]]));
  if (withCursor) {
    try {
      const query = Object.fromEntries(Object.entries(out).map(([k, v]) => [k, onWire(v)]));
      const request = parseSearchRequest(kind, query);
      // The sort values of a row: [day in epoch ms or name, id], as next_cursor holds them.
      const after = SORT_EXAMPLE[kind] === 'name' ? ['committee', '1000000'] : [Date.UTC(2016, 6, 1), 'z'];
      out['cursor'] = encodeCursor(after, requestKey(request));
    } catch {
      // The examples no longer make a search together: the document goes without this one
      // (the API contract test says so).
    }
  }
  return out;
}

function addExamples(paths: Record<string, Schema>): void {
  for (const [route, item] of Object.entries(paths)) {
    for (const op of Object.values(item) as { operationId: string; parameters?: Schema[]; requestBody?: { content: Record<string, Schema> } }[]) {
      const params = op.parameters ?? [];
      const names = params.map((p) => p['name'] as string);
      const m = /^\/api\/v1\/([a-z_]+?)(\.csv|\.xlsx)?$/.exec(route);
      const kind = m && (KIND_NAMES as readonly string[]).includes(m[1]!) ? (m[1] as KindName) : null;
      const examples = kind ? kindExamples(kind, names, !m![2]) : (OPERATION_EXAMPLES[op.operationId] ?? {});
      for (const p of params) {
        const v = examples[p['name'] as string];
        if (v !== undefined) p['example'] = v;
      }
      const json = op.requestBody?.content['application/json'];
      if (json && op.operationId === 'create_export_job') json['example'] = EXPORT_JOB_EXAMPLE;
    }
  }
}

export function buildOpenApi(): Schema {
  const paths: Record<string, Schema> = {
    '/health': {
      get: {
        operationId: 'health',
        summary: 'Whether each store answers, its version and latency',
        tags: ['service'],
        responses: {
          '200': { description: 'Both stores up.', content: { 'application/json': { schema: ref('Health') } } },
          '503': { description: 'A store is down; `error.stores` names it.', content: { 'application/json': { schema: ref('Health') } } },
        },
      },
    },
    '/api/v1/openapi.json': {
      get: {
        operationId: 'openapi',
        summary: 'This document',
        tags: ['service'],
        responses: { '200': { description: 'OpenAPI 3.1', content: { 'application/json': { schema: { type: 'object' } } } }, '304': responseRef('NotModified') },
      },
    },
    '/api/v1/search': {
      get: {
        operationId: 'search_all',
        summary: 'Search every kind at once: the best hits of each',
        tags: ['search'],
        parameters: [
          { name: 'q', in: 'query', required: false, description: 'What to look for, in plain language.', schema: { type: 'string', maxLength: MAX_TEXT_LENGTH, pattern: TEXT_PATTERN } },
          { name: 'page_size', in: 'query', required: false, description: 'Hits per kind.', schema: { type: 'integer', minimum: 1, maximum: 20, default: 5 } },
        ],
        responses: {
          '200': { description: 'The best hits of each kind, and each kind’s total.', content: { 'application/json': { schema: ref('SearchAllResponse') } } },
          '304': responseRef('NotModified'),
          '400': errorResponse('A parameter is not valid.'),
          '503': errorResponse('The search index is unavailable.'),
        },
      },
    },
    '/api/v1/filers/suggest': {
      get: {
        operationId: 'suggest_filers',
        summary: 'Type-ahead: filers whose name starts with the text',
        tags: ['search'],
        parameters: [
          { name: 'q', in: 'query', required: true, description: 'The start of a name (not blank).', schema: text(MAX_SUGGEST_LENGTH) },
          { name: 'size', in: 'query', required: false, description: 'Suggestions to return.', schema: { type: 'integer', minimum: 1, maximum: 25, default: 10 } },
        ],
        responses: {
          '200': { description: 'Suggestions.', content: { 'application/json': { schema: ref('Suggestions') } } },
          '304': responseRef('NotModified'),
          '400': errorResponse('A parameter is not valid.'),
          '503': errorResponse('The search index is unavailable.'),
        },
      },
    },
  };
  for (const kind of KIND_NAMES) {
    paths[`/api/v1/${kind}`] = searchPath(kind);
    for (const format of ['csv', 'xlsx'] as const) paths[`/api/v1/${kind}.${format}`] = exportPath(kind, format);
  }
  const jobSchema = ref('ExportJob');
  paths['/api/v1/exports'] = {
    post: {
      operationId: 'create_export_job',
      summary: 'Start an export job for a large result',
      tags: ['exports'],
      requestBody: {
        required: true,
        content: {
          'application/json': {
            // One shape per kind: the params are that kind's export parameters.
            schema: { oneOf: KIND_NAMES.map(exportJobBody) },
          },
        },
      },
      responses: {
        '202': {
          description: 'Accepted; poll its link.',
          headers: { Location: { description: 'The job\'s address.', schema: { type: 'string' } } },
          content: { 'application/json': { schema: jobSchema } },
          links: {
            state: { operationId: 'export_job', parameters: { id: '$response.body#/id' }, description: 'The job\'s state and progress.' },
            file: { operationId: 'export_job_file', parameters: { id: '$response.body#/id' }, description: 'The file, once the job finished (409 before).' },
          },
        },
        '400': errorResponse('A parameter is not valid, or the body is not JSON.'),
        '413': errorResponse('The body is over 32 KB.'),
        '415': errorResponse('The body\'s charset or Content-Encoding is not one the API reads (UTF-8; gzip, deflate, br).'),
        '503': errorResponse('The database or the search index is unavailable.'),
        '429': tooMany('Too many jobs waiting, or this client\'s export budget is spent; `Retry-After` says in how many seconds to try again.'),
      },
    },
  };
  paths['/api/v1/exports/{id}'] = {
    get: {
      operationId: 'export_job',
      summary: 'State and progress of an export job',
      tags: ['exports'],
      parameters: [JOB_ID_PARAM],
      responses: {
        '200': { description: 'The job.', content: { 'application/json': { schema: jobSchema } } },
        '304': responseRef('NotModified'),
        '404': errorResponse('No such job.'),
        '503': errorResponse('The database is unavailable.'),
      },
    },
  };
  paths['/api/v1/exports/{id}/file'] = {
    get: {
      operationId: 'export_job_file',
      summary: 'The finished file (Range requests supported)',
      tags: ['exports'],
      parameters: [JOB_ID_PARAM],
      responses: {
        '200': { description: 'The file.', content: { 'text/csv': {}, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {} } },
        '206': { description: 'Part of the file.' },
        '304': responseRef('NotModified'),
        '404': errorResponse('No such job.'),
        '409': {
          description: 'The job has no file: not yet (queued, running: `Retry-After` says when to look again) or not any more (failed, expired). `error.state` is the job\'s state.',
          headers: { 'Retry-After': headerRef('RetryAfter') },
          content: { 'application/json': { schema: ref('Error') } },
        },
        '412': responseRef('PreconditionFailed'),
        '416': responseRef('RangeNotSatisfiable'),
        '503': errorResponse('The database is unavailable.'),
      },
    },
  };
  const view = (operationId: string, summary: string, params: Schema[], schema: string): Schema => ({
    get: {
      operationId,
      summary,
      tags: ['reports'],
      parameters: params,
      responses: {
        '200': { description: summary, content: { 'application/json': { schema: ref(schema) } } },
        '304': responseRef('NotModified'),
        '400': errorResponse('A parameter is not valid.'),
        '404': errorResponse('No such filer, filing or amendment.'),
        '503': errorResponse('The database is unavailable.'),
      },
    },
  });
  const filerId: Schema = { name: 'id', in: 'path', required: true, description: 'Filer id: 1 to 15 letters and digits (e.g. 1234567 or a legacy id like C00800); anything else is a 400.', schema: { type: 'string', pattern: FILER_ID_PATTERN } };
  const filingId: Schema = { name: 'id', in: 'path', required: true, description: `Filing id: a whole number from 0 to ${MAX_FILING_ID}; anything else is a 400 saying so.`, schema: { type: 'integer', minimum: 0, maximum: MAX_FILING_ID } };
  const amendment = (name: string, description: string, required: boolean): Schema => ({ name, in: 'query', required, description, schema: { type: 'integer', minimum: 0, maximum: MAX_AMENDMENT } });
  paths['/api/v1/filers/{id}'] = view('filer', 'A filer in plain language: names over time, links, filings, money at a glance', [filerId], 'FilerView');
  paths['/api/v1/filings/{id}'] = view(
    'filing',
    'A filing as filed: cover, summary page, schedules in form order, reconciliation, amendment history',
    [filingId, amendment('amendment', 'Show this version (default: the current one).', false)],
    'FilingView',
  );
  paths['/api/v1/filings/{id}/compare'] = view(
    'filing_compare',
    'Two versions of a filing compared: rows added, removed and changed, totals that moved',
    [filingId, amendment('from', 'The amendment to compare from.', true), amendment('to', 'The amendment to compare to.', true)],
    'FilingComparison',
  );
  paths['/api/v1/bulk'] = {
    get: {
      operationId: 'bulk_files',
      summary: 'Whole datasets, per kind and per year, with sizes, row counts and SHA-256',
      tags: ['exports'],
      responses: { '200': { description: 'The list.', content: { 'application/json': { schema: ref('BulkList') } } }, '304': responseRef('NotModified') },
    },
  };
  paths['/api/v1/bulk/{file}'] = {
    get: {
      operationId: 'bulk_file',
      summary: 'One bulk file (Range requests supported)',
      tags: ['exports'],
      parameters: [{ name: 'file', in: 'path', required: true, description: 'A file name as /api/v1/bulk lists it; a name of other characters is a 400, an unlisted one a 404.', schema: { type: 'string', pattern: BULK_FILE_PATTERN } }],
      responses: {
        '200': { description: 'The file (CSV, UTF-8 with BOM).', content: { 'text/csv': {} } },
        '206': { description: 'Part of the file.' },
        '304': responseRef('NotModified'),
        '400': errorResponse('Not a file name (letters, digits, `.`, `_` and `-`, at most 120).'),
        '404': errorResponse('No such file.'),
        '412': responseRef('PreconditionFailed'),
        '416': responseRef('RangeNotSatisfiable'),
      },
    },
  };

  const facet: Schema = {
    type: 'object',
    required: ['label', 'filter', 'buckets', 'other_count', 'missing_count'],
    properties: {
      label: { type: 'string' },
      filter: { type: 'string', description: 'The parameter a bucket value narrows with.' },
      buckets: { type: 'array', items: { type: 'object', required: ['value', 'label', 'count'], properties: { value: { type: 'string' }, label: { type: 'string' }, count: { type: 'integer' } } } },
      other_count: { type: 'integer', description: 'Matches with a value not listed.' },
      missing_count: { type: 'integer', description: "Matches with no value, or with a value the facet's filter cannot select (a state filed as \"94\"): a facet lists only values whose filter gives exactly the bucket's rows. Buckets + other + missing = total." },
    },
  };
  const result: Schema = {
    type: 'object',
    required: ['kind', 'links'],
    properties: {
      kind: { type: 'string', enum: [...KIND_NAMES] },
      superseded: { type: 'boolean', description: 'Part of a filing version that a later amendment replaced.' },
      score: nullable({ type: 'number' }),
      amount: nullable({ type: 'number' }),
      date: nullable({ type: 'string', format: 'date' }),
      schedule: CodeLabel,
      links: { type: 'object', additionalProperties: nullable({ type: 'string' }), properties: { filing: nullable({ type: 'string' }), filer: nullable({ type: 'string' }) } },
    },
    additionalProperties: true,
  };
  const searchResponse: Schema = {
    type: 'object',
    required: ['total', 'results', 'facets', 'next_cursor', 'understood'],
    properties: {
      kind: { type: 'string' },
      total: { type: 'object', required: ['value', 'exact'], properties: { value: { type: 'integer', minimum: 0 }, exact: { type: 'boolean' } } },
      results: { type: 'array', items: ref('Result') },
      facets: nullable({ type: 'object', additionalProperties: ref('Facet') }),
      next_cursor: nullable({ type: 'string' }),
      understood: {
        type: 'object',
        required: ['filters', 'text'],
        properties: {
          filters: { type: 'object', additionalProperties: { type: ['string', 'number'] }, description: 'Filters read from q.' },
          text: nullable({ type: 'string', description: 'What was left to search as text.' }),
          kind: nullable({ type: 'string' }),
        },
      },
      sort: { type: 'string', description: 'The order applied: with no text to rank by, relevance is the newest first (-date; filers: name).' },
      page_size: { type: 'integer' },
      amount_sum: nullable({ type: 'number', description: 'Contributions, expenditures, lobbying: the dollars of every match (not just the page), exact to the cent, summed from whole cents as amount_sum_rule says (memo entries and late reports left out). Null for kinds without amounts, or when the request does not count every match (facets=false without exact_total=true).' }),
      amount_sum_rule: nullable({ type: 'string', description: 'What amount_sum counts, in words: versions, memo entries, late reports (Forms 497 and 496) counted apart.' }),
    },
  };
  const store: Schema = {
    type: 'object',
    required: ['status', 'version', 'latency_ms'],
    properties: { status: { type: 'string', enum: ['up', 'down'] }, version: nullable({ type: 'string' }), latency_ms: { type: 'number' }, error: { type: 'string' } },
  };
  // Every operation that takes parameters answers a bad one with a 400 naming it.
  for (const item of Object.values(paths)) {
    for (const op of Object.values(item) as { parameters?: unknown[]; requestBody?: unknown; responses: Record<string, Schema> }[]) {
      if ((op.parameters?.length ?? 0) > 0 || op.requestBody) op.responses['400'] ??= errorResponse('A parameter is not valid; `error.parameter` names it.');
    }
  }
  for (const [route, item] of Object.entries(paths)) {
    for (const op of Object.values(item) as { responses: Record<string, Schema> }[]) {
      // Every route but /health is behind the per-client budgets (src/routes/abuse-limits.ts).
      if (route !== '/health') op.responses['429'] ??= responseRef('TooManyRequests');
      // Node's HTTP parser refuses an address or headers over 16 KB before any route (server.ts).
      op.responses['431'] ??= responseRef('RequestTooLarge');
      // A store that is down says when to try again.
      const down = op.responses['503'];
      if (down && !('$ref' in down)) down['headers'] = { 'Retry-After': headerRef('RetryAfter'), ...(down['headers'] as Schema | undefined) };
    }
  }
  addExamples(paths);
  return {
    openapi: '3.1.0',
    info: {
      title: 'CAL-ACCESS disclosure search and export',
      version: '1',
      description: 'California campaign-finance and lobbying records (CAL-ACCESS): search in plain language, with facets, every row linked to its filing and filer. Every code comes with a plain-language label. Each client has a budget of requests (by default 600 a minute, bursts of 200) and a stricter one for exports, export jobs and expensive searches (facet_size above 20 or exact_total=true: 60 a minute, bursts of 30); over budget the answer is 429 with a Retry-After header in seconds.',
    },
    servers: [{ url: '/' }],
    paths,
    components: {
      headers: {
        RetryAfter: { description: 'Seconds to wait before trying again.', schema: { type: 'integer', minimum: 0 }, example: 5 },
      },
      responses: {
        TooManyRequests: tooMany('Too many requests from this client, or too many expensive requests running; `Retry-After` says in how many seconds to try again.'),
        RequestTooLarge: errorResponse('The address or the headers are over 16 KB (`error.code` request_too_large); the connection is closed.'),
        NotModified: { description: 'Not modified: the `ETag` (or `Last-Modified`) sent in `If-None-Match` (`If-Modified-Since`) still holds.' },
        PreconditionFailed: { description: 'The file changed: `If-Match` or `If-Unmodified-Since` does not hold any more.' },
        RangeNotSatisfiable: { description: 'The `Range` asked for is not in the file; `Content-Range` gives its size.' },
      },
      schemas: {
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['code', 'message'],
              properties: {
                code: { type: 'string' },
                message: { type: 'string' },
                parameter: { type: 'string' },
                store: { type: 'string', enum: ['postgresql', 'elasticsearch'] },
                state: { type: 'string', description: 'A 409\'s resource state (an export job\'s: queued, running, failed, expired).' },
              },
            },
          },
        },
        Facet: facet,
        Result: result,
        SearchResponse: searchResponse,
        SearchAllResponse: {
          allOf: [ref('SearchResponse')],
          type: 'object',
          required: ['kinds'],
          properties: { kinds: { type: 'object', additionalProperties: { type: 'object', required: ['total', 'link'], properties: { total: { type: 'object' }, link: { type: 'string' } } } } },
        },
        Suggestions: {
          type: 'object',
          required: ['suggestions'],
          properties: {
            suggestions: {
              type: 'array',
              items: { type: 'object', required: ['filer_id', 'name', 'link'], properties: { filer_id: { type: 'string' }, name: { type: 'string' }, type: nullable({ type: 'string' }), link: { type: 'string' } } },
            },
          },
        },
        ExportJob: {
          type: 'object',
          required: ['id', 'kind', 'format', 'state', 'rows_written', 'created_at', 'finished_at', 'expires_at', 'links'],
          properties: {
            id: { type: 'string' },
            kind: { type: 'string' },
            format: { type: 'string' },
            state: { type: 'string', enum: ['queued', 'running', 'finished', 'failed', 'expired'] },
            rows_written: { type: 'integer' },
            rows_expected: nullable({ type: 'integer' }),
            progress: nullable({ type: 'number', minimum: 0, maximum: 1 }),
            file_name: nullable({ type: 'string' }),
            bytes: nullable({ type: 'integer' }),
            sha256: nullable({ type: 'string' }),
            error: nullable({ type: 'string' }),
            created_at: dateTime('When the job was asked for.'),
            finished_at: nullable(dateTime('When it finished or failed.')),
            expires_at: nullable(dateTime('When its file is deleted (a finished job).')),
            links: { type: 'object', properties: { self: { type: 'string' }, file: nullable({ type: 'string' }) } },
          },
        },
        FilerView: {
          type: 'object',
          required: ['filer_id', 'name', 'names_over_time', 'linked_filers', 'filings', 'money', 'links'],
          properties: {
            filer_id: { type: 'string' },
            name: nullable({ type: 'string' }),
            in_filer_list: { type: 'boolean', description: "false: the export's list of filers lacks this filer; it is known from the filings that name it." },
            missing: {
              type: 'object',
              description: 'What the export lacks for this filer, in words, by part (profile, filings, money, cash_on_hand); an empty object when nothing is.',
              additionalProperties: { type: 'string' },
            },
            type: nullable({ type: 'object' }),
            names_over_time: { type: 'array', items: { type: 'object', properties: { since: nullable({ type: 'string', format: 'date' }) } } },
            linked_filers: { type: 'array', items: { type: 'object', properties: { since: nullable({ type: 'string', format: 'date' }), until: nullable({ type: 'string', format: 'date' }) } } },
            filings: { type: 'object', required: ['total', 'items'], properties: { total: { type: 'integer' }, items: { type: 'array' } } },
            money: {
              type: 'object',
              required: ['totals', 'by_year', 'by_period', 'top_contributors', 'top_payees'],
              properties: {
                totals: nullable({
                  type: 'object',
                  description: 'Sums of by_year; null when nothing is itemized (missing.money says why), rather than zeros.',
                  required: ['raised', 'contributions', 'spent', 'payments'],
                  properties: { raised: { type: 'number' }, contributions: { type: 'integer' }, spent: { type: 'number' }, payments: { type: 'integer' } },
                }),
                by_year: { type: 'array' },
                by_period: { type: 'array' },
                top_contributors: { type: 'array' },
                top_payees: { type: 'array' },
              },
            },
            links: { type: 'object' },
          },
        },
        FilingView: {
          type: 'object',
          required: ['filing_id', 'amendment', 'current_amendment', 'superseded', 'cover', 'missing', 'summary', 'schedules', 'itemized', 'reconciliation', 'versions'],
          properties: {
            filing_id: { type: 'integer' },
            amendment: { type: 'integer' },
            current_amendment: { type: 'integer' },
            superseded: { type: 'boolean' },
            current_link: { type: 'string' },
            form: CodeLabel,
            filer: nullable({ type: 'object' }),
            cover: nullable({ type: 'object', description: 'null: no cover page of this version in the export (missing.cover).' }),
            missing: {
              type: 'object',
              description: 'What the export lacks of this version, in words, by part (cover, filer, summary, schedules); an empty object when nothing is.',
              additionalProperties: { type: 'string' },
            },
            summary: nullable({ type: 'array', description: 'The summary page lines; null when none is on file (missing.summary says why), never zeros.' }),
            itemized: {
              type: 'object',
              description: 'Itemized sums of the schedules, memo entries left out: money received and paid, each null when no such rows are itemized.',
              required: ['received', 'paid', 'rows'],
              properties: {
                received: nullable({ type: 'object', required: ['total', 'rows'], properties: { total: { type: 'number' }, rows: { type: 'integer' } } }),
                paid: nullable({ type: 'object', required: ['total', 'rows'], properties: { total: { type: 'number' }, rows: { type: 'integer' } } }),
                rows: { type: 'integer' },
              },
            },
            schedules: {
              type: 'array',
              items: { type: 'object', required: ['code', 'row_count', 'rows'], properties: { code: { type: 'string' }, label: nullable({ type: 'string' }), row_count: { type: 'integer' }, total: nullable({ type: 'number' }), rows: { type: 'array' } } },
            },
            reconciliation: {
              type: 'array',
              items: {
                type: 'object',
                required: ['schedule', 'line', 'itemized_total', 'itemized_rows', 'stated_total', 'difference', 'agrees'],
                properties: {
                  itemized_total: { type: 'number' },
                  itemized_rows: { type: 'integer' },
                  stated_total: nullable({ type: 'number' }),
                  difference: nullable({ type: 'number' }),
                  agrees: nullable({ type: 'boolean', description: 'null when no total is stated (or no summary page is on file).' }),
                },
              },
            },
            versions: { type: 'array', items: { type: 'object', required: ['amendment', 'current', 'link'] } },
          },
        },
        FilingComparison: {
          type: 'object',
          required: ['filing_id', 'from', 'to', 'rows', 'totals_moved'],
          properties: {
            filing_id: { type: 'integer' },
            from: { type: 'integer' },
            to: { type: 'integer' },
            versions: { type: 'array', items: { type: 'integer' }, description: 'The amendments the filing has.' },
            summaries: {
              type: 'object',
              description: 'Whether each version has a summary page on file; without one on both sides, totals_moved is empty.',
              properties: { from: { type: 'boolean' }, to: { type: 'boolean' } },
            },
            rows: {
              type: 'object',
              required: ['added', 'removed', 'changed'],
              description: 'Rows matched by transaction id; a changed row lists each field that differs, those as filed as `fields.<column>`.',
            },
            totals_moved: { type: 'array', items: { type: 'object', required: ['line', 'from', 'to', 'change'] } },
            schedule_totals: { type: 'array', items: { type: 'object', required: ['schedule', 'from', 'to', 'change'] } },
          },
        },
        BulkList: {
          type: 'object',
          required: ['files'],
          properties: {
            generated_at: nullable(dateTime('When the files were written.')),
            source: nullable({ type: 'string' }),
            files: {
              type: 'array',
              items: {
                type: 'object',
                required: ['file', 'rows', 'bytes', 'sha256', 'link'],
                properties: {
                  file: { type: 'string' },
                  dataset: { type: 'string' },
                  year: {},
                  rows: { type: 'integer' },
                  bytes: { type: 'integer' },
                  sha256: { type: 'string' },
                  generated_at: dateTime('When this file was written.'),
                  link: { type: 'string' },
                },
              },
            },
          },
        },
        Health: {
          type: 'object',
          required: ['status', 'stores'],
          properties: {
            status: { type: 'string', enum: ['ok', 'unavailable'] },
            stores: { type: 'object', required: ['postgresql', 'elasticsearch'], properties: { postgresql: store, elasticsearch: store } },
            error: { type: 'object' },
          },
        },
      },
    },
  };
}

export function openApiRoutes(): Router {
  const router = Router();
  const doc = buildOpenApi();
  router.get('/api/v1/openapi.json', (_req, res) => {
    res.setHeader('Cache-Control', 'public, max-age=300');
    res.json(doc);
  });
  return router;
}
