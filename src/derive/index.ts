/**
 * derive: Policy → Facts, every phrase a customer reads that holds a number, price,
 * date, duration or list, formatted once. Every output quotes these, which is what
 * keeps the policy page, the checkout and the inbox in agreement.
 */
import type { Policy } from '../validate/schema.js';
import { countryOf } from '../validate/regions.js';
import { readableAccent, type ReadableAccent } from './colour.js';
import { createFormatter, localeFor, type Formatter, type Phrases } from './format.js';

export type { Phrases } from './format.js';

export interface ServiceFacts {
  name: string;
  /** `$5.95`, or the formatted zero when the service is free. */
  price: string;
  isFree: boolean;
  /** `$50`: the order value above which this service is free. */
  freeOver: string | undefined;
  /** `2–5 business days`. */
  transit: string;
}

export interface ZoneFacts {
  name: string;
  /** `United States and Canada`. */
  places: string;
  services: ServiceFacts[];
}

export interface Facts {
  language: string;
  locale: string;
  shop: {
    id: string;
    name: string;
    legalName: string | undefined;
    website: string | undefined;
    email: string;
    phone: string | undefined;
    addressLines: string[];
    country: string;
    /** `24 hours`. */
    replyWithin: string;
    /** `November 1, 2026`. */
    effectiveDate: string;
    effectiveDateIso: string;
    /** `United States and Canada`. */
    sellsTo: string;
    /** The accent colour for headings and links, adjusted to WCAG AA contrast when needed. */
    accent: ReadableAccent;
    logoUrl: string | undefined;
    /** Absolute addresses of the published pages, when the shop says where they live. */
    urls: { returns: string | undefined; shipping: string | undefined };
  };
  returns: {
    accepted: boolean;
    unlimited: boolean;
    /** `30 days`; undefined when unlimited or not accepted. */
    window: string | undefined;
    windowDays: number | undefined;
    windowStarts: Policy['returns']['window_starts'];
    condition: Policy['returns']['condition'];
    /** `by mail or in our shop`. */
    methods: string;
    returnShipping: Policy['returns']['return_shipping'];
    /** `$6.50`, when return shipping is a flat fee. */
    returnShippingFee: string | undefined;
    label: NonNullable<Policy['returns']['label']>;
    /** `10%` or `$5`. */
    restockingFee: string | undefined;
    exchanges: boolean;
    howToStart: Policy['returns']['how_to_start'];
    formUrl: string | undefined;
    finalSale: Array<{ item: string; reason: Policy['returns']['final_sale'][number]['reason']; explanation: string | undefined }>;
    holiday: { from: string; until: string; returnBy: string } | undefined;
  };
  refunds: {
    method: Policy['refunds']['method'];
    /** `5 business days`. */
    processing: string;
    /** `5–10 business days`: how long a card issuer or bank takes to show a refund; undefined for store credit. */
    bankTime: string | undefined;
    originalShippingRefunded: boolean;
  };
  damaged: {
    /** `7 days`. */
    reportWithin: string;
    photosRequired: boolean;
    remedy: Policy['damaged']['remedy'];
    returnShipping: Policy['damaged']['return_shipping'];
  };
  cancellations: {
    allowed: Policy['cancellations']['allowed'];
    /** `12 hours`. */
    within: string | undefined;
    madeToOrder: Policy['cancellations']['made_to_order'];
  };
  shipping: {
    /** `1–3 business days`. */
    processing: string;
    /** `2:00 PM Pacific Time`. */
    cutoff: string | undefined;
    zones: ZoneFacts[];
    /** The lowest free-shipping threshold for the shop's own country, for short lines. */
    freeShipping: { over: string; zone: string } | undefined;
    /** `Puerto Rico and Guam`. */
    doesNotShipTo: string | undefined;
    international: boolean;
    tracking: boolean;
    duties: Policy['shipping']['duties'];
    poBoxes: boolean;
    /** `7 days`. */
    lostWait: string;
    lostRemedy: Policy['shipping']['lost_packages']['remedy'];
    wrongAddressPaidBy: Policy['shipping']['wrong_address']['reship_paid_by'];
    customerMayCancelOnDelay: boolean;
  };
  /** The owner's free Markdown, per section; rendered through the sanitising pipeline. */
  notes: Policy['notes'];
}

/**
 * How long card issuers and banks take to show a refund once the shop has sent it:
 * the range Stripe and Shopify Payments quote to customers. It is the bank's time, not
 * the shop's, so it is not one of the owner's answers.
 */
const bankPostingDays = { min: 5, max: 10 } as const;

/**
 * @param policy a validated policy
 * @param shopId the shop's folder name
 * @param language one of the shop's languages
 * @param phrases that language's unit words and names
 */
