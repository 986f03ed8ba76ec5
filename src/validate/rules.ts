/**
 * Cross-field rules: what the schema alone cannot say. Each rule is a small named
 * function that looks at the typed policy and reports findings at a path.
 */
import type { ErrorCode } from '../errors/catalogue.js';
import { dotted, type PathKey } from './positions.js';
import type { Policy } from './schema.js';

export interface RuleContext {
  policy: Policy;
  /** Whether the owner wrote this path (defaults do not count). */
  written(path: readonly PathKey[]): boolean;
  report(code: ErrorCode, path: readonly PathKey[], message: string, hint?: string): void;
}

export type Rule = (ctx: RuleContext) => void;

/** A flat return fee needs its amount. */
export const flatFeeNeedsAmount: Rule = ({ policy, report }) => {
  const r = policy.returns;
  if (r.accepted && r.return_shipping === 'flat_fee' && r.return_shipping_fee === undefined) {
    report('fee-needs-amount', ['returns', 'return_shipping'], '`returns.return_shipping` is `flat_fee`, but `return_shipping_fee` is not given.', 'Add `return_shipping_fee:` with the amount under `returns:`, like `return_shipping_fee: 6.50`.');
  }
};

/** A return fee is charged only when return shipping is a flat fee. */
export const feeWithoutFlatFee: Rule = ({ policy, written, report }) => {
  const r = policy.returns;
  if (r.return_shipping_fee !== undefined && r.return_shipping !== 'flat_fee' && written(['returns', 'return_shipping_fee'])) {
    report('answer-not-used', ['returns', 'return_shipping_fee'], `\`returns.return_shipping_fee\` is given, but \`return_shipping\` is \`${r.return_shipping}\`, so the fee is never charged.`, 'Set `return_shipping: flat_fee`, or delete the fee.');
  }
};

/** A restocking fee is a percent or an amount, not both and not neither. */
export const restockingFeeIsOneThing: Rule = ({ policy, report }) => {
  const fee = policy.returns.restocking_fee;
  if (!fee) return;
  if (fee.percent !== undefined && fee.amount !== undefined) {
    report('conflicting-answers', ['returns', 'restocking_fee', 'amount'], '`returns.restocking_fee` has both `percent` and `amount`, and only one can be taken.', 'Keep `percent:` or `amount:`, not both.');
  } else if (fee.percent === undefined && fee.amount === undefined) {
    report('fee-needs-amount', ['returns', 'restocking_fee'], '`returns.restocking_fee` has neither `percent` nor `amount`.', 'Add `percent: 10` or `amount: 5` under `restocking_fee:`, or delete restocking_fee.');
  }
};

/** Returns started with an online form need the form's address. */
export const returnFormNeedsAddress: Rule = ({ policy, report }) => {
  const r = policy.returns;
  if (r.accepted && r.how_to_start === 'online_form' && !r.return_form_url) {
    report('answer-needs-companion', ['returns', 'how_to_start'], '`returns.how_to_start` is `online_form`, but `return_form_url` is not given.', 'Add `return_form_url:` with the full https:// address of the form.');
  }
};

/** A form address is only linked when returns start with the form. */
export const formAddressWithoutForm: Rule = ({ policy, written, report }) => {
  const r = policy.returns;
  if (r.return_form_url !== undefined && r.how_to_start !== 'online_form' && written(['returns', 'return_form_url'])) {
    report('answer-not-used', ['returns', 'return_form_url'], `\`returns.return_form_url\` is given, but \`how_to_start\` is \`${r.how_to_start}\`, so no page links to the form.`, 'Set `how_to_start: online_form`, or delete return_form_url.');
  }
};

/** Cancelling within some hours needs the number of hours. */
export const cancellationHoursGiven: Rule = ({ policy, report }) => {
  const c = policy.cancellations;
  if (c.allowed === 'within_hours' && c.within_hours === undefined) {
    report('answer-needs-companion', ['cancellations', 'allowed'], '`cancellations.allowed` is `within_hours`, but `within_hours` is not given.', 'Add `within_hours:` with a number under `cancellations:`, like `within_hours: 2`.');
  }
};

/** Hours are only used when cancellations are allowed within hours. */
export const hoursWithoutWithinHours: Rule = ({ policy, written, report }) => {
  const c = policy.cancellations;
  if (c.within_hours !== undefined && c.allowed !== 'within_hours' && written(['cancellations', 'within_hours'])) {
    report('answer-not-used', ['cancellations', 'within_hours'], `\`cancellations.within_hours\` is given, but \`allowed\` is \`${c.allowed}\`, so the hours are not used.`, 'Set `allowed: within_hours`, or delete within_hours.');
  }
};

