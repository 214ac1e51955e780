// The field registries (queries/fields/) hold together: every name is declared once, every
// filter, facet and export column points at a field the mapping has, every source table a
// declaration names is one of its kind's, and what is derived from them (mappings, filters,
// facets, export and bulk columns, the indexer's select lists) is what the service uses.
// The documents' fields are held to the registry in test/integration/documents.test.ts, the
// live index's mapping in test/integration/field-registry.test.ts.
import assert from 'node:assert/strict';
import { KIND_NAMES, TRANSACTION_SOURCES } from '../../indexers/kinds.js';
import { bulkColumns, exportColumns, facetDefs, filterDefs, mappingProperties, writtenFields, type FieldDef, type KindFields, type TableSql } from '../../queries/fields/field.js';
import { FIELDS, FILTER_LABELS } from '../../queries/fields/index.js';
import { MAX_TEXT_LENGTH, SEARCH_SPECS } from '../../queries/search-spec.js';
import { COVER_TABLES, SOURCE_TABLES } from '../../src/import/source-tables.js';
import { searchForm } from '../../src/portal/pages/search-page.js';
import { BULK_DATASETS } from '../../src/repositories/bulk-repository.js';
import { buildOpenApi } from '../../src/routes/openapi.js';
import { mappingPaths } from '../support/mapping-paths.js';

const duplicates = (names: readonly string[]): string[] => names.filter((n, i) => names.indexOf(n) !== i);

/** The tables a TableSql record names. */
const tablesOf = (sql: TableSql | undefined): string[] => (sql === undefined || typeof sql === 'string' ? [] : Object.keys(sql));

function sqlTables(f: FieldDef): string[] {
  return [...(f.columns ?? []).flatMap((c) => tablesOf(c.sql)), ...tablesOf(f.bulk?.sql)];
}

describe('field registries', () => {
  for (const kind of KIND_NAMES) {
    const fields: KindFields = FIELDS[kind];
    const mapped = mappingPaths(mappingProperties(fields));

    describe(kind, () => {
      it('declares each field, filter, facet and export column once', () => {
        assert.deepEqual(duplicates(fields.fields.map((f) => f.path)), []);
        assert.deepEqual(duplicates(filterDefs(fields).map((f) => f.param)), []);
        assert.deepEqual(duplicates(facetDefs(fields).map((f) => f.name)), []);
        assert.deepEqual(duplicates(exportColumns(fields).map((c) => c.key)), []);
        assert.deepEqual(duplicates(exportColumns(fields).map((c) => c.header)), []);
      });

      it('orders only filters and facets it declares', () => {
        const params = filterDefs(fields).map((f) => f.param);
        const facets = facetDefs(fields).map((f) => f.name);
        assert.deepEqual(fields.filterOrder.filter((p) => !params.includes(p)), []);
        assert.deepEqual(fields.facetOrder.filter((n) => !facets.includes(n)), []);
      });

      it('filters, facets and export columns name fields the mapping has', () => {
        for (const f of filterDefs(fields)) for (const path of f.fields) assert.ok(mapped.has(path), `filter ${f.param}: ${path}`);
        for (const f of facetDefs(fields)) {
          for (const path of [f.field, f.labelField, f.nameField, f.rawField]) if (path !== undefined) assert.ok(mapped.has(path), `facet ${f.name}: ${path}`);
          const filters = filterDefs(fields).map((d) => d.param);
          // An amount band narrows with min_amount and max_amount.
          assert.ok(f.filter === 'amount' ? filters.includes('min_amount') : filters.includes(f.filter), `facet ${f.name} narrows with ${f.filter}`);
        }
        // `superseded` is the response's (a row of a version a later amendment replaced).
        for (const c of exportColumns(fields)) assert.ok(c.path === 'superseded' || mapped.has(c.path), `export ${c.key}: ${c.path}`);
      });

      it('names only its own source tables, and every source it reads from', () => {
        const tables = fields.tables ?? [];
        for (const f of fields.fields) for (const t of sqlTables(f)) assert.ok(tables.includes(t) || BULK_DATASETS.some((d) => d.from.startsWith(`FROM ${t} `)), `${f.path}: ${t}`);
        if (kind === 'contributions' || kind === 'expenditures' || kind === 'lobbying') {
          assert.deepEqual(TRANSACTION_SOURCES[kind].map((s) => s.table), tables);
        }
      });

    });
  }

  it('gives each filter parameter one label, whatever the kind', () => {
    for (const kind of KIND_NAMES) {
      for (const f of FIELDS[kind].fields) for (const d of f.filters ?? []) assert.equal(d.label, FILTER_LABELS[d.param], `${kind} ${d.param}`);
    }
    assert.deepEqual(Object.keys(FILTER_LABELS).sort(), [...new Set(KIND_NAMES.flatMap((k) => SEARCH_SPECS[k].filters.map((f) => f.param)))].sort());
  });

  it('makes the bulk datasets of the kinds their columns are declared in', () => {
    const expected: Record<string, [KindFields, string]> = {
      contributions: [FIELDS.contributions, 'contributions'],
      'late-contributions': [FIELDS.contributions, 'late_contributions'],
      expenditures: [FIELDS.expenditures, 'expenditures'],
      'lobbying-payments': [FIELDS.lobbying, 'lobbying_payments'],
      filers: [FIELDS.filers, 'filers'],
    };
    assert.deepEqual(BULK_DATASETS.map((d) => d.name), Object.keys(expected));
    for (const d of BULK_DATASETS) {
      const [fields, table] = expected[d.name]!;
      assert.deepEqual(d.columns, bulkColumns(fields, table), d.name);
      assert.deepEqual(duplicates(d.columns.map((c) => c.header)), [], d.name);
      // Every dataset keeps the columns a row is found again by.
      if (d.name !== 'filers') for (const h of ['Filing ID', 'Amendment', 'Line item', 'Transaction ID', 'Schedule code']) assert.ok(d.columns.some((c) => c.header === h), `${d.name}: ${h}`);
    }
  });

  it('writes fields from their declaration only at the top level, from their one column', () => {
    for (const kind of KIND_NAMES) {
      for (const w of writtenFields(FIELDS[kind])) {
        assert.ok(!w.path.includes('.'), w.path);
        for (const s of kind === 'contributions' || kind === 'expenditures' || kind === 'lobbying' ? TRANSACTION_SOURCES[kind] : []) assert.match(s.columns, new RegExp(`\\bs\\.${w.alias}\\b`), `${kind} ${w.path}`);
      }
    }
  });

  it('text parameters are as long as the request parser allows, in the API document and the search box', () => {
    const doc = buildOpenApi() as { paths: Record<string, { get?: { parameters?: { name: string; schema: { maxLength?: number } }[] } }> };
    const params = doc.paths['/api/v1/contributions']!.get!.parameters!;
    assert.equal(params.find((p) => p.name === 'q')!.schema.maxLength, MAX_TEXT_LENGTH);
    assert.equal(params.find((p) => p.name === 'employer')!.schema.maxLength, MAX_TEXT_LENGTH);
    assert.match(String(searchForm(null)), new RegExp(`id="q" name="q" value="" maxlength="${MAX_TEXT_LENGTH}"`));
  });

  it('keeps one list of cover tables: the source tables of cover pages', () => {
    assert.deepEqual([...COVER_TABLES].sort(), SOURCE_TABLES.filter((t) => t.role === 'cover').map((t) => t.table).sort());
  });
});
