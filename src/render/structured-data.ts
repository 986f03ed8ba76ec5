/**
 * Structured data for search engines: the shop as an OnlineStore with its
 * MerchantReturnPolicy, and one OfferShippingDetails per shipping service, from the
 * same validated answers the pages quote.
 */
import type { DefinedRegion, MerchantReturnPolicy, OfferShippingDetails, OnlineStore } from 'schema-dts';
import type { Facts } from '../derive/index.js';
import type { Policy } from '../validate/schema.js';
import { countryOf } from '../validate/regions.js';

const vocab = 'https://schema.org/';

const returnMethod = { by_mail: 'ReturnByMail', in_store: 'ReturnInStore', at_kiosk: 'ReturnAtKiosk' } as const;
const returnFees = { free: 'FreeReturn', customer_pays: 'ReturnFeesCustomerResponsibility', flat_fee: 'ReturnShippingFees' } as const;
const refundType = { original_payment: 'FullRefund', store_credit: 'StoreCreditRefund', customer_choice: 'FullRefund' } as const;
const itemCondition = { unused: ['NewCondition'], unopened: ['NewCondition'], any: ['NewCondition', 'UsedCondition', 'DamagedCondition'] } as const;

/**
 * @param policy the validated answers (numbers as numbers)
 * @param facts the same shop's facts (names, page addresses)
 */
export function structuredData(policy: Policy, facts: Facts): StructuredData {
  const { shop, returns, shipping } = policy;
  const money = (value: number) => ({ '@type': 'MonetaryAmount' as const, value, currency: shop.currency });
  const countries = [...new Set(shop.sells_to.map(countryOf))];

  const returnPolicy: MerchantReturnPolicy = {
    '@type': 'MerchantReturnPolicy',
    name: `${shop.name} returns`,
    applicableCountry: countries,
    returnPolicyCountry: shop.address?.country ?? shop.country,
    ...(facts.shop.urls.returns ? { merchantReturnLink: facts.shop.urls.returns } : {}),
    ...(!returns.accepted
      ? { returnPolicyCategory: `${vocab}MerchantReturnNotPermitted` }
      : returns.window_days === 'unlimited'
        ? { returnPolicyCategory: `${vocab}MerchantReturnUnlimitedWindow` }
        : { returnPolicyCategory: `${vocab}MerchantReturnFiniteReturnWindow`, merchantReturnDays: returns.window_days }),
    ...(returns.accepted
      ? {
          returnMethod: returns.methods.map((m) => `${vocab}${returnMethod[m]}` as const),
          returnFees: `${vocab}${returnFees[returns.return_shipping]}`,
          ...(returns.return_shipping === 'flat_fee' && returns.return_shipping_fee !== undefined ? { returnShippingFeesAmount: money(returns.return_shipping_fee) } : {}),
          ...(returns.restocking_fee?.amount !== undefined ? { restockingFee: money(returns.restocking_fee.amount) } : {}),
          ...(returns.restocking_fee?.percent !== undefined ? { restockingFee: returns.restocking_fee.percent } : {}),
          itemCondition: itemCondition[returns.condition].map((c) => `${vocab}${c}` as const),
          refundType: `${vocab}${refundType[policy.refunds.method]}`,
          ...(returns.holiday_extension
            ? {
                returnPolicySeasonalOverride: {
                  '@type': 'MerchantReturnPolicySeasonalOverride',
                  startDate: returns.holiday_extension.purchased_from,
                  endDate: returns.holiday_extension.purchased_until,
                  returnPolicyCategory: `${vocab}MerchantReturnFiniteReturnWindow`,
                  merchantReturnDays: returns.holiday_extension.return_by,
                },
              }
            : {}),
        }
      : {}),
  };

  const region = (place: string): DefinedRegion =>
    place.length > 2
      ? { '@type': 'DefinedRegion', addressCountry: countryOf(place), addressRegion: place.slice(3) }
      : { '@type': 'DefinedRegion', addressCountry: place };
  const days = (range: { min: number; max: number }) => ({ '@type': 'QuantitativeValue' as const, minValue: range.min, maxValue: range.max, unitCode: 'DAY' });

  const shippingDetails: OfferShippingDetails[] = shipping.zones.flatMap((zone) =>
    zone.services.flatMap((service) => {
      const base = {
        '@type': 'OfferShippingDetails' as const,
        shippingLabel: service.name,
        shippingDestination: zone.countries.map(region),
        deliveryTime: {
          '@type': 'ShippingDeliveryTime' as const,
          handlingTime: days(shipping.processing_days),
          transitTime: days(service.transit_days),
          ...(shipping.cutoff ? { cutoffTime: `${shipping.cutoff.time}:00` } : {}),
        },
      };
      const paid: OfferShippingDetails = { ...base, shippingRate: money(service.price) };
      if (service.free_over === undefined || service.price === 0) return [paid];
      // The free-over threshold: the same service at no cost for orders of at least that value.
      const free: OfferShippingDetails = {
        ...base,
        shippingRate: money(0),
        eligibleTransactionVolume: { '@type': 'PriceSpecification', minPrice: service.free_over, priceCurrency: shop.currency },
      } as OfferShippingDetails;
      return [paid, free];
    }),
  );
  const excluded: OfferShippingDetails[] = shipping.does_not_ship_to.map((place) => ({
    '@type': 'OfferShippingDetails',
    shippingDestination: region(place),
    doesNotShip: true,
  }));

  const store: OnlineStore = {
    '@type': 'OnlineStore',
    name: shop.name,
    ...(shop.legal_name ? { legalName: shop.legal_name } : {}),
    ...(shop.website ? { url: shop.website } : {}),
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
    hasMerchantReturnPolicy: returnPolicy,
  };
  // Shipping details belong to each product Offer (`shippingDetails`); they are listed
  // beside the store so a shop platform or theme can attach them to its offers.
  return { '@context': 'https://schema.org', '@graph': [store, ...shippingDetails, ...excluded] };
}

export interface StructuredData {
  '@context': 'https://schema.org';
  '@graph': Array<OnlineStore | OfferShippingDetails>;
}

/** JSON-LD text that is safe inside a <script> element. */
export function serialiseJsonLd(data: object): string {
  return JSON.stringify(data, null, 2).replace(/</g, '\\u003c');
}
