// Filers: committees, independent-expenditure committees, lobbying firms and lobbyist
// employers. A filer is drawn from its own PRNG stream (the seed and its index), so a form
// can name any filer again, the same each time, without keeping them all in memory.
import type { GeneratorContext } from './context.js';
import { dayOf, fmtShortDate } from './formats.js';
import type { Place, Pools } from './pools.js';
import { mixSeed, Rand, Weighted } from './random.js';

// Generated ids start above the real ones, so a copied sample table (CVR2_*, SPLT_CD, ...)
// never seems to join a generated filer by accident.
const FIRST_FILER_ID = 2_000_000;

export type FilerKind = 'committee' | 'ie' | 'firm' | 'employer';

export interface Candidate {
  first: string;
  last: string;
  office: readonly [string, string, string];
  dist: string;
}

export interface FilerInfo {
  index: number;
  /** Numeric state id (FILERS_CD, FILERNAME_CD.FILER_ID, FILER_FILINGS_CD). */
  id: string;
  /** FILERNAME_CD.XREF_FILER_ID: the id itself, or a legacy C/E/F id for lobbying filers. */
  xref: string;
  /** The id typed on covers: lobbying filers often use the legacy id (§3 IDs). */
  coverId: string;
  kind: FilerKind;
  name: string;
  entityCd: string;
  cmtteType: string;
  candidate: Candidate | undefined;
  place: Place;
  phone: string;
  tres: readonly [string, string];
  tresPlace: Place;
  startYear: number;
}

// [OFFICE_CD, JURIS_CD, words used in committee names]
export const OFFICES = [
  ['ASM', 'ASM', 'Assembly'],
  ['ASM', 'ASM', 'Assembly'],
  ['ASM', 'ASM', 'Assembly'],
  ['SEN', 'SEN', 'State Senate'],
  ['SEN', 'SEN', 'Senate'],
  ['CCM', 'CIT', 'City Council'],
  ['CCM', 'CIT', 'City Council'],
  ['BSU', 'CTY', 'Supervisor'],
  ['MAY', 'CIT', 'Mayor'],
  ['SCJ', 'CTY', 'Superior Court Judge'],
  ['BED', 'LOC', 'School Board'],
  ['DAT', 'CTY', 'District Attorney'],
  ['ATT', 'STW', 'Attorney General'],
  ['GOV', 'STW', 'Governor'],
  ['CON', 'STW', 'Controller'],
  ['INS', 'STW', 'Insurance Commissioner'],
  ['TRE', 'STW', 'Treasurer'],
  ['BOE', 'BOE', 'Board of Equalization'],
] as const;

const AREA_CODES = ['916', '213', '415', '818', '619', '510', '714', '408', '949', '707', '559', '805', '562', '310', '858', '909', '951', '661', '650', '925'];

function phone(r: Rand): string {
  const a = r.pick(AREA_CODES);
  const x = String(r.between(200, 999));
  const y = String(r.int(10000)).padStart(4, '0');
  switch (r.int(3)) {
    case 0:
      return `(${a}) ${x}-${y}`;
    case 1:
      return `${a}-${x}-${y}`;
    default:
      return `${a}${x}${y}`;
  }
}

function legacyId(prefix: string, index: number): string {
  return prefix + String(index).padStart(5, '0');
}

/** A filer's last FILERNAME_CD status. */
const STATUS = new Weighted<string>([
  ['ACTIVE', 65],
  ['TERMINATED', 30],
  ['INACTIVE', 5],
]);

/** What a filer is drawn from. */
export interface FilerSource {
  readonly seed: number;
  readonly filerCount: number;
  readonly pools: Pools;
}

/** Filers come in blocks of 20: 15 committees, 1 IE committee, 1 firm, 3 employers (pickFiler counts on it). */
function filerKind(i: number): FilerKind {
  const slot = i % 20;
  return slot < 15 ? 'committee' : slot === 15 ? 'ie' : slot === 16 ? 'firm' : 'employer';
}

