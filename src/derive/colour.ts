/**
 * The shop's accent colour, made readable. Links and headings on the policy pages use
 * it, so an owner's pale brand colour (a yellow, a mint) would make them unreadable.
 * Rather than refuse the build or only warn, the colour keeps its hue and saturation
 * and is darkened (on the light page) or lightened (in dark mode) just until it reaches
 * WCAG AA contrast: the page stays accessible and still looks like the shop's. The dashboard
 * tells the owner when this happened.
 */

/** WCAG AA contrast for normal-size text. */
export const AA_TEXT = 4.5;

/** The page background and the tinted boxes on it (table of contents, at a glance). */
export const LIGHT_BACKGROUNDS = ['#ffffff', '#f6f8fa'] as const;
/** The same two surfaces in dark mode. */
export const DARK_BACKGROUNDS = ['#0d1117', '#161b22'] as const;

export interface ReadableAccent {
  /** What the owner wrote, lower-cased: `#f5c400`. */
  chosen: string;
  /** For the light page: the chosen colour, darkened if it was too pale. */
  light: string;
  /** For dark mode: the chosen colour, lightened if it was too dark. */
  dark: string;
  /** Whether `light` differs from `chosen`. */
  adjusted: boolean;
}

/**
 * @param hex the owner's colour, `#rrggbb`
 */
export function readableAccent(hex: string): ReadableAccent {
  const chosen = hex.toLowerCase();
  const light = towards(chosen, 'darker', LIGHT_BACKGROUNDS);
  return { chosen, light, dark: towards(chosen, 'lighter', DARK_BACKGROUNDS), adjusted: light !== chosen };
}

/**
 * WCAG 2 contrast ratio of two colours, from 1 to 21.
 * @param a `#rrggbb`
 * @param b `#rrggbb`
 */
export function contrastRatio(a: string, b: string): number {
  const [lighter, darker] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (lighter + 0.05) / (darker + 0.05);
}

/**
 * Moves the colour's lightness (HSL) one percent at a time towards black or white
 * until it reaches AA on every background; hue and saturation stay the owner's.
 */
function towards(hex: string, direction: 'darker' | 'lighter', backgrounds: readonly string[]): string {
  // A hair above the threshold, so rounding in a checker never tips it under.
  const readable = (colour: string) => backgrounds.every((background) => contrastRatio(colour, background) >= AA_TEXT + 0.05);
  const [hue, saturation, lightness] = toHsl(channels(hex));
  for (let step = 0; step <= 100; step++) {
    const shifted = direction === 'darker' ? lightness - step / 100 : lightness + step / 100;
    const colour = step === 0 ? hex : toHex(fromHsl(hue, saturation, Math.min(1, Math.max(0, shifted))));
    if (readable(colour)) return colour;
  }
  return direction === 'darker' ? '#000000' : '#ffffff';
}

function toHsl([r, g, b]: [number, number, number]): [number, number, number] {
  const [red, green, blue] = [r / 255, g / 255, b / 255];
  const max = Math.max(red, green, blue);
  const min = Math.min(red, green, blue);
  const lightness = (max + min) / 2;
  if (max === min) return [0, 0, lightness];
  const delta = max - min;
  const saturation = lightness > 0.5 ? delta / (2 - max - min) : delta / (max + min);
  const hue = max === red ? (green - blue) / delta + (green < blue ? 6 : 0) : max === green ? (blue - red) / delta + 2 : (red - green) / delta + 4;
  return [hue / 6, saturation, lightness];
}

function fromHsl(hue: number, saturation: number, lightness: number): [number, number, number] {
  if (saturation === 0) return [lightness, lightness, lightness].map((v) => v * 255) as [number, number, number];
  const q = lightness < 0.5 ? lightness * (1 + saturation) : lightness + saturation - lightness * saturation;
  const p = 2 * lightness - q;
  const channel = (t: number) => {
    const u = t < 0 ? t + 1 : t > 1 ? t - 1 : t;
    if (u < 1 / 6) return p + (q - p) * 6 * u;
    if (u < 1 / 2) return q;
    if (u < 2 / 3) return p + (q - p) * (2 / 3 - u) * 6;
    return p;
  };
  return [channel(hue + 1 / 3), channel(hue), channel(hue - 1 / 3)].map((v) => v * 255) as [number, number, number];
}

function toHex(rgb: [number, number, number]): string {
  return `#${rgb.map((value) => Math.round(value).toString(16).padStart(2, '0')).join('')}`;
}

function channels(hex: string): [number, number, number] {
  return [1, 3, 5].map((start) => parseInt(hex.slice(start, start + 2), 16)) as [number, number, number];
}

function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map((value) => {
    const c = value / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
