/**
 * The habits an owner brings from spreadsheets, forms and older YAML, each turned into
 * the exact line to write instead: yes/no for booleans, numbers with units or currency
 * signs, dates in other formats, a comma-separated string for a list, codes written as
 * names, times with am/pm, addresses without https://.
 */
import { isCountryCode, isRegionCode } from './regions.js';

export interface Received {
  /** The answer's own key, as in `window_days`; undefined for an entry of a list. */
  key: string | undefined;
  /** The value as built from YAML. */
  value: unknown;
  /** The value exactly as written in the file, quotes included. */
  source: string;
  /** The shop's currency, when it is known. */
  currency: string | undefined;
  /** The nearest key on the answer's path that names a unit, like `transit_days` for its `min`. */
  unitKey?: string | undefined;
}

/** The line to write, in backticks: `` `accepted: true` ``, or just the value for a list entry. */
const line = (key: string | undefined, value: string) => `\`${key === undefined ? value : `${key}: ${value}`}\``;

/**
 * A hint for a value that should be true or false.
 * @param received the value and its source
 */
export function booleanHint({ key, value, source }: Received): string | undefined {
  if (typeof value === 'string') {
    const word = value.trim().toLowerCase();
    const meant = /^(yes|y|on|true)$/.test(word) ? 'true' : /^(no|n|off|false)$/.test(word) ? 'false' : undefined;
    if (meant && /^["']/.test(source)) return `Remove the quotes: ${line(key, meant)}.`;
    if (meant) return `Write ${line(key, meant)}. YAML reads ${value} as text, not as ${meant}.`;
  }
  if (value === 1 || value === 0) return `Write ${line(key, value === 1 ? 'true' : 'false')}.`;
  return `Write ${line(key, 'true')} or ${line(key, 'false')}.`;
}

const numberWords: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, fourteen: 14, fifteen: 15, twenty: 20, thirty: 30, forty: 40, 'forty-five': 45,
  sixty: 60, ninety: 90, hundred: 100,
};

/**
 * A hint for a number written with a unit, a currency sign, a thousands separator or in words.
 * @param received the value and its source
 * @param isMoney whether the number is an amount in the shop's currency
 */
export function numberHint({ key, value, currency, unitKey }: Received, isMoney: boolean): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  const word = numberWords[text.toLowerCase().replace(/\s+days?$/, '')];
  if (word !== undefined) return `Write the number in digits: ${line(key, String(word))}.`;
  const match = text.match(/^([^\d-]*?)\s*(-?\d[\d,. ]*)\s*(.*)$/);
  if (!match) return undefined;
  const [, before = '', digits = '', after = ''] = match;
  const number = plainNumber(digits.trim());
  // A range such as 14-30 is not a number with a unit; the generic hint says what to write.
  if (number === undefined || /^[-–]\s*\d/.test(after)) return undefined;
  const unit = `${before} ${after}`.trim();
  const write = `Write only the number: ${line(key, number)}.`;
  if (isMoney || /^[$€£¥]|^(usd|eur|gbp|cad|aud)$/i.test(unit)) {
    return `${write} The currency${currency ? `, ${currency},` : ''} comes from \`shop.currency\`.`;
  }
  if (unit === '%' || /^percent$/i.test(unit)) return `${write} The answer is already a percentage.`;
  const named = unitKey?.match(/_(days|hours)$/)?.[1];
  const inName = unitKey === key ? "the answer's name" : `the name \`${unitKey}\``;
  if (unit && named && named === 'days' && /business/i.test(unit)) return `${write} The unit, days, is in ${inName}; \`business_days: true\` makes them business days.`;
  if (unit && named) return `${write} The unit, ${named}, is in ${inName}.`;
  if (unit) return `${write} The unit is given by the answer's name, not written after the number.`;
  return write;
}

/** `1,000` → `1000`, `4,95` → `4.95`, `12.50` stays; undefined when it is not one number. */
function plainNumber(digits: string): string | undefined {
  let cleaned = digits.replace(/ /g, '');
  if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(cleaned)) cleaned = cleaned.replace(/,/g, '');
  else if (/^-?\d+,\d{1,2}$/.test(cleaned)) cleaned = cleaned.replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(cleaned) ? String(Number(cleaned)) : undefined;
}

