import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetAccountCommand, GetEmailIdentityCommand } from '@aws-sdk/client-sesv2';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { SERVICES } from '../../src/aws/commands.js';
import { startLoopbackDns } from '../../src/dns/loopback-server.js';
import { Zone } from '../../src/dns/zone.js';
import { restoreEnvironmentAfterEach, runMain } from '../support/cli.js';

const cli = runMain;

restoreEnvironmentAfterEach();

const EXPECTATIONS = `version: 1
source: live
domains:
  - domain: example.com
    regions: [us-east-1]
`;

function folder(): string {
  return mkdtempSync(join(tmpdir(), 'mailspec-cli-record-'));
}

describe('record', () => {
  it('fails with exit 2 and one line, writing nothing, when the machine has no AWS credentials', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'expectations.yaml'), EXPECTATIONS);
    // The SDK's own default chain, with every place it looks emptied and the instance
    // metadata service switched off, so no request leaves the machine.
    for (const key of Object.keys(process.env)) if (key.startsWith('AWS_')) delete process.env[key];
    Object.assign(process.env, {
      AWS_CONFIG_FILE: join(dir, 'no-config'),
      AWS_SHARED_CREDENTIALS_FILE: join(dir, 'no-credentials'),
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    });
    const dns = await startLoopbackDns(new Zone([]));
    const out = join(dir, 'fixture');

    try {
      const run = await cli([
        'record',
        '--expectations',
        join(dir, 'expectations.yaml'),
        '--out',
        out,
        '--dns-server',
        dns.address,
      ]);

      expect(run).toEqual({
        code: 2,
        stdout: '',
        stderr:
          'mailspec: record: no AWS credentials were found (set a profile, role or environment credentials); nothing was written [MAILSPEC_RECORD_NO_AWS]\n',
      });
      expect(existsSync(out)).toBe(false);
    } finally {
      await dns.close();
    }
  });

  it('fails with exit 2 and one line, no stack, when --out is a file', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'expectations.yaml'), EXPECTATIONS);
    const file = join(dir, 'passwd');
    writeFileSync(file, 'root:x:0:0\n');

    const run = await cli([
      'record',
      '--expectations',
      join(dir, 'expectations.yaml'),
      '--out',
      file,
    ]);

    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr: `mailspec: record: ${file} is a file, not a folder; record into a new folder [MAILSPEC_OUTPUT_UNWRITABLE]\n`,
    });
  });

  it('passes with exit 0, listing each redaction and warning of each denied permission', async () => {
    const dir = folder();
    const file = join(dir, 'expectations.yaml');
    writeFileSync(
      file,
      `${EXPECTATIONS}sending_paths:
  - name: sender
    kind: ses-api
    lambda: { function: sender, region: us-east-1, region_env: SES_REGION }
    from: admin@example.com
`,
    );
    const mocks = Object.values(SERVICES).map(({ client }) => mockClient(client as never));
    mocks.forEach((mock) =>
      mock.onAnyCommand().rejects(
        Object.assign(new Error('not authorized'), {
          name: 'AccessDeniedException',
          $metadata: { httpStatusCode: 403 },
        }),
      ),
    );
    const [ses, , , lambda] = mocks;
    ses.on(GetAccountCommand as never).resolves({ SendingEnabled: true } as never);
    ses.on(GetEmailIdentityCommand as never).resolves({ VerifiedForSendingStatus: true } as never);
    lambda.onAnyCommand().resolves({
      FunctionName: 'sender',
      Role: 'arn:aws:iam::123456789012:role/sender',
      Environment: { Variables: { SES_REGION: 'us-east-1', API_TOKEN: 'tok-live-123' } },
    } as never);
    const dns = await startLoopbackDns(new Zone([]));
    const out = join(dir, 'fixture');

    try {
      const run = await cli([
        'record',
        '--expectations',
        file,
        '--out',
        out,
        '--dns-server',
        dns.address,
      ]);

      const lines = run.stdout.trimEnd().split('\n');
      expect(run.code).toBe(0);
      expect(lines[0]).toBe(
        `mailspec: recorded 17 results into ${out} (aws/iam.json, aws/lambda.json, aws/sesv2.json, dns/recorded.yaml, recording.json, expectations.yaml)`,
      );
      expect(lines.slice(1)).toEqual([
        'mailspec: redacted Lambda function sender in us-east-1: environment variable API_TOKEN',
        `mailspec: replay it with: mailspec audit --expectations ${out}/expectations.yaml`,
      ]);
      expect(run.stderr).toBe(
        'mailspec: warning: access denied for iam:SimulatePrincipalPolicy; those checks replay as inconclusive\n',
      );
    } finally {
      mocks.forEach((mock) => mock.restore());
      await dns.close();
    }
  });
});
