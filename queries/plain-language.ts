// Reads filters out of what a person types, the way they would say it:
//   "contributions from teachers in Fresno to Newsom over $500 in 2018"
//   -> occupation teacher, city Fresno, recipient Newsom, min_amount 500, year 2018.
// Pure, total: every input gives a result, never an error. Whatever is not understood
// stays in `text` and is searched as text.

export interface Understood {
  contributor?: string;
  recipient?: string;
  employer?: string;
  occupation?: string;
  city?: string;
  state?: string;
  zip?: string;
  min_amount?: number;
  max_amount?: number;
  year?: number;
  election_year?: number;
  date_from?: string;
  date_to?: string;
  /** The kind the text names ("contributions", "expenditures", ...), if any. */
  kind?: 'contributions' | 'expenditures' | 'filers' | 'filings' | 'lobbying';
}

export interface ParsedText {
  understood: Understood;
  /** What is left to search as text. */
  text: string;
  /** The input without the words that named the kind (the input when none did). */
  rest: string;
}

export interface ParseOptions {
  /**
   * Whether a leading word that names a kind ("committees in Fresno") is read as the kind
   * of record (true: the default), or stays words like any other, to search as text where
   * the request already has a kind (/api/v1/filers?q=committee: filers named "committee").
   */
  readKind?: boolean;
}

const STATES: Record<string, string> = {
  alabama: 'AL', alaska: 'AK', arizona: 'AZ', arkansas: 'AR', california: 'CA', colorado: 'CO', connecticut: 'CT',
  delaware: 'DE', florida: 'FL', georgia: 'GA', hawaii: 'HI', idaho: 'ID', illinois: 'IL', indiana: 'IN', iowa: 'IA',
  kansas: 'KS', kentucky: 'KY', louisiana: 'LA', maine: 'ME', maryland: 'MD', massachusetts: 'MA', michigan: 'MI',
  minnesota: 'MN', mississippi: 'MS', missouri: 'MO', montana: 'MT', nebraska: 'NE', nevada: 'NV', 'new hampshire': 'NH',
  'new jersey': 'NJ', 'new mexico': 'NM', 'new york': 'NY', 'north carolina': 'NC', 'north dakota': 'ND', ohio: 'OH',
  oklahoma: 'OK', oregon: 'OR', pennsylvania: 'PA', 'rhode island': 'RI', 'south carolina': 'SC', 'south dakota': 'SD',
  tennessee: 'TN', texas: 'TX', utah: 'UT', vermont: 'VT', virginia: 'VA', washington: 'WA', 'west virginia': 'WV',
  wisconsin: 'WI', wyoming: 'WY', 'district of columbia': 'DC', 'washington dc': 'DC', 'washington d.c.': 'DC',
};
const STATE_CODES = new Set(Object.values(STATES));

// Occupations people name in the plural ("teachers"): read as an occupation, not a name.
const OCCUPATIONS = new Set([
  'teacher', 'attorney', 'lawyer', 'physician', 'doctor', 'nurse', 'engineer', 'retiree', 'farmer', 'firefighter',
  'police officer', 'officer', 'homemaker', 'executive', 'consultant', 'realtor', 'developer', 'lobbyist', 'accountant',
  'architect', 'dentist', 'pharmacist', 'professor', 'student', 'banker', 'investor', 'contractor', 'rancher', 'writer',
  'actor', 'producer', 'programmer', 'software engineer', 'manager', 'owner', 'business owner', 'ceo', 'president',
  'surgeon', 'psychologist', 'therapist', 'veterinarian', 'electrician', 'plumber', 'carpenter', 'educator', 'principal',
  'real estate agent', 'broker', 'analyst', 'scientist', 'chef', 'pilot', 'union member', 'retired',
]);

const KIND_WORDS: [RegExp, NonNullable<Understood['kind']>][] = [
  [/\b(contributions?|donations?|donors?|gifts? to|money (?:given|raised))\b/i, 'contributions'],
  [/\b(expenditures?|spending|payments? (?:made|by)|spent)\b/i, 'expenditures'],
  [/\b(lobbying|lobbyists?)\b/i, 'lobbying'],
  [/\b(filings?|reports?|statements?)\b/i, 'filings'],
  [/\b(committees?|candidates?|filers?)\b/i, 'filers'],
];

const NUM = String.raw`\$?\s?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?\s?(k|thousand|m|million)?`;

function amount(whole: string, cents: string | undefined, scale: string | undefined): number {
  let n = Number(whole.replace(/,/g, '')) + (cents ? Number(`0.${cents}`) : 0);
  const s = scale?.toLowerCase();
  if (s === 'k' || s === 'thousand') n *= 1_000;
  if (s === 'm' || s === 'million') n *= 1_000_000;
  return n;
}

