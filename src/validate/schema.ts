/**
 * The answers a shop gives, as a zod schema. Field names are the words an owner reads
 * in their YAML file; enum values follow schema.org / Google Merchant Center where
 * those define them, so structured data maps directly. Types come from here only.
 *
 * A check's `message` here is what was expected, in the owner's words: it completes the
 * sentence "`shop.currency` expects …" (see schema-issues.ts). `params.kind` tells
 * habits.ts which suggestion to look for.
 */
import { z } from 'zod';
import { isCountryCode, isRegionCode } from './regions.js';

// ---------------------------------------------------------------------------
// Building blocks

const text = (max = 200) => z.string().trim().min(1).max(max);

const wholeDays = (max = 3650) => z.number().int().min(0).max(max);

/** A money amount in the shop's currency, at most two decimals. */
const money = z
  .number()
  .min(0)
  .max(1_000_000)
  .refine((n) => Math.abs(Math.round(n * 100) - n * 100) < 1e-6, {
    message: 'an amount with at most two decimals, like 4.95',
  })
  .meta({ description: 'An amount in the shop currency, without the currency sign.', examples: [4.95] });

/** A calendar date written as YYYY-MM-DD (YAML 1.2 keeps it a string). */
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'a date written YYYY-MM-DD, like 2026-11-01', abort: true })
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
  }, { message: 'a date that exists in the calendar' })
  .meta({ examples: ['2026-11-01'] });

const country = z
  .string()
  .refine(isCountryCode, { message: 'a two-letter ISO country code in capitals, like US, CA or GB', params: { kind: 'country' } })
  .meta({ description: 'Two-letter ISO 3166 country code.', examples: ['US', 'CA'] });

/** A country, or a US state / Canadian province written like US-HI or CA-QC. */
const place = z
  .string()
  .refine((s) => isCountryCode(s) || isRegionCode(s), {
    message: 'a two-letter country code like US, or a state or province like US-HI or CA-QC',
    params: { kind: 'place' },
  })
  .meta({ description: 'A country (US) or a US state / Canadian province (US-HI, CA-QC).', examples: ['US', 'CA', 'US-HI'] });

const dayRange = z
  .strictObject({
    min: wholeDays(365).meta({ description: 'Fewest days.', examples: [1] }),
    max: wholeDays(365).meta({ description: 'Most days.', examples: [3] }),
  })
  .meta({ description: 'A range of days, from min to max.', examples: [{ min: 1, max: 3 }] });

const webAddress = z
  .url({ protocol: /^https?$/, hostname: z.regexes.domain })
  .meta({ description: 'A full web address starting with https://.', examples: ['https://example.com'] });

/** A full web address, or a path on the shop's website such as /policies/refund-policy. */
const pageAddress = z
  .string()
  .refine((s) => /^\/[^\s]*$/.test(s) || /^https?:\/\/[^\s/]+\.[^\s]+$/.test(s), {
    message: 'a path starting with /, like /policies/refund-policy, or a full https:// address',
    params: { kind: 'page' },
  })
  .meta({ examples: ['/policies/refund-policy'] });

const markdownNote = z
  .string()
  .max(20_000)
  .meta({ description: 'Free Markdown shown at the end of the section, for what the questions do not cover.' });

// ---------------------------------------------------------------------------
// shop

const address = z
  .strictObject({
    street: text().meta({ description: 'Street and number.', examples: ['1420 SE Division St'] }),
    city: text(100).meta({ description: 'Town or city.', examples: ['Portland'] }),
    region: text(100).optional().meta({ description: 'State, province or county.', examples: ['OR'] }),
    postal_code: text(20).optional().meta({ description: 'Write it in quotes so leading zeros stay.', examples: ['97202'] }),
    country: country.meta({ description: 'Country of this address.', examples: ['US'] }),
  })
  .meta({ description: 'Postal address of the business, shown on the policy pages.' });