/** Every range of days has min ≤ max. */
export const rangesInOrder: Rule = ({ policy, report }) => {
  const check = (range: { min: number; max: number }, path: PathKey[]) => {
    if (range.min > range.max) report('range-reversed', [...path, 'min'], `\`${dotted(path)}.min\` (${range.min}) is larger than \`max\` (${range.max}).`);
  };
  check(policy.shipping.processing_days, ['shipping', 'processing_days']);
  policy.shipping.zones.forEach((zone, z) =>
    zone.services.forEach((service, s) => check(service.transit_days, ['shipping', 'zones', z, 'services', s, 'transit_days'])),
  );
};

/** A holiday extension starts, ends, and is returned by, in that order. */
export const holidayDatesInOrder: Rule = ({ policy, report }) => {
  const h = policy.returns.holiday_extension;
  if (!h) return;
  const path = ['returns', 'holiday_extension'];
  if (h.purchased_until < h.purchased_from) {
    report('dates-reversed', [...path, 'purchased_until'], `\`returns.holiday_extension.purchased_until\` (${h.purchased_until}) is before \`purchased_from\` (${h.purchased_from}).`, 'Swap the two dates.');
  } else if (h.return_by < h.purchased_until) {
    report('dates-reversed', [...path, 'return_by'], `\`returns.holiday_extension.return_by\` (${h.return_by}) is before the last holiday purchase date, \`purchased_until\` (${h.purchased_until}).`, '`return_by` is the last day to send back holiday purchases, so it comes after `purchased_until`.');
  }
};

/** Accepting returns with a 0-day window is probably a slip. */
export const zeroWindowWhileAccepting: Rule = ({ policy, report }) => {
  if (policy.returns.accepted && policy.returns.window_days === 0) {
    report('zero-return-window', ['returns', 'window_days'], 'Returns are accepted, but `returns.window_days` is 0, so no customer has time to start one.', 'Give the number of days, or set `accepted: false`.');
  }
};

/** A free-shipping threshold below the price it waives is probably two numbers mixed up. */
export const thresholdAbovePrice: Rule = ({ policy, report }) => {
  policy.shipping.zones.forEach((zone, z) =>
    zone.services.forEach((service, s) => {
      if (service.free_over !== undefined && service.price > 0 && service.free_over < service.price) {
        const path = ['shipping', 'zones', z, 'services', s];
        report('threshold-below-rate', [...path, 'free_over'], `\`${dotted(path)}.free_over\` (${service.free_over}) is less than the service's own price (${service.price}), so nearly every order ships free.`, '`free_over` is the order value above which shipping is free; check the two numbers.');
      }
    }),
  );
};

/** A holiday extension that gives less time than the normal window shortens it instead. */
export const holidayLongerThanWindow: Rule = ({ policy, report }) => {
  const { holiday_extension: h, window_days: days, accepted } = policy.returns;
  if (!h || !accepted || typeof days !== 'number' || h.return_by < h.purchased_until) return;
  const gap = (Date.parse(h.return_by) - Date.parse(h.purchased_until)) / 86_400_000;
  if (gap < days) {
    report('holiday-shorter-than-window', ['returns', 'holiday_extension', 'return_by'], `The holiday extension gives ${gap} days after the last holiday purchase, fewer than the normal ${days}.`, 'Move `return_by` later, or remove the extension.');
  }
};

/** Each place is in one shipping zone, so its price is not ambiguous. */
export const eachPlaceInOneZone: Rule = ({ policy, report }) => {
  const seen = new Map<string, string>();
  policy.shipping.zones.forEach((zone, z) =>
    zone.countries.forEach((place, c) => {
      const earlier = seen.get(place);
      if (earlier !== undefined) report('duplicate-country', ['shipping', 'zones', z, 'countries', c], `\`${place}\` is in two shipping zones, "${earlier}" and "${zone.name}".`, 'Keep each place in one zone.');
      else seen.set(place, zone.name);
    }),
  );
};

/** A place is shipped to or not, never both. */
export const excludedNotShipped: Rule = ({ policy, report }) => {
  const zonePlaces = new Set(policy.shipping.zones.flatMap((zone) => zone.countries));
  policy.shipping.does_not_ship_to.forEach((place, i) => {
    if (zonePlaces.has(place)) {
      report('ships-to-excluded', ['shipping', 'does_not_ship_to', i], `\`${place}\` is in a shipping zone and also in \`shipping.does_not_ship_to\`.`, 'Remove it from one of the two lists.');
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
