/**
 * The promise of upfront: the same facts, in the same words, everywhere a customer
 * reads them. For the example shop and every fixture shop, each output must quote the
 * derived figures it carries, and no output may state a duration or price that the
 * shop's facts do not contain.
 */
import { describe, expect, it } from 'vitest';
import type { Facts } from '../src/derive/index.js';
import { decodeEntities, fixtureShops, renderFixture, visibleText } from './support/shops.js';

type Output = 'returns' | 'shipping' | 'checkout' | 'product' | 'orderConfirmation' | 'refundIssued' | 'shippingDelay';

const emailForms = (kind: string) => [`email/${kind}.html`, `email/${kind}.txt`];
const forms: Record<Output, string[]> = {
  returns: ['returns.html', 'returns.fragment.html', 'returns.md', 'returns.txt'],
  shipping: ['shipping.html', 'shipping.fragment.html', 'shipping.md', 'shipping.txt'],
  checkout: ['snippets/checkout.html', 'snippets/checkout.txt'],
  product: ['snippets/product.html', 'snippets/product.txt'],
  orderConfirmation: emailForms('order-confirmation'),
  refundIssued: emailForms('refund-issued'),
  shippingDelay: emailForms('shipping-delay'),
};

/** The figures each output must quote, from the shop's facts. */
function required(facts: Facts): Record<Output, string[]> {
  const r = facts.returns;
  const s = facts.shipping;
  const accepted = r.accepted;
  const services = s.zones.flatMap((zone) => zone.services);
  const defined = (...values: Array<string | undefined | false>) => values.filter((v): v is string => typeof v === 'string');
  return {
    returns: defined(accepted && r.window, facts.refunds.processing, facts.damaged.reportWithin, r.returnShippingFee, r.restockingFee),
    shipping: defined(s.processing, s.freeShipping?.over, s.lostWait, ...services.flatMap((sv) => [sv.isFree ? undefined : sv.price, sv.freeOver, sv.transit])),
    checkout: defined(s.processing, s.freeShipping?.over, accepted && r.window, accepted && facts.refunds.processing, facts.damaged.reportWithin),
    product: defined(s.processing, s.freeShipping?.over, accepted && r.window),
    orderConfirmation: defined(
      s.processing,
      ...services.map((sv) => sv.transit),
      accepted && r.window,
      accepted && r.returnShippingFee,
      accepted && r.restockingFee,
      accepted && facts.refunds.processing,
      accepted && r.holiday?.returnBy,
      facts.cancellations.within,
      facts.damaged.reportWithin,
      s.lostWait,
      facts.shop.replyWithin,
    ),
    refundIssued: defined(facts.refunds.processing, facts.refunds.bankTime, accepted && r.returnShippingFee, accepted && r.restockingFee, facts.shop.replyWithin),
    shippingDelay: defined(s.customerMayCancelOnDelay && facts.refunds.processing, facts.shop.replyWithin),
  };
}

