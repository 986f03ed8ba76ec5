/**
 * Every problem upfront reports, by permanent code. A code never changes meaning and
 * is never reused; retire a code by leaving it here with `retired: true`.
 * Message style: see STYLE.md beside this file.
 */
import type { Severity } from './upfront-error.js';

export interface CatalogueEntry {
  severity: Severity;
  /** A short title for the docs and the `--json` output. */
  title: string;
  /** The default hint when the finding does not carry a more specific one. */
  hint?: string;
  /** A retired code stays listed so it is never given another meaning. */
  retired?: true;
}

const entries = {
  // Files and folders
  'no-policies': {
    severity: 'error',
    title: 'No policy files found',
    hint: 'Put one YAML file per shop in the policies folder, for example policies/my-shop.yaml.',
  },
  'unreadable-file': {
    severity: 'error',
    title: 'A file could not be read',
    hint: 'Check that the file exists, is a plain file and that you may read it.',
  },
  'unsafe-shop-id': {
    severity: 'error',
    title: 'The file name cannot be used as a folder name',
    hint: 'Rename the file to lowercase letters, digits and dashes, for example my-shop.yaml.',
  },
  'duplicate-shop-id': {
    severity: 'error',
    title: 'Two policy files would publish into the same folder',
    hint: 'Keep one of the two files, or rename one of them.',
  },
  'file-too-large': {
    severity: 'error',
    title: 'The policy file is too large',
    hint: 'A policy file is a few kilobytes; check that the right file is in the policies folder.',
  },
  'not-text': {
    severity: 'error',
    title: 'The policy file is not UTF-8 text',
    hint: 'Save the file as UTF-8 text from a plain-text editor.',
  },
  'empty-file': {
    severity: 'error',
    title: 'The policy file is empty',
    hint: 'Start from policies/juniper-and-lye.yaml and change the answers.',
  },
  'too-many-problems': {
    severity: 'error',
    title: 'A file has too many problems to list',
    hint: 'Fix the problems listed above and run the check again to see the rest.',
  },

  // YAML syntax and habits
  'yaml-syntax': {
    severity: 'error',
    title: 'The YAML cannot be read',
    hint: 'Check the indentation and the punctuation on this line and the line before it.',
  },
  'yaml-duplicate-key': {
    severity: 'error',
    title: 'The same key appears twice',
    hint: 'Keep one of the two and delete the other.',
  },
  'yaml-tab-indent': {
    severity: 'error',
    title: 'Tabs are used for indentation',
    hint: 'YAML needs spaces for indentation; replace each tab with two spaces.',
  },
  'yaml-too-complex': {
    severity: 'error',
    title: 'The YAML is too deeply nested or uses too many aliases',
    hint: 'A policy file needs no aliases (*name) and only a few levels of nesting.',
  },
  'forbidden-key': {
    severity: 'error',
    title: 'A key name is not allowed',
    hint: 'Keys named __proto__, constructor or prototype are never part of a policy; delete the key.',
  },

  // Schema
  'not-a-policy': {
    severity: 'error',
    title: 'The file is not a set of answers',
    hint: 'A policy file is a set of `key: value` answers, starting with `shop:`.',
  },
  'unknown-key': {
    severity: 'error',
    title: 'A key is not one upfront knows',
  },
  'missing-field': {
    severity: 'error',
    title: 'A required answer is missing',
  },
  'wrong-type': {
    severity: 'error',
    title: 'An answer has the wrong kind of value',
  },
  'invalid-choice': {
    severity: 'error',
    title: 'An answer is not one of the allowed choices',
  },
  'out-of-range': {
    severity: 'error',
    title: 'A number is too small or too large',
  },
  'invalid-format': {
    severity: 'error',
    title: 'An answer is not written in the expected format',
  },
  'text-too-long': {
    severity: 'error',
    title: 'An answer is longer than allowed',
  },

  // Cross-field rules
  'fee-needs-amount': {
    severity: 'error',
    title: 'A fee is chosen but its amount is missing',
  },
  'conflicting-answers': {
    severity: 'error',
    title: 'Two answers contradict each other',
  },
  'range-reversed': {
    severity: 'error',
    title: 'The smallest value is larger than the largest',
    hint: 'Swap min and max.',
  },
  'dates-reversed': {
    severity: 'error',
    title: 'A period ends before it starts',
  },
  'answer-needs-companion': {
    severity: 'error',
    title: 'An answer needs another answer to go with it',
  },
  'answer-not-used': {
    severity: 'warning',
    title: 'An answer has no effect',
  },
  'zero-return-window': {
    severity: 'warning',
    title: 'Returns are accepted but the window is 0 days',
  },
  'threshold-below-rate': {
    severity: 'warning',
    title: 'A free-shipping threshold is lower than the price it waives',
  },
  'holiday-shorter-than-window': {
    severity: 'warning',
    title: 'The holiday extension gives less time than the normal window',
  },
  'duplicate-country': {
    severity: 'error',
    title: 'A country is in more than one shipping zone',
  },
  'ships-to-excluded': {
    severity: 'error',
    title: 'A country is both shipped to and not shipped to',
  },

  // Templates
  'missing-templates': {
    severity: 'error',
    title: 'There are no templates for a language',
    hint: 'Copy templates/en to templates/<language> and translate it, or remove the language.',
  },
  'template-error': {
    severity: 'error',
    title: 'A template cannot be used',
    hint: 'Check the {{…}} expressions in the template against the README section on templates.',
  },

  // Commands
  'policy-exists': {
    severity: 'error',
    title: 'The policy file to create exists already',
    hint: 'Give another shop name (`upfront init other-name`), or edit the file that is there.',
  },
  'port-in-use': {
    severity: 'error',
    title: 'The preview port is taken',
    hint: 'Stop the other program, or choose another port with --port (0 picks a free one).',
  },

  // Publishing
  'unsafe-output': {
    severity: 'error',
    title: 'The output folder would replace something that is not a build',
    hint: 'Choose an empty or new folder with --out, or the folder an earlier build wrote.',
  },
  'cannot-write': {
    severity: 'error',
    title: 'The output folder could not be written',
    hint: 'Check the free space and the permissions of the output folder, or choose another with --out.',
  },
} as const satisfies Record<string, CatalogueEntry>;

export type ErrorCode = keyof typeof entries;
export const catalogue: Record<ErrorCode, CatalogueEntry> = entries;

/** Every code, in catalogue order. */
export const errorCodes = Object.keys(entries) as ErrorCode[];
