// Report views from the filing database: a filing as filed (cover, summary page, each
// schedule in the order of the paper form, reconciliation of itemized sums against the
// totals the report states, amendment history), a comparison of two versions, and a
// filer's profile with its money at a glance. Cached, keyed by the change log position:
// any write makes a new key, so a view is never older than the database.
import { LRUCache } from 'lru-cache';
import type { Kysely } from 'kysely';
import { labelFor } from '../db/labels.js';
import type { Database } from '../db/schema.js';
import { checkText, FILER_ID_PATTERN, MAX_AMENDMENT, MAX_FILING_ID } from '../../queries/param-rules.js';
import { InvalidParameterError, NotFoundError } from '../errors.js';
import {
  changeLogPosition,
  coverOf,
  filerFilings,
  filerLinks,
  filerMoneyByPeriod,
  filerMoneyByYear,
  filerName,
  filerNamesOverTime,
  filerRow,
  filerTypesBySession,
  filerXrefs,
  filingHeader,
  filingVersions,
  scheduleRows,
  summaryLines,
  topParties,
  type Row,
} from '../repositories/report-repository.js';

const API = '/api/v1';

/** Schedules in the order of the paper forms (Form 460 first), then any other. */
const PAPER_ORDER = ['A', 'A-1', 'B1', 'B2', 'B3', 'C', 'D', 'E', 'F', 'G', 'H', 'H1', 'H2', 'H3', 'I', 'F401A', 'F401B', 'F401B-1', 'F401C', 'F401D', 'F450P5', 'F461P1', 'F461P2', 'F461P5', 'F465P3', 'F496', 'F496P3', 'F497P1', 'F497P2', 'F498-A', 'F498-R', 'F601P2A', 'F601P2B', 'F615P1', 'F615P2', 'F625P2', 'F625P3A', 'F625P3B', 'F625P4B', 'F635P3A', 'F635P3B', 'F635P3C', 'F635P3D', 'F635P3E', 'F635P4B', 'F645P2A', 'F645P3B'];

const rank = (code: string): number => {
  const i = PAPER_ORDER.indexOf(code.toUpperCase());
  return i === -1 ? PAPER_ORDER.length : i;
};

const num = (v: unknown): number | null => (v === null || v === undefined || v === '' ? null : Number(v));
// CAL-ACCESS's effective dates are days (a timestamp column holds them at midnight):
// written as the day, as every date of the API is (YYYY-MM-DD).
const day = (v: unknown): string | null => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v) ? v.slice(0, 10) : null);
const round2 = (n: number): number => Math.round(n * 100) / 100;
const text = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const isMemo = (r: Row): boolean => text(r['memo_code']).toUpperCase() === 'X';

/** Itemized sums to compare with the summary lines the report states (Form 460). */
const RECONCILE: { schedule: string; line: string; label: string; value: (r: Row) => number | null }[] = [
  { schedule: 'A', line: '1', label: 'Monetary contributions itemized on Schedule A', value: (r) => num(r['amount']) },
  { schedule: 'C', line: '1', label: 'Non-monetary contributions itemized on Schedule C', value: (r) => num(r['amount']) },
  { schedule: 'E', line: '1', label: 'Payments itemized on Schedule E', value: (r) => num(r['amount']) },
  { schedule: 'I', line: '1', label: 'Miscellaneous increases to cash itemized on Schedule I', value: (r) => num(r['amount']) },
  { schedule: 'F', line: '1', label: 'Accrued expenses incurred (Schedule F)', value: (r) => num(r['amt_incur']) },
  { schedule: 'F', line: '2', label: 'Accrued expenses paid (Schedule F)', value: (r) => num(r['amt_paid']) },
  { schedule: 'B1', line: '1', label: 'Loans received this period (Schedule B part 1)', value: (r) => num(r['loan_amt2']) },
];

export interface ScheduleView {
  code: string;
  label: string | null;
  table: string;
  row_count: number;
  /** the sum of the rows' amounts, memo entries left out */
  total: number | null;
  rows: Row[];
}

const FILER_ID = new RegExp(FILER_ID_PATTERN);

export class ReportService {
  private readonly cache = new LRUCache<string, object>({ max: 500, ttl: 10 * 60_000 });
  constructor(private readonly db: Kysely<Database>) {}

  /** The change log position (one index probe): part of every cache key. */
  private generation(): Promise<string> {
    return changeLogPosition(this.db);
  }

