import { readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { z } from 'zod';
import { LAYERS } from '../types.js';
import type { Check } from './check.js';

/** The checks folder at the top of the repository: `checks/<layer>/<id>.ts`. */
export const CHECKS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'checks');

const metaSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*(\.[a-z0-9]+(-[a-z0-9]+)*)+$/),
  layer: z.enum(LAYERS),
  severity: z.enum(['critical', 'high', 'medium', 'low']),
  group: z.string().min(1),
  title: z.string().min(1),
  remediation: z.string().min(10),
  reference: z.url(),
});

export interface LoadedCheck {
  check: Check;
  file: string;
}

/**
 * Loads every check module and validates its metadata: the id must equal the file name and
 * the layer the folder name, so a check can always be found from a line of the report.
 */
export async function loadChecks(dir = CHECKS_DIR): Promise<LoadedCheck[]> {
  const loaded: LoadedCheck[] = [];
  for (const layer of readdirSync(dir, { withFileTypes: true })) {
    if (!layer.isDirectory()) continue;
    const files = readdirSync(join(dir, layer.name)).filter((name) => /^[^_].*\.ts$/.test(name));
    for (const name of files.sort()) {
      const file = join(dir, layer.name, name);
      const module = (await import(pathToFileURL(file).href)) as { default?: Check };
      loaded.push({ check: validate(module.default, file, layer.name), file });
    }
  }
  return loaded;
}

function validate(check: Check | undefined, file: string, folder: string): Check {
  if (!check || typeof check.evaluate !== 'function' || typeof check.collect !== 'function') {
    throw new Error(`${file} does not export a check made with defineCheck as its default`);
  }
  const parsed = metaSchema.safeParse(check.meta);
  if (!parsed.success) {
    throw new Error(`${file}: invalid check metadata: ${parsed.error.issues[0].message}`);
  }
  const id = basename(file, '.ts');
  if (check.meta.id !== id)
    throw new Error(`${file}: id "${check.meta.id}" differs from its file name`);
  if (check.meta.layer !== folder)
    throw new Error(`${file}: layer "${check.meta.layer}" differs from its folder`);
  return check;
}
