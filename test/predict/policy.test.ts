import { describe, expect, it } from 'vitest';
import { parseDmarcRecord, type DmarcRecord } from '../../src/dmarc/record.js';
import { effectivePolicy, receiverAction, weakerPolicy } from '../../src/predict/policy.js';

function record(text: string): DmarcRecord {
  const parsed = parseDmarcRecord(text);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.record;
}

describe('effectivePolicy', () => {
  it('passes when the From domain holds the record: p applies', () => {
    const applied = effectivePolicy(record('v=DMARC1; p=reject; sp=none'), false);

    expect(applied).toEqual({ tag: 'p', policy: 'reject', pct: 100 });
  });

  it('passes when the record is inherited from the organizational domain: sp applies', () => {
    const applied = effectivePolicy(record('v=DMARC1; p=reject; sp=quarantine; pct=30'), true);

    expect(applied).toEqual({ tag: 'sp', policy: 'quarantine', pct: 30 });
  });

  it('passes when an inherited record without sp applies p to subdomains', () => {
    const applied = effectivePolicy(record('v=DMARC1; p=reject'), true);

    expect(applied).toEqual({ tag: 'sp', policy: 'reject', pct: 100 });
  });
});

describe('weakerPolicy', () => {
  it('passes when reject steps down to quarantine and quarantine to none', () => {
    expect(weakerPolicy('reject')).toBe('quarantine');
    expect(weakerPolicy('quarantine')).toBe('none');
    expect(weakerPolicy('none')).toBe('none');
  });
});

describe('receiverAction', () => {
  it('passes when each provider names its own disposition of a rejected message', () => {
    const applied = { tag: 'p' as const, policy: 'reject' as const, pct: 100 };

    expect(receiverAction(applied, 'exchange-online')).toBe(
      'reject (550 5.7.509 at Exchange Online)',
    );
    expect(receiverAction(applied, 'google')).toBe('reject (550 5.7.26 at Gmail)');
    expect(receiverAction(applied, 'other')).toBe('reject');
    expect(receiverAction(applied, undefined)).toBe('reject');
  });

  it('passes when quarantine and none are described per provider', () => {
    const quarantine = { tag: 'p' as const, policy: 'quarantine' as const, pct: 100 };
    const none = { tag: 'p' as const, policy: 'none' as const, pct: 100 };

    expect(receiverAction(quarantine, 'exchange-online')).toBe(
      'quarantine (Junk Email or quarantine at Exchange Online)',
    );
    expect(receiverAction(quarantine, 'google')).toBe('quarantine (spam folder at Gmail)');
    expect(receiverAction(none, 'google')).toBe('deliver (p=none asks for no action)');
    expect(receiverAction({ ...none, tag: 'sp' }, undefined)).toBe(
      'deliver (sp=none asks for no action)',
    );
    expect(receiverAction({ ...quarantine, pct: 10 }, 'google')).toBe(
      'quarantine (spam folder at Gmail) for 10% of messages, deliver for the rest',
    );
  });

  it('passes when pct below 100 applies the next weaker policy to the rest', () => {
    const applied = { tag: 'sp' as const, policy: 'reject' as const, pct: 25 };

    const action = receiverAction(applied, 'exchange-online');

    expect(action).toBe(
      'reject (550 5.7.509 at Exchange Online) for 25% of messages, quarantine (Junk Email or quarantine at Exchange Online) for the rest',
    );
  });
});
