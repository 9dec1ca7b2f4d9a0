import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readJsonFile } from '../../src/aws/recording.js';
import { ConfigError, parseExpectations } from '../../src/config/load.js';
import { MailspecError } from '../../src/errors.js';

/** The one line the CLI prints for a file, or "ok" when it loads. */
function problems(text: string): string {
  try {
    parseExpectations(text, 'expectations.yaml');
    return 'ok';
  } catch (error) {
    if (error instanceof ConfigError || error instanceof MailspecError) return error.toLine();
    throw error;
  }
}

const paths = (smtpUser: string, lambdaFunction: string) => `source: live
domains:
  - domain: example.com
    regions: [us-east-1]
sending_paths:
  - name: relay
    kind: smtp
    region: us-east-1
    from: admin@example.com
    iam_user: ${smtpUser}
    credential: {}
  - name: bulk
    kind: ses-api
    lambda:
      function: ${lambdaFunction}
      region: us-east-1
    from: admin@example.com
`;

describe('names that scope the audit policy', () => {
  it('passes when the IAM user and the Lambda function are plain names or an ARN', () => {
    expect(problems(paths('ses-smtp.relay@example', 'campaign-sender'))).toBe('ok');
    expect(
      problems(paths('ses', 'arn:aws:lambda:us-east-1:123456789012:function:campaign-sender:live')),
    ).toBe('ok');
    expect(problems(paths('ses', '"123456789012:function:campaign-sender"'))).toBe('ok');
  });

  it('fails when the IAM user is a wildcard that would widen the policy', () => {
    expect(problems(paths('"*"', 'campaign-sender'))).toBe(
      'expectations.yaml:10:15: sending_paths[0].iam_user: expected an IAM user name (letters, digits and +=,.@_-, at most 64), got "*" [MAILSPEC_CONFIG_INVALID]',
    );
  });

  it('fails when the Lambda function is a wildcard', () => {
    expect(problems(paths('ses', '"sender-*"'))).toBe(
      'expectations.yaml:15:17: sending_paths[1].lambda.function: expected a Lambda function name or ARN, got "sender-*" [MAILSPEC_CONFIG_INVALID]',
    );
  });
});

describe('credential sources', () => {
  it('fails, without echoing it, when a secret is pasted where a variable name belongs', () => {
    const pasted = paths('ses', 'campaign-sender').replace(
      'credential: {}',
      'credential: { password: { env: BLBM/9hSUELfq8Gw+rU1YcBjkOxGbhT2XG763xVLGWL9 } }',
    );

    expect(problems(pasted)).toBe(
      'expectations.yaml:11:36: sending_paths[0].credential.password.env: expected a variable name, got a string of 44 characters [MAILSPEC_CONFIG_INVALID]',
    );
  });

  it('passes when env names a variable', () => {
    const named = paths('ses', 'campaign-sender').replace(
      'credential: {}',
      'credential: { password: { env: SMTP_PASSWORD } }',
    );

    expect(problems(named)).toBe('ok');
  });
});

describe('readJsonFile', () => {
  it('fails with one line when a fixture file is a folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mailspec-json-'));
    const folder = join(dir, 'account.json');
    mkdirSync(folder);

    expect(() => readJsonFile(folder)).toThrow(
      new MailspecError(
        'MAILSPEC_FIXTURE_INVALID',
        `${folder} is a folder, where a JSON file belongs`,
      ),
    );
  });
});
