import { afterEach, describe, expect, it, vi } from 'vitest';
import { runSchemaCommand } from '../../src/cli/schema.js';
import { expectationsJsonSchema } from '../../src/config/json-schema.js';

describe('schema', () => {
  afterEach(() => vi.restoreAllMocks());

  it('passes when `mailspec schema` prints the generated JSON Schema and exits 0', async () => {
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);

    const code = await runSchemaCommand([]);

    expect(code).toBe(0);
    expect(write).toHaveBeenCalledWith(expectationsJsonSchema());
  });

  it('fails with a usage error for an option it does not take', async () => {
    await expect(runSchemaCommand(['--out', 'x'])).rejects.toThrow(
      "schema: Unknown option '--out' (see mailspec --help)",
    );
  });
});
