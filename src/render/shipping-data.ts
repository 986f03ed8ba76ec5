/**
 * The shop's shipping policy as schema.org `ShippingService`s, for the store's
 * `hasShippingService`.
 *
 * Why this shape and not `OfferShippingDetails`: Google reads a shop-wide shipping
 * policy from `Organization.hasShippingService` (ShippingService → ShippingConditions),
 * and that is the only place its docs accept an order-value condition, which is what a
 * free-shipping threshold is (Search Central, "Merchant shipping policy (ShippingService)
 * structured data"). `OfferShippingDetails` belongs under a product's `Offer`, overrides
 * the shop-wide policy for that one product and has no threshold property Google reads;
 * a loose one, attached to no offer, is read by no one. So each service becomes one
 * ShippingService: its price as one condition, and "free over X" as a second condition
 * with `orderValue.minValue` X and a zero rate (when both apply, Google uses the lower
 * rate, which is the promise the pages make).
 */
import type { DefinedRegion, MonetaryAmount, OpeningHoursSpecification, QuantitativeValue, ServicePeriod, ShippingConditions, ShippingService } from 'schema-dts';
import type { Policy } from '../validate/schema.js';
import { countryOf } from '../validate/regions.js';

const vocab = 'https://schema.org/';
const weekdays = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'] as const;
const weekend = ['Saturday', 'Sunday'] as const;

/**
 * One ShippingService per service of every zone.
 * @param policy the validated answers (numbers as numbers)
 */
export function shippingServices(policy: Policy): ShippingService[] {
  const { shop, shipping } = policy;
  const money = (value: number): MonetaryAmount => ({ '@type': 'MonetaryAmount', value, currency: shop.currency });
  const days = shipping.business_days ? [...weekdays] : [...weekdays, ...weekend];
  const businessDays: OpeningHoursSpecification = { '@type': 'OpeningHoursSpecification', dayOfWeek: days.map((day) => `${vocab}${day}` as const) };
  const period = (range: { min: number; max: number }, extra: Partial<ServicePeriod> = {}): ServicePeriod =>
    ({ '@type': 'ServicePeriod', duration: dayRange(range), businessDays, ...extra }) as ServicePeriod;
  const cutoff = shipping.cutoff ? { cutoffTime: `${shipping.cutoff.time}:00${utcOffset(shipping.cutoff.time_zone, shop.effective_date)}` } : {};

  return shipping.zones.flatMap((zone) => {
    const destinations = zone.countries.map(region);
    // Places the shop leaves out inside this zone's countries (Puerto Rico in a US zone).
    const excluded: ShippingConditions[] = shipping.does_not_ship_to
      .filter((place) => place !== countryOf(place) && zone.countries.includes(countryOf(place)))
      .map((place) => ({ '@type': 'ShippingConditions', shippingDestination: region(place), doesNotShip: true }));
    return zone.services.map((service): ShippingService => {
      const transitTime = period(service.transit_days);
      const paid: ShippingConditions = { '@type': 'ShippingConditions', shippingDestination: destinations, shippingRate: money(service.price), transitTime };
      const free: ShippingConditions[] =
        service.free_over !== undefined && service.price > 0
          ? [{ '@type': 'ShippingConditions', shippingDestination: destinations, orderValue: { '@type': 'MonetaryAmount', minValue: service.free_over, currency: shop.currency }, shippingRate: money(0), transitTime }]
          : [];
      return {
        '@type': 'ShippingService',
        name: service.name,
        fulfillmentType: `${vocab}FulfillmentTypeDelivery`,
        handlingTime: period(shipping.processing_days, cutoff),
        shippingConditions: [paid, ...free, ...excluded],
      };
    });
  });
}

/** A country (`US`) or a state or province (`US-HI`) as a DefinedRegion. */
function region(place: string): DefinedRegion {
  return place.length > 2
    ? { '@type': 'DefinedRegion', addressCountry: countryOf(place), addressRegion: place.slice(3) }
    : { '@type': 'DefinedRegion', addressCountry: place };
}

function dayRange(range: { min: number; max: number }): QuantitativeValue {
  return { '@type': 'QuantitativeValue', minValue: range.min, maxValue: range.max, unitCode: 'DAY' };
}

/**
 * The zone's UTC offset on the policy's effective date, like `-08:00`, because
 * schema.org's cutoffTime is an ISO 8601 time with its offset. Taken on a fixed date
 * (not today) so the output stays the same from build to build.
 */
function utcOffset(timeZone: string, onDate: string): string {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(new Date(`${onDate}T12:00:00Z`))
    .find((part) => part.type === 'timeZoneName')?.value;
  const offset = /^GMT([+-]\d{2}:\d{2})$/.exec(name ?? '')?.[1];
  return offset ?? '+00:00';
}
