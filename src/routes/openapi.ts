// The OpenAPI 3.1 document of the API, built from the same declarations the routes use
// (filters, sorts, facets), so it cannot drift from them. Served at /api/v1/openapi.json.
import { Router } from 'express';
import { KIND_NAMES, type KindName } from '../../indexers/kinds.js';
import { COMMON_PARAMS, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, SEARCH_SPECS, type FilterDef } from '../../queries/search-spec.js';

type Schema = Record<string, unknown>;

const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const nullable = (s: Schema): Schema => ({ anyOf: [s, { type: 'null' }] });
const CodeLabel = nullable({ type: 'object', properties: { code: { type: 'string' }, label: nullable({ type: 'string' }) }, required: ['code'] });

function filterParam(f: FilterDef): Schema {
  const repeatable = ['code', 'state', 'year', 'integer'].includes(f.type);
  let schema: Schema;
  switch (f.type) {
    case 'min_amount':
    case 'max_amount':
      schema = { type: 'number' };
      break;
    case 'date_from':
    case 'date_to':
      schema = { type: 'string', format: 'date' };
      break;
    case 'year':
      schema = { type: 'integer', minimum: 1900, maximum: 2100 };
      break;
    case 'integer':
      schema = { type: 'integer', minimum: 0 };
      break;
    case 'boolean':
      schema = { type: 'boolean' };
      break;
    case 'state':
      schema = { type: 'string', pattern: '^[A-Za-z]{2}$' };
      break;
    case 'zip':
      schema = { type: 'string', pattern: '^\\d{5}(-\\d{4})?$' };
      break;
    default:
      schema = { type: 'string', maxLength: 300, ...(f.values ? { enum: [...f.values] } : {}) };
  }
  return {
    name: f.param,
    in: 'query',
    required: false,
    description: f.description,
    schema: repeatable ? { type: 'array', items: schema } : schema,
    ...(repeatable ? { style: 'form', explode: true } : {}),
  };
}

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
        { name: 'columns', in: 'query', required: false, description: 'Columns to include, in this order (comma-separated keys).', schema: { type: 'string' } },
      ],
      responses: {
        '200': {
          description: format === 'csv' ? 'CSV (RFC 4180, UTF-8 with BOM, formula cells neutralised), streamed.' : 'XLSX: a sheet describing the query, then the data (more sheets past 1,048,575 rows).',
          content: format === 'csv' ? { 'text/csv': {} } : { 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {} },
        },
        '400': errorResponse('A parameter is not valid.'),
        '429': errorResponse('Too many exports running, or this client\'s export budget is spent; Retry-After says when to try again.'),
        '503': errorResponse('The search index is unavailable.'),
      },
    },
  };
}

