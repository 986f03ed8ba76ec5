/**
 * Whatever accent colour an owner picks, headings and links on the pages stay readable:
 * WCAG AA contrast against every background they sit on, in light and dark mode, and
 * a colour that is already readable is used exactly as chosen.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AA_TEXT, DARK_BACKGROUNDS, LIGHT_BACKGROUNDS, contrastRatio, readableAccent } from '../src/derive/colour.js';

const hexColour = fc.tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 })).map((rgb) => `#${rgb.map((c) => c.toString(16).padStart(2, '0')).join('')}`);

describe('the accent colour on the pages', () => {
  it('reaches AA contrast on every light and dark background, for any colour', () => {
    fc.assert(
      fc.property(hexColour, (colour) => {
        const accent = readableAccent(colour);
        for (const background of LIGHT_BACKGROUNDS) expect(contrastRatio(accent.light, background)).toBeGreaterThanOrEqual(AA_TEXT);
        for (const background of DARK_BACKGROUNDS) expect(contrastRatio(accent.dark, background)).toBeGreaterThanOrEqual(AA_TEXT);
      }),
      { numRuns: 500 },
    );
  });

  it('keeps a readable colour exactly as chosen', () => {
    expect(readableAccent('#2f5d50')).toEqual({ chosen: '#2f5d50', light: '#2f5d50', dark: expect.stringMatching(/^#[0-9a-f]{6}$/), adjusted: false });
    expect(readableAccent('#8A3B12').light).toBe('#8a3b12');
  });

  it('darkens a pale colour only as far as needed, keeping its hue', () => {
    const yellow = readableAccent('#F5C400');
    expect(yellow.adjusted).toBe(true);
    expect(contrastRatio(yellow.light, '#f6f8fa')).toBeLessThan(AA_TEXT + 0.3);
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(yellow.light.slice(i, i + 2), 16)) as [number, number, number];
    // Still a yellow: red and green well above blue, in about the same proportion.
    expect(r).toBeGreaterThan(b * 2);
    expect(g / r).toBeCloseTo(0xc4 / 0xf5, 1);
    expect(yellow.dark).toBe('#f5c400');
  });

  it('measures contrast the WCAG way', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });
});
