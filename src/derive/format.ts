/**
 * The formatters every customer-facing figure goes through: numbers, prices, ranges,
 * durations, dates and lists, in the shop's locale and currency. Built once per shop
 * and language; nothing else in upfront formats a number for a customer.
 */

import type { Phrases } from '../load/phrases.js';

export type { Phrases } from '../load/phrases.js';

export type Unit = keyof Phrases['units'];

export interface Formatter {
  locale: string;
  /** A price: `$5.95`, `$50` (whole amounts lose their cents). */
  money(amount: number): string;
  /** A percentage of a price: `10%`. */
  percent(value: number): string;
  /** A count with its unit word: `30 days`, `1 business day`. */
  duration(count: number, unit: Unit): string;
  /** A range with its unit word: `1–3 business days`; a single count when min = max. */
  durationRange(min: number, max: number, unit: Unit): string;
  /** A calendar date written out: `November 1, 2026`. */
  date(isoDate: string): string;
  /** A wall-clock time with its zone: `2:00 PM Pacific Time`. */
  timeOfDay(hhmm: string, timeZone: string, onDate: string): string;
  /** `a, b and c`. */
  and(items: readonly string[]): string;
  /** `a, b or c`. */
  or(items: readonly string[]): string;
  /** A country or region name: `Canada`, `Hawaii`. */
  place(code: string): string;
}

/**
 * @param locale BCP 47 locale, like en-US
 * @param currency ISO 4217 code of the shop's prices
 * @param phrases the language's unit words and names
 */
export function createFormatter(locale: string, currency: string, phrases: Phrases): Formatter {
  const numbers = new Intl.NumberFormat(locale);
  const prices = new Intl.NumberFormat(locale, { style: 'currency', currency, trailingZeroDisplay: 'stripIfInteger' });
  const percents = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 });
  // selectRange is in Node 20's ICU but not yet in TypeScript's lib.
  const plurals = new Intl.PluralRules(locale) as Intl.PluralRules & { selectRange(start: number, end: number): Intl.LDMLPluralRule };
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
  const times = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' });
  const conjunction = new Intl.ListFormat(locale, { type: 'conjunction' });
  const disjunction = new Intl.ListFormat(locale, { type: 'disjunction' });
  const regionNames = new Intl.DisplayNames(locale, { type: 'region' });

  const withUnit = (shown: string, category: Intl.LDMLPluralRule, unit: Unit) => {
    const words = phrases.units[unit];
    return (words[category] ?? words.other).replace('{n}', shown);
  };

  return {
    locale,
    money: (amount) => prices.format(amount),
    percent: (value) => percents.format(value / 100),
    duration: (count, unit) => withUnit(numbers.format(count), plurals.select(count), unit),
    durationRange: (min, max, unit) =>
      min === max ? withUnit(numbers.format(min), plurals.select(min), unit) : withUnit(numbers.formatRange(min, max), plurals.selectRange(min, max), unit),
    date: (isoDate) => dates.format(new Date(`${isoDate}T00:00:00Z`)),
    timeOfDay: (hhmm, timeZone, onDate) => {
      const [hours, minutes] = hhmm.split(':').map(Number) as [number, number];
      const clock = times.format(Date.UTC(2000, 0, 1, hours, minutes));
      // The generic zone name ("Pacific Time") reads right all year, unlike PST/PDT.
      const zone = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'longGeneric' })
        .formatToParts(new Date(`${onDate}T12:00:00Z`))
        .find((part) => part.type === 'timeZoneName')?.value;
      return zone ? `${clock} ${zone}` : clock;
    },
    and: (items) => conjunction.format(items),
    or: (items) => disjunction.format(items),
    place: (code) => phrases.regions[code] ?? regionNames.of(code) ?? code,
  };
}

/** The locale for a shop's language: the language with the shop's country, like en-US. */
export function localeFor(language: string, country: string): string {
  try {
    return new Intl.Locale(language, { region: country }).toString();
  } catch {
    return language;
  }
}
