/**
 * fast-check arbitraries for policy files: valid policies written as YAML in different
 * styles, and the mutations owners (and attackers) make to them.
 */
import fc from 'fast-check';
import { stringify } from 'yaml';

const money = fc.integer({ min: 0, max: 50_000 }).map((cents) => cents / 100);
const date = fc.record({ y: fc.integer({ min: 2020, max: 2030 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }) });
const iso = ({ y, m, d }: { y: number; m: number; d: number }) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const orderedDates = fc.tuple(date, date, date).map((ds) => ds.map(iso).sort() as [string, string, string]);
const range = (max: number) => fc.tuple(fc.integer({ min: 0, max }), fc.integer({ min: 0, max })).map(([a, b]) => ({ min: Math.min(a, b), max: Math.max(a, b) }));
/** Owner text: plain words, and the characters YAML cares about. */
const ownerText = fc.oneof(
  fc.constantFrom('Fern & Flint', 'Soap: the good kind', '#1 candles', '"Quoted" goods', "O'Brien's", 'Ünïcødé 😀', '- dash first', '* star', '@handle', 'yes', 'null', '12:30', '{braces}', '[brackets]'),
  fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim().length > 0),
);
const places = ['US', 'CA', 'GB', 'DE', 'FR', 'AU', 'JP', 'US-HI', 'US-AK', 'CA-QC'];

/** A policy that passes the schema and every error rule (warnings may remain). */
export const validPolicy = fc
  .record({
    names: fc.tuple(ownerText, ownerText),
    country: fc.constantFrom('US', 'CA', 'GB', 'DE'),
    currency: fc.constantFrom('USD', 'CAD', 'EUR', 'GBP', 'JPY'),
    shuffled: fc.shuffledSubarray(places, { minLength: 2 }),
    zoneCount: fc.integer({ min: 1, max: 3 }),
    effective: date.map(iso),
    reply: fc.integer({ min: 1, max: 336 }),
    accepted: fc.boolean(),
    window: fc.oneof(fc.integer({ min: 0, max: 3650 }), fc.constant('unlimited' as const)),
    windowStarts: fc.constantFrom('delivery', 'purchase', 'shipment'),
    methods: fc.subarray(['by_mail', 'in_store', 'at_kiosk'], { minLength: 1 }),
    returnShipping: fc.constantFrom('free', 'customer_pays', 'flat_fee'),
    fee: money,
    restocking: fc.option(fc.oneof(fc.record({ percent: fc.integer({ min: 0, max: 100 }) }), fc.record({ amount: money })), { nil: undefined }),
    onlineForm: fc.boolean(),
    finalSale: fc.array(fc.record({ item: ownerText, reason: fc.constantFrom('personalised', 'perishable', 'hygiene_sealed', 'digital', 'clearance', 'other') }), { maxLength: 3 }),
    holiday: fc.option(orderedDates, { nil: undefined }),
    refundMethod: fc.constantFrom('original_payment', 'store_credit', 'customer_choice'),
    refundDays: fc.integer({ min: 0, max: 90 }),
    cancel: fc.constantFrom('until_shipped', 'within_hours', 'never'),
    hours: fc.integer({ min: 1, max: 720 }),
    processing: range(30),
    services: fc.array(fc.record({ name: ownerText, price: money, freeOver: fc.option(money, { nil: undefined }), transit: range(60) }), { minLength: 1, maxLength: 3 }),
    note: fc.option(ownerText, { nil: undefined }),
  })
  .map((a) => {
    const zonePlaces = a.shuffled.slice(0, Math.max(1, a.shuffled.length - 1));
    const excluded = a.shuffled.slice(zonePlaces.length);
    const zones = Array.from({ length: Math.min(a.zoneCount, zonePlaces.length) }, (_, z, all = Math.min(a.zoneCount, zonePlaces.length)) => ({
      name: `Zone ${z + 1}`,
      countries: zonePlaces.filter((_, i) => i % all === z),
      services: a.services.map((s) => ({ name: s.name, price: s.price, ...(s.freeOver !== undefined ? { free_over: s.freeOver } : {}), transit_days: s.transit })),
    }));
    return {
      shop: {
        name: a.names[0],
        legal_name: a.names[1],
        support_email: 'hello@example.com',
        country: a.country,
        currency: a.currency,
        sells_to: zonePlaces,
        reply_within_hours: a.reply,
        effective_date: a.effective,
      },
      returns: {
        accepted: a.accepted,
        window_days: a.window,
        window_starts: a.windowStarts,
        methods: a.methods,
        return_shipping: a.returnShipping,
        ...(a.returnShipping === 'flat_fee' ? { return_shipping_fee: a.fee } : {}),
        ...(a.restocking ? { restocking_fee: a.restocking } : {}),
        how_to_start: a.onlineForm ? 'online_form' : 'email',
        ...(a.onlineForm ? { return_form_url: 'https://example.com/returns' } : {}),
        final_sale: a.finalSale,
        ...(a.holiday ? { holiday_extension: { purchased_from: a.holiday[0], purchased_until: a.holiday[1], return_by: a.holiday[2] } } : {}),
      },
      refunds: { method: a.refundMethod, processing_days: a.refundDays },
      cancellations: { allowed: a.cancel, ...(a.cancel === 'within_hours' ? { within_hours: a.hours } : {}) },
      shipping: { processing_days: a.processing, zones, does_not_ship_to: excluded },
      ...(a.note ? { notes: { returns: a.note } } : {}),
    };
  });

