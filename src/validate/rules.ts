/**
 * Cross-field rules: what the schema alone cannot say. Each rule is a small named
 * function that looks at the typed policy and reports findings at a path.
 */
import type { ErrorCode } from '../errors/catalogue.js';
import type { PathKey } from './positions.js';
import type { Policy } from './schema.js';

export interface RuleContext {
  policy: Policy;
  /** Whether the owner wrote this path (defaults do not count). */
  written(path: readonly PathKey[]): boolean;
  report(code: ErrorCode, path: readonly PathKey[], message: string, hint?: string): void;
}

export type Rule = (ctx: RuleContext) => void;

export const flatFeeNeedsAmount: Rule = ({ policy, report }) => {
  const r = policy.returns;
  if (r.accepted && r.return_shipping === 'flat_fee' && r.return_shipping_fee === undefined) {
    report('fee-needs-amount', ['returns', 'return_shipping'], 'Return shipping is a flat fee, but the fee is not given.', 'Add `return_shipping_fee:` with the amount, like 6.50.');
  }
};

export const feeWithoutFlatFee: Rule = ({ policy, written, report }) => {
  const r = policy.returns;
  if (r.return_shipping_fee !== undefined && r.return_shipping !== 'flat_fee' && written(['returns', 'return_shipping_fee'])) {
    report('answer-not-used', ['returns', 'return_shipping_fee'], `A return shipping fee is given, but return_shipping is \`${r.return_shipping}\`.`, 'Set `return_shipping: flat_fee`, or delete the fee.');
  }
};

export const restockingFeeIsOneThing: Rule = ({ policy, report }) => {
  const fee = policy.returns.restocking_fee;
  if (!fee) return;
  if (fee.percent !== undefined && fee.amount !== undefined) {
    report('conflicting-answers', ['returns', 'restocking_fee', 'amount'], 'The restocking fee has both a percent and an amount, and only one can be taken.', 'Keep `percent:` or `amount:`, not both.');
  } else if (fee.percent === undefined && fee.amount === undefined) {
    report('fee-needs-amount', ['returns', 'restocking_fee'], 'A restocking fee is given without a percent or an amount.', 'Add `percent: 10` or `amount: 5`, or delete restocking_fee.');
  }
};

export const returnFormNeedsAddress: Rule = ({ policy, report }) => {
  const r = policy.returns;
  if (r.accepted && r.how_to_start === 'online_form' && !r.return_form_url) {
    report('answer-needs-companion', ['returns', 'how_to_start'], 'Returns start with an online form, but its address is not given.', 'Add `return_form_url:` with the full https:// address of the form.');
  }
};

export const formAddressWithoutForm: Rule = ({ policy, written, report }) => {
  const r = policy.returns;
  if (r.return_form_url !== undefined && r.how_to_start !== 'online_form' && written(['returns', 'return_form_url'])) {
    report('answer-not-used', ['returns', 'return_form_url'], `A return form address is given, but how_to_start is \`${r.how_to_start}\`, so no page will link to it.`, 'Set `how_to_start: online_form`, or delete return_form_url.');
  }
};

export const hoursWithoutWithinHours: Rule = ({ policy, written, report }) => {
  const c = policy.cancellations;
  if (c.within_hours !== undefined && c.allowed !== 'within_hours' && written(['cancellations', 'within_hours'])) {
    report('answer-not-used', ['cancellations', 'within_hours'], `A number of hours is given, but cancellations are allowed \`${c.allowed}\`, so the hours are not used.`, 'Set `allowed: within_hours`, or delete within_hours.');
  }
};

export const cancellationHoursGiven: Rule = ({ policy, report }) => {
  const c = policy.cancellations;
  if (c.allowed === 'within_hours' && c.within_hours === undefined) {
    report('answer-needs-companion', ['cancellations', 'allowed'], 'Cancellations are allowed for some hours, but the number of hours is not given.', 'Add `within_hours:` with a number, like 2.');
  }
};

