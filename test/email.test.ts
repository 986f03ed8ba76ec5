/**
 * The email blocks as an inbox and a customer meet them: one presentation table with
 * inline styles only, features every major client supports (caniemail data), small
 * enough to never be clipped, readable as plain text, and the follow-up emails saying
 * what a customer needs to hear about a refund or a late parcel.
 */
import { DoIUseEmail, doIUseEmail } from '@jsx-email/doiuse-email';
import { beforeAll, describe, expect, it } from 'vitest';
import { readTemplates } from '../src/load/index.js';
import { compileEmail } from '../src/render/email/index.js';
import { emailBlocksOf, fixtureEmailBlocks, renderExampleWith, type EmailBlock } from './support/email.js';
import { templatesDir } from './support/paths.js';
import { decodeEntities, visibleText } from './support/shops.js';

let blocks: EmailBlock[];
beforeAll(async () => {
  blocks = await fixtureEmailBlocks();
});
const name = (block: EmailBlock) => `${block.shop}/${block.kind}`;

/**
 * The caniemail client families for Gmail, Apple Mail, Yahoo and Outlook on Windows, as
 * @jsx-email/doiuse-email names them. Its list leaves out Outlook on the web
 * (`outlook.outlook-com`) although its data has it, so that client is set directly.
 * `outlook.windows-mail` (the retired Windows 10 Mail app, not Outlook) is not checked:
 * its only finding is the role attribute, which every layout table must carry.
 */
const clientFamilies: Record<string, string[]> = {
  Gmail: ['gmail.*'],
  'Apple Mail': ['apple-mail.*'],
  Yahoo: ['yahoo.*'],
  'Outlook on Windows': ['outlook.windows'],
  'Outlook on the web': ['outlook.outlook-com'],
};

function unsupportedFeatures(html: string, clients: string[]): string[] {
  const known = clients.filter((client) => client !== 'outlook.outlook-com');
  const checker = new DoIUseEmail({ emailClients: known.length > 0 ? known : ['outlook.windows'] });
  // An id the data lacks makes the checker throw ("not found on"), so this cannot pass vacuously.
  if (known.length === 0) (checker as unknown as { emailClients: string[] }).emailClients = clients;
  const result = checker.check(html);
  return result.success ? [] : result.errors;
}

/** WCAG contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

function tagsOf(html: string): Array<{ name: string; tag: string }> {
  return [...html.matchAll(/<([a-z][a-z0-9]*)\b[^>]*>/g)].map((m) => ({ name: m[1]!, tag: m[0] }));
}

/** The words of the text twin, without what only text has: underlines, list markers, written-out addresses. */
function wordsOfText(text: string): string[] {
  return text
    .split('\n')
    .filter((line) => !/^[-=]+$/.test(line))
    .map((line) => line.replace(/^\s*(?:- |\d+\. )/, ''))
    .join(' ')
    .replace(/ \((?:https?:\/\/[^\s)]+|[^\s()@]+@[^\s()]+)\)/g, '')
    .split(/\s+/)
    .filter(Boolean);
}

