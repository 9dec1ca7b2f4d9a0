import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetEmailIdentityCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { afterEach, describe, expect, it } from 'vitest';
import { createAwsGateway, describeFailure } from '../../src/aws/gateway.js';
import { loadRecording, Recording } from '../../src/aws/recording.js';
import { installReplay } from '../../src/aws/replay.js';

const recording = new Recording([
  {
    service: 'sesv2',
    region: 'us-east-1',
    operation: 'GetEmailIdentity',
    input: { EmailIdentity: 'example.com' },
    output: {
      VerificationStatus: 'SUCCESS',
      DkimAttributes: { LastKeyGenerationTimestamp: '2025-03-14T10:12:00.000Z' },
    },
  },
  {
    service: 'sesv2',
    region: 'us-west-2',
    operation: 'GetEmailIdentity',
    input: { EmailIdentity: 'example.com' },
    error: {
      name: 'NotFoundException',
      message: 'Email identity example.com does not exist.',
      httpStatusCode: 404,
    },
  },
]);

let restore = () => {};
afterEach(() => restore());

describe('installReplay', () => {
  it('passes when a recorded output comes back through the real client, with dates revived', async () => {
    restore = installReplay(recording);
    const client = new SESv2Client({ region: 'us-east-1' });

    const output = await client.send(new GetEmailIdentityCommand({ EmailIdentity: 'example.com' }));

    expect(output).toEqual({
      VerificationStatus: 'SUCCESS',
      DkimAttributes: { LastKeyGenerationTimestamp: new Date('2025-03-14T10:12:00.000Z') },
    });
  });

  it('fails as not-found when the recording holds the error AWS gave', async () => {
    restore = installReplay(recording);

    const result = await createAwsGateway().call('sesv2', 'us-west-2', 'GetEmailIdentity', {
      EmailIdentity: 'example.com',
    });

    expect(result).toEqual({
      ok: false,
      kind: 'not-found',
      errorName: 'NotFoundException',
      message: 'Email identity example.com does not exist.',
      permission: 'ses:GetEmailIdentity',
    });
  });

  it('fails as not-recorded, never a pass, when the recording lacks the call', async () => {
    restore = installReplay(recording);

    const result = await createAwsGateway().call('sesv2', 'us-east-1', 'GetEmailIdentity', {
      EmailIdentity: 'example.org',
    });

    expect(result.ok ? 'ok' : [result.kind, describeFailure(result)]).toEqual([
      'not-recorded',
      'the recording holds no answer for ses:GetEmailIdentity with this input',
    ]);
  });
});

describe('loadRecording', () => {
  function fixture(files: Record<string, string>): string {
    const dir = mkdtempSync(join(tmpdir(), 'mailspec-recording-'));
    mkdirSync(join(dir, 'aws'));
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, 'aws', name), text);
    return dir;
  }

  it('passes when every json file of the aws folder is merged', () => {
    const call = (operation: string) => ({
      service: 'sesv2',
      region: 'us-east-1',
      operation,
      output: {},
    });
    const dir = fixture({
      'a.json': JSON.stringify([call('GetAccount')]),
      'b.json': JSON.stringify([call('ListEmailIdentities')]),
    });

    expect(loadRecording(dir).calls.map((c) => c.operation)).toEqual([
      'GetAccount',
      'ListEmailIdentities',
    ]);
  });

  it('fails when a recorded call names an operation the audit never sends', () => {
    const dir = fixture({
      'a.json': JSON.stringify([
        { service: 'sesv2', region: 'us-east-1', operation: 'SendEmail', output: {} },
      ]),
    });

    expect(() => loadRecording(dir)).toThrow(
      `${join(dir, 'aws', 'a.json')}[0]: sesv2 has no read operation "SendEmail" the audit uses`,
    );
  });

  it('fails when a file is not JSON or not a list', () => {
    expect(() => loadRecording(fixture({ 'a.json': '{"service": "sesv2"}' }))).toThrow(
      'must hold a list of recorded calls',
    );
    expect(() => loadRecording(fixture({ 'a.json': '[' }))).toThrow(
      'Unexpected end of JSON input (not valid JSON)',
    );
  });
});
