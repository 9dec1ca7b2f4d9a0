import { relative } from 'node:path';
import { audit, overridesFromEnv } from '../src/engine/audit.js';
import { readHandoff } from '../src/engine/handoff.js';
import { buildSuites } from '../src/engine/suite.js';

/**
 * The audit as a vitest suite: `npm test` runs it on the root expectations.yaml, and
 * `mailspec audit` runs it on whichever file it is given (MAILSPEC_EXPECTATIONS), having
 * already audited it in its own process and handed over the results (MAILSPEC_RESULTS).
 */
const file = process.env.MAILSPEC_EXPECTATIONS ?? 'expectations.yaml';
const shownAs = process.env.MAILSPEC_SHOWN_AS ?? (relative(process.cwd(), file) || file);
const handed = process.env.MAILSPEC_RESULTS;
const run = handed ? readHandoff(handed) : await audit(file, overridesFromEnv(), shownAs);

buildSuites(run, `mailspec audit of ${shownAs}`);