const shop = z
  .strictObject({
    name: text(100).meta({ description: 'Shop name as customers know it.', examples: ['Juniper & Lye Soap Co.'] }),
    legal_name: text(150)
      .optional()
      .meta({ description: 'Registered business name, if different from the shop name.', examples: ['Juniper & Lye LLC'] }),
    website: webAddress.optional().meta({ description: 'Home page of the shop.', examples: ['https://juniperandlye.com'] }),
    support_email: z
      .email()
      .meta({ description: 'Where customers write about orders and returns.', examples: ['hello@juniperandlye.com'] }),
    phone: text(40).optional().meta({ description: 'Phone number for customers, with country code.', examples: ['+1 503 555 0142'] }),
    address: address.optional(),
    country: country.meta({ description: 'Country the business is based in.', examples: ['US'] }),
    currency: z
      .string()
      .refine((c) => supportedCurrencies().has(c), { message: 'a three-letter ISO currency code in capitals, like USD, CAD or EUR', params: { kind: 'currency' } })
      .meta({ description: 'Currency of all prices and fees.', examples: ['USD'] }),
    languages: z
      .array(z.string().regex(/^[a-z]{2}$/, { message: 'a two-letter language code in lowercase, like en' }))
      .min(1)
      .default(['en'])
      .meta({ description: 'Languages to publish, each a folder in templates/.', examples: [['en']] }),
    sells_to: z
      .array(place)
      .min(1)
      .meta({ description: 'Countries, states or provinces the shop sells to.', examples: [['US', 'CA']] }),
    reply_within_hours: z
      .number()
      .int()
      .min(1)
      .max(336)
      .default(48)
      .meta({ description: 'How fast customers get an answer from a person, in hours.', examples: [24] }),
    effective_date: isoDate.meta({ description: 'Date these policies take effect; shown as "Last updated".', examples: ['2026-11-01'] }),
    policy_pages: z
      .strictObject({
        returns: pageAddress.optional().meta({ description: 'Where the returns page lives on the website.' }),
        shipping: pageAddress.optional().meta({ description: 'Where the shipping page lives on the website.', examples: ['/policies/shipping-policy'] }),
      })
      .optional()
      .meta({ description: 'Where the published pages will live, for links from checkout and email.' }),
    accent_color: z
      .string()
      .regex(/^#[0-9a-fA-F]{6}$/, { message: 'a colour written as # and six hex digits, like #2f6f4f' })
      .default('#2f5d50')
      .meta({ description: 'Colour for headings and links on the pages.', examples: ['#2f5d50'] }),
    logo_url: webAddress.optional().meta({ description: 'Address of the shop logo image.' }),
  })
  .meta({ description: 'Who the shop is and how customers reach it.' });

// ---------------------------------------------------------------------------
// returns

export const windowStarts = ['delivery', 'purchase', 'shipment'] as const;
export const itemConditions = ['unused', 'unopened', 'any'] as const;
export const returnMethods = ['by_mail', 'in_store', 'at_kiosk'] as const;
export const returnShippingChoices = ['free', 'customer_pays', 'flat_fee'] as const;
export const labelChoices = ['emailed', 'in_box', 'customer_arranges'] as const;
export const finalSaleReasons = ['personalised', 'perishable', 'hygiene_sealed', 'digital', 'clearance', 'other'] as const;
export const howToStartChoices = ['email', 'online_form'] as const;

const finalSaleItem = z.strictObject({
  item: text(120).meta({ description: 'What cannot be returned, as customers would name it.', examples: ['Opened soaps'] }),
  reason: z.enum(finalSaleReasons).meta({ description: 'Why it cannot be returned.', examples: ['hygiene_sealed'] }),
  explanation: text(400)
    .optional()
    .meta({ description: 'One sentence in your own words; replaces the standard explanation.' }),
});

const holidayExtension = z
  .strictObject({
    purchased_from: isoDate.meta({ description: 'First purchase date that gets the longer window.', examples: ['2026-11-15'] }),
    purchased_until: isoDate.meta({ description: 'Last purchase date that gets the longer window.', examples: ['2026-12-24'] }),
    return_by: isoDate.meta({ description: 'Those purchases can be returned until this date.', examples: ['2027-01-31'] }),
  })
  .meta({ description: 'A longer return window for holiday purchases.' });

const restockingFee = z
  .strictObject({
    percent: z.number().min(0).max(100).optional().meta({ description: 'Percentage of the item price.', examples: [10] }),
    amount: money.optional().meta({ description: 'Fixed amount per return.' }),
  })
  .meta({ description: 'A fee taken from the refund. Give either percent or amount.' });

const returns = z
  .strictObject({
    accepted: z.boolean().meta({ description: 'Whether customers can return items they changed their mind about.', examples: [true] }),
    window_days: z
      .union([wholeDays(), z.literal('unlimited')])
      .default(30)
      .meta({ description: 'Days the customer has to start a return, or unlimited.', examples: [30, 'unlimited'] }),
    window_starts: z
      .enum(windowStarts)
      .default('delivery')
      .meta({ description: 'What starts the window: delivery, purchase or shipment.', examples: ['delivery'] }),
    condition: z
      .enum(itemConditions)
      .default('unused')
      .meta({ description: 'Condition items must be in: unused, unopened, or any.', examples: ['unused'] }),
    methods: z
      .array(z.enum(returnMethods))
      .min(1)
      .default(['by_mail'])
      .meta({ description: 'How items come back: by_mail, in_store, at_kiosk.', examples: [['by_mail']] }),
    return_shipping: z
      .enum(returnShippingChoices)
      .default('customer_pays')
      .meta({ description: 'Who pays for return shipping: free, customer_pays, or flat_fee.', examples: ['customer_pays'] }),
    return_shipping_fee: money.optional().meta({ description: 'The flat return fee, when return_shipping is flat_fee.', examples: [6.5] }),
    label: z
      .enum(labelChoices)
      .optional()
      .meta({
        description: 'The return label: emailed, in_box, or customer_arranges. Default: emailed when the shop pays, customer_arranges otherwise.',
        examples: ['emailed'],
      }),
    restocking_fee: restockingFee.optional(),
    exchanges: z.boolean().default(true).meta({ description: 'Whether items can be exchanged for another size, scent or colour.' }),
    how_to_start: z
      .enum(howToStartChoices)
      .default('email')
      .meta({ description: 'How a customer starts a return: email, or online_form.', examples: ['email'] }),
    return_form_url: webAddress.optional().meta({ description: 'The online return form, when how_to_start is online_form.' }),
    final_sale: z
      .array(finalSaleItem)
      .default([])
      .meta({ description: 'Items that cannot be returned, each with its reason.' }),
    holiday_extension: holidayExtension.optional(),
  })
  .meta({ description: 'Returns for a change of mind.' });

// ---------------------------------------------------------------------------
// refunds, problems, cancellations

export const refundMethods = ['original_payment', 'store_credit', 'customer_choice'] as const;
export const remedies = ['replace', 'refund', 'customer_choice'] as const;
export const problemReturnChoices = ['not_needed', 'shop_pays'] as const;
export const cancellationChoices = ['until_shipped', 'within_hours', 'never'] as const;
export const madeToOrderChoices = ['until_production_starts', 'never', 'same_as_other_orders'] as const;

const refunds = z
  .strictObject({
    method: z
      .enum(refundMethods)
      .default('original_payment')
      .meta({ description: 'How refunds are paid: original_payment, store_credit, or customer_choice.', examples: ['original_payment'] }),
    processing_days: wholeDays(90)
      .default(5)
      .meta({ description: 'Days to issue the refund after the return arrives.', examples: [5] }),
    business_days: z.boolean().default(true).meta({ description: 'Whether processing_days counts business days only.' }),
    original_shipping_refunded: z
      .boolean()
      .default(false)
      .meta({ description: 'Whether the shipping paid on the order is refunded too.' }),
  })
  .meta({ description: 'How and how fast money goes back.' });

const damaged = z
  .strictObject({
    report_within_days: wholeDays(365)
      .default(14)
      .meta({ description: 'Days after delivery to tell the shop about a damaged, faulty or wrong item.', examples: [14] }),
    photos_required: z.boolean().default(true).meta({ description: 'Whether the shop asks for a photo of the problem.' }),
    remedy: z
      .enum(remedies)
      .default('customer_choice')
      .meta({ description: 'What the shop does: replace, refund, or customer_choice.', examples: ['customer_choice'] }),
    return_shipping: z
      .enum(problemReturnChoices)
      .default('not_needed')
      .meta({ description: 'Whether the item must come back: not_needed, or shop_pays for the return.', examples: ['not_needed'] }),
  })
  .meta({ description: 'Damaged, faulty or wrong items.' });

const cancellations = z
  .strictObject({
    allowed: z
      .enum(cancellationChoices)
      .default('until_shipped')
      .meta({ description: 'When orders can be cancelled or changed: until_shipped, within_hours, or never.', examples: ['until_shipped'] }),
    within_hours: z.number().int().min(1).max(720).optional().meta({ description: 'Hours after ordering, when allowed is within_hours.', examples: [2] }),
    made_to_order: z
      .enum(madeToOrderChoices)
      .default('same_as_other_orders')
      .meta({ description: 'Cancelling made-to-order items: until_production_starts, never, or same_as_other_orders.' }),
  })
  .meta({ description: 'Cancelling or changing an order.' });

// ---------------------------------------------------------------------------
// shipping

export const dutiesChoices = ['customer_pays', 'shop_pays'] as const;
export const lostRemedies = ['reship', 'refund', 'customer_choice'] as const;
export const payerChoices = ['customer', 'shop'] as const;

const service = z.strictObject({
  name: text(80).meta({ description: 'Service name customers see at checkout.', examples: ['Standard (USPS Ground Advantage)'] }),
  price: money.meta({ description: 'Price of this service; 0 for free.', examples: [5.95] }),
  free_over: money.optional().meta({ description: 'Order value above which this service is free.', examples: [50] }),
  transit_days: dayRange.meta({ description: 'Days in transit after the parcel ships.' }),
});

const zone = z.strictObject({
  name: text(80).meta({ description: 'Name of the zone.', examples: ['United States'] }),
  countries: z.array(place).min(1).meta({ description: 'Countries, states or provinces in this zone.', examples: [['US']] }),
  services: z.array(service).min(1).meta({ description: 'Shipping services offered to this zone.' }),
});

const shipping = z
  .strictObject({
    processing_days: dayRange.meta({ description: 'Days to prepare an order before it ships.' }),
    business_days: z.boolean().default(true).meta({ description: 'Whether processing counts business days only.' }),
    cutoff: z
      .strictObject({
        time: z
          .string()
          .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'a time written HH:MM on a 24-hour clock, like 14:00' })
          .meta({ description: 'The cut-off time on a 24-hour clock, in quotes.', examples: ['14:00'] }),
        time_zone: z
          .string()
          .refine(isTimeZone, { message: 'a time zone name like America/Los_Angeles or Europe/London', params: { kind: 'time-zone' } })
          .meta({ description: 'The time zone of the cut-off time.', examples: ['America/Los_Angeles'] }),
      })
      .optional()
      .meta({ description: 'Orders placed before this time start processing the same day.' }),
    zones: z.array(zone).min(1).meta({ description: 'Where the shop ships, with services and prices.' }),
    does_not_ship_to: z.array(place).default([]).meta({ description: 'Places the shop does not ship to.', examples: [['US-HI', 'US-AK']] }),
    tracking: z.boolean().default(true).meta({ description: 'Whether every order gets a tracking number.' }),
    duties: z
      .enum(dutiesChoices)
      .default('customer_pays')
      .meta({ description: 'Who pays import duties and taxes abroad: customer_pays or shop_pays.', examples: ['customer_pays'] }),
    po_boxes: z.boolean().default(true).meta({ description: 'Whether the shop ships to P.O. boxes.' }),
    lost_packages: z
      .strictObject({
        wait_days: wholeDays(60)
          .default(7)
          .meta({ description: 'Days after the expected delivery date before a parcel counts as lost.', examples: [7] }),
        remedy: z.enum(lostRemedies).default('customer_choice').meta({ description: 'What the shop does about a lost parcel: reship, refund, or customer_choice.' }),
      })
      .prefault({})
      .meta({ description: 'What happens when a parcel does not arrive.' }),
    wrong_address: z
      .strictObject({
        reship_paid_by: z.enum(payerChoices).default('customer').meta({ description: 'Who pays to send it again: customer or shop.' }),
      })
      .prefault({})
      .meta({ description: 'When a parcel comes back because the address given was wrong.' }),
    delays: z
      .strictObject({
        customer_may_cancel: z
          .boolean()
          .default(true)
          .meta({ description: 'Whether a customer told of a delay may cancel for a full refund.' }),
      })
      .prefault({})
      .meta({ description: 'When an order will ship later than promised; the customer is told by email.' }),
  })
  .meta({ description: 'Processing, delivery and what happens when delivery goes wrong.' });

