/**
 * A block pasted into a Shopify notification is run as Liquid. Each block, placed
 * inside a Liquid template the way Shopify's notifications wrap their body, must parse
 * and render with liquidjs, fill its placeholders from the Liquid context, and show the
 * owner's text literally even when it contains `{{`, `{%` and `}}`.
 */
import { Liquid } from 'liquidjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { EmailDialect } from '../src/render/index.js';
import { emailBlocksOf, renderExampleWith, type EmailBlock } from './support/email.js';
import { visibleText } from './support/shops.js';

// Owner text that Liquid would otherwise run: an output, a tag, a stray `}}`, and
// `{% endraw %}`, which would break the usual {% raw %} wrapping.
const ownerText = {
  'shop.name': "Suds {% if true %}& Co{% endif %} }} {{ shop.email }}",
  'shop.phone': '{{#each this}}x{{/each}}',
  'returns.final_sale.0.item': 'Opened bars {% endraw %} {{- x -}}',
  'shipping.zones.0.services.0.name': "Standard {{ 'ground' | upcase }}",
};
const ownerTextIn: Record<string, Array<keyof typeof ownerText>> = {
  'order-confirmation': ['shop.phone', 'returns.final_sale.0.item', 'shipping.zones.0.services.0.name'],
  'refund-issued': ['shop.phone', 'shop.name'],
  'shipping-delay': ['shop.phone', 'shop.name'],
};

/** Shopify's notification templates capture the body, then print it inside the page. */
const inNotification = (block: string) => `{% capture email_body %}${block}{% endcapture %}<!DOCTYPE html><html><body>{{ email_body }}</body></html>`;

function engine(): Liquid {
  // Unknown variables and filters fail the render, so every placeholder must be one we pass.
  const liquid = new Liquid({ strictVariables: true, strictFilters: true, timezoneOffset: 0 });
  // Shopify's money filter: amounts are in cents.
  liquid.registerFilter('money', (cents: number) => `$${(cents / 100).toFixed(2)}`);
  return liquid;
}

const contexts: Record<Exclude<EmailDialect, 'plain'>, object> = {
  shopify: { order_name: '#1001', customer: { first_name: 'Ada' }, amount: 2450, fulfillment: { estimated_delivery_at: '2026-12-03T12:00:00Z' } },
  klaviyo: { event: { extra: { order_number: '1001' } }, person: { first_name: 'Ada' } },
};
const filled: Record<Exclude<EmailDialect, 'plain'>, Record<string, string[]>> = {
  shopify: {
    'order-confirmation': ['your order number, #1001.'],
    'refund-issued': ['Hi Ada,', 'a refund of $24.50 for order #1001'],
    'shipping-delay': ['Hi Ada,', 'order #1001 will ship later', 'arrive by December 3, 2026.'],
  },
  klaviyo: {
    'order-confirmation': ['your order number, 1001.'],
    'refund-issued': ['Hi Ada,', 'for order 1001'],
    'shipping-delay': ['Hi Ada,', 'order 1001 will ship later'],
  },
};

describe.each(['shopify', 'klaviyo'] as const)('the %s dialect, run as Liquid', (dialect) => {
  let blocks: EmailBlock[];
  beforeAll(async () => {
    blocks = emailBlocksOf('example', await renderExampleWith(ownerText, dialect));
  });

  it('parses and renders every block, HTML and text, with the placeholders filled in', () => {
    for (const block of blocks) {
      for (const [form, source] of [['html', block.html], ['text', block.text]] as const) {
        const rendered = engine().parseAndRenderSync(inNotification(source), contexts[dialect]);
        const read = (form === 'html' ? visibleText(rendered) : rendered).replace(/\s+/g, ' ');
        for (const value of filled[dialect][block.kind]!) expect(read, `${block.kind}.${form}`).toContain(value);
        expect(read, `${block.kind}.${form}`).not.toMatch(/\[order number\]|\[first name\]|\{\{ (order_name|customer|amount|event|person)/);
      }
    }
  });

  it("shows the owner's {{, {% and }} literally, never running them", () => {
    for (const block of blocks) {
      for (const [form, source] of [['html', block.html], ['text', block.text]] as const) {
        const rendered = engine().parseAndRenderSync(inNotification(source), contexts[dialect]);
        const read = (form === 'html' ? visibleText(rendered) : rendered).replace(/\s+/g, ' ');
        for (const field of ownerTextIn[block.kind]!) expect(read, `${block.kind}.${form} ${field}`).toContain(ownerText[field]);
      }
    }
  });

  it('reads at 72 columns once rendered', () => {
    for (const block of blocks) {
      const rendered = engine().parseAndRenderSync(inNotification(block.text), contexts[dialect]);
      for (const line of rendered.split('\n')) if ([...line].length > 72) expect(line, block.kind).toMatch(/^\s*(?:- |\d+\. )?\S+$/);
    }
  });
});

describe('a value the notification does not have', () => {
  it('leaves the blank in place rather than an empty gap', async () => {
    const [, , delay] = emailBlocksOf('example', await renderExampleWith({}, 'shopify'));
    const rendered = engine().parseAndRenderSync(inNotification(delay!.text), { ...contexts.shopify, fulfillment: { estimated_delivery_at: null } });
    expect(rendered.replace(/\s+/g, ' ')).toContain('arrive by [new delivery date].');
  });
});
