/**
 * The JSON Schema editors read: it is exactly what the zod schema generates, it explains
 * every answer, it accepts every valid policy and rejects every mistake a JSON Schema
 * can express, and every policy file points its editor at it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import AjvModule from 'ajv';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { policyJsonSchema, policyJsonSchemaText, policySchemaFile, type JsonSchema } from '../src/validate/json-schema.js';
import { fixtures, policiesDir, root } from './support/paths.js';

const committed = path.join(root, policySchemaFile);

// ajv knows no "email" or "uri" format without ajv-formats (not installed): both are
// declared always valid, so ajv ignores them (the email's `pattern` still applies).
// Strict mode stays on: zod's draft-07 output compiles under it, and a keyword ajv does
// not know would likely puzzle editors too.
const Ajv = AjvModule.default;
const ajv = new Ajv({ strict: true, allErrors: true, formats: { email: true, uri: true } });
const validate = ajv.compile(JSON.parse(readFileSync(committed, 'utf8')) as object);

const schemaLine = /^# yaml-language-server: \$schema=(\S+)\n/;

/** The codes of findings that JSON Schema alone can express. */
const expressibleCodes = new Set(['unknown-key', 'missing-field', 'wrong-type', 'invalid-choice', 'out-of-range']);

function validPolicies(): string[] {
  const examples = readdirSync(policiesDir).filter((f) => f.endsWith('.yaml')).map((f) => path.join(policiesDir, f));
  const shops = readdirSync(path.join(fixtures, 'shops'))
    .map((name) => path.join(fixtures, 'shops', name, 'policy.yaml'))
    .filter((file) => existsSync(file));
  return [...examples, ...shops].sort();
}

interface InvalidCase {
  name: string;
  file: string;
  codes: string[];
}

function invalidCases(): InvalidCase[] {
  const dir = path.join(fixtures, 'invalid');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => existsSync(path.join(dir, name, 'policy.yaml')) && existsSync(path.join(dir, name, 'expected.json')))
    .sort()
    .map((name) => ({
      name,
      file: path.join(dir, name, 'policy.yaml'),
      codes: (JSON.parse(readFileSync(path.join(dir, name, 'expected.json'), 'utf8')) as Array<{ code: string }>).map((f) => f.code),
    }));
}

/** A case JSON Schema can catch: readable YAML, and only schema-shaped mistakes. */
function expressible(c: InvalidCase): boolean {
  const text = readFileSync(c.file, 'utf8');
  const document = parseDocument(text, { uniqueKeys: true });
  return c.codes.length > 0 && c.codes.every((code) => expressibleCodes.has(code)) && document.errors.length === 0;
}

function readYaml(file: string): unknown {
  return parseDocument(readFileSync(file, 'utf8')).toJS();
}

describe('schema/policy.schema.json', () => {
  it('is exactly what the zod schema generates (run `npm run schema` after changing the schema)', () => {
    expect(readFileSync(committed, 'utf8')).toBe(policyJsonSchemaText());
  });

  it('explains every answer, so an editor shows help on hover', () => {
    const undocumented: string[] = [];
    const walk = (node: JsonSchema, at: string) => {
      for (const [key, child] of Object.entries(node.properties ?? {})) {
        if (!child.description) undocumented.push(`${at}${key}`);
        walk(child, `${at}${key}.`);
      }
      if (node.items) walk(node.items, `${at.replace(/\.$/, '')}[].`);
    };
    walk(policyJsonSchema(), '');
    expect(undocumented).toEqual([]);
  });

  it('lists the allowed choices and defaults an editor offers as completions', () => {
    const schema = policyJsonSchema();
    const returns = schema.properties?.['returns']?.properties ?? {};
    expect(returns['window_starts']).toMatchObject({ enum: ['delivery', 'purchase', 'shipment'], default: 'delivery' });
    expect(schema.properties?.['shop']?.required).toEqual(['name', 'support_email', 'country', 'currency', 'sells_to', 'effective_date']);
    // Answers with defaults may be left out of the file: the schema is the input side.
    expect(schema['required']).toEqual(['shop', 'returns', 'shipping']);
  });
});

describe.each(validPolicies().map((file) => ({ file, shown: path.relative(root, file) })))('valid policy $shown', ({ file }) => {
  it('is accepted by the JSON Schema', () => {
    const ok = validate(readYaml(file));
    expect(validate.errors ?? [], ajv.errorsText(validate.errors)).toEqual([]);
    expect(ok).toBe(true);
  });
});

describe.each(readdirSync(policiesDir).filter((f) => f.endsWith('.yaml')))('policies/%s', (name) => {
  it('starts with the line that points editors at the schema', () => {
    const file = path.join(policiesDir, name);
    const match = readFileSync(file, 'utf8').match(schemaLine);
    expect(match, 'first line: # yaml-language-server: $schema=…').not.toBeNull();
    expect(path.resolve(path.dirname(file), match![1]!)).toBe(committed);
  });
});

describe('invalid policies', () => {
  const cases = invalidCases();
  const schemaShaped = cases.filter(expressible);

  it('include mistakes a JSON Schema can express', () => {
    expect(schemaShaped.map((c) => c.name)).toEqual(expect.arrayContaining(['schema-unknown-key', 'schema-missing-field', 'schema-yes-for-true', 'schema-invalid-choice', 'schema-out-of-range']));
  });

  it.each(schemaShaped.map((c) => ({ ...c, codeList: c.codes.join(', ') })))('$name ($codeList) is rejected by the JSON Schema', (c) => {
    expect(validate(readYaml(c.file))).toBe(false);
  });

  it.each(cases.filter((c) => c.name.startsWith('schema-')))('$name points its editor at the schema', (c) => {
    const match = readFileSync(c.file, 'utf8').match(schemaLine);
    expect(match).not.toBeNull();
    expect(path.resolve(path.dirname(c.file), match![1]!)).toBe(committed);
  });
});
