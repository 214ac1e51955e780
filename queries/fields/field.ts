// A field of a searchable kind, declared once: where its value comes from in the filing
// database, where it sits in the search document and how it is mapped, how users filter and
// facet on it, and how exports, bulk files and the portal show it. Everything that used to be
// kept by hand in each of those places is derived from these declarations (see ./index.ts).
// Plain data and small functions only: the indexer, the query side, exports, bulk files, the
// OpenAPI document and the portal all import this, so it imports none of them.
import type { estypes } from '@elastic/elasticsearch';
import type { Properties } from '../../indexers/mappings/common.js';
import type { CodeType } from '../../src/db/labels.js';
import type { FacetDef, FilterDef } from '../search-spec.js';

/** How a value is written in an export cell: amounts are numbers, dates ISO dates in CSV
 *  and real date cells in XLSX. */
export type ColumnType = 'string' | 'number' | 'integer' | 'date' | 'boolean';

/** SQL of a value in a source table `t`: one expression for every table of the kind, or one
 *  per table (a table left out has no such value). */
export type TableSql = string | Readonly<Record<string, string>>;

/** A raw column of a transaction source's query, under the alias the document writer reads. */
export interface SourceColumn {
  alias: string;
  sql: TableSql;
}

/** How the document writer writes a field it has no hand-written code for (a field added
 *  since the writer was tuned): the raw value of the field's one source column as text, a
 *  number, a day a date field takes, or a code with its label. */
export type WriteAs = 'text' | 'number' | 'day' | { code: CodeType };

export interface FilterSpec extends Omit<FilterDef, 'fields'> {
  /** The label of the filter on the portal's form and chips. */
  label: string;
  /** The fields it matches; the field's own path when absent. */
  fields?: readonly string[];
}

export interface FacetSpec extends Omit<FacetDef, 'field'> {
  /** The field it counts; the field's own path when absent. */
  field?: string;
}

export interface ExportSpec {
  /** The name for `columns=` selection. */
  key: string;
  header: string;
  /** A part of the value (`label` of a code and its label). */
  at?: string;
  type?: ColumnType;
}

export interface BulkSpec {
  /** The export's header when absent. */
  header?: string;
  /** The value's SQL over the dataset's row `t` and its joins; the field's source column when absent. */
  sql?: TableSql;
  /** The code's plain-language label rather than the code. */
  label?: CodeType;
  /** The export's type when absent (text is guarded against spreadsheet formulas). */
  type?: ColumnType;
}

export interface FieldDef {
  /** Where the value is in a search document (dotted). A field that only a bulk dataset shows
   *  has no mapping, and its path is only its name. */
  path: string;
  /** Its mapping in the index; absent where the value is not indexed (added to responses by
   *  the response shaping, or only in bulk files). */
  mapping?: estypes.MappingProperty;
  /** The raw columns a transaction document's value is made of. */
  columns?: readonly SourceColumn[];
  /** Set for a field the document writer writes from its declaration alone (a top-level path
   *  and one source column). */
  write?: WriteAs;
  filters?: readonly FilterSpec[];
  facets?: readonly FacetSpec[];
  /** Its export column (or columns: a code and its label). */
  export?: ExportSpec | readonly ExportSpec[];
  bulk?: BulkSpec;
}

/** The fields of a kind in the order of its export columns, with the orders of its filters
 *  and facets where they differ (filters and facets not named come after, as declared). */
export interface KindFields {
  fields: readonly FieldDef[];
  filterOrder: readonly string[];
  facetOrder: readonly string[];
  /** The source tables of a transaction kind (the tables of TableSql records). */
  tables?: readonly string[];
}

export interface ExportColumn {
  /** the name for `columns=` selection */
  key: string;
  header: string;
  path: string;
  type: ColumnType;
}

export interface BulkColumn {
  header: string;
  sql: string;
  text?: boolean;
}

/** The SQL of a value in one table, or null where the table has none. */
export function sqlFor(sql: TableSql, table: string): string | null {
  return typeof sql === 'string' ? sql : (sql[table] ?? null);
}

