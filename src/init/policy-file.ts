/**
 * A policy as the file an owner will keep editing: the line that points editors at the
 * JSON Schema, a short header, and above each answer the schema's own description of
 * it, so the file explains itself without the README.
 */
import { Document, isMap, isScalar, isSeq, type Node, type YAMLMap } from 'yaml';
import { schemaAt, type JsonSchema } from '../validate/json-schema.js';
import type { PolicyInput } from '../validate/schema.js';
import { fill } from './wording.js';

export interface PolicyFileOptions {
  /** Path from the policy file's folder to schema/policy.schema.json. */
  schemaPath: string;
  /** The header comment, one or more lines. */
  header: string;
  /** Words added to a comment that does not name an answer's choices, with `{choices}`. */
  choicesComment: string;
  /** The policy's JSON Schema, for the descriptions. */
  schema: JsonSchema;
}

type Path = ReadonlyArray<string | number>;

/**
 * The text of a new policy file.
 * @param policy the answers, keys in the schema's order
 * @param options the schema line, header and descriptions
 */
export function policyFileText(policy: PolicyInput, options: PolicyFileOptions): string {
  const document = new Document(policy);
  document.commentBefore = [`yaml-language-server: $schema=${options.schemaPath}`, ...options.header.split('\n')].map((line) => ` ${line}`.trimEnd()).join('\n');
  if (isMap(document.contents)) {
    // A blank line between sections; the header already ends with one.
    for (const pair of document.contents.items.slice(1)) if (isScalar(pair.key)) pair.key.spaceBefore = true;
    annotate(document.contents, [], { ...options, itemOfList: false, commented: true });
  }
  return document.toString({ lineWidth: 0, flowCollectionPadding: false });
}

interface Walk extends PolicyFileOptions {
  /** The map is an item of a list: its first key's comment goes above the `- `. */
  itemOfList: boolean;
  /** Only the first item of a list is commented; the others repeat its shape. */
  commented: boolean;
}

function annotate(map: YAMLMap, path: Path, walk: Walk): void {
  map.items.forEach((pair, index) => {
    if (!isScalar(pair.key)) return;
    const key = String(pair.key.value);
    const at = [...path, key];
    const comment = walk.commented ? commentFor(at, walk) : undefined;
    if (comment) {
      if (walk.itemOfList && index === 0) map.commentBefore = comment;
      else pair.key.commentBefore = comment;
    }
    shape(pair.value as Node | null, at, walk);
  });
}

function shape(node: Node | null, path: Path, walk: Walk): void {
  if (isSeq(node)) {
    // Short lists of codes read best on one line: `sells_to: [US, CA]`.
    if (node.items.every((item) => isScalar(item))) node.flow = true;
    node.items.forEach((item, index) => {
      if (isMap(item)) annotate(item, [...path, index], { ...walk, itemOfList: true, commented: walk.commented && index === 0 });
    });
  } else if (isMap(node)) {
    const keys = node.items.map((pair) => (isScalar(pair.key) ? pair.key.value : undefined));
    // A range of days reads best as `{ min: 1, max: 3 }`, as in the example shop.
    if (keys.length === 2 && keys[0] === 'min' && keys[1] === 'max') node.flow = true;
    else annotate(node, path, { ...walk, itemOfList: false });
  } else if (isScalar(node) && typeof node.value === 'string' && /^(\d{1,2}:\d{2}|\+.*)$/.test(node.value)) {
    // Times and phone numbers in quotes, as in the example shop: YAML 1.1 readers
    // take 14:00 for a number of minutes.
    node.type = 'QUOTE_DOUBLE';
  }
}

/** The schema's description of an answer, with its choices when it does not name them. */
function commentFor(path: Path, walk: Walk): string | undefined {
  const node = schemaAt(walk.schema, path);
  if (!node?.description) return undefined;
  const choices = node.enum ?? node.items?.enum;
  const named = (choices ?? []).every((choice) => node.description!.includes(String(choice)));
  const text = named ? node.description : `${node.description} ${fill(walk.choicesComment, { choices: choices!.join(', ') })}`;
  return ` ${text}`;
}
