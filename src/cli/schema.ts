import { expectationsJsonSchema } from '../config/json-schema.js';
import { expectationsReference } from '../config/reference.js';
import { parseCommandLine } from './commands.js';

/** `mailspec schema [--markdown]`: the JSON Schema of expectations.yaml, or its key reference. */
export async function runSchemaCommand(argv: string[]): Promise<number> {
  const { values } = parseCommandLine('schema', argv, { markdown: { type: 'boolean' } });
  process.stdout.write(values.markdown ? expectationsReference() : expectationsJsonSchema());
  return 0;
}