const months = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * A hint for a date written in another format: the ISO date it most likely is, or both
 * readings when day and month could be swapped.
 * @param received the value and its source
 */
export function dateHint({ key, value }: Received): string | undefined {
  const text = String(value).trim();
  const iso = (y: number, m: number, d: number) => {
    const date = new Date(Date.UTC(y, m - 1, d));
    return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
      ? `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
      : undefined;
  };
  const write = (date: string | undefined) => (date ? `Write ${line(key, date)}.` : undefined);
  let m = text.match(/^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ].*)?$/);
  if (m) {
    const date = iso(+m[1]!, +m[2]!, +m[3]!);
    return date ? write(date) : 'This day does not exist in that month; check the date.';
  }
  m = text.match(/^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$/);
  if (m) {
    const [a, sep, b, y] = [+m[1]!, m[2]!, +m[3]!, +m[4]!];
    const monthFirst = iso(y, a, b);
    const dayFirst = iso(y, b, a);
    // Dots are the day-first habit (01.11.2026); slashes are read either way.
    if (sep === '.' && dayFirst) return write(dayFirst);
    if (monthFirst && dayFirst && monthFirst !== dayFirst) {
      return `Write the date as YYYY-MM-DD: ${line(key, monthFirst)} if you mean ${monthName(a)} ${b}, or ${line(key, dayFirst)} if you mean ${a} ${monthName(b)}.`;
    }
    return write(monthFirst ?? dayFirst);
  }
  m = text.match(/^(\d{4})(\d{2})(\d{2})$/);
  if (m) return write(iso(+m[1]!, +m[2]!, +m[3]!));
  // Month names: "Nov 1 2026", "1 November 2026", "November 1st, 2026".
  const words = text.toLowerCase().replace(/(\d)(st|nd|rd|th)\b/g, '$1').replace(/[,.]/g, ' ').split(/\s+/).filter(Boolean);
  const monthIndex = words.findIndex((w) => months.includes(w.slice(0, 3)) && /^[a-z]+$/.test(w));
  const numbers = words.filter((w) => /^\d+$/.test(w)).map(Number);
  if (monthIndex >= 0 && numbers.length === 2) {
    const year = numbers.find((n) => n > 31);
    const day = numbers.find((n) => n <= 31);
    if (year !== undefined && day !== undefined) return write(iso(year, months.indexOf(words[monthIndex]!.slice(0, 3)) + 1, day));
  }
  return undefined;
}

function monthName(month: number): string {
  return ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'][month - 1] ?? '';
}

/**
 * A hint for one value, or a comma-separated string, where a list is expected.
 * @param received the value and its source
 */
export function listHint({ key, value }: Received): string | undefined {
  if (typeof value === 'string' || typeof value === 'number') {
    const items = String(value)
      .split(/\s*(?:,|;|\band\b|&)\s*|\s+/)
      .map((s) => s.trim())
      .filter(Boolean);
    if (items.length > 0 && items.length <= 12 && items.every((s) => /^[\w-]+$/.test(s))) return `Write a list: ${line(key, `[${items.join(', ')}]`)}.`;
  }
  return 'Write each entry on its own line starting with "- ", or all of them in square brackets, like [a, b].';
}

/**
 * A hint for a number where text is expected (a postal code that lost its leading zero).
 * @param received the value and its source
 */
export function textHint({ key, value, source }: Received): string | undefined {
  if (typeof value === 'number' || typeof value === 'boolean') {
    return `Put the value in quotes so it stays exactly as written: ${line(key, `"${source.trim()}"`)}.`;
  }
  return undefined;
}

const countryNames = new Map<string, string>([
  ['uk', 'GB'],
  ['england', 'GB'],
  ['great britain', 'GB'],
  ['usa', 'US'],
  ['america', 'US'],
]);

/**
 * A hint for a country, place or currency code written in lowercase or as a name.
 * @param received the value and its source
 * @param kind which list of codes the value should come from
 */
export function codeHint({ key, value }: Received, kind: string): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  const upper = text.toUpperCase();
  if (kind === 'currency') {
    const bySign: Record<string, string> = { $: 'USD', '€': 'EUR', '£': 'GBP', '¥': 'JPY' };
    const code = bySign[text] ?? (text !== upper && /^[a-z]{3}$/i.test(text) ? upper : undefined);
    return code ? `Write ${line(key, code)}.` : undefined;
  }
  if (kind === 'country' || kind === 'place') {
    if (upper === 'UK') return `Write ${line(key, 'GB')}: the ISO code of the United Kingdom is GB.`;
    if (text !== upper && (isCountryCode(upper) || (kind === 'place' && isRegionCode(upper)))) return `Write it in capitals: ${line(key, upper)}.`;
    const named = countryNames.get(text.toLowerCase()) ?? countryCodeForName(text);
    if (named) return `Write the two-letter code: ${line(key, named)}.`;
    return undefined;
  }
  if (kind === 'time-zone') {
    const zones: Record<string, string> = {
      PST: 'America/Los_Angeles', PDT: 'America/Los_Angeles', PT: 'America/Los_Angeles',
      MST: 'America/Denver', MDT: 'America/Denver', CST: 'America/Chicago', CDT: 'America/Chicago',
      EST: 'America/New_York', EDT: 'America/New_York', ET: 'America/New_York',
      GMT: 'Europe/London', BST: 'Europe/London', CET: 'Europe/Berlin', CEST: 'Europe/Berlin',
      AEST: 'Australia/Sydney', AEDT: 'Australia/Sydney',
    };
    const zone = zones[upper];
    return zone ? `Write the zone's name, which also knows about daylight saving time: ${line(key, zone)} (or the zone of your city).` : undefined;
  }
  return undefined;
}

