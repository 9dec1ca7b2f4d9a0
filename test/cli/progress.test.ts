import { describe, expect, it } from 'vitest';
import { createProgress } from '../../src/cli/progress.js';

function sink(isTTY: boolean) {
  const written: string[] = [];
  return { stream: { isTTY, write: (text: string) => written.push(text) }, written };
}

describe('createProgress', () => {
  it('passes when a terminal gets one line per layer, redrawn in place', () => {
    const { stream, written } = sink(true);
    let clock = 0;
    const progress = createProgress({ stream, env: {}, now: () => clock, everyMs: 100 });

    progress.listener!('dns', 1, 4);
    clock = 50;
    progress.listener!('ses-identity', 1, 2);
    clock = 200;
    progress.listener!('ses-identity', 2, 2);
    progress.finish();

    expect(written).toEqual([
      '\x1b[2Kdns  1/4\n',
      '\x1b[1A\x1b[2Kdns           1/4\n\x1b[2Kses-identity  2/2\n',
      '\x1b[2A\x1b[2Kdns           1/4\n\x1b[2Kses-identity  2/2\n',
    ]);
  });

  it('passes when CI=true keeps it quiet even on a terminal', () => {
    const { stream, written } = sink(true);

    const progress = createProgress({ stream, env: { CI: 'true' } });
    progress.finish();

    expect(progress.listener).toBeUndefined();
    expect(written).toEqual([]);
  });

  it('passes when output that is not a terminal gets no progress at all', () => {
    const { stream } = sink(false);

    const progress = createProgress({ stream, env: {} });

    expect(progress.listener).toBeUndefined();
  });
});
