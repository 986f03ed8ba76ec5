/**
 * The questionnaire of `upfront init`: the schema's questions in the order an owner
 * thinks about them, with a suggested answer for each and follow-ups only where they
 * apply (no return questions for a shop that takes no returns, no fee amount unless
 * there is a fee). Every answer is checked as it is given, so the file it makes passes
 * `upfront check`.
 */
import type { JsonSchema } from '../validate/json-schema.js';
import {
  cancellationChoices,
  dutiesChoices,
  finalSaleReasons,
  howToStartChoices,
  itemConditions,
  lostRemedies,
  policySchema,
  problemReturnChoices,
  refundMethods,
  remedies,
  returnMethods,
  returnShippingChoices,
  windowStarts,
  type PolicyInput,
} from '../validate/schema.js';
import { asker, type Asker } from './ask.js';
import type { Prompter } from './prompter.js';
import { countryName, countryOfLocale, currencyOf, nameFromShopId, shopIdFromName } from './suggestions.js';
import { isSafeShopId } from '../load/shop-id.js';
import { fill, type Wording } from './wording.js';

export interface Situation {
  /** The file name given on the command line, if any (already checked to be free). */
  shopId?: string;
  /** Today, as YYYY-MM-DD: the suggested effective date. */
  today: string;
  /** The owner's time zone, suggested for the order cut-off. */
  timeZone: string;
  /** The owner's locale, like en-GB: suggests the country. */
  locale: string;
  /** The language of the questions, written as the shop's language. */
  language: string;
  /** The policy file a shop id would be written to, as the owner reads it. */
  fileFor(shopId: string): string;
  /** Whether a policy file for this shop id exists already. */
  exists(shopId: string): boolean;
}

export interface Answers {
  shopId: string;
  policy: PolicyInput;
}

type Shop = PolicyInput['shop'];
type Returns = PolicyInput['returns'];
type Refunds = NonNullable<PolicyInput['refunds']>;
type Damaged = NonNullable<PolicyInput['damaged']>;
type Cancellations = NonNullable<PolicyInput['cancellations']>;
type Shipping = PolicyInput['shipping'];
type Zone = Shipping['zones'][number];
type Service = Zone['services'][number];

/** Loops end here even if a prompter keeps saying yes. */
const maxRepeats = 20;

/**
 * Asks every question and returns the answers as a policy.
 * @param prompter how questions reach the owner (terminal, `--yes`, or a test's script)
 * @param wording the questions file
 * @param schema the policy's JSON Schema (defaults, examples, ranges)
 * @param situation what is known before asking
 */
export async function askQuestions(prompter: Prompter, wording: Wording, schema: JsonSchema, situation: Situation): Promise<Answers> {
  prompter.intro(wording.intro);
  const ask = asker(prompter, wording, schema);
  const { shopId, name } = await askNameAndFile(ask, wording, situation);
  const shop = await askShop(ask, name, situation);
  const returns = await askReturns(ask);
  const refunds = await askRefunds(ask, returns.accepted);
  const damaged = await askDamaged(ask);
  const cancellations = await askCancellations(ask);
  const shipping = await askShipping(ask, wording, shop, situation);
  return { shopId, policy: { shop, returns, refunds, damaged, cancellations, shipping } };
}

async function askNameAndFile(ask: Asker, wording: Wording, situation: Situation): Promise<{ shopId: string; name: string }> {
  if (situation.shopId) {
    const name = (await ask.text('shop.name', { suggest: nameFromShopId(situation.shopId) }))!;
    return { shopId: situation.shopId, name };
  }
  const name = (await ask.text('shop.name'))!;
  const shopId = (await ask.text('shop_id', {
    suggest: shopIdFromName(name),
    check: (id) => {
      if (!isSafeShopId(id)) return wording.question('shop_id').invalid ?? wording.messages.required;
      return situation.exists(id) ? fill(wording.messages.exists, { file: situation.fileFor(id) }) : undefined;
    },
  }))!;
  return { shopId, name };
}