let countriesByName: Map<string, string> | undefined;

/** The ISO code whose English name is `name`, from the ICU data Node ships. */
function countryCodeForName(name: string): string | undefined {
  if (!countriesByName) {
    countriesByName = new Map();
    const names = new Intl.DisplayNames('en', { type: 'region', fallback: 'none' });
    for (let a = 65; a <= 90; a++) {
      for (let b = 65; b <= 90; b++) {
        const code = String.fromCharCode(a, b);
        const shown = isCountryCode(code) ? names.of(code) : undefined;
        if (shown) countriesByName.set(shown.toLowerCase(), code);
      }
    }
  }
  return countriesByName.get(name.toLowerCase());
}

/**
 * A hint for a value that should match a pattern: times, colours, web addresses, dates.
 * @param received the value and its source
 * @param expected what the schema said it expects
 */
export function formatHint(received: Received, expected: string): string | undefined {
  const { key, value } = received;
  const text = String(value).trim();
  if (/date/.test(expected)) return dateHint(received);
  if (/time written HH:MM/.test(expected)) {
    const m = text.toLowerCase().replace(/\./g, '').match(/^(\d{1,2})(?::(\d{2}))?\s*(am|pm|a|p)?$/);
    if (m) {
      let hours = Number(m[1]);
      const minutes = m[2] ?? '00';
      if (m[3]?.startsWith('p') && hours < 12) hours += 12;
      if (m[3]?.startsWith('a') && hours === 12) hours = 0;
      if (hours < 24 && Number(minutes) < 60) return `Write ${line(key, `"${String(hours).padStart(2, '0')}:${minutes}"`)} (in quotes, on a 24-hour clock).`;
    }
    return undefined;
  }
  if (/colour/.test(expected)) {
    const short = text.match(/^#?([0-9a-f])([0-9a-f])([0-9a-f])$/i);
    if (short) return `Write all six digits: ${line(key, `"#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}"`)}.`;
    if (/^[0-9a-f]{6}$/i.test(text)) return `Start it with #, in quotes: ${line(key, `"#${text}"`)}.`;
    return undefined;
  }
  if (/web address|https:\/\//.test(expected) && /^(www\.)?[a-z0-9-]+(\.[a-z0-9-]+)+(\/\S*)?$/i.test(text)) {
    return `Start it with https://: ${line(key, `https://${text}`)}.`;
  }
  if (/language code/.test(expected) && /^[a-z]{2}[-_][a-z]{2}$/i.test(text)) return `Write only the language: ${line(key, text.slice(0, 2).toLowerCase())}.`;
  return undefined;
}