  private async cached<T extends object>(key: string, build: () => Promise<T>): Promise<T> {
    const k = `${await this.generation()}|${key}`;
    const hit = this.cache.get(k);
    if (hit) return hit as T;
    const value = await build();
    this.cache.set(k, value);
    return value;
  }

  async filing(idText: string, amendmentText: unknown): Promise<object> {
    const filingId = parseId(idText);
    const amendment = amendmentText === undefined ? null : parseAmendment(amendmentText);
    return this.cached(`filing:${filingId}:${amendment ?? ''}`, () => this.buildFiling(filingId, amendment));
  }

  private async buildFiling(filingId: number, amendment: number | null): Promise<object> {
    const header = await filingHeader(this.db, filingId);
    if (!header) throw new NotFoundError(`no filing ${filingId}`);
    const versions = await filingVersions(this.db, filingId);
    const shown = amendment ?? header.current_amend_id;
    if (!versions.some((v) => v['amend_id'] === shown)) {
      throw new NotFoundError(`filing ${filingId} has no amendment ${shown}; it has ${versions.map((v) => String(v['amend_id'])).join(', ')}`);
    }
    const [cover, summary, schedules] = await Promise.all([coverOf(this.db, filingId, shown), summaryLines(this.db, filingId, shown), scheduleRows(this.db, filingId, shown)]);
    const version = versions.find((v) => v['amend_id'] === shown)!;
    const filerId = (cover?.row['filer_id'] as string | undefined) ?? version.filer_id ?? (versions.find((v) => v['filer_id'])?.['filer_id'] as string | undefined) ?? null;
    const filer = filerId ? await filerName(this.db, filerId) : null;
    const form = version.form_type ?? (cover?.row['form_type'] as string | undefined) ?? null;
    const superseded = shown !== header.current_amend_id;

    const byCode = new Map<string, ScheduleView>();
    for (const { source, rows } of schedules) {
      for (const r of rows) {
        const code = String(r['form_type']);
        let s = byCode.get(code);
        if (!s) {
          s = { code, label: labelFor('schedule', code), table: source.table, row_count: 0, total: null, rows: [] };
          byCode.set(code, s);
        }
        s.rows.push(scheduleRow(r));
        s.row_count++;
        const amount = num(r['display_amount']);
        if (amount !== null && !isMemo(r)) s.total = round2((s.total ?? 0) + amount);
      }
    }
    const scheduleViews = [...byCode.values()].sort((a, b) => rank(a.code) - rank(b.code) || a.code.localeCompare(b.code));
    const missing = missingParts({ cover: cover !== null, summary: summary.length > 0, rows: scheduleViews.length > 0, filerId, form });

    const reconciliation = RECONCILE.flatMap((rc) => {
      const stated = summary.find((l) => String(l['form_type']).toUpperCase() === rc.schedule && String(l['line_item']) === rc.line);
      const rows = schedules.flatMap((s) => s.rows).filter((r) => String(r['form_type']).toUpperCase() === rc.schedule);
      if (!stated && rows.length === 0) return [];
      const itemized = round2(rows.filter((r) => !isMemo(r)).reduce((n, r) => n + (rc.value(r) ?? 0), 0));
      const statedAmount = stated ? num(stated['amount_a']) : null;
      return [
        {
          schedule: rc.schedule,
          line: rc.line,
          label: rc.label,
          itemized_total: itemized,
          itemized_rows: rows.length,
          stated_total: statedAmount,
          difference: statedAmount === null ? null : round2(statedAmount - itemized),
          // Nothing to agree with when the report states no total (or no summary page is on file).
          agrees: statedAmount === null ? null : Math.abs(statedAmount - itemized) < 0.005,
        },
      ];
    });

    return {
      filing_id: filingId,
      amendment: shown,
      current_amendment: header.current_amend_id,
      superseded,
      ...(superseded ? { notice: `This version was replaced by amendment ${header.current_amend_id}.`, current_link: `${API}/filings/${filingId}` } : {}),
      has_cover: header.has_cover,
      form: form ? { code: form, label: labelFor('form_type', form) } : null,
      filer: filerId ? { filer_id: filerId, name: (filer?.['name'] as string | null) ?? null, type: (filer?.['filer_type'] as string | null) ?? null, link: `${API}/filers/${encodeURIComponent(filerId)}` } : null,
      cover: cover ? coverView(cover.table, cover.row) : null,
      // What the export does not hold for this version, in words: a missing part is null (or
      // empty), never zeros.
      missing,
      summary: summary.length === 0 ? null : summary.map((l) => ({
        schedule: l['form_type'],
        line: l['line_item'],
        label: l.label ?? null,
        section: l.section_label ?? null,
        column_a: num(l['amount_a']),
        column_b: num(l['amount_b']),
        column_c: num(l['amount_c']),
      })),
      schedules: scheduleViews,
      itemized: itemizedTotals(scheduleViews),
      reconciliation,
      versions: versions.map((v) => ({
        amendment: v['amend_id'],
        current: v['amend_id'] === header.current_amend_id,
        has_cover: v['has_cover'],
        date_filed: v['date_filed'] ?? null,
        link: `${API}/filings/${filingId}?amendment=${String(v['amend_id'])}`,
      })),
      links: { compare: versions.length > 1 ? `${API}/filings/${filingId}/compare?from=${String(versions[versions.length - 2]!['amend_id'])}&to=${String(versions[versions.length - 1]!['amend_id'])}` : null },
    };
  }

