/**
 * Suggested answers worked out from what is already known: the owner's locale, the
 * shop's name or file name, its country. Suggestions only; the owner can change each.
 */
import { isSafeShopId, slug } from '../load/shop-id.js';

/** Countries that pay in euros (2026, with Bulgaria). */
const euroCountries = new Set('AT BE BG HR CY EE FI FR DE GR IE IT LV LT LU MT NL PT SK SI ES'.split(' '));

/** Currencies of the countries small online shops most often sell from; USD otherwise. */
const currencies: Record<string, string> = {
  US: 'USD', CA: 'CAD', GB: 'GBP', AU: 'AUD', NZ: 'NZD', CH: 'CHF', SE: 'SEK', NO: 'NOK', DK: 'DKK',
  PL: 'PLN', CZ: 'CZK', HU: 'HUF', RO: 'RON', JP: 'JPY', MX: 'MXN', BR: 'BRL', IN: 'INR', ZA: 'ZAR', SG: 'SGD', HK: 'HKD',
};

/**
 * The currency a shop in `country` most likely prices in.
 * @param country two-letter country code
 */
export function currencyOf(country: string): string {
  return euroCountries.has(country) ? 'EUR' : (currencies[country] ?? 'USD');
}

/**
 * The country of a locale like `en-GB`, or US when the locale names none.
 * @param locale a BCP 47 locale, like the one the operating system uses
 */
export function countryOfLocale(locale: string): string {
  try {
    const region = new Intl.Locale(locale).maximize().region;
    return region && /^[A-Z]{2}$/.test(region) ? region : 'US';
  } catch {
    return 'US';
  }
}

/**
 * A file name from a shop name: `Hollow Oak Ceramics` → `hollow-oak-ceramics`.
 * @param name the shop's name
 */
export function shopIdFromName(name: string): string {
  const id = slug(name);
  return id && isSafeShopId(id) ? id : 'my-shop';
}

/**
 * A shop name from a file name: `hollow-oak` → `Hollow Oak`.
 * @param shopId the file name without `.yaml`
 */
export function nameFromShopId(shopId: string): string {
  return shopId
    .split('-')
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join(' ');
}

/**
 * The name of a country in a language, for a shipping zone's suggested name.
 * @param country two-letter code
 * @param language the language of the questions
 */
export function countryName(country: string, language: string): string {
  try {
    return new Intl.DisplayNames(language, { type: 'region', fallback: 'code' }).of(country) ?? country;
  } catch {
    return country;
  }
}

/** The rule `load` applies to file names, so a file `init` writes is always accepted. */
