/**
 * Injects one fault into the `upfront` command from outside, for tests that must see how
 * it fails: `node --import ./test/support/fault.mjs bin/upfront.js build` with
 * UPFRONT_TEST_FAULT set. Nothing in upfront itself knows about this file.
 *
 * - `crash-while-rendering`: the third list formatted (while the first shop's facts are
 *   derived for rendering) throws a TypeError, as a bug in upfront would.
 * - `disk-full-while-writing`: the sixth file written fails with ENOSPC, as on a full disk,
 *   after five files of the new build are already on disk.
 */
import { createRequire, syncBuiltinESMExports } from 'node:module';

const fault = process.env.UPFRONT_TEST_FAULT;
const require = createRequire(import.meta.url);

if (fault === 'crash-while-rendering') {
  const format = Intl.ListFormat.prototype.format;
  let calls = 0;
  Intl.ListFormat.prototype.format = function (list) {
    if (++calls === 3) throw new TypeError('simulated bug in upfront (test/support/fault.mjs)');
    return format.call(this, list);
  };
} else if (fault === 'disk-full-while-writing') {
  const fs = require('node:fs/promises');
  const writeFile = fs.writeFile;
  let calls = 0;
  fs.writeFile = async (file, ...rest) => {
    if (++calls > 5) {
      const error = new Error(`ENOSPC: no space left on device, open '${file}'`);
      Object.assign(error, { code: 'ENOSPC', errno: -28, syscall: 'open', path: String(file) });
      throw error;
    }
    return writeFile(file, ...rest);
  };
  // Named imports of node:fs/promises in upfront see the replacement only after this.
  syncBuiltinESMExports();
} else if (fault !== undefined) {
  throw new Error(`unknown UPFRONT_TEST_FAULT ${fault}`);
}
