import { describe, expect, it } from 'vitest';
import { bucketLimits, createPacer, DEFAULT_LIMITS } from '../../src/aws/limits.js';

/** A pacer on a virtual clock that sleeping moves forward; `starts` are the task start times. */
function virtualPacer(perSecond: number, concurrency = 10) {
  let clock = 0;
  const starts: number[] = [];
  const pacer = createPacer(
    { perSecond, concurrency },
    {
      now: () => clock,
      // The clock moves after the tasks already started have run, as a real timer's would.
      sleep: (ms) =>
        new Promise<void>((resolve) =>
          setImmediate(() => {
            clock += ms;
            resolve();
          }),
        ),
    },
  );
  const task = async () => void starts.push(clock);
  return { pacer, starts, task };
}

describe('bucketLimits', () => {
  it('passes when an override replaces only the fields it names', () => {
    const limit = bucketLimits('route53', { route53: { perSecond: 2, concurrency: 5 } });

    expect(limit).toEqual({ perSecond: 2, concurrency: 5 });
    expect(bucketLimits('sesv2')).toEqual(DEFAULT_LIMITS.sesv2);
    expect(DEFAULT_LIMITS.route53.perSecond).toBe(5);
  });
});

describe('createPacer', () => {
  it('passes when starts are spaced one over the rate apart after 100 ms of credit', async () => {
    const { pacer, starts, task } = virtualPacer(4);

    await Promise.all([1, 2, 3, 4].map(() => pacer.run(task)));

    // The second start uses the credit a full bucket holds; from then on, 250 ms apart.
    expect(starts).toEqual([0, 150, 400, 650]);
  });

  it('passes when throttling halves the pace and successes win it back step by step', async () => {
    const { pacer, starts, task } = virtualPacer(4);

    await pacer.run(task);
    pacer.throttled();
    const rateAfterThrottle = pacer.rate();
    await pacer.run(task);

    expect(rateAfterThrottle).toBe(2);
    expect(starts).toEqual([0, 500]);
    expect(pacer.rate()).toBeCloseTo(2.2, 10);
  });

  it('passes when repeated throttling stops at a tenth of the configured rate', () => {
    const { pacer } = virtualPacer(10);

    for (let i = 0; i < 10; i++) pacer.throttled();

    expect(pacer.rate()).toBe(1);
  });

  it('fails a task that throws, without raising the pace', async () => {
    const { pacer } = virtualPacer(4);
    pacer.throttled();

    const result = pacer.run(async () => {
      throw new Error('ThrottlingException');
    });

    await expect(result).rejects.toThrow('ThrottlingException');
    expect(pacer.rate()).toBe(2);
  });

  it('passes when no more than the concurrency is in flight at once', async () => {
    const { pacer } = virtualPacer(1000, 2);
    let inFlight = 0;
    let most = 0;
    const task = async () => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise<void>((resolve) => setImmediate(resolve));
      inFlight--;
    };

    await Promise.all([1, 2, 3, 4, 5].map(() => pacer.run(task)));

    expect(most).toBe(2);
  });
});
