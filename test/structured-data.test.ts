/**
 * Every shop's JSON-LD has what search engines require and recommend for a shop-wide
 * return policy (Google: MerchantReturnPolicy under the Organization) and shipping
 * policy (Google: ShippingService under the Organization), and every schema.org type
 * and enumeration value in it exists. The lists of valid values are read from
 * schema-dts, which is generated from the schema.org vocabulary.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { root } from './support/paths.js';
import { fixtureShops, renderFixture } from './support/shops.js';

type Node = Record<string, any>;

const vocabulary = readFileSync(`${root}node_modules/schema-dts/dist/schema.d.ts`, 'utf8');

/** The members of a schema.org enumeration, as full URLs. */
function enumeration(name: string): Set<string> {
  const declaration = new RegExp(`^export type ${name} = (.*);$`, 'm').exec(vocabulary)?.[1];
  if (!declaration) throw new Error(`schema-dts has no enumeration ${name}`);
  return new Set([...declaration.matchAll(/"(https:\/\/schema\.org\/[A-Za-z]+)"/g)].map((m) => m[1]!));
}

/** Which enumeration each property that takes one draws from. */
const enumerations: Record<string, Set<string>> = {
  returnPolicyCategory: enumeration('MerchantReturnEnumeration'),
  returnMethod: enumeration('ReturnMethodEnumeration'),
  returnFees: enumeration('ReturnFeesEnumeration'),
  itemDefectReturnFees: enumeration('ReturnFeesEnumeration'),
  customerRemorseReturnFees: enumeration('ReturnFeesEnumeration'),
  returnLabelSource: enumeration('ReturnLabelSourceEnumeration'),
  refundType: enumeration('RefundTypeEnumeration'),
  itemCondition: enumeration('OfferItemCondition'),
  fulfillmentType: enumeration('FulfillmentTypeEnumeration'),
  dayOfWeek: enumeration('DayOfWeek'),
};

const isCountry = (code: unknown) => typeof code === 'string' && /^[A-Z]{2}$/.test(code);
const isDate = (value: unknown) => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
const list = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);

/** Every [property, value] pair in the graph, nested ones included. */
function* properties(node: unknown, property = ''): Generator<[string, unknown]> {
  if (Array.isArray(node)) for (const item of node) yield* properties(item, property);
  else if (node && typeof node === 'object') for (const [key, value] of Object.entries(node)) yield* properties(value, key);
  else yield [property, node];
}

function expectMoney(amount: Node | undefined, currency: string, where: string): void {
  expect(amount?.['@type'], where).toBe('MonetaryAmount');
  expect(amount?.['currency'], where).toBe(currency);
  const values = ['value', 'minValue', 'maxValue'].filter((key) => amount?.[key] !== undefined);
  expect(values.length, `${where} states an amount`).toBeGreaterThan(0);
  for (const key of values) expect(amount![key], where).toBeGreaterThanOrEqual(0);
}

function expectDays(period: Node | undefined, where: string): void {
  expect(period?.['@type'], where).toBe('ServicePeriod');
  const duration = period?.['duration'];
  expect(duration?.['@type'], where).toBe('QuantitativeValue');
  expect(duration?.['unitCode'], where).toBe('DAY');
  expect(Number.isInteger(duration?.['minValue']) && Number.isInteger(duration?.['maxValue']), where).toBe(true);
  expect(duration['minValue'], where).toBeLessThanOrEqual(duration['maxValue']);
}

