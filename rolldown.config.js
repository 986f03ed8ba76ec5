// Bundles src/ into lib/ once, at install time (`npm ci` runs `prepare`): one file per
// entry plus shared chunks, so `upfront` reads a few files at start-up instead of the
// ~120 modules of its dependencies. `check` never loads the rendering chunk.
import { defineConfig } from 'rolldown';

export default defineConfig({
  input: { cli: 'src/cli.ts', index: 'src/index.ts' },
  platform: 'node',
  output: { dir: 'lib', format: 'esm', chunkFileNames: '[name].js', cleanDir: true },
});
