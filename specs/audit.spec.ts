import { relative } from 'node:path';
import { audit, overridesFromEnv } from '../src/engine/audit.js';
import { buildSuites } from '../src/engine/suite.js';

/**
 * The audit as a vitest suite: `npm test` runs it on the root expectations.yaml, and
 * `mailspec audit` runs it on whichever file it is given (MAILSPEC_EXPECTATIONS).
 */
const file = process.env.MAILSPEC_EXPECTATIONS ?? 'expectations.yaml';
const shownAs = process.env.MAILSPEC_SHOWN_AS ?? (relative(process.cwd(), file) || file);
const run = await audit(file, overridesFromEnv(), shownAs);

buildSuites(run, `mailspec audit of ${shownAs}`);