describe.each(fixtureShops())('$name', (shop) => {
  const answers = () => parse(readFileSync(shop.input, 'utf8')) as Node;

  let data: Node;
  beforeAll(async () => {
    const rendered = await renderFixture(shop);
    data = JSON.parse(rendered.files.find((f) => f.path.endsWith('en/structured-data.jsonld'))!.contents) as Node;
  });

  /** The one node of the graph: the store, with its policies inside. */
  async function store(): Promise<Node> {
    expect(data['@context']).toBe('https://schema.org');
    expect(data['@graph']).toHaveLength(1);
    return data['@graph'][0] as Node;
  }

  it('describes the shop as an online store with its name, contact and address', async () => {
    const node = await store();
    const { shop: answered } = answers();
    expect(node['@type']).toBe('OnlineStore');
    expect(node['name']).toBe(answered.name);
    expect(node['email']).toBe(answered.support_email);
    if (answered.website) expect(node['url']).toBe(answered.website);
    if (answered.address) expect(isCountry(node['address']?.addressCountry)).toBe(true);
  });

  it('has the return-policy properties search engines require and recommend', async () => {
    const policy = (await store())['hasMerchantReturnPolicy'] as Node;
    const { returns, shop: answered } = answers();
    const currency = answered.currency as string;
    expect(policy['@type']).toBe('MerchantReturnPolicy');
    // Required: where the policy applies, and its category.
    const countries = list(policy['applicableCountry']);
    expect(countries.length).toBeGreaterThan(0);
    expect(countries.length).toBeLessThanOrEqual(50);
    expect(countries.every(isCountry), String(countries)).toBe(true);
    expect(policy['returnPolicyCategory']).toBeDefined();
    if (answered.policy_pages?.returns && (answered.website || answered.policy_pages.returns.startsWith('http'))) {
      expect(policy['merchantReturnLink']).toMatch(/^https?:\/\//);
    }
    if (!returns.accepted) {
      expect(policy['returnPolicyCategory']).toBe('https://schema.org/MerchantReturnNotPermitted');
      return;
    }
    if (returns.window_days === 'unlimited') {
      expect(policy['returnPolicyCategory']).toBe('https://schema.org/MerchantReturnUnlimitedWindow');
    } else {
      expect(policy['returnPolicyCategory']).toBe('https://schema.org/MerchantReturnFiniteReturnWindow');
      // Required with a finite window: the number of days.
      expect(policy['merchantReturnDays']).toBe(returns.window_days ?? 30);
    }
    // Recommended: where returns go, how, who pays, how the money comes back, in what condition.
    expect(isCountry(policy['returnPolicyCountry'])).toBe(true);
    for (const key of ['returnMethod', 'returnFees', 'refundType', 'itemCondition', 'returnLabelSource']) expect(policy[key], key).toBeDefined();
    if (policy['returnFees'] === 'https://schema.org/ReturnShippingFees') expectMoney(policy['returnShippingFeesAmount'], currency, 'returnShippingFeesAmount');
    if (returns.restocking_fee?.percent) expect(policy['restockingFee']).toBe(returns.restocking_fee.percent);
    if (returns.restocking_fee?.amount) expectMoney(policy['restockingFee'], currency, 'restockingFee');
    const holiday = policy['returnPolicySeasonalOverride'] as Node | undefined;
    expect(holiday !== undefined).toBe(returns.holiday_extension !== undefined);
    if (holiday) {
      expect(isDate(holiday['startDate']) && isDate(holiday['endDate'])).toBe(true);
      expect(holiday['startDate'] <= holiday['endDate']).toBe(true);
      expect(holiday['returnPolicyCategory']).toBe('https://schema.org/MerchantReturnFiniteReturnWindow');
      expect(isDate(holiday['merchantReturnDays']) && holiday['merchantReturnDays'] > holiday['endDate']).toBe(true);
    }
  });

  it('has the shipping-policy properties search engines require and recommend', async () => {
    const services = (await store())['hasShippingService'] as Node[];
    const { shipping, shop: answered } = answers();
    const currency = answered.currency as string;
    const offered = (shipping.zones as Node[]).flatMap((zone) => zone.services as Node[]);
    expect(services).toHaveLength(offered.length);
    for (const [i, service] of services.entries()) {
      const where = `${shop.name}: ${service['name']}`;
      expect(service['@type'], where).toBe('ShippingService');
      expectDays(service['handlingTime'], `${where} handlingTime`);
      expect(service['handlingTime'].duration.minValue).toBe(shipping.processing_days.min);
      expect(service['handlingTime'].duration.maxValue).toBe(shipping.processing_days.max);
      if (shipping.cutoff) expect(service['handlingTime'].cutoffTime, where).toMatch(new RegExp(`^${shipping.cutoff.time}:00[+-]\\d{2}:\\d{2}$`));
      // Required: at least one set of conditions, each with a destination and a rate (or "does not ship").
      const conditions = service['shippingConditions'] as Node[];
      expect(conditions.length, where).toBeGreaterThan(0);
      for (const condition of conditions) {
        expect(condition['@type'], where).toBe('ShippingConditions');
        const destinations = list(condition['shippingDestination']) as Node[];
        expect(destinations.length, where).toBeGreaterThan(0);
        for (const destination of destinations) {
          expect(destination['@type'], where).toBe('DefinedRegion');
          expect(isCountry(destination['addressCountry']), where).toBe(true);
        }
        if (condition['doesNotShip'] === true) continue;
        expectMoney(condition['shippingRate'], currency, `${where} shippingRate`);
        expectDays(condition['transitTime'], `${where} transitTime`);
        if (condition['orderValue']) expectMoney(condition['orderValue'], currency, `${where} orderValue`);
      }
      // A free-shipping threshold is a free rate for orders of at least that value.
      const answeredService = offered[i]!;
      const paid = conditions.filter((c) => !c['doesNotShip'] && !c['orderValue']);
      expect(paid.map((c) => c['shippingRate'].value), where).toEqual([answeredService.price]);
      const free = conditions.filter((c) => c['orderValue']);
      if (answeredService.free_over !== undefined && answeredService.price > 0) {
        expect(free.map((c) => [c['orderValue'].minValue, c['shippingRate'].value]), where).toEqual([[answeredService.free_over, 0]]);
      } else {
        expect(free, where).toEqual([]);
      }
    }
    // Places the shop does not ship to, inside countries it ships to, are said so.
    const excluded = (shipping.does_not_ship_to ?? []) as string[];
    for (const place of excluded.filter((p) => p.length > 2)) {
      const said = services.some((service) => (service['shippingConditions'] as Node[]).some((c) => c['doesNotShip'] === true && c['shippingDestination'].addressRegion === place.slice(3)));
      expect(said, `does not ship to ${place}`).toBe(true);
    }
  });

  it('uses only schema.org types and enumeration values that exist', async () => {
    const node = await store();
    let checked = 0;
    for (const [property, value] of properties(node)) {
      if (property === '@type') {
        expect(vocabulary, `schema.org type ${value}`).toMatch(new RegExp(`"@type": "${value}"`));
      } else if (typeof value === 'string' && value.startsWith('https://schema.org/')) {
        expect(enumerations[property], `${property} takes a schema.org enumeration`).toBeDefined();
        expect([...enumerations[property]!], `${property}: ${value}`).toContain(value);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(0);
  });
});