/** Every duration and price phrase in any of the facts. */
function allFigures(facts: Facts): Set<string> {
  const figures = new Set<string>();
  const walk = (value: unknown): void => {
    if (typeof value === 'string') for (const match of value.matchAll(figurePattern)) figures.add(match[0]);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk({ ...facts, notes: {} });
  return figures;
}

// "3 days", "1–3 business days", "24 hours", "$5.95", "€7.50", "CA$12", "15%".
const figurePattern = /\d+(?:–\d+)?\s(?:business\s)?(?:days?|hours?)\b|(?:[A-Z]{0,2}[$€£])\s?\d{1,3}(?:,\d{3})*(?:\.\d+)?|\d{1,3}(?:[.\s]\d{3})*(?:,\d+)?\s?€|\d+(?:\.\d+)?%/g;

function readable(path: string, contents: string): string {
  const text = path.endsWith('.html') ? visibleText(contents) : path.endsWith('.md') ? decodeEntities(contents).replace(/\\(.)/g, '$1') : contents;
  return text.replace(/\s+/g, ' ');
}

describe.each(fixtureShops())('$name', (shop) => {
  it('quotes the same figures in every output', async () => {
    const rendered = await renderFixture(shop);
    const facts = rendered.facts['en']!;
    const byPath = new Map(rendered.files.map((f) => [f.path.slice(`${shop.name}/en/`.length), f.contents]));
    const needs = required(facts);
    for (const output of Object.keys(forms) as Output[]) {
      for (const form of forms[output]) {
        const text = readable(form, byPath.get(form) ?? '');
        for (const figure of needs[output]) expect(text, `${form} should say "${figure}"`).toContain(figure);
      }
    }
  });

  it('states no duration or price the facts do not contain', async () => {
    const rendered = await renderFixture(shop);
    const allowed = allFigures(rendered.facts['en']!);
    for (const file of rendered.files.filter((f) => /\.(html|md|txt)$/.test(f.path) && !f.path.endsWith('/index.html'))) {
      const text = readable(file.path, file.contents);
      for (const match of text.matchAll(figurePattern)) {
        expect(allowed, `${file.path} says "${match[0]}", which is not one of the shop's facts`).toContain(match[0]);
      }
    }
  });

  it('puts in every email block only figures the policy pages show', async () => {
    const rendered = await renderFixture(shop);
    const text = (file: string) => readable(file, rendered.files.find((f) => f.path === `${shop.name}/en/${file}`)!.contents);
    const pages = `${text('returns.txt')} ${text('shipping.txt')}`;
    for (const file of rendered.files.filter((f) => f.path.includes('/email/'))) {
      const figures = [...readable(file.path, file.contents).matchAll(figurePattern)].map((m) => m[0]);
      for (const figure of figures) expect(pages, `${file.path} says "${figure}", which neither policy page says`).toContain(figure);
    }
  });

  it('gives search engines the same numbers as the pages', async () => {
    const rendered = await renderFixture(shop);
    const policyText = rendered.files.find((f) => f.path.endsWith('structured-data.jsonld'))!.contents;
    const data = JSON.parse(policyText) as { '@graph': Array<Record<string, any>> };
    const store = data['@graph'][0]!;
    const returnPolicy = store['hasMerchantReturnPolicy'];
    const facts = rendered.facts['en']!;
    if (facts.returns.windowDays !== undefined) {
      expect(returnPolicy.merchantReturnDays).toBe(facts.returns.windowDays);
      expect(facts.returns.window).toContain(String(facts.returns.windowDays));
    }
    // Each shipping service's conditions, with the service's handling time beside them.
    const offers = store['hasShippingService'].flatMap((service: Record<string, any>) =>
      service['shippingConditions']
        .filter((condition: Record<string, any>) => !condition['doesNotShip'])
        .map((condition: Record<string, any>) => ({ handlingTime: service['handlingTime'].duration, shippingRate: condition['shippingRate'] })),
    ) as Array<Record<string, any>>;
    expect(offers.length, 'every shipping service is in the structured data').toBeGreaterThanOrEqual(facts.shipping.zones.flatMap((z) => z.services).length);
    const pricesShown = new Set(facts.shipping.zones.flatMap((z) => z.services.map((s) => s.price)));
    for (const offer of offers) {
      const { minValue, maxValue } = offer['handlingTime'];
      expect(facts.shipping.processing).toContain(minValue === maxValue ? `${minValue}` : `${minValue}–${maxValue}`);
      if (offer['shippingRate'].value > 0) {
        const shown = [...pricesShown].some((p) => Number(p.replace(/[^\d.,]/g, '').replace(',', '.')) === offer['shippingRate'].value);
        expect(shown, `price ${offer['shippingRate'].value} appears on the shipping page`).toBe(true);
      }
    }
    // Every page carries the same structured data in its head.
    for (const page of ['returns.html', 'shipping.html']) {
      const html = rendered.files.find((f) => f.path.endsWith(`/en/${page}`))!.contents;
      const inHead = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)![1]!;
      expect(JSON.parse(inHead)).toEqual(data);
    }
  });
});
