import { expectationsJsonSchema } from '../config/json-schema.js';
import { parseCommandLine } from './commands.js';

/** `mailspec schema`: prints the JSON Schema of expectations.yaml. */
export async function runSchemaCommand(argv: string[]): Promise<number> {
  parseCommandLine('schema', argv, {});
  process.stdout.write(expectationsJsonSchema());
  return 0;
}