function commonParams(kind: KindName): Schema[] {
  const spec = SEARCH_SPECS[kind];
  const p: Record<(typeof COMMON_PARAMS)[number], Schema> = {
    q: { name: 'q', in: 'query', description: 'What to look for, in plain language: "contributions from teachers in Fresno to Newsom over $500 in 2018". The filters read from it and the text left over come back in `understood`.', schema: { type: 'string', maxLength: 300 } },
    sort: { name: 'sort', in: 'query', description: 'Order of results. relevance (the default) ranks by the text and names searched; with none, it is the newest first (-date; filers: by name), and the response\'s sort says so.', schema: { type: 'string', enum: [...spec.sorts], default: 'relevance' } },
    page_size: { name: 'page_size', in: 'query', description: 'Rows per page.', schema: { type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE } },
    cursor: { name: 'cursor', in: 'query', description: 'next_cursor of the previous page, as it was given; keeps every other parameter the same.', schema: { type: 'string' } },
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
        '400': errorResponse('A parameter is not valid; `error.parameter` names it.'),
        '503': errorResponse('The search index is unavailable; `error.store` names it.'),
      },
    },
  };
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
      get: { operationId: 'openapi', summary: 'This document', tags: ['service'], responses: { '200': { description: 'OpenAPI 3.1', content: { 'application/json': { schema: { type: 'object' } } } } } },
    },
    '/api/v1/search': {
      get: {
        operationId: 'search_all',
        summary: 'Search every kind at once: the best hits of each',
        tags: ['search'],
        parameters: [
          { name: 'q', in: 'query', required: false, description: 'What to look for, in plain language.', schema: { type: 'string', maxLength: 300 } },
          { name: 'page_size', in: 'query', required: false, description: 'Hits per kind.', schema: { type: 'integer', minimum: 1, maximum: 20, default: 5 } },
        ],
        responses: {
          '200': { description: 'The best hits of each kind, and each kind’s total.', content: { 'application/json': { schema: ref('SearchAllResponse') } } },
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
          { name: 'q', in: 'query', required: true, description: 'The start of a name.', schema: { type: 'string', minLength: 1, maxLength: 100 } },
          { name: 'size', in: 'query', required: false, description: 'Suggestions to return.', schema: { type: 'integer', minimum: 1, maximum: 25, default: 10 } },
        ],
        responses: {
          '200': { description: 'Suggestions.', content: { 'application/json': { schema: ref('Suggestions') } } },
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
            schema: {
              type: 'object',
              required: ['kind'],
              properties: {
                kind: { type: 'string', enum: [...KIND_NAMES] },
                format: { type: 'string', enum: ['csv', 'xlsx'], default: 'csv' },
                params: { type: 'object', description: 'The search parameters, as for the search endpoint, plus `columns`.' },
              },
            },
          },
        },
      },
      responses: {
        '202': { description: 'Accepted; poll its link.', content: { 'application/json': { schema: jobSchema } } },
        '400': errorResponse('A parameter is not valid.'),
        '429': errorResponse('Too many jobs waiting, or this client\'s export budget is spent; Retry-After says when to try again.'),
      },
    },
  };
  paths['/api/v1/exports/{id}'] = {
    get: {
      operationId: 'export_job',
      summary: 'State and progress of an export job',
      tags: ['exports'],
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
      responses: { '200': { description: 'The job.', content: { 'application/json': { schema: jobSchema } } }, '404': errorResponse('No such job.') },
    },
  };
  paths['/api/v1/exports/{id}/file'] = {
    get: {
      operationId: 'export_job_file',
      summary: 'The finished file (Range requests supported)',
      tags: ['exports'],
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
      responses: {
        '200': { description: 'The file.', content: { 'text/csv': {}, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {} } },
        '206': { description: 'Part of the file.' },
        '404': errorResponse('No such job, or not finished.'),
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
        '400': errorResponse('A parameter is not valid.'),
        '404': errorResponse('No such filer, filing or amendment.'),
        '503': errorResponse('The database is unavailable.'),
      },
    },
  });
  const idParam = (description: string): Schema => ({ name: 'id', in: 'path', required: true, description, schema: { type: 'string' } });
  paths['/api/v1/filers/{id}'] = view('filer', 'A filer in plain language: names over time, links, filings, money at a glance', [idParam('Filer id (e.g. 1234567 or a legacy id like C00800)')], 'FilerView');
  paths['/api/v1/filings/{id}'] = view(
    'filing',
    'A filing as filed: cover, summary page, schedules in form order, reconciliation, amendment history',
    [idParam('Filing id'), { name: 'amendment', in: 'query', required: false, description: 'Show this version (default: the current one).', schema: { type: 'integer', minimum: 0, maximum: 999 } }],
    'FilingView',
  );
  paths['/api/v1/filings/{id}/compare'] = view(
    'filing_compare',
    'Two versions of a filing compared: rows added, removed and changed, totals that moved',
    [
      idParam('Filing id'),
      { name: 'from', in: 'query', required: true, schema: { type: 'integer', minimum: 0, maximum: 999 } },
      { name: 'to', in: 'query', required: true, schema: { type: 'integer', minimum: 0, maximum: 999 } },
    ],
    'FilingComparison',
  );
  paths['/api/v1/bulk'] = {
    get: {
      operationId: 'bulk_files',
      summary: 'Whole datasets, per kind and per year, with sizes, row counts and SHA-256',
      tags: ['exports'],
      responses: { '200': { description: 'The list.', content: { 'application/json': { schema: ref('BulkList') } } } },
    },
  };
  paths['/api/v1/bulk/{file}'] = {
    get: {
      operationId: 'bulk_file',
      summary: 'One bulk file (Range requests supported)',
      tags: ['exports'],
      parameters: [{ name: 'file', in: 'path', required: true, schema: { type: 'string' } }],
      responses: { '200': { description: 'The file (CSV, UTF-8 with BOM).', content: { 'text/csv': {} } }, '206': { description: 'Part of the file.' }, '404': errorResponse('No such file.') },
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
  // Every route but /health is behind the per-client rate limit (src/routes/abuse-limits.ts).
  for (const [route, item] of Object.entries(paths)) {
    if (route === '/health') continue;
    for (const op of Object.values(item) as { responses: Record<string, Schema> }[]) {
      op.responses['429'] ??= errorResponse(
        'Too many requests from this client, or too many expensive requests running; `Retry-After` says in how many seconds to try again.',
      );
    }
  }
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
      schemas: {
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['code', 'message'],
              properties: { code: { type: 'string' }, message: { type: 'string' }, parameter: { type: 'string' }, store: { type: 'string', enum: ['postgresql', 'elasticsearch'] } },
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
          required: ['id', 'kind', 'format', 'state', 'rows_written', 'links'],
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
            names_over_time: { type: 'array' },
            linked_filers: { type: 'array' },
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
            generated_at: nullable({ type: 'string' }),
            files: {
              type: 'array',
              items: {
                type: 'object',
                required: ['file', 'rows', 'bytes', 'sha256', 'link'],
                properties: { file: { type: 'string' }, dataset: { type: 'string' }, year: {}, rows: { type: 'integer' }, bytes: { type: 'integer' }, sha256: { type: 'string' }, link: { type: 'string' } },
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