describe('every email block of every fixture shop', () => {
  it('is one presentation table with inline styles only, 600 px wide at most, with its language', () => {
    for (const block of blocks) {
      const html = block.html.trim();
      expect(html, name(block)).toMatch(/^<table role="presentation" lang="en" width="600"[^>]*style="[^"]*max-width: ?100%/);
      expect(html.endsWith('</table>'), name(block)).toBe(true);
      const tables = tagsOf(html).filter((t) => t.name === 'table');
      expect(tables.length, name(block)).toBeGreaterThan(1);
      for (const table of tables) expect(table.tag, name(block)).toContain('role="presentation"');
      expect(html, name(block)).not.toMatch(/<style|<link|\sclass=|<div|<img|<script/i);
      expect(html, name(block)).not.toMatch(/margin:\s*(?:[^;"]*\s)?auto/i);
    }
  });

  it('gives every piece of text an explicit, high-contrast colour on an explicit white background', () => {
    for (const block of blocks) {
      for (const { name: tag, tag: markup } of tagsOf(block.html)) {
        if (['table', 'td'].includes(tag)) expect(markup, name(block)).toContain('bgcolor="#ffffff"');
        if (['td', 'h2', 'h3', 'p', 'li', 'a', 'ul', 'ol', 'strong'].includes(tag)) expect(markup, `${name(block)} ${markup}`).toMatch(/[";]\s*color:\s*#[0-9a-f]{6}/i);
      }
      const colours = [...block.html.matchAll(/[";]\s*color:\s*(#[0-9a-f]{6})/gi)].map((m) => m[1]!.toLowerCase());
      const backgrounds = new Set([...block.html.matchAll(/background-color:\s*(#[0-9a-f]{6})|bgcolor="(#[0-9a-f]{6})"/gi)].map((m) => (m[1] ?? m[2])!.toLowerCase()));
      expect([...backgrounds], name(block)).toEqual(['#ffffff']);
      // WCAG AA for body text; the darkest inversion a client applies keeps the same ratio.
      for (const colour of new Set(colours)) expect(contrast(colour, '#ffffff'), `${name(block)} ${colour}`).toBeGreaterThanOrEqual(4.5);
    }
  });

  it.each(Object.entries(clientFamilies))('uses no feature %s does not support (caniemail)', (_, clients) => {
    for (const block of blocks) expect(unsupportedFeatures(block.html, clients), name(block)).toEqual([]);
  });

  it('is at most 16 KB', () => {
    for (const block of blocks) expect(Buffer.byteLength(block.html), name(block)).toBeLessThanOrEqual(16 * 1024);
  });

  it('has a plain-text twin wrapped at 72 columns, with every link written out', () => {
    for (const block of blocks) {
      for (const line of block.text.split('\n')) {
        // Only a single word longer than the line (a long address) may run past it.
        if ([...line].length > 72) expect(line, name(block)).toMatch(/^\s*(?:- |\d+\. )?\S+$/);
      }
      for (const [, href] of block.html.matchAll(/href="([^"]+)"/g)) {
        const address = decodeEntities(href!).replace(/^mailto:/, '');
        expect(block.text.replace(/\s+/g, ' '), `${name(block)} ${address}`).toContain(address);
      }
    }
  });

  it('says the same words in HTML and in plain text, from one source', () => {
    // Tags become spaces in visibleText, so spacing is left out of the comparison.
    for (const block of blocks) expect(visibleText(block.html).replace(/\s+/g, ''), name(block)).toBe(wordsOfText(block.text).join(''));
  });
});

describe('placeholders for what only the shop platform knows', () => {
  it('are [blanks] in the plain dialect', () => {
    const juniper = blocks.filter((b) => b.shop === 'juniper-and-lye');
    const [confirmation, refund, delay] = juniper as [EmailBlock, EmailBlock, EmailBlock];
    expect(confirmation.text).toContain('[order number]');
    for (const blank of ['[first name]', '[refund amount]', '[order number]']) expect(refund.text).toContain(blank);
    for (const blank of ['[first name]', '[order number]', '[new delivery date]']) expect(delay.text).toContain(blank);
    for (const block of juniper) expect(block.html + block.text).not.toMatch(/\{\{|\{%|\uE000|\uE002/);
  });

  it('are Shopify notification variables in the shopify dialect, with the same file names', async () => {
    const plain = await renderExampleWith({});
    const shopify = await renderExampleWith({}, 'shopify');
    expect(shopify.map((f) => f.path)).toEqual(plain.map((f) => f.path));
    const [confirmation, refund, delay] = emailBlocksOf('example', shopify) as [EmailBlock, EmailBlock, EmailBlock];
    expect(confirmation.html).toContain('order number, {{ order_name }}.');
    expect(refund.text).toContain('Hi {{ customer.first_name | default: \'there\' }},');
    expect(refund.html).toContain('a refund of {{ amount | money }} for order {{ order_name }}');
    expect(delay.html).toContain("arrive by {{ fulfillment.estimated_delivery_at | date: '%B %-d, %Y' | default: '[new delivery date]' }}.");
    for (const block of [confirmation, refund, delay]) expect(block.html + block.text).not.toMatch(/\[order number\]|\[first name\]|\[refund amount\]/);
    // Only the email blocks change (and the files that show or list them: the
    // publishing page previews them, the manifest hashes them).
    const others = (files: typeof plain) => files.filter((f) => !f.path.includes('/email/') && !f.path.endsWith('index.html') && f.path !== 'manifest.json');
    expect(others(shopify)).toEqual(others(plain));
  });

  it('are Klaviyo variables in the klaviyo dialect, and blanks for what Klaviyo has no variable for', async () => {
    const [confirmation, refund, delay] = emailBlocksOf('example', await renderExampleWith({}, 'klaviyo')) as [EmailBlock, EmailBlock, EmailBlock];
    expect(confirmation.text).toContain('{{ event.extra.order_number }}');
    expect(refund.text).toContain("Hi {{ person.first_name|default:'there' }},");
    expect(refund.text).toContain('[refund amount]');
    expect(delay.text).toContain('[new delivery date]');
  });

  it('keep the text twin wrapped as it will read: a placeholder is never split across lines', async () => {
    const files = await renderExampleWith({}, 'shopify');
    for (const block of emailBlocksOf('example', files)) {
      for (const line of block.text.split('\n')) expect(line.split('{{').length, line).toBe(line.split('}}').length);
    }
  });
});

describe('what each block tells the customer', () => {
  it('the order confirmation says what happens next, how to return or cancel, what if something goes wrong, and how to reach a person', () => {
    const text = blocks.find((b) => b.shop === 'juniper-and-lye' && b.kind === 'order-confirmation')!.text.replace(/\s+/g, ' ');
    expect(text).toContain('We prepare your order within 1–3 business days');
    expect(text).toContain('we email you its tracking number');
    expect(text).toContain('United States, Standard (USPS Ground Advantage): 2–5 business days');
    expect(text).toContain('You can return items within 30 days of delivery. You pay for return shipping. To start a return, reply to this email');
    expect(text).toContain('You can cancel or change your order within 12 hours of placing it');
    expect(text).toContain('damaged, faulty or not what you ordered, tell us within 7 days of delivery');
    expect(text).toContain("If your parcel hasn't arrived 7 days after its expected delivery date");
    expect(text).toContain('A person answers within 24 hours.');
  });

  it('the refund notice gives the method, the promised processing time and how long banks take', () => {
    const refund = (shop: string) => blocks.find((b) => b.shop === shop && b.kind === 'refund-issued')!.text.replace(/\s+/g, ' ');
    expect(refund('juniper-and-lye')).toContain('for order [order number] to your original payment method. We send every refund within 5 business days');
    expect(refund('juniper-and-lye')).toContain('usually shows the money within 5–10 business days');
    expect(refund('store-credit-only')).toContain('as store credit');
    expect(refund('store-credit-only')).toContain('Your store credit is ready to use now');
    expect(refund('store-credit-only')).not.toContain('bank');
    expect(refund('flat-fee-restocking')).toContain('The $8.50 return shipping fee is taken from it. A restocking fee of 15% of the item price is taken from it.');
    expect(refund('no-returns')).toContain('We send every refund within 3 business days, and this one is on its way.');
  });

  it('the delay notice gives the new date, the right to cancel for a full refund and a free way to cancel (16 CFR 435.2)', () => {
    const delay = blocks.find((b) => b.shop === 'juniper-and-lye' && b.kind === 'shipping-delay')!.text.replace(/\s+/g, ' ');
    expect(delay).toContain('We now expect your order to arrive by [new delivery date].');
    expect(delay).toContain('You can cancel for a full refund');
    expect(delay).toContain('reply to this email with "cancel", any time before your order ships. Cancelling costs you nothing: we refund everything you paid, shipping included, within 5 business days.');
    expect(delay).toContain("If we don't hear from you before your order ships, we'll send it by the new date.");
  });

  it('the delay notice offers no cancellation the shop does not allow', async () => {
    const [, , delay] = emailBlocksOf('example', await renderExampleWith({ 'shipping.delays.customer_may_cancel': false })) as [EmailBlock, EmailBlock, EmailBlock];
    expect(delay.text).not.toContain('cancel');
    expect(delay.text.replace(/\s+/g, ' ')).toContain('Reply to this email and tell us. A person will look at your order and answer within 24 hours.');
  });
});

describe('compiling the email styles', () => {
  it('runs juice once per template set, not once per shop or build step', async () => {
    const set = await readTemplates(templatesDir, ['en']);
    const first = compileEmail(set, 'en');
    expect(compileEmail(set, 'en')).toBe(first);
    expect(compileEmail(await readTemplates(templatesDir, ['en']), 'en')).not.toBe(first);
    expect(first.styles.get('p')).toMatch(/^font-family:Arial, Helvetica, sans-serif;color:#1f2328;margin:0 0 12px/);
  });

  it('inlines the stylesheet into the layout and leaves no class behind', async () => {
    const set = await readTemplates(templatesDir, ['en']);
    const html = compileEmail(set, 'en').layout({ language: 'en', sections: ['<p>x</p>'] });
    expect(html).toContain('<td style="padding: 12px 24px 0;');
    expect(html).not.toContain('class=');
    expect(doIUseEmail(html, { emailClients: ['gmail.*'] }).success).toBe(true);
  });

  it('names the template file when the placeholder wording is broken', async () => {
    const set = await readTemplates(templatesDir, ['en']);
    set.languages['en']!.files['email/placeholders.json'] = '{"plain": {"orderNumber": "[order number]"}, "shopify": {"orderNumbr": "x"}, "klaviyo": {}}';
    expect(() => compileEmail(set, 'en')).toThrow('templates/en/email/placeholders.json: "shopify" names orderNumbr, which "plain" does not have.');
  });
});
