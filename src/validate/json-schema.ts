/**
 * The policy schema as JSON Schema, for editors. A policy file's first line,
 * `# yaml-language-server: $schema=../schema/policy.schema.json`, lets the YAML language
 * server (VS Code's YAML extension, JetBrains, Neovim…) complete, check and explain every
 * answer while the owner types. Generated from the zod schema, never written by hand.
 */
import { z } from 'zod';
import { policySchema } from './schema.js';

/** A JSON Schema node, as far as upfront reads it. */
export interface JsonSchema {
  description?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  [keyword: string]: unknown;
}

/** Where the schema is committed, relative to the package root. */
export const policySchemaFile = 'schema/policy.schema.json';

/**
 * The JSON Schema of what an owner writes (the input side: answers with defaults are
 * optional). Draft-07, the newest draft every YAML editor understands; zod's
 * refinements (real country codes, two-decimal prices, cross-field rules) cannot be
 * said in JSON Schema and are left to `upfront check`.
 */
export function policyJsonSchema(): JsonSchema {
  const generated = z.toJSONSchema(policySchema, { target: 'draft-07', io: 'input', unrepresentable: 'any' }) as JsonSchema;
  const { $schema, ...rest } = generated;
  return { $schema, $comment: `Generated from src/validate/schema.ts by \`npm run schema\`; do not edit.`, ...rest };
}

/** The schema as the committed file holds it: two-space JSON and a final newline. */
export function policyJsonSchemaText(): string {
  return `${JSON.stringify(policyJsonSchema(), null, 2)}\n`;
}

/**
 * The schema node of an answer. Steps into list items by index, or on their own when a
 * key follows a list (`shipping.zones.name` is the name of any zone).
 * @param schema the whole schema, from `policyJsonSchema`
 * @param path keys and list indexes, like `['shipping', 'zones', 0, 'name']`
 */
export function schemaAt(schema: JsonSchema, path: readonly (string | number)[]): JsonSchema | undefined {
  let node: JsonSchema | undefined = schema;
  for (const key of path) {
    if (node?.items && typeof key === 'string') node = node.items;
    node = typeof key === 'number' ? node?.items : node?.properties?.[key];
  }
  return node;
}