function singular(word: string): string {
  const w = word.toLowerCase().trim();
  if (w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (w.endsWith('s') && !w.endsWith('ss')) return w.slice(0, -1);
  return w;
}

// Words that end a name or place: the next clause starts.
const BOUNDARY = String.raw`(?=\s+(?:from|to|in|over|under|above|below|more|less|at|between|since|before|after|during|for|who|employed|employees|working|by)\b|\s*$|\s*[,;.])`;
const PHRASE = String.raw`([A-Za-z0-9][\w.'&-]*(?:\s+[\w.'&-]+){0,5}?)`;

/** Removes the matched span from the working text and returns its groups. */
function take(state: { text: string }, re: RegExp): RegExpExecArray | null {
  const m = re.exec(state.text);
  if (!m) return null;
  state.text = `${state.text.slice(0, m.index)} ${state.text.slice(m.index + m[0].length)}`;
  return m;
}

export function parsePlainLanguage(input: string, opts: ParseOptions = {}): ParsedText {
  const u: Understood = {};
  const st = { text: ` ${input.replace(/\s+/g, ' ').trim()} ` };
  if (st.text.trim().length === 0) return { understood: u, text: '', rest: '' };

  if (opts.readKind !== false) {
    for (const [re, kind] of KIND_WORDS) {
      if (take(st, new RegExp(String.raw`^\s*(?:all\s+|the\s+)?${re.source}`, 'i'))) {
        u.kind = kind;
        break;
      }
    }
  }
  const rest = st.text.replace(/\s+/g, ' ').trim();

  // Amounts.
  let m = take(st, new RegExp(String.raw`\bbetween\s+${NUM}\s+and\s+${NUM}`, 'i'));
  if (m) {
    u.min_amount = amount(m[1]!, m[2], m[3]);
    u.max_amount = amount(m[4]!, m[5], m[6]);
  }
  m = take(st, new RegExp(String.raw`\b(?:over|above|more than|greater than|at least|exceeding|>=?)\s*${NUM}`, 'i'));
  if (m) u.min_amount = amount(m[1]!, m[2], m[3]);
  m = take(st, new RegExp(String.raw`\b(?:under|below|less than|at most|up to|<=?)\s*${NUM}`, 'i'));
  if (m) u.max_amount = amount(m[1]!, m[2], m[3]);

  // Years and dates.
  m = take(st, /\b(?:from|between)\s+((?:19|20)\d\d)\s+(?:to|and|through|-)\s+((?:19|20)\d\d)\b/i);
  if (m) {
    u.date_from = `${m[1]}-01-01`;
    u.date_to = `${m[2]}-12-31`;
  }
  m = take(st, /\b(?:(?:for|in)\s+the\s+)?((?:19|20)\d\d)\s+(?:election|elections|race|primary|general)\b|\belection(?:\s+year)?\s+(?:of\s+)?((?:19|20)\d\d)\b/i);
  if (m) u.election_year = Number(m[1] ?? m[2]);
  m = take(st, /\bsince\s+((?:19|20)\d\d)\b/i);
  if (m) u.date_from = `${m[1]}-01-01`;
  m = take(st, /\bbefore\s+((?:19|20)\d\d)\b/i);
  if (m) u.date_to = `${Number(m[1]) - 1}-12-31`;
  m = take(st, /\b(?:in|during|for|of)\s+((?:19|20)\d\d)\b/i) ?? take(st, /(?:^|\s)((?:19|20)\d\d)(?=\s|$)/);
  if (m) u.year = Number(m[1]);

  // ZIP codes.
  m = take(st, /\b(?:in\s+)?(?:zip(?:\s*code)?\s+)?(\d{5})(?:-\d{4})?\b/i);
  if (m) u.zip = m[1]!;

  // Employer: "employees of X", "employed by X", "who work(s) at/for X", "staff of X".
  m = take(st, new RegExp(String.raw`\b(?:(?:from\s+)?employees\s+of|employed\s+by|who\s+works?\s+(?:at|for)|working\s+(?:at|for)|staff\s+(?:of|at))\s+${PHRASE}${BOUNDARY}`, 'i'));
  if (m) u.employer = m[1]!.trim();

  // Recipient: "to X".
  m = take(st, new RegExp(String.raw`\bto\s+${PHRASE}${BOUNDARY}`, 'i'));
  if (m) u.recipient = m[1]!.trim();

  // Place: "in X" is a state when X names one, else a city.
  m = take(st, new RegExp(String.raw`\bin\s+${PHRASE}${BOUNDARY}`, 'i'));
  if (m) {
    const place = m[1]!.trim();
    const code = STATES[place.toLowerCase()] ?? (STATE_CODES.has(place.toUpperCase()) && place.length === 2 ? place.toUpperCase() : undefined);
    if (code) u.state = code;
    else u.city = place;
  }

  // Giver: "from X" (or "by X") is an occupation when X names one ("from teachers").
  m = take(st, new RegExp(String.raw`\b(?:from|by)\s+${PHRASE}${BOUNDARY}`, 'i'));
  if (m) {
    const who = m[1]!.trim();
    const occ = singular(who);
    if (OCCUPATIONS.has(occ) || OCCUPATIONS.has(who.toLowerCase())) u.occupation = OCCUPATIONS.has(occ) ? occ : who.toLowerCase();
    else {
      const code = STATES[who.toLowerCase()];
      if (code) u.state = code;
      else u.contributor = who;
    }
  }

  const text = st.text
    // Filler that names no one: left in, it would make the text search require it.
    .replace(/\b(?:all|the|of|any|made|given|received|money|for|in|named|called|payments?|contributions?|donations?|expenditures?|filings?|reports?|with|and|a|an)\b/gi, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s,;.]+|[\s,;.]+$/g, '')
    .trim();
  return { understood: u, text, rest };
}