export function filerInfo(run: FilerSource, i: number): FilerInfo {
  const r = new Rand(mixSeed(run.seed, i + 1));
  const p = run.pools;
  const kind = filerKind(i);
  const id = String(FIRST_FILER_ID + i * 3 + r.int(3));
  const startYear = 2000 + Math.min(16, Math.floor((17 * i) / run.filerCount));
  const place = r.pick(p.places);
  const tres = r.pick(p.treasurers);
  const tresPlace = r.chance(0.6) ? place : r.pick(p.places);
  let name: string;
  let entityCd: string;
  let cmtteType = '';
  let candidate: Candidate | undefined;
  let xref = id;
  let coverId = id;
  switch (kind) {
    case 'committee': {
      const t = r.next();
      if (t < 0.4) {
        const office = r.pick(OFFICES);
        const dist = office[0] === 'ASM' ? r.between(1, 80) : office[0] === 'SEN' ? r.between(1, 40) : office[0] === 'BOE' ? r.between(1, 4) : 0;
        candidate = { first: r.pick(p.firstNames), last: r.pick(p.lastNames), office, dist: dist > 0 ? String(dist) : '' };
        const { first, last } = candidate;
        const year = startYear + (startYear % 2);
        const label = office[2];
        name = [
          `${first} ${last} for ${label} ${year}`,
          `Friends of ${first} ${last}`,
          `Committee to Elect ${first} ${last}`,
          `${last} for ${label}`,
          `Re-Elect ${first} ${last} for ${label} ${year}`,
        ][r.int(5)]!;
        entityCd = r.chance(0.85) ? 'CTL' : 'CAO';
        cmtteType = 'C';
      } else if (t < 0.5) {
        const measure = r.chance(0.5) ? `Measure ${String.fromCharCode(65 + r.int(26))}` : `Prop ${r.between(1, 99)}`;
        name = `${r.chance(0.7) ? 'Yes on' : 'No on'} ${measure} - ${place.city}`;
        entityCd = 'BMC';
        cmtteType = 'B';
      } else {
        name = r.pick(p.committeeNames);
        if (r.chance(0.3) && !/\b(19|20)\d\d$/.test(name)) name = `${name} ${startYear}`;
        entityCd = 'RCP';
        cmtteType = r.chance(0.9) ? 'G' : 'P';
      }
      break;
    }
    case 'ie':
      name = r.chance(0.5) ? r.pick(p.committeeNames) : `${r.pick(p.orgNames)} Independent Expenditure Committee`;
      entityCd = r.chance(0.6) ? 'RCP' : 'MDI';
      cmtteType = 'G';
      break;
    case 'firm':
      name = r.pick(p.lobbyFirms);
      entityCd = 'FRM';
      xref = legacyId('F', i);
      coverId = r.chance(0.5) ? xref : id;
      break;
    default:
      name = r.pick(p.lobbyEmployers);
      entityCd = 'LEM';
      xref = legacyId(r.chance(0.7) ? 'C' : 'E', i);
      coverId = r.chance(0.5) ? xref : id;
  }
  return { index: i, id, xref, coverId, kind, name, entityCd, cmtteType, candidate, place, phone: phone(r), tres, tresPlace, startYear };
}

/** FILERS_CD and FILERNAME_CD: one or two name rows per filer, a few repeated exactly. */
export async function writeFilers(g: GeneratorContext): Promise<void> {
  const { filers: fw, fname: nw } = g.w;
  const fc = g.c.filers;
  const nc = g.c.fname;
  const dupAt = Math.floor(g.filerCount / 2);
  for (let i = 0; i < g.filerCount; i++) {
    const f = filerInfo(g, i);
    const r = new Rand(mixSeed(g.seed ^ 0x0f11e5, i));
    const fv = fw.blank();
    fv[fc.FILER_ID] = f.id;
    fw.writeRow(fv);

    const type =
      f.kind === 'committee'
        ? 'RECIPIENT COMMITTEE'
        : f.kind === 'ie'
          ? 'MAJOR DONOR/INDEPENDENT EXPENDITURE COMMITTEE'
          : f.kind === 'firm'
            ? 'FIRM'
            : r.chance(0.6)
              ? 'CLIENT'
              : 'EMPLOYER';
    const twoRows = r.chance(0.25) && f.startYear < 2016;
    const finalStatus = STATUS.pick(r);
    const v = nw.blank();
    v[nc.XREF_FILER_ID] = f.xref;
    v[nc.FILER_ID] = f.id;
    v[nc.FILER_TYPE] = type;
    v[nc.STATUS] = twoRows ? 'ACTIVE' : finalStatus;
    v[nc.EFFECT_DT] = fmtShortDate(dayOf(f.startYear, 1, 1) + r.int(365));
    // FILERNAME_CD upper-cases names and cities and stores ZIPs as 9 digits (§3).
    v[nc.NAML] = f.name.toUpperCase();
    v[nc.CITY] = f.place.city.toUpperCase();
    v[nc.ST] = f.place.st;
    const digits = f.place.zip.replace(/\D/g, '');
    v[nc.ZIP4] = digits.length === 5 ? digits + '0000' : digits;
    v[nc.PHON] = f.phone.replace(/\D/g, '');
    const first = nw.writeRow(v);
    // A few exact repeats, as in the real FILERNAME_CD (§2 kind 6); the draw happens at
    // any rate so that the rate does not change the clean content.
    const dupDraw = r.next();
    if (g.dirtyRate > 0 && (i === dupAt || dupDraw < g.dirtyRate)) nw.writeDuplicate(first);
    if (twoRows) {
      const later = r.between(f.startYear + 1, 2016);
      v[nc.STATUS] = finalStatus;
      v[nc.EFFECT_DT] = fmtShortDate(dayOf(later, 1, 1) + r.int(365));
      if (r.chance(0.5)) {
        v[nc.NAML] = /\b(19|20)\d\d$/.test(v[nc.NAML]!)
          ? v[nc.NAML]!.replace(/\b(19|20)\d\d$/, String(later + (later % 2)))
          : f.kind === 'firm' || f.kind === 'employer'
            ? `${v[nc.NAML]}, INC.`
            : `${v[nc.NAML]} ${later + (later % 2)}`;
      } else {
        v[nc.PHON] = phone(r).replace(/\D/g, '');
      }
      nw.writeRow(v);
    }
    if (i % 1000 === 999) await Promise.all([fw.drain(), nw.drain()]);
  }
}