export function deriveFacts(policy: Policy, shopId: string, language: string, phrases: Phrases): Facts {
  const { shop, returns, refunds, damaged, cancellations, shipping } = policy;
  const locale = localeFor(language, shop.country);
  const f = createFormatter(locale, shop.currency, phrases);
  const dayUnit = (business: boolean): 'businessDay' | 'day' => (business ? 'businessDay' : 'day');
  const window = returns.accepted && returns.window_days !== 'unlimited' ? returns.window_days : undefined;

  return {
    language,
    locale,
    shop: {
      id: shopId,
      name: shop.name,
      legalName: shop.legal_name,
      website: shop.website,
      email: shop.support_email,
      phone: shop.phone,
      addressLines: addressLines(shop.address, f),
      country: f.place(shop.country),
      replyWithin: f.duration(shop.reply_within_hours, 'hour'),
      effectiveDate: f.date(shop.effective_date),
      effectiveDateIso: shop.effective_date,
      sellsTo: f.and(shop.sells_to.map(f.place)),
      accent: readableAccent(shop.accent_color),
      logoUrl: shop.logo_url,
      urls: {
        returns: pageUrl(shop.website, shop.policy_pages?.returns),
        shipping: pageUrl(shop.website, shop.policy_pages?.shipping),
      },
    },
    returns: {
      accepted: returns.accepted,
      unlimited: returns.accepted && returns.window_days === 'unlimited',
      window: window === undefined ? undefined : f.duration(window, 'day'),
      windowDays: window,
      windowStarts: returns.window_starts,
      condition: returns.condition,
      methods: f.or(returns.methods.map((m) => phrases.returnMethods[m] ?? m)),
      returnShipping: returns.return_shipping,
      returnShippingFee: returns.return_shipping === 'flat_fee' && returns.return_shipping_fee !== undefined ? f.money(returns.return_shipping_fee) : undefined,
      label: returns.label ?? (returns.return_shipping === 'customer_pays' ? 'customer_arranges' : 'emailed'),
      restockingFee: restockingFee(returns.restocking_fee, f),
      exchanges: returns.exchanges,
      howToStart: returns.how_to_start,
      formUrl: returns.return_form_url,
      finalSale: returns.final_sale.map((entry) => ({ item: entry.item, reason: entry.reason, explanation: entry.explanation })),
      holiday: returns.holiday_extension && {
        from: f.date(returns.holiday_extension.purchased_from),
        until: f.date(returns.holiday_extension.purchased_until),
        returnBy: f.date(returns.holiday_extension.return_by),
      },
    },
    refunds: {
      method: refunds.method,
      processing: f.duration(refunds.processing_days, dayUnit(refunds.business_days)),
      bankTime: refunds.method === 'store_credit' ? undefined : f.durationRange(bankPostingDays.min, bankPostingDays.max, 'businessDay'),
      originalShippingRefunded: refunds.original_shipping_refunded,
    },
    damaged: {
      reportWithin: f.duration(damaged.report_within_days, 'day'),
      photosRequired: damaged.photos_required,
      remedy: damaged.remedy,
      returnShipping: damaged.return_shipping,
    },
    cancellations: {
      allowed: cancellations.allowed,
      within: cancellations.within_hours === undefined ? undefined : f.duration(cancellations.within_hours, 'hour'),
      madeToOrder: cancellations.made_to_order,
    },
    shipping: {
      processing: f.durationRange(shipping.processing_days.min, shipping.processing_days.max, dayUnit(shipping.business_days)),
      cutoff: shipping.cutoff && f.timeOfDay(shipping.cutoff.time, shipping.cutoff.time_zone, shop.effective_date),
      zones: shipping.zones.map((zone) => ({
        name: zone.name,
        places: f.and(zone.countries.map(f.place)),
        services: zone.services.map((service) => ({
          name: service.name,
          price: f.money(service.price),
          isFree: service.price === 0,
          freeOver: service.free_over === undefined || service.price === 0 ? undefined : f.money(service.free_over),
          transit: f.durationRange(service.transit_days.min, service.transit_days.max, dayUnit(shipping.business_days)),
        })),
      })),
      freeShipping: homeFreeShipping(policy, f),
      doesNotShipTo: shipping.does_not_ship_to.length > 0 ? f.and(shipping.does_not_ship_to.map(f.place)) : undefined,
      international: shipping.zones.some((zone) => zone.countries.some((place) => countryOf(place) !== shop.country)),
      tracking: shipping.tracking,
      duties: shipping.duties,
      poBoxes: shipping.po_boxes,
      lostWait: f.duration(shipping.lost_packages.wait_days, 'day'),
      lostRemedy: shipping.lost_packages.remedy,
      wrongAddressPaidBy: shipping.wrong_address.reship_paid_by,
      customerMayCancelOnDelay: shipping.delays.customer_may_cancel,
    },
    notes: policy.notes,
  };
}

function addressLines(address: Policy['shop']['address'], f: Formatter): string[] {
  if (!address) return [];
  const cityLine = [address.city, [address.region, address.postal_code].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  return [address.street, cityLine, f.place(address.country)];
}

function restockingFee(fee: Policy['returns']['restocking_fee'], f: Formatter): string | undefined {
  if (fee?.percent !== undefined && fee.percent > 0) return f.percent(fee.percent);
  if (fee?.amount !== undefined && fee.amount > 0) return f.money(fee.amount);
  return undefined;
}

/** The cheapest way to free shipping in the shop's own country (or the first zone). */
function homeFreeShipping(policy: Policy, f: Formatter): { over: string; zone: string } | undefined {
  const { zones } = policy.shipping;
  const home = zones.find((zone) => zone.countries.some((place) => countryOf(place) === policy.shop.country)) ?? zones[0];
  const thresholds = (home?.services ?? []).flatMap((service) => (service.free_over !== undefined && service.price > 0 ? [service.free_over] : []));
  if (!home || thresholds.length === 0) return undefined;
  return { over: f.money(Math.min(...thresholds)), zone: home.name };
}

function pageUrl(website: string | undefined, page: string | undefined): string | undefined {
  if (!page) return undefined;
  if (/^https?:\/\//.test(page)) return page;
  return website ? new URL(page, website).toString() : undefined;
}