async function askShop(ask: Asker, name: string, situation: Situation): Promise<Shop> {
  const website = await ask.text('shop.website', { optional: true });
  const host = website ? new URL(website).hostname.replace(/^www\./, '') : undefined;
  const support_email = (await ask.text('shop.support_email', host ? { suggest: `hello@${host}` } : {}))!;
  const country = (await ask.text('shop.country', { suggest: countryOfLocale(situation.locale), capitals: true }))!;
  const currency = (await ask.text('shop.currency', { suggest: currencyOf(country), capitals: true }))!;
  const sells_to = await ask.places('shop.sells_to', [country]);
  const legal_name = await ask.text('shop.legal_name', { optional: true });
  const phone = await ask.text('shop.phone', { optional: true });
  let address: Shop['address'];
  if (await ask.confirm('add_address', false)) {
    const street = (await ask.text('shop.address.street', { suggest: '' }))!;
    const city = (await ask.text('shop.address.city', { suggest: '' }))!;
    const region = await ask.text('shop.address.region', { optional: true });
    const postal_code = await ask.text('shop.address.postal_code', { optional: true });
    const addressCountry = (await ask.text('shop.address.country', { suggest: country, capitals: true }))!;
    address = { street, city, ...(region ? { region } : {}), ...(postal_code ? { postal_code } : {}), country: addressCountry };
  }
  const reply_within_hours = await ask.number('shop.reply_within_hours');
  const effective_date = (await ask.text('shop.effective_date', { suggest: situation.today }))!;
  return {
    name,
    ...(legal_name ? { legal_name } : {}),
    ...(website ? { website } : {}),
    support_email,
    ...(phone ? { phone } : {}),
    ...(address ? { address } : {}),
    country,
    currency,
    languages: [situation.language],
    sells_to,
    ...(reply_within_hours !== undefined ? { reply_within_hours } : {}),
    effective_date,
    accent_color: policySchema.shape.shop.shape.accent_color.parse(undefined),
  };
}

async function askReturns(ask: Asker): Promise<Returns> {
  if (!(await ask.confirm('returns.accepted', true))) return { accepted: false };
  // At least one day: a window of 0 days while accepting returns is a warning in `check`.
  const window_days = await ask.numberOr('returns.window_days', 'unlimited', { check: (days) => (days < 1 ? ask.say('at_least', { min: 1 }) : undefined) });
  const window_starts = await ask.select('returns.window_starts', windowStarts);
  const condition = await ask.select('returns.condition', itemConditions);
  const methods = await ask.multiselect('returns.methods', returnMethods);
  const return_shipping = await ask.select('returns.return_shipping', returnShippingChoices);
  const return_shipping_fee = return_shipping === 'flat_fee' ? await ask.number('returns.return_shipping_fee') : undefined;
  let restocking_fee: Returns['restocking_fee'];
  if (await ask.confirm('add_restocking_fee', false)) {
    const kind = await ask.select('restocking_fee_kind', ['percent', 'amount'] as const);
    const fee = (await ask.number(`returns.restocking_fee.${kind}`))!;
    restocking_fee = kind === 'percent' ? { percent: fee } : { amount: fee };
  }
  const exchanges = await ask.confirm('returns.exchanges');
  const how_to_start = await ask.select('returns.how_to_start', howToStartChoices);
  const return_form_url = how_to_start === 'online_form' ? await ask.text('returns.return_form_url', { suggest: '' }) : undefined;
  const final_sale: NonNullable<Returns['final_sale']> = [];
  if (await ask.confirm('add_final_sale', false)) {
    do {
      const item = (await ask.text('returns.final_sale.item', { suggest: '' }))!;
      const reason = await ask.select('returns.final_sale.reason', finalSaleReasons);
      final_sale.push({ item, reason });
    } while (final_sale.length < maxRepeats && (await ask.confirm('more_final_sale', false)));
  }
  return {
    accepted: true,
    window_days,
    window_starts,
    condition,
    methods,
    return_shipping,
    ...(return_shipping_fee !== undefined ? { return_shipping_fee } : {}),
    ...(restocking_fee ? { restocking_fee } : {}),
    exchanges,
    how_to_start,
    ...(return_form_url ? { return_form_url } : {}),
    ...(final_sale.length > 0 ? { final_sale } : {}),
  };
}

async function askRefunds(ask: Asker, returnsAccepted: boolean): Promise<Refunds> {
  const method = await ask.select('refunds.method', refundMethods);
  const processing_days = await ask.number('refunds.processing_days');
  const business_days = await ask.confirm('refunds.business_days');
  // Refunding the original shipping is about change-of-mind returns only.
  const original_shipping_refunded = returnsAccepted ? await ask.confirm('refunds.original_shipping_refunded') : undefined;
  return {
    method,
    ...(processing_days !== undefined ? { processing_days } : {}),
    business_days,
    ...(original_shipping_refunded !== undefined ? { original_shipping_refunded } : {}),
  };
}

