#!/usr/bin/env node
// Runs one TypeScript file (the benchmark, scripts) through tsx: `node bin/run-ts.mjs FILE`.
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { register } from 'tsx/esm/api';

register();
await import(pathToFileURL(resolve(process.argv[2])).href);
