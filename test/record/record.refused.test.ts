import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetUserCommand } from '@aws-sdk/client-iam';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SERVICES } from '../../src/aws/commands.js';
import { parseExpectations } from '../../src/config/load.js';
import { startLoopbackDns, type LoopbackDnsServer } from '../../src/dns/loopback-server.js';
import { Zone } from '../../src/dns/zone.js';
import { recordFixture } from '../../src/record/record.js';

/**
 * A live run that could not reach AWS is no recording: nothing is written and the reason is
 * one line. "Live" AWS is aws-sdk-client-mock answering every call with the failure under
 * test; live DNS a loopback server.
 */
const EXPECTATIONS = `version: 1
source: live
domains:
  - domain: example.com
    regions: [us-east-1]
sending_paths:
  - name: relay
    kind: smtp
    region: us-east-1
    from: admin@example.com
    iam_user: ses-smtp-relay
    credential: {}
`;

function failure(name: string, status: number): Error {
  return Object.assign(new Error(`${name} for the test`), {
    name,
    $metadata: { httpStatusCode: status },
  });
}

let mocks: ReturnType<typeof mockClient>[] = [];
let dns: LoopbackDnsServer;
let out: string;

beforeEach(async () => {
  mocks = Object.values(SERVICES).map(({ client }) => mockClient(client as never));
  dns = await startLoopbackDns(
    new Zone([{ name: 'example.com', type: 'TXT', data: 'v=spf1 -all' }]),
  );
  out = join(mkdtempSync(join(tmpdir(), 'mailspec-refused-')), 'fixture');
});

afterEach(async () => {
  mocks.forEach((mock) => mock.restore());
  await dns.close();
});

function record(target = out) {
  const loaded = parseExpectations(EXPECTATIONS, 'expectations.yaml');
  return recordFixture(loaded, EXPECTATIONS, target, { dnsServers: [dns.address] });
}

describe('record refused', () => {
  it('fails and writes nothing when the credential chain finds no credentials', async () => {
    mocks.forEach((mock) =>
      mock.onAnyCommand().rejects(
        Object.assign(new Error('Could not load credentials from any providers'), {
          name: 'CredentialsProviderError',
        }),
      ),
    );

    await expect(record()).rejects.toThrow(
      'record: no AWS credentials were found (set a profile, role or environment credentials); nothing was written',
    );
    expect(existsSync(out)).toBe(false);
  });

  it('fails and writes nothing when SES denies the account and identity reads', async () => {
    mocks.forEach((mock) => mock.onAnyCommand().rejects(failure('AccessDeniedException', 403)));
    mocks[2].on(GetUserCommand as never).resolves({
      User: { UserName: 'ses-smtp-relay', Arn: 'arn:aws:iam::123456789012:user/ses-smtp-relay' },
    } as never);

    await expect(record()).rejects.toThrow(
      'record: access was denied to ses:GetAccount and ses:GetEmailIdentity in every region asked; nothing was written',
    );
    expect(existsSync(out)).toBe(false);
  });

  it('fails before any AWS call when --out is a file', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'mailspec-refused-')), 'passwd');
    writeFileSync(file, 'root:x:0:0\n');

    await expect(record(file)).rejects.toThrow(
      `record: ${file} is a file, not a folder; record into a new folder`,
    );
    expect(mocks.map((mock) => mock.calls().length)).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('fails before any AWS call when --out would be made under a file', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'mailspec-refused-')), 'passwd');
    writeFileSync(file, 'root:x:0:0\n');

    await expect(record(join(file, 'fixture'))).rejects.toThrow(
      `record: ${join(file, 'fixture')} cannot be created: ${file} is a file`,
    );
  });
});