async function askDamaged(ask: Asker): Promise<Damaged> {
  const report_within_days = await ask.number('damaged.report_within_days');
  const photos_required = await ask.confirm('damaged.photos_required');
  const remedy = await ask.select('damaged.remedy', remedies);
  const return_shipping = await ask.select('damaged.return_shipping', problemReturnChoices);
  return { ...(report_within_days !== undefined ? { report_within_days } : {}), photos_required, remedy, return_shipping };
}

async function askCancellations(ask: Asker): Promise<Cancellations> {
  const allowed = await ask.select('cancellations.allowed', cancellationChoices);
  const within_hours = allowed === 'within_hours' ? await ask.number('cancellations.within_hours') : undefined;
  const made_to_order = (await ask.confirm('makes_to_order', false))
    ? await ask.select('cancellations.made_to_order', ['until_production_starts', 'never', 'same_as_other_orders'] as const, 'until_production_starts')
    : 'same_as_other_orders';
  return { allowed, ...(within_hours !== undefined ? { within_hours } : {}), made_to_order };
}

async function askShipping(ask: Asker, wording: Wording, shop: Shop, situation: Situation): Promise<Shipping> {
  const processing_days = await askDayRange(ask, 'shipping.processing_days');
  const business_days = await ask.confirm('shipping.business_days');
  let cutoff: Shipping['cutoff'];
  if (await ask.confirm('add_cutoff', false)) {
    const time = (await ask.text('shipping.cutoff.time'))!;
    const time_zone = (await ask.text('shipping.cutoff.time_zone', { suggest: situation.timeZone }))!;
    cutoff = { time, time_zone };
  }

  const zones: Zone[] = [];
  const zoneOf = new Map<string, string>();
  do {
    const unzoned = shop.sells_to.filter((place) => !zoneOf.has(place));
    const suggested = zones.length === 0 && unzoned.includes(shop.country) ? [shop.country] : unzoned;
    const countries = await ask.places('shipping.zones.countries', suggested, (places) => {
      const taken = places.find((place) => zoneOf.has(place));
      return taken ? fill(wording.messages.taken, { place: taken, zone: zoneOf.get(taken)! }) : undefined;
    });
    const names = countries.map((place) => (place.includes('-') ? place : countryName(place, situation.language)));
    const name = (await ask.text('shipping.zones.name', { suggest: names.join(', ') }))!;
    for (const place of countries) zoneOf.set(place, name);
    const services: Service[] = [];
    do services.push(await askService(ask, wording));
    while (services.length < maxRepeats && (await ask.confirm('more_services', false)));
    zones.push({ name, countries, services });
  } while (zones.length < maxRepeats && (await ask.confirm('more_zones', shop.sells_to.some((place) => !zoneOf.has(place)))));

  const tracking = await ask.confirm('shipping.tracking');
  const crossesBorders = zones.some((zone) => zone.countries.some((place) => place.slice(0, 2) !== shop.country));
  const duties = crossesBorders ? await ask.select('shipping.duties', dutiesChoices) : undefined;
  const po_boxes = await ask.confirm('shipping.po_boxes');
  const wait_days = await ask.number('shipping.lost_packages.wait_days');
  const remedy = await ask.select('shipping.lost_packages.remedy', lostRemedies);
  const defaults = policySchema.shape.shipping.shape;
  return {
    processing_days,
    business_days,
    ...(cutoff ? { cutoff } : {}),
    zones,
    tracking,
    ...(duties ? { duties } : {}),
    po_boxes,
    lost_packages: { ...(wait_days !== undefined ? { wait_days } : {}), remedy },
    // Not asked: the usual answer is right for almost every shop, and the file shows it.
    wrong_address: defaults.wrong_address.parse(undefined),
    delays: defaults.delays.parse(undefined),
  };
}

async function askService(ask: Asker, wording: Wording): Promise<Service> {
  const name = (await ask.text('shipping.zones.services.name'))!;
  const price = (await ask.number('shipping.zones.services.price'))!;
  const free_over = await ask.number('shipping.zones.services.free_over', {
    optional: true,
    check: (threshold) => (price > 0 && threshold < price ? fill(wording.messages.free_over_below_price, { price }) : undefined),
  });
  const transit_days = await askDayRange(ask, 'shipping.zones.services.transit_days');
  return { name, price, ...(free_over !== undefined ? { free_over } : {}), transit_days };
}

async function askDayRange(ask: Asker, id: string): Promise<{ min: number; max: number }> {
  const min = (await ask.number(`${id}.min`))!;
  const max = (await ask.number(`${id}.max`, { floor: min }))!;
  return { min, max };
}
