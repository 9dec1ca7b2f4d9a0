import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { READ_COMMANDS, permissionFor, type ServiceName } from '../../src/aws/commands.js';

interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: string | string[];
}

const policyFile = resolve(import.meta.dirname, '..', '..', 'iam', 'audit-policy.json');
const policy = JSON.parse(readFileSync(policyFile, 'utf8')) as {
  Version: string;
  Statement: Statement[];
};

const granted = policy.Statement.flatMap((statement) => statement.Action);
const needed = Object.entries(READ_COMMANDS).flatMap(([service, commands]) =>
  Object.keys(commands).map((operation) => permissionFor(service as ServiceName, operation)),
);

describe('audit-policy', () => {
  it('fails when the audit sends a command that iam/audit-policy.json does not grant', () => {
    const missing = needed.filter((action) => !granted.includes(action));

    expect(missing).toEqual([]);
  });

  it('fails when iam/audit-policy.json grants an action the audit never sends', () => {
    const extra = granted.filter((action) => !needed.includes(action));

    expect(extra).toEqual([]);
  });

  it('fails when the policy allows anything but listed actions (no wildcard, no Deny tricks)', () => {
    expect(policy.Version).toBe('2012-10-17');
    expect(policy.Statement.every((statement) => statement.Effect === 'Allow')).toBe(true);
    expect(granted.filter((action) => action.includes('*'))).toEqual([]);
    expect(new Set(granted).size).toBe(granted.length);
  });

  it('fails when the generic policy opens secrets or parameters beyond the mailspec/ prefix', () => {
    const resources = (action: string) =>
      policy.Statement.filter((statement) => [statement.Action].flat().includes(action)).map(
        (statement) => statement.Resource,
      );

    expect(resources('secretsmanager:GetSecretValue')).toEqual([
      'arn:aws:secretsmanager:*:*:secret:mailspec/*',
    ]);
    expect(resources('ssm:GetParameter')).toEqual(['arn:aws:ssm:*:*:parameter/mailspec/*']);
  });
});
