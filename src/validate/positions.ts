/**
 * Finds the YAML node a problem is about, so a finding points at the exact line and
 * column: the key itself for unknown keys, the value for wrong values, the parent's key
 * for missing answers.
 */
import { isMap, isPair, isScalar, isSeq, type Document, type Node, type Pair } from 'yaml';
import type { ParsedPolicy } from '../load/parse-policy.js';
import { lineColumn } from '../load/parse-policy.js';

export type PathKey = string | number;

export interface Located {
  line: number;
  column: number;
  /** The YAML value found at the path, if any (for "received …"). */
  node: Node | undefined;
}

/** The value node at `path`, or undefined when some step of the path is missing. */
export function valueAt(document: Document, path: readonly PathKey[]): Node | undefined {
  if (path.length === 0) return document.contents ?? undefined;
  return document.getIn(path, true) as Node | undefined;
}

/** The key node of the pair at `path` (the `window_days` in `window_days: 30`). */
export function keyAt(document: Document, path: readonly PathKey[]): Node | undefined {
  const parent = valueAt(document, path.slice(0, -1));
  const last = path[path.length - 1];
  if (!isMap(parent)) return undefined;
  const pair = parent.items.find((p: Pair) => isScalar(p.key) && p.key.value === last);
  return pair && isPair(pair) ? (pair.key as Node) : undefined;
}

/**
 * Where to point for a path: its value, else the nearest existing ancestor's key.
 * @param parsed the parsed file
 * @param path path of the problem as zod reports it
 * @param prefer `key` to point at the key (unknown keys), `value` otherwise
 */
export function locate(parsed: ParsedPolicy, path: readonly PathKey[], prefer: 'key' | 'value' = 'value'): Located {
  const { document, lineCounter } = parsed;
  const exact = prefer === 'key' ? keyAt(document, path) : valueAt(document, path);
  if (exact?.range) {
    const [line, column] = lineColumn(lineCounter, exact.range[0]);
    return { line, column, node: prefer === 'value' ? exact : undefined };
  }
  // Missing: point at the key of the closest ancestor that exists.
  for (let depth = path.length - 1; depth >= 1; depth--) {
    const ancestor = path.slice(0, depth);
    const key = isSeq(valueAt(document, ancestor.slice(0, -1))) ? valueAt(document, ancestor) : keyAt(document, ancestor);
    if (key?.range) {
      const [line, column] = lineColumn(lineCounter, key.range[0]);
      return { line, column, node: undefined };
    }
  }
  return { line: 1, column: 1, node: undefined };
}

/** The path written the way an owner reads it: `shipping.zones[0].services[1].price`. */
export function dotted(path: readonly PathKey[]): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${key}` : key), '');
}