  async compare(idText: string, fromText: unknown, toText: unknown): Promise<object> {
    const filingId = parseId(idText);
    if (fromText === undefined) throw new InvalidParameterError('from', 'from is required: the amendment to compare from');
    if (toText === undefined) throw new InvalidParameterError('to', 'to is required: the amendment to compare to');
    const from = parseAmendment(fromText, 'from');
    const to = parseAmendment(toText, 'to');
    return this.cached(`compare:${filingId}:${from}:${to}`, async () => {
      // buildFiling says what is not found: no such filing, or no such version of it (a 404
      // naming the versions it has; `from` named first when both are missing).
      // The same version twice is built once, for its 404s and the list of versions.
      const built = await Promise.allSettled((from === to ? [from] : [from, to]).map((v) => this.buildFiling(filingId, v)));
      for (const r of built) if (r.status === 'rejected') throw r.reason;
      const [a, b = a] = built.map((r) => (r as PromiseFulfilledResult<object>).value) as {
        schedules: ScheduleView[];
        summary: { schedule: unknown; line: unknown; label: string | null; column_a: number | null }[] | null;
        versions: { amendment: unknown }[];
      }[];
      const have = a!.versions.map((v) => Number(v.amendment));
      if (from === to) throw new InvalidParameterError('to', `to must be another version than from (both are ${from}); filing ${filingId} has ${have.join(', ')}`);
      // TRAN_ID is the filer's own id and is meant to survive amendments (LINE_ITEM is not).
      const key = (s: ScheduleView, r: Row): string => `${s.code}|${text(r['transaction_id']) || `line ${text(r['line_item'])}`}`;
      const index = (f: { schedules: ScheduleView[] }): Map<string, Row> => new Map(f.schedules.flatMap((s) => s.rows.map((r) => [key(s, r), r] as [string, Row])));
      const ra = index(a!);
      const rb = index(b!);
      const comparable = (r: Row): string => JSON.stringify({ ...r, line_item: undefined, amendment: undefined });
      const added = [...rb.entries()].filter(([k]) => !ra.has(k)).map(([k, r]) => ({ key: k, row: r }));
      const removed = [...ra.entries()].filter(([k]) => !rb.has(k)).map(([k, r]) => ({ key: k, row: r }));
      const changed = [...rb.entries()]
        .filter(([k, r]) => ra.has(k) && comparable(ra.get(k)!) !== comparable(r))
        .map(([k, r]) => {
          const before = ra.get(k)!;
          // The fields as filed, one by one ("fields.ctrib_city"), beside the row's own.
          const flat = (x: Row): Row => {
            const { fields, ...own } = x;
            return { ...own, ...Object.fromEntries(Object.entries((fields ?? {}) as Row).map(([f, v]) => [`fields.${f}`, v])) };
          };
          const [fa, fb] = [flat(before), flat(r)];
          const fields = [...new Set([...Object.keys(fa), ...Object.keys(fb)])].filter((f) => f !== 'line_item' && f !== 'amendment' && JSON.stringify(fa[f]) !== JSON.stringify(fb[f]));
          return { key: k, schedule: r['schedule'], transaction_id: r['transaction_id'] ?? null, name: r['name'] ?? before['name'] ?? null, changes: Object.fromEntries(fields.map((f) => [f, { from: fa[f] ?? null, to: fb[f] ?? null }])) };
        });
      type Line = { label: string | null; amount: number | null };
      const totals = (f: { summary: { schedule: unknown; line: unknown; label: string | null; column_a: number | null }[] | null }): Map<string, Line> =>
        new Map((f.summary ?? []).map((l) => [`${String(l.schedule)} line ${String(l.line)}`, { label: l.label, amount: l.column_a }]));
      const ta = totals(a!);
      const tb = totals(b!);
      // Without a summary page on both sides, no stated total can be said to move.
      const moved = (a!.summary === null || b!.summary === null ? [] : [...new Set([...ta.keys(), ...tb.keys()])])
        .filter((k) => ta.get(k)?.amount !== tb.get(k)?.amount)
        .map((k) => ({ line: k, label: tb.get(k)?.label ?? ta.get(k)?.label ?? null, from: ta.get(k)?.amount ?? null, to: tb.get(k)?.amount ?? null, change: round2((tb.get(k)?.amount ?? 0) - (ta.get(k)?.amount ?? 0)) }));
      const scheduleTotals = [...new Set([...a!.schedules, ...b!.schedules].map((s) => s.code))].map((code) => {
        const x = a!.schedules.find((s) => s.code === code);
        const y = b!.schedules.find((s) => s.code === code);
        return { schedule: code, label: y?.label ?? x?.label ?? null, from: x?.total ?? null, to: y?.total ?? null, change: round2((y?.total ?? 0) - (x?.total ?? 0)) };
      });
      return {
        filing_id: filingId,
        from,
        to,
        versions: have,
        // the summary pages compared: without one on either side, no stated total can move
        summaries: { from: a!.summary !== null, to: b!.summary !== null },
        rows: { added, removed, changed },
        totals_moved: moved,
        schedule_totals: scheduleTotals.filter((t) => t.change !== 0),
      };
    });
  }

