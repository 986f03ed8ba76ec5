/** Folders the tests read from; tests never write inside the repository except test/artifacts/. */
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../..', import.meta.url));
export const fixtures = `${root}test/fixtures`;
export const templatesDir = `${root}templates`;
export const policiesDir = `${root}policies`;
export const artifacts = `${root}test/artifacts`;
