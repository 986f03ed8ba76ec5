/**
 * The broken policy files of test/fixtures/invalid/: one folder per case, holding the
 * broken input (`policy.yaml`, or a `make.json` recipe for bytes a YAML file cannot
 * hold) and `expected.json`, the findings in report order.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import type { PolicySource } from '../../src/load/index.js';
import { fixtures } from './paths.js';

export const invalidDir = `${fixtures}/invalid`;

/**
 * How to make a case's bytes when a plain policy.yaml cannot hold them. Every field is
 * optional except `why`; the bytes are policy.yaml's (or nothing), then `repeat`.
 */
export interface Recipe {
  /** Why this case needs a recipe, for the reviewer. */
  why: string;
  /** The file name without .yaml, when the case is about the name itself. */
  shopId?: string;
  /** The whole file as hexadecimal bytes (binary or non-UTF-8 input). */
  hex?: string;
  /** Text appended `times` times after policy.yaml (oversized or deeply nested input). */
  repeat?: { text: string; times: number };
  /** Save policy.yaml's text in another encoding, with its byte-order mark. */
  encoding?: 'utf-16le';
}

export interface InvalidCase {
  name: string;
  folder: string;
  source: PolicySource;
  /** The first lines of the input as text, for the test's failure messages. */
  text: string;
}

/** Every case folder, in name order. */
export function invalidCases(): InvalidCase[] {
  return readdirSync(invalidDir)
    .filter((name) => statSync(`${invalidDir}/${name}`).isDirectory())
    .sort()
    .map((name) => {
      const folder = `${invalidDir}/${name}`;
      const recipe = existsSync(`${folder}/make.json`) ? (JSON.parse(readFileSync(`${folder}/make.json`, 'utf8')) as Recipe) : undefined;
      const yaml = existsSync(`${folder}/policy.yaml`) ? readFileSync(`${folder}/policy.yaml`) : Buffer.alloc(0);
      let bytes: Buffer = yaml;
      if (recipe?.hex !== undefined) bytes = Buffer.from(recipe.hex.replace(/\s+/g, ''), 'hex');
      if (recipe?.repeat) bytes = Buffer.concat([bytes, Buffer.from(recipe.repeat.text.repeat(recipe.repeat.times))]);
      if (recipe?.encoding === 'utf-16le') bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(bytes.toString('utf8'), 'utf16le')]);
      const shopId = recipe?.shopId ?? name;
      return { name, folder, source: { file: `policies/${shopId}.yaml`, shopId, bytes }, text: bytes.subarray(0, 2000).toString('utf8') };
    });
}