const notes = z
  .strictObject({
    returns: markdownNote.optional(),
    refunds: markdownNote.optional(),
    damaged: markdownNote.optional(),
    cancellations: markdownNote.optional(),
    shipping: markdownNote.optional(),
  })
  .meta({ description: 'Free Markdown per section, for what the questions do not cover.' });

// ---------------------------------------------------------------------------
// the whole file

export const policySchema = z
  .strictObject({
    shop,
    returns,
    refunds: refunds.prefault({}),
    damaged: damaged.prefault({}),
    cancellations: cancellations.prefault({}),
    shipping,
    notes: notes.prefault({}),
  })
  .meta({ title: 'upfront policy', description: "A shop's answers about returns, refunds and shipping." });

/** The answers as the owner writes them (defaults not yet applied). */
export type PolicyInput = z.input<typeof policySchema>;
/** The answers after validation, with every default filled in. */
export type Policy = z.output<typeof policySchema>;

// ---------------------------------------------------------------------------

let currencies: Set<string> | undefined;
function supportedCurrencies(): Set<string> {
  currencies ??= new Set(Intl.supportedValuesOf('currency'));
  return currencies;
}

function isTimeZone(zoneName: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zoneName });
    return zoneName.includes('/') || zoneName === 'UTC';
  } catch {
    return false;
  }
}
