// Rewrites schema/policy.schema.json from the zod schema (`npm run schema`, which
// compiles src/ first). test/json-schema.test.ts fails until the committed file matches.
import { writeFileSync } from 'node:fs';
import { policyJsonSchemaText, policySchemaFile } from '../lib/validate/json-schema.js';

const target = new URL(`../${policySchemaFile}`, import.meta.url);
writeFileSync(target, policyJsonSchemaText());
process.stdout.write(`Wrote ${policySchemaFile}\n`);
