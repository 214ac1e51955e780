// The OpenAPI document's parameters say the rules the routes check (queries/param-rules.ts):
// a contract tester generating from them must not find the server disagreeing. Pure: the
// document only; test/integration/api-inputs.test.ts holds it against the server.
import assert from 'node:assert/strict';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { checkParams, checkText, textLength } from '../../queries/param-rules.js';
import { InvalidParameterError } from '../../src/errors.js';
import { buildOpenApi } from '../../src/routes/openapi.js';

type Schema = { type?: string; pattern?: string; enum?: unknown[]; format?: string; items?: Schema; minimum?: number; maximum?: number; minLength?: number; oneOf?: Schema[] };
type Param = { name: string; in: string; schema: Schema };
type Op = { parameters?: Param[]; requestBody?: { content: Record<string, { schema: Schema }> }; responses: Record<string, unknown> };

const doc = buildOpenApi() as { paths: Record<string, Record<string, Op>> };
const ops = Object.entries(doc.paths).flatMap(([route, item]) => Object.entries(item).map(([method, op]) => ({ route, method, op })));
const params = ops.flatMap(({ route, op }) => (op.parameters ?? []).map((p) => ({ route, p })));
const ajv = new Ajv2020({ strict: false });
// ajv-formats is CommonJS: its default export arrives as the module object's default.
(addFormats as unknown as { default: (a: Ajv2020) => void }).default(ajv);

/** The string schemas of a parameter: itself, its items, its alternatives. */
const strings = (s: Schema): Schema[] => [...(s.type === 'string' ? [s] : []), ...(s.items ? strings(s.items) : []), ...(s.oneOf ?? []).flatMap(strings)];

describe('OpenAPI parameters: the rules of the routes, declared', () => {
  it('every text parameter refuses control characters (C0 with tab and newline, DEL, C1)', () => {
    for (const { route, p } of params) {
      for (const s of strings(p.schema)) {
        const validate = ajv.compile(s);
        for (const c of ['\u0000', '\t', '\n', '\u001e', '\u001f', '\u007f', '\u0085', '\u009f']) {
          assert.equal(validate(`a${c}b`), false, `${route} ${p.name} takes U+${c.charCodeAt(0).toString(16)}`);
        }
      }
    }
  });

  it('no text parameter but q takes an empty value', () => {
    for (const { route, p } of params) {
      if (p.name === 'q' && route !== '/api/v1/filers/suggest') continue;
      for (const s of strings(p.schema)) assert.equal(ajv.compile(s)(''), false, `${route} ${p.name} takes ""`);
    }
  });

  it('a cursor is base64url, columns the kind\'s keys, amounts and ids bounded', () => {
    const get = (route: string, name: string): Schema => doc.paths[route]!['get']!.parameters!.find((p) => p.name === name)!.schema;
    const takes = (s: Schema, v: unknown): boolean => ajv.compile(s)(v);
    assert.equal(takes(get('/api/v1/contributions', 'cursor'), 'eyJrIjoiYSIsImEiOltdfQ'), true);
    assert.equal(takes(get('/api/v1/contributions', 'cursor'), 'not a cursor'), false);
    assert.equal(takes(get('/api/v1/contributions.csv', 'columns'), 'date,amount'), true);
    assert.equal(takes(get('/api/v1/contributions.csv', 'columns'), 'date,'), false);
    assert.equal(takes(get('/api/v1/contributions', 'max_amount'), 9.3e306), false);
    assert.equal(takes(get('/api/v1/contributions', 'min_amount'), -250.5), true);
    assert.equal(takes(get('/api/v1/filings/{id}', 'id'), 1e23), false);
    assert.equal(takes(get('/api/v1/filings/{id}', 'id'), 2147483647), true);
    assert.equal(takes(get('/api/v1/filers/{id}', 'id'), '1234-567'), false);
    assert.equal(takes(get('/api/v1/filers/{id}', 'id'), 'C00800'), true);
    assert.equal(takes(get('/api/v1/bulk/{file}', 'file'), 'contributions-2016.csv'), true);
    assert.equal(takes(get('/api/v1/bulk/{file}', 'file'), '../x'), false);
    assert.equal(takes(get('/api/v1/contributions', 'date_from'), '2023-02-29'), false);
    assert.equal(takes(get('/api/v1/contributions', 'date_from'), '2024-02-29'), true);
    // JSON Schema's \d is any script's digit in some validators: the document spells [0-9].
    for (const { route, p } of params) for (const s of strings(p.schema)) assert.ok(!(s.pattern ?? '').includes('\\d'), `${route} ${p.name}: ${s.pattern}`);
  });

  it('every operation with parameters documents its 400', () => {
    for (const { route, method, op } of ops) {
      if ((op.parameters?.length ?? 0) > 0 || op.requestBody) assert.ok(op.responses['400'], `${method.toUpperCase()} ${route}`);
    }
  });

  it("an export job's body: the kind's own params, no null, nothing unknown", () => {
    const validate = ajv.compile(doc.paths['/api/v1/exports']!['post']!.requestBody!.content['application/json']!.schema);
    assert.equal(validate({ kind: 'contributions', params: { min_amount: 5, year: [2016], memo: false } }), true);
    assert.equal(validate({ kind: 'filers', params: null }), false);
    assert.equal(validate({ kind: 'filers', format: null }), false);
    assert.equal(validate({ kind: 'filers', params: { min_amount: 5 } }), false, 'filers have no amounts');
    assert.equal(validate({ kind: 'filers', params: { bogus: 'x' } }), false);
    assert.equal(validate({ kind: 'filers', extra: 1 }), false);
  });
});

describe('the text rule (queries/param-rules.ts)', () => {
  const refuses = (v: string): string | null => {
    try {
      checkText('p', v);
      return null;
    } catch (e) {
      assert.ok(e instanceof InvalidParameterError);
      assert.equal(e.parameter, 'p');
      return e.message;
    }
  };
  it('refuses C0, DEL, C1 and lone surrogates, saying which', () => {
    assert.equal(refuses('a\u001fb'), 'p contains a control character (U+001F); parameters are printable text');
    assert.match(refuses('\t') ?? '', /U\+0009/);
    assert.match(refuses('x\u0085') ?? '', /U\+0085/);
    assert.match(refuses('\ud800') ?? '', /lone surrogate/);
    assert.match(refuses('a\udc00') ?? '', /lone surrogate/);
  });
  it('takes printable text of any script, emoji included', () => {
    for (const v of ['', ' ', 'Muñoz', 'Nguyễn', '李', '😀', '\u00a0x', '\u2028']) assert.equal(refuses(v), null, JSON.stringify(v));
  });
  it('checks names and every value of a query', () => {
    assert.throws(() => checkParams({ ok: 'x', ['bad\u0001']: 'y' }), (e: InvalidParameterError) => e.parameter === 'bad\u0001');
    assert.throws(() => checkParams({ state: ['CA', 'N\u0000Y'] }), (e: InvalidParameterError) => e.parameter === 'state');
    assert.doesNotThrow(() => checkParams({ year: ['2016'], n: 5 }));
  });
  it('counts characters as code points', () => {
    assert.equal(textLength('😀😀'), 2);
    assert.equal(textLength('abc'), 3);
  });
});
