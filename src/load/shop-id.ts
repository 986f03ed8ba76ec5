/**
 * A shop id is the policy file's name without `.yaml`, and becomes a folder in dist/.
 * Only names that are one safe path segment on every operating system are accepted, so
 * no file name can make upfront write outside dist/ or into another shop's folder.
 */

const safeShopId = /^[a-z0-9][a-z0-9-]{0,62}$/;
/** Names Windows will not create, whatever the extension. */
const reservedOnWindows = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/;

/**
 * Why a shop id cannot be used, with the file name to use instead; undefined when it is safe.
 * @param shopId the policy file's name without its extension
 */
export function shopIdProblem(shopId: string): { message: string; hint?: string } | undefined {
  if (isSafeShopId(shopId)) return undefined;
  const suggestion = slug(shopId);
  const hint = suggestion && !reservedOnWindows.test(suggestion) ? `Rename the file to ${suggestion}.yaml.` : undefined;
  const shown = JSON.stringify(shopId);
  const message = (why: string) => ({ message: `The file name ${shown} cannot be a folder in dist/: ${why}.`, ...(hint ? { hint } : {}) });
  if (shopId === '') return message('there is no name before .yaml');
  if (reservedOnWindows.test(shopId)) return message('Windows reserves this name');
  if (shopId.length > 63) return message('it is longer than 63 characters');
  if (/[/\\]|^\.\.?$/.test(shopId)) return message('it would point outside its own folder');
  if (/[A-Z]/.test(shopId) && /^[A-Za-z0-9-]+$/.test(shopId)) return message('it has capital letters');
  if (/\s/.test(shopId)) return message('it has spaces');
  if (/^-/.test(shopId)) return message('it starts with a dash');
  return message('it may only have lowercase letters, digits and dashes');
}

/**
 * True when a shop id can be a file name and a folder in dist/ as it is.
 * @param shopId the policy file's name without its extension
 */
export function isSafeShopId(shopId: string): boolean {
  return safeShopId.test(shopId) && !reservedOnWindows.test(shopId);
}

/**
 * The closest safe id for a name: `My Shop (old)` → `my-shop-old`; empty when nothing is left.
 * @param name a file or shop name
 */
export function slug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63)
    .replace(/-+$/, '');
}