  async filer(idText: string): Promise<object> {
    const filerId = String(idText);
    checkText('id', filerId);
    if (!FILER_ID.test(filerId)) throw new InvalidParameterError('id', `a filer id is 1 to 15 letters and digits, e.g. 1234567 or C00800 (got ${JSON.stringify(filerId.slice(0, 40))})`);
    return this.cached(`filer:${filerId}`, async () => {
      const listed = await filerRow(this.db, filerId);
      const [names, sessions, links, xrefs, filings, byYear, byPeriod, contributors, payees] = await Promise.all([
        filerNamesOverTime(this.db, filerId),
        filerTypesBySession(this.db, filerId),
        filerLinks(this.db, filerId),
        filerXrefs(this.db, filerId),
        filerFilings(this.db, filerId, 500),
        filerMoneyByYear(this.db, filerId),
        filerMoneyByPeriod(this.db, filerId, 100),
        topParties(this.db, filerId, 'contributors', 10),
        topParties(this.db, filerId, 'payees', 10),
      ]);
      // A filer the export's filer list (FILERS_CD) lacks is still known by the filings that
      // name it: its page shows those, and says what is missing.
      if (!listed && filings.total === 0) throw new NotFoundError(`no filer ${filerId}`);
      const f: Row = listed ?? {};
      const id = encodeURIComponent(filerId);
      const filerType = (f['filer_type'] as string | null | undefined) ?? null;
      const totals = byYear.reduce<{ raised: number; contributions: number; spent: number; payments: number }>(
        (t, y) => ({ raised: t.raised + Number(y['raised']), contributions: t.contributions + Number(y['contributions']), spent: t.spent + Number(y['spent']), payments: t.payments + Number(y['payments']) }),
        { raised: 0, contributions: 0, spent: 0, payments: 0 },
      );
      const cashStated = byPeriod.some((p) => p['cash_on_hand'] !== null && p['cash_on_hand'] !== undefined);
      const missing: Record<string, string> = {};
      if (!listed) missing['profile'] = `Filer ${filerId} is not in this export's list of filers: its name, type and address are not known; what is shown comes from the filings that name it.`;
      if (filings.total === 0) missing['filings'] = 'No filings of this filer are in this export.';
      if (byYear.length === 0) missing['money'] = filings.total === 0 ? 'No filings of this filer are in this export, so no money is itemized.' : filings.total === 1 ? 'Its one filing in this export itemizes no contribution or payment.' : `None of its ${filings.total} filings in this export itemizes a contribution or a payment.`;
      if (!cashStated) missing['cash_on_hand'] = 'No summary page of its campaign statements (Form 460 line 16) is in this export: cash on hand is not known.';
      return {
        filer_id: filerId,
        name: (f['name'] as string | null | undefined) ?? null,
        in_filer_list: listed !== null,
        missing,
        type: filerType ? { code: filerType, label: labelFor('filer_type', filerType) ?? filerType } : null,
        status: f['status'] ? { code: f['status'], label: labelFor('filer_status', f['status'] as string) ?? f['status'] } : null,
        city: f['city'] ?? null,
        state: f['st'] ?? null,
        zip: f['zip4'] ?? null,
        legacy_ids: [...new Set([f['xref_filer_id'] as string | null, ...xrefs].filter((x): x is string => !!x && x !== filerId))],
        names_over_time: names.map((n) => ({ name: n['name'], since: day(n['effect_dt']), type: n['filer_type'], status: n['status'], city: n['city'], state: n['st'] })),
        offices_and_sessions: sessions.map((s) => ({ session: s['session_id'], type: s['description'] ?? s['filer_type'], active: s['active'], race: s['race'], party: s['party_cd'], district: s['district_cd'], county: s['county_cd'] })),
        linked_filers: links.map((l) => ({
          filer_id: l['other_id'],
          name: l['other_name'] ?? null,
          type: l['other_type'] ?? null,
          relation: { code: String(l['link_type']), label: labelFor('link_type', String(l['link_type'])) },
          active: l['active_flg'] === 'Y',
          session: l['session_id'],
          since: day(l['effect_dt']),
          until: day(l['termination_dt']),
          link: `${API}/filers/${encodeURIComponent(String(l['other_id']))}`,
        })),
        filings: {
          total: filings.total,
          shown: filings.rows.length,
          items: filings.rows.map((r) => ({
            filing_id: r['filing_id'],
            form: r['form_type'] ? { code: r['form_type'], label: labelFor('form_type', r['form_type']) } : null,
            period_start: r['period_start'],
            period_end: r['period_end'],
            date_filed: r['date_filed'],
            current_amendment: r['current_amend_id'],
            versions: r['version_count'],
            link: `${API}/filings/${String(r['filing_id'])}`,
          })),
        },
        money: {
          note: 'Itemized rows of the current version of each filing, memo entries left out. Late reports (Forms 497 and 496) are not added: they are itemized again on later reports.',
          // null when nothing is itemized (see missing.money), rather than zeros
          totals: byYear.length === 0 ? null : { raised: round2(totals.raised), contributions: totals.contributions, spent: round2(totals.spent), payments: totals.payments },
          by_year: byYear.map((y) => ({
            year: y['year'],
            raised: round2(Number(y['raised'])),
            contributions: y['contributions'],
            spent: round2(Number(y['spent'])),
            payments: y['payments'],
            search: y['year'] === null ? null : { raised: `${API}/contributions?recipient=${id}&year=${text(y['year'])}&memo=false`, spent: `${API}/expenditures?spender=${id}&year=${text(y['year'])}&memo=false` },
          })),
          by_period: byPeriod.map((p) => ({
            filing_id: p['filing_id'],
            period_start: p['period_start'],
            period_end: p['period_end'],
            raised: num(p['raised']),
            spent: num(p['spent']),
            cash_on_hand: num(p['cash_on_hand']),
            link: `${API}/filings/${String(p['filing_id'])}`,
          })),
          top_contributors: contributors.map((c) => ({ name: c['name'], total: round2(Number(c['total'])), count: c['count'], search: `${API}/contributions?recipient=${id}&contributor=${encodeURIComponent(String(c['name']))}` })),
          top_payees: payees.map((c) => ({ name: c['name'], total: round2(Number(c['total'])), count: c['count'], search: `${API}/expenditures?spender=${id}&payee=${encodeURIComponent(String(c['name']))}` })),
        },
        links: { filings: `${API}/filings?filer=${id}`, contributions_received: `${API}/contributions?recipient=${id}`, expenditures: `${API}/expenditures?spender=${id}` },
      };
    });
  }
}

