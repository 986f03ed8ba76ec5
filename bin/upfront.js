#!/usr/bin/env node
// Runs the bundled CLI (npm ci bundles src/ into lib/ through the prepare script).
import { main } from '../lib/cli.js';

process.exitCode = await main(process.argv.slice(2));
