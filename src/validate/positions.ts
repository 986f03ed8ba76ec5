/**
 * Finds the YAML node a problem is about, so a finding points at the exact line and
 * column: the key itself for unknown keys, the value for wrong values, the parent's key
 * for missing answers.
 */
import { isAlias, isMap, isScalar, isSeq, type Document, type Node, type Pair } from 'yaml';
import { lineColumn, type ParsedPolicy } from '../load/index.js';

export type PathKey = string | number;

export interface Located {
  line: number;
  column: number;
  /** The YAML value found at the path, if any (for "received …"). */
  node: Node | undefined;
}

/** The value node at `path`, or undefined when some step of the path is missing. */
export function valueAt(document: Document, path: readonly PathKey[]): Node | undefined {
  let node: unknown = document.contents;
  for (const key of path) {
    // An alias stands for its anchor's value; point inside the anchor.
    if (isAlias(node)) node = node.resolve(document);
    if (isMap(node)) node = pairAt(node.items, key)?.value;
    else if (isSeq(node) && typeof key === 'number') node = node.items[key];
    else return undefined;
  }
  return (node ?? undefined) as Node | undefined;
}

/** The key node of the pair at `path` (the `window_days` in `window_days: 30`). */
export function keyAt(document: Document, path: readonly PathKey[]): Node | undefined {
  const parent = valueAt(document, path.slice(0, -1));
  const pair = isMap(parent) ? pairAt(parent.items, path[path.length - 1]!) : undefined;
  return (pair?.key ?? undefined) as Node | undefined;
}

const pairIndexes = new WeakMap<object, Map<string, Pair<unknown, unknown>>>();

/** The last pair with this key, as the data built from YAML keeps the last of duplicates. */
function pairAt(items: ReadonlyArray<Pair<unknown, unknown>>, key: PathKey): Pair<unknown, unknown> | undefined {
  // Indexed once per block: a hostile block of 20,000 keys must not cost 20,000² lookups.
  let index = pairIndexes.get(items);
  if (!index) {
    index = new Map();
    for (const pair of items) if (isScalar(pair.key)) index.set(String(pair.key.value), pair);
    pairIndexes.set(items, index);
  }
  return index.get(String(key));
}

/**
 * Where to point for a path: its value (or its key, for a block that starts on the
 * next line), else the nearest existing ancestor's key.
 * @param parsed the parsed file
 * @param path path of the problem as zod reports it
 * @param prefer `key` to point at the key (unknown keys), `value` otherwise
 */
export function locate(parsed: ParsedPolicy, path: readonly PathKey[], prefer: 'key' | 'value' = 'value'): Located {
  const { document } = parsed;
  const value = valueAt(document, path);
  const key = path.length > 0 ? keyAt(document, path) : undefined;
  const at = (node: Node | undefined): [number, number] | undefined => (node?.range ? lineColumn(parsed, node.range[0]) : undefined);
  const valuePosition = at(value);
  const keyPosition = at(key);
  if (prefer === 'key' && keyPosition) return { line: keyPosition[0], column: keyPosition[1], node: value };
  if (valuePosition) {
    // A block of answers starts on the line after its key; the key is what the owner looks for.
    const blockBelowKey = keyPosition && (isMap(value) || isSeq(value)) && valuePosition[0] > keyPosition[0];
    const [line, column] = blockBelowKey ? keyPosition : valuePosition;
    return { line, column, node: value };
  }
  // Missing: point at the key of the closest ancestor that exists (or the list entry).
  for (let depth = path.length - 1; depth >= 1; depth--) {
    const ancestor = path.slice(0, depth);
    const inList = isSeq(valueAt(document, ancestor.slice(0, -1)));
    const position = at(inList ? valueAt(document, ancestor) : keyAt(document, ancestor));
    if (position) return { line: position[0], column: position[1], node: undefined };
  }
  return { line: 1, column: 1, node: undefined };
}

/** The path written the way an owner reads it: `shipping.zones[0].services[1].price`. */
export function dotted(path: readonly PathKey[]): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${key}` : key), '');
}