/** Forms with a summary page (SMRY_CD): elsewhere its absence is no gap in the export. */
const FORMS_WITH_SUMMARY = new Set(['F401', 'F450', 'F460', 'F461', 'F465', 'F625', 'F635', 'F645']);

/** What the export lacks of a filing's version, in words, by part (absent keys: on file). */
function missingParts(p: { cover: boolean; summary: boolean; rows: boolean; filerId: string | null; form: string | null }): Record<string, string> {
  const out: Record<string, string> = {};
  if (!p.cover) out['cover'] = 'No cover page of this version is in this export: the period, the dates and the treasurer are not known.';
  if (!p.filerId) out['filer'] = 'No cover page and no list of filings in this export names the filer.';
  if (!p.summary) {
    const form = p.form?.toUpperCase() ?? null;
    out['summary'] =
      form !== null && !FORMS_WITH_SUMMARY.has(form)
        ? `${form.replace(/^F/, 'Form ')} has no summary page.`
        : 'No summary page of this version is in this export: the totals the report states are not known; the itemized sums of its schedules are.';
  }
  if (!p.rows) out['schedules'] = 'No itemized rows of this version are in this export.';
  return out;
}

/** The itemized sums of a version by direction (money in, money out), memo entries left out;
 *  null for a direction with no rows (nothing itemized is not $0). */
