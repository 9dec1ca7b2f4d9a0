import { describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { overridesFromEnv } from '../../src/engine/audit.js';
import { parseShard } from '../../src/engine/shard.js';
import { MailspecError } from '../../src/errors.js';

function refusal(act: () => unknown): string {
  try {
    act();
    return 'accepted';
  } catch (error) {
    if (error instanceof MailspecError) return error.toLine();
    throw error;
  }
}

describe('parseShard', () => {
  it('passes when the shard is i/n with 1 <= i <= n', () => {
    expect(parseShard('2/3')).toEqual({ index: 2, count: 3 });
    expect(parseShard(undefined)).toBeUndefined();
  });

  it.each(['abc', '0/2', '3/2', '1/99999999999999999999'])(
    'fails when --shard is %s, as one line',
    (value) => {
      expect(refusal(() => parseShard(value))).toBe(
        `audit: --shard takes i/n with 1 <= i <= n, not "${value}" [MAILSPEC_USAGE]`,
      );
    },
  );
});

describe('overridesFromEnv', () => {
  it.each(['abc', '0/2', '3/2'])('fails when MAILSPEC_SHARD is %s, as one line', (value) => {
    expect(refusal(() => overridesFromEnv({ MAILSPEC_SHARD: value }))).toBe(
      `audit: MAILSPEC_SHARD takes i/n with 1 <= i <= n, not "${value}" [MAILSPEC_USAGE]`,
    );
  });

  it('passes when MAILSPEC_SHARD is empty or a valid shard', () => {
    expect(overridesFromEnv({ MAILSPEC_SHARD: '' })).toEqual({});
    expect(overridesFromEnv({ MAILSPEC_SHARD: '1/2' })).toEqual({ shard: { index: 1, count: 2 } });
  });
});

describe('mailspec audit with MAILSPEC_SHARD', () => {
  it('fails with exit 2 and one line before the run starts when the value is bad', async () => {
    vi.stubEnv('MAILSPEC_SHARD', '3/2');
    let stderr = '';
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      stderr += String(chunk);
      return true;
    });

    const code = await main(['audit']).finally(() => {
      vi.restoreAllMocks();
      vi.unstubAllEnvs();
    });

    expect({ code, stderr }).toEqual({
      code: 2,
      stderr:
        'mailspec: audit: MAILSPEC_SHARD takes i/n with 1 <= i <= n, not "3/2" [MAILSPEC_USAGE]\n',
    });
  });
});