export const rangesInOrder: Rule = ({ policy, report }) => {
  const check = (range: { min: number; max: number }, path: PathKey[]) => {
    if (range.min > range.max) report('range-reversed', [...path, 'min'], `min (${range.min}) is larger than max (${range.max}).`);
  };
  check(policy.shipping.processing_days, ['shipping', 'processing_days']);
  policy.shipping.zones.forEach((zone, z) =>
    zone.services.forEach((service, s) => check(service.transit_days, ['shipping', 'zones', z, 'services', s, 'transit_days'])),
  );
};

export const holidayDatesInOrder: Rule = ({ policy, report }) => {
  const h = policy.returns.holiday_extension;
  if (!h) return;
  const path = ['returns', 'holiday_extension'];
  if (h.purchased_until < h.purchased_from) {
    report('dates-reversed', [...path, 'purchased_until'], `The extension ends (${h.purchased_until}) before it starts (${h.purchased_from}).`, 'Swap the two dates.');
  } else if (h.return_by < h.purchased_until) {
    report('dates-reversed', [...path, 'return_by'], `return_by (${h.return_by}) is before the last purchase date (${h.purchased_until}).`, 'return_by is the last day to send back holiday purchases; it comes after purchased_until.');
  }
};

export const zeroWindowWhileAccepting: Rule = ({ policy, report }) => {
  if (policy.returns.accepted && policy.returns.window_days === 0) {
    report('zero-return-window', ['returns', 'window_days'], 'Returns are accepted, but customers get 0 days to start one.', 'Give the number of days, or set `accepted: false`.');
  }
};

export const thresholdAbovePrice: Rule = ({ policy, report }) => {
  policy.shipping.zones.forEach((zone, z) =>
    zone.services.forEach((service, s) => {
      if (service.free_over !== undefined && service.price > 0 && service.free_over < service.price) {
        report('threshold-below-rate', ['shipping', 'zones', z, 'services', s, 'free_over'], `Shipping is free over ${service.free_over}, which is less than its price of ${service.price}.`, 'Check the two numbers; free_over is the order value, not the shipping price.');
      }
    }),
  );
};

export const holidayLongerThanWindow: Rule = ({ policy, report }) => {
  const { holiday_extension: h, window_days: days, accepted } = policy.returns;
  if (!h || !accepted || typeof days !== 'number' || h.return_by < h.purchased_until) return;
  const gap = (Date.parse(h.return_by) - Date.parse(h.purchased_until)) / 86_400_000;
  if (gap < days) {
    report('holiday-shorter-than-window', ['returns', 'holiday_extension', 'return_by'], `The holiday extension gives ${gap} days after the last holiday purchase, less than the normal ${days}.`, 'Move return_by later, or remove the extension.');
  }
};

export const eachPlaceInOneZone: Rule = ({ policy, report }) => {
  const seen = new Map<string, string>();
  policy.shipping.zones.forEach((zone, z) =>
    zone.countries.forEach((place, c) => {
      const earlier = seen.get(place);
      if (earlier) report('duplicate-country', ['shipping', 'zones', z, 'countries', c], `${place} is already in the zone "${earlier}".`, 'Keep each place in one zone.');
      else seen.set(place, zone.name);
    }),
  );
};

export const excludedNotShipped: Rule = ({ policy, report }) => {
  const zonePlaces = new Set(policy.shipping.zones.flatMap((zone) => zone.countries));
  policy.shipping.does_not_ship_to.forEach((place, i) => {
    if (zonePlaces.has(place)) {
      report('ships-to-excluded', ['shipping', 'does_not_ship_to', i], `${place} is in a shipping zone and also in does_not_ship_to.`, 'Remove it from one of the two lists.');
    }
  });
};

/** Every rule, in the order their findings are most useful to read. */
export const rules: readonly Rule[] = [
  flatFeeNeedsAmount,
  feeWithoutFlatFee,
  restockingFeeIsOneThing,
  returnFormNeedsAddress,
  formAddressWithoutForm,
  cancellationHoursGiven,
  hoursWithoutWithinHours,
  rangesInOrder,
  holidayDatesInOrder,
  zeroWindowWhileAccepting,
  thresholdAbovePrice,
  holidayLongerThanWindow,
  eachPlaceInOneZone,
  excludedNotShipped,
];
