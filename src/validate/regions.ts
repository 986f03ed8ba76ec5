/**
 * Which place codes a policy may name. Countries are checked against the ICU data
 * Node ships; states and provinces against the ISO 3166-2 lists of the two countries
 * small shops most often split by region. Their names live in templates/<lang>/phrases.json.
 */

const usStates =
  'AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY AS GU MP PR UM VI';
const canadianProvinces = 'AB BC MB NB NL NS NT NU ON PE QC SK YT';

const regionCodes = new Set([
  ...usStates.split(' ').map((s) => `US-${s}`),
  ...canadianProvinces.split(' ').map((s) => `CA-${s}`),
]);

// Codes ICU names that are not countries one can ship to.
const notCountries = new Set(['EU', 'EZ', 'UN', 'QO', 'ZZ', 'XA', 'XB']);

let regionNames: Intl.DisplayNames | undefined;

/** True for an ISO 3166-1 alpha-2 code of a real country or territory. */
export function isCountryCode(code: string): boolean {
  if (!/^[A-Z]{2}$/.test(code) || notCountries.has(code)) return false;
  regionNames ??= new Intl.DisplayNames('en', { type: 'region', fallback: 'none' });
  return regionNames.of(code) !== undefined;
}

/** True for a US state or Canadian province written like US-HI or CA-QC. */
export function isRegionCode(code: string): boolean {
  return regionCodes.has(code);
}

/** The country part of a place code: `US-HI` → `US`. */
export function countryOf(place: string): string {
  return place.slice(0, 2);
}
