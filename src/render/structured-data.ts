/**
 * Structured data for search engines: the shop as an OnlineStore carrying its
 * shop-wide return policy (`hasMerchantReturnPolicy`) and shipping policy
 * (`hasShippingService`), the organization-level form Google documents for policies
 * that apply to most or all of a shop's products. Built from the same validated
 * answers the pages quote; types from schema-dts.
 */
import type { MerchantReturnPolicy, MonetaryAmount, OnlineStore } from 'schema-dts';
import type { Facts } from '../derive/index.js';
import type { Policy } from '../validate/schema.js';
import { countryOf } from '../validate/regions.js';
import { shippingServices } from './shipping-data.js';

const vocab = 'https://schema.org/';

const returnMethod = { by_mail: 'ReturnByMail', in_store: 'ReturnInStore', at_kiosk: 'ReturnAtKiosk' } as const;
const returnFees = { free: 'FreeReturn', customer_pays: 'ReturnFeesCustomerResponsibility', flat_fee: 'ReturnShippingFees' } as const;
const returnLabel = { emailed: 'ReturnLabelDownloadAndPrint', in_box: 'ReturnLabelInBox', customer_arranges: 'ReturnLabelCustomerResponsibility' } as const;
const refundTypes = { original_payment: ['FullRefund'], store_credit: ['StoreCreditRefund'], customer_choice: ['FullRefund', 'StoreCreditRefund'] } as const;
const itemCondition = { unused: ['NewCondition'], unopened: ['NewCondition'], any: ['NewCondition', 'UsedCondition', 'DamagedCondition'] } as const;

export interface StructuredData {
  '@context': 'https://schema.org';
  '@graph': [OnlineStore];
}

/**
 * @param policy the validated answers (numbers as numbers)
 * @param facts the same shop's facts (page addresses)
 */
export function structuredData(policy: Policy, facts: Facts): StructuredData {
  const { shop } = policy;
  const store: OnlineStore = {
    '@type': 'OnlineStore',
    name: shop.name,
    ...(shop.legal_name ? { legalName: shop.legal_name } : {}),
    ...(shop.website ? { url: shop.website } : {}),
    ...(shop.logo_url ? { logo: shop.logo_url } : {}),
    email: shop.support_email,
    ...(shop.phone ? { telephone: shop.phone } : {}),
    ...(shop.address
      ? {
          address: {
            '@type': 'PostalAddress',
            streetAddress: shop.address.street,
            addressLocality: shop.address.city,
            ...(shop.address.region ? { addressRegion: shop.address.region } : {}),
            ...(shop.address.postal_code ? { postalCode: shop.address.postal_code } : {}),
            addressCountry: shop.address.country,
          },
        }
      : {}),
    hasMerchantReturnPolicy: returnPolicy(policy, facts),
    hasShippingService: shippingServices(policy),
  };
  return { '@context': 'https://schema.org', '@graph': [store] };
}

function returnPolicy(policy: Policy, facts: Facts): MerchantReturnPolicy {
  const { shop, returns, refunds } = policy;
  const money = (value: number): MonetaryAmount => ({ '@type': 'MonetaryAmount', value, currency: shop.currency });
  const common = {
    '@type': 'MerchantReturnPolicy' as const,
    applicableCountry: [...new Set(shop.sells_to.map(countryOf))],
    ...(facts.shop.urls.returns ? { merchantReturnLink: facts.shop.urls.returns } : {}),
  };
  if (!returns.accepted) return { ...common, returnPolicyCategory: `${vocab}MerchantReturnNotPermitted` };

  return {
    ...common,
    // Where returns are sent: the business address, else the country it is based in.
    returnPolicyCountry: shop.address?.country ?? shop.country,
    ...(returns.window_days === 'unlimited'
      ? { returnPolicyCategory: `${vocab}MerchantReturnUnlimitedWindow` }
      : { returnPolicyCategory: `${vocab}MerchantReturnFiniteReturnWindow`, merchantReturnDays: returns.window_days }),
    returnMethod: returns.methods.map((method) => `${vocab}${returnMethod[method]}` as const),
    returnFees: `${vocab}${returnFees[returns.return_shipping]}`,
    ...(returns.return_shipping === 'flat_fee' && returns.return_shipping_fee !== undefined ? { returnShippingFeesAmount: money(returns.return_shipping_fee) } : {}),
    returnLabelSource: `${vocab}${returnLabel[facts.returns.label]}`,
    // A damaged, faulty or wrong item is always put right at no cost to the customer.
    itemDefectReturnFees: `${vocab}FreeReturn`,
    // schema.org: a MonetaryAmount is a fixed fee, a plain Number a percentage of the price.
    ...(returns.restocking_fee?.amount ? { restockingFee: money(returns.restocking_fee.amount) } : {}),
    ...(returns.restocking_fee?.percent ? { restockingFee: returns.restocking_fee.percent } : {}),
    itemCondition: itemCondition[returns.condition].map((condition) => `${vocab}${condition}` as const),
    refundType: [...refundTypes[refunds.method], ...(returns.exchanges ? (['ExchangeRefund'] as const) : [])].map((type) => `${vocab}${type}` as const),
    ...(returns.holiday_extension
      ? {
          returnPolicySeasonalOverride: {
            '@type': 'MerchantReturnPolicySeasonalOverride',
            startDate: returns.holiday_extension.purchased_from,
            endDate: returns.holiday_extension.purchased_until,
            returnPolicyCategory: `${vocab}MerchantReturnFiniteReturnWindow`,
            // schema.org lets merchantReturnDays be a fixed last day; the pages promise a date.
            merchantReturnDays: returns.holiday_extension.return_by,
          },
        }
      : {}),
  };
}

/** JSON-LD text that is safe inside a <script> element. */
export function serialiseJsonLd(data: object): string {
  return JSON.stringify(data, null, 2).replace(/</g, '\\u003c');
}