/** A valid policy written as YAML, in block or flow style, with 2 or 4 spaces. */
export const validDocument = fc
  .tuple(validPolicy, fc.constantFrom('block', 'flow', 'any'), fc.constantFrom(2, 4), fc.constantFrom('PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE'))
  .map(([policy, collectionStyle, indent, defaultStringType]) =>
    stringify(policy, { collectionStyle: collectionStyle as 'block' | 'flow' | 'any', indent, defaultStringType: defaultStringType as 'PLAIN', lineWidth: 0 }),
  );

/** Values owners and attackers put where an answer goes. */
const hostileValue = fc.oneof(
  fc.constantFrom(
    'yes', 'no', 'on', 'off', '~', '', '""', "''", '[', ']', '{', '}', '&a', '*a', '*b', '!tag x', '!!binary aGk=', '30 days', '$5', '10%', '1,000',
    '11/01/2026', 'Nov 1 2026', '2026-02-30', '.inf', '-.inf', '.nan', '0x1F', '1e400', '-1', '99999999999999999999', '"unterminated', '|', '>',
    '- item', '? key', ': value', '#comment', '@at', '`tick`', '%YAML 1.1', '---', '...', '\t', 'null', 'true', 'false', '[a, b]', '{a: 1}',
    '"\\u0000"', '"\\e[31m"', '__proto__', 'ü', '😀', 'a'.repeat(300), '&x [*x]', '<<: *a', 'unlimted', 'deliverd', 'us', 'usd', '2pm', 'PST',
  ),
  fc.string({ maxLength: 12 }),
  fc.string({ maxLength: 12, unit: 'binary' }),
);
const hostileKey = fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', '<<', 'windw_days', 'shiping', 'price', '? x', '[k]', '"quoted key"', ''), fc.string({ maxLength: 8 }));

type Mutation = (text: string) => string;
const lineOp = (f: (lines: string[], i: number) => void) => (at: number) => (text: string) => {
  const lines = text.split('\n');
  f(lines, at % lines.length);
  return lines.join('\n');
};

/** One edit of a document's text. */
export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.nat().map(lineOp((lines, i) => void lines.splice(i, 1))),
  fc.nat().map(lineOp((lines, i) => void lines.splice(i, 0, lines[i]!))),
  fc.tuple(fc.nat(), fc.nat()).map(([a, b]) => lineOp((lines, i) => { const j = b % lines.length; [lines[i], lines[j]] = [lines[j]!, lines[i]!]; })(a)),
  fc.tuple(fc.nat(), hostileValue).map(([at, value]) => lineOp((lines, i) => { lines[i] = lines[i]!.replace(/:\s.*$/, `: ${value}`); })(at)),
  fc.tuple(fc.nat(), fc.nat(), fc.string({ minLength: 1, maxLength: 1 })).map(([at, offset, ch]) => lineOp((lines, i) => { const line = lines[i]!; const k = line.search(/\S/); const p = k < 0 ? 0 : k + (offset % Math.max(1, line.indexOf(':') - k)); lines[i] = line.slice(0, p) + ch + line.slice(p + 1); })(at)),
  fc.nat().map(lineOp((lines, i) => { lines[i] = lines[i]!.replace(/^( +)/, '\t'); })),
  fc.tuple(fc.nat(), fc.integer({ min: -3, max: 3 })).map(([at, d]) => lineOp((lines, i) => { lines[i] = d > 0 ? ' '.repeat(d) + lines[i] : lines[i]!.slice(Math.min(-d, lines[i]!.search(/\S|$/))); })(at)),
  fc.tuple(fc.nat(), hostileKey, hostileValue).map(([at, key, value]) => lineOp((lines, i) => { const indent = lines[i]!.match(/^ */)![0]; lines.splice(i, 0, `${indent}${key}: ${value}`); })(at)),
  fc.nat().map((at) => (text: string) => text.slice(0, at % (text.length + 1))),
  fc.tuple(fc.nat(), fc.string({ maxLength: 6, unit: 'binary' })).map(([at, s]) => (text: string) => { const p = at % (text.length + 1); return text.slice(0, p) + s + text.slice(p); }),
  fc.constant((text: string) => text.replace(/\n/g, '\r\n')),
  fc.constant((text: string) => `\uFEFF${text}`),
  fc.tuple(fc.nat(), fc.nat()).map(([a, b]) => (text: string) => {
    // Anchor one value and alias it from another place.
    const lines = text.split('\n');
    const i = a % lines.length;
    const j = b % lines.length;
    lines[i] = lines[i]!.replace(/: (.+)$/, ': &x $1');
    lines[j] = lines[j]!.replace(/: (.+)$/, ': *x');
    return lines.join('\n');
  }),
);

/** A valid document with one to four edits. */
export const mutatedDocument = fc.tuple(validDocument, fc.array(mutation, { minLength: 1, maxLength: 4 })).map(([text, edits]) => edits.reduce((t, edit) => edit(t), text));