/** A list in a given order: named items first as the order names them, then the rest as listed. */
function ordered<T>(items: readonly T[], name: (t: T) => string, order: readonly string[]): T[] {
  const rank = (t: T): number => {
    const i = order.indexOf(name(t));
    return i < 0 ? order.length : i;
  };
  return items.map((t, i) => ({ t, i })).sort((a, b) => rank(a.t) - rank(b.t) || a.i - b.i).map((x) => x.t);
}

/** The index mapping's properties: each field's mapping at its path, objects made of the dots. */
export function mappingProperties(kind: KindFields): Properties {
  const root: Properties = {};
  for (const f of kind.fields) {
    if (!f.mapping) continue;
    const parts = f.path.split('.');
    let props = root;
    for (const p of parts.slice(0, -1)) {
      const parent = (props[p] ??= { properties: {} }) as { properties?: Properties };
      props = parent.properties ??= {};
    }
    props[parts[parts.length - 1]!] = f.mapping;
  }
  return root;
}

export function filterDefs(kind: KindFields): FilterDef[] {
  const defs = kind.fields.flatMap((f) => (f.filters ?? []).map(({ label: _label, fields, ...d }): FilterDef => ({ ...d, fields: fields ?? [f.path] })));
  return ordered(defs, (d) => d.param, kind.filterOrder);
}

export function facetDefs(kind: KindFields): FacetDef[] {
  const defs = kind.fields.flatMap((f) => (f.facets ?? []).map((d): FacetDef => ({ ...d, field: d.field ?? f.path })));
  return ordered(defs, (d) => d.name, kind.facetOrder);
}

/** Each filter's label by its parameter. */
export function filterLabels(kind: KindFields): [string, string][] {
  return kind.fields.flatMap((f) => (f.filters ?? []).map((d): [string, string] => [d.param, d.label]));
}

const exportsOf = (f: FieldDef): readonly ExportSpec[] => (f.export === undefined ? [] : 'key' in f.export ? [f.export] : f.export);

export function exportColumns(kind: KindFields): ExportColumn[] {
  return kind.fields.flatMap((f) => exportsOf(f).map((e) => ({ key: e.key, header: e.header, path: e.at ? `${f.path}.${e.at}` : f.path, type: e.type ?? 'string' })));
}

const labelSql = (type: CodeType, code: string): string => `(SELECT l.label FROM code_labels l WHERE l.code_type = '${type}' AND l.code = upper(trim(${code})))`;

/** The columns of a bulk dataset read from one table of a kind, in the kind's order. */
export function bulkColumns(kind: KindFields, table: string): BulkColumn[] {
  return kind.fields.flatMap((f) => {
    const b = f.bulk;
    if (!b) return [];
    const source = b.sql ?? f.columns?.[0]?.sql;
    const sql = source === undefined ? null : sqlFor(source, table);
    if (sql === null) return [];
    const header = b.header ?? exportsOf(f)[0]?.header;
    if (header === undefined) throw new Error(`bulk column of ${f.path} has no header`);
    const text = (b.type ?? exportsOf(f)[0]?.type ?? 'string') === 'string';
    return [{ header, sql: b.label ? labelSql(b.label, sql) : sql, ...(text ? { text: true } : {}) }];
  });
}

/** The raw columns of a transaction source's query over one of its tables, as a select list
 *  (`NULL` for what the table lacks). */
export function sourceSelect(kind: KindFields, table: string): string {
  return kind.fields
    .flatMap((f) => f.columns ?? [])
    .map((c) => `${sqlFor(c.sql, table) ?? 'NULL'} AS ${c.alias}`)
    .join(', ');
}

/** A field the document writer writes from its declaration: its path, source alias and form. */
export interface WrittenField {
  path: string;
  alias: string;
  as: WriteAs;
}

export function writtenFields(kind: KindFields): WrittenField[] {
  return kind.fields.flatMap((f) => {
    if (!f.write) return [];
    const column = f.columns?.[0];
    if (f.path.includes('.') || !column || f.columns!.length !== 1) throw new Error(`${f.path}: a written field is top-level, of one source column`);
    return [{ path: f.path, alias: column.alias, as: f.write }];
  });
}