function itemizedTotals(schedules: ScheduleView[]): { received: { total: number; rows: number } | null; paid: { total: number; rows: number } | null; rows: number } {
  const side = (table: string): { total: number; rows: number } | null => {
    const s = schedules.filter((x) => x.table === table);
    if (s.length === 0) return null;
    return { total: round2(s.reduce((n, x) => n + (x.total ?? 0), 0)), rows: s.reduce((n, x) => n + x.row_count, 0) };
  };
  return { received: side('contributions'), paid: side('expenditures'), rows: schedules.reduce((n, x) => n + x.row_count, 0) };
}

/** A filing id: a whole number in PostgreSQL's integer range (FILING_ID's type). */
function parseId(text: string): number {
  checkText('id', text);
  const range = `from 0 to ${MAX_FILING_ID}`;
  if (!/^\d+$/.test(text)) throw new InvalidParameterError('id', `a filing id is a whole number ${range} (got ${JSON.stringify(text.slice(0, 40))})`);
  const n = Number(text);
  if (n > MAX_FILING_ID) throw new InvalidParameterError('id', `filing id ${text.length > 40 ? `${text.slice(0, 40)}...` : text} is out of range: a filing id is ${range}`);
  return n;
}

function parseAmendment(v: unknown, name = 'amendment'): number {
  if (typeof v !== 'string' || !/^\d{1,3}$/.test(v)) throw new InvalidParameterError(name, `${name} must be an amendment number from 0 to ${MAX_AMENDMENT}`);
  return Number(v);
}

/** A schedule row as a reader sees it: name, amount, date first, then every field filed. */
function scheduleRow(r: Row): Row {
  const { display_name, display_amount, display_date, memo_text, filing_id: _f, amend_id, line_item, tran_id, rec_type: _r, form_type, source_line: _s, entity_cd, ...rest } = r;
  void _f;
  void _r;
  void _s;
  return {
    line_item,
    transaction_id: tran_id ?? null,
    name: display_name ?? null,
    amount: num(display_amount),
    date: display_date ?? null,
    entity: entity_cd ? { code: entity_cd, label: labelFor('entity_cd', entity_cd as string) } : null,
    memo: isMemo(r),
    ...(memo_text ? { memo_text } : {}),
    schedule: form_type,
    amendment: amend_id,
    fields: rest,
  };
}

function coverView(table: string, c: Row): Row {
  const name = (p: string): string | null => [c[`${p}_namt`], c[`${p}_namf`], c[`${p}_naml`], c[`${p}_nams`]].filter((x) => typeof x === 'string' && x).join(' ') || null;
  return {
    source: table,
    form: c['form_type'] ? { code: c['form_type'], label: labelFor('form_type', c['form_type'] as string) } : null,
    filer_name: name('filer'),
    period_start: c['from_date'] ?? null,
    period_end: c['thru_date'] ?? null,
    date_filed: typeof c['rpt_date'] === 'string' ? c['rpt_date'].slice(0, 10) : null,
    election_date: c['elect_date'] ?? null,
    statement_type: c['stmt_type'] ? { code: c['stmt_type'], label: labelFor('stmt_type', c['stmt_type'] as string) } : null,
    committee_type: c['cmtte_type'] ? { code: c['cmtte_type'], label: labelFor('cmtte_type', c['cmtte_type'] as string) } : null,
    treasurer: name('tres'),
    report_number: c['report_num'] ?? null,
    amendment_explanation: [c['amendexp_1'], c['amendexp_2'], c['amendexp_3']].filter(Boolean).join(' ') || null,
    fields: c,
  };
}
