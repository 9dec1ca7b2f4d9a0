import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeFailure, type AwsResult } from '../../src/aws/gateway.js';
import { profileIsDeclared } from '../../src/aws/profiles.js';

/** The shared files of a made-up home; the keys in them are AWS's documented examples. */
const dir = mkdtempSync(join(tmpdir(), 'mailspec-profiles-'));
const config = join(dir, 'config');
const credentials = join(dir, 'credentials');
writeFileSync(config, '[default]\nregion = us-east-1\n\n[profile  audit ]\nregion = eu-west-1\n');
writeFileSync(
  credentials,
  '[keys-only]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n',
);
const files = { AWS_CONFIG_FILE: config, AWS_SHARED_CREDENTIALS_FILE: credentials };

const noCredentials = {
  ok: false,
  kind: 'no-credentials',
  errorName: 'CredentialsProviderError',
  message: 'Could not load credentials from any providers',
  permission: 'ses:GetAccount',
} as Extract<AwsResult<unknown>, { ok: false }>;

describe('profileIsDeclared', () => {
  it('passes when a profile has a section in the config or the credentials file', () => {
    const declared = ['default', 'audit', 'keys-only', 'region'].map((name) =>
      profileIsDeclared(name, files),
    );

    expect(declared).toEqual([true, true, true, false]);
  });
});

describe('describeFailure without credentials', () => {
  it('fails naming the profile when AWS_PROFILE names one no file declares', () => {
    const text = describeFailure(noCredentials, { ...files, AWS_PROFILE: 'nosuchprofile' });

    expect(text).toBe(
      `AWS profile "nosuchprofile" was not found (neither ${config} nor ${credentials} declares it)`,
    );
  });

  it('fails saying a declared profile gave no credentials, never quoting the files', () => {
    const text = describeFailure(noCredentials, { ...files, AWS_PROFILE: 'audit' });

    expect(text).toBe('AWS profile "audit" gave no credentials (renew its session or its keys)');
  });

  it('fails as no credentials at all when no profile is set', () => {
    const text = describeFailure(noCredentials, files);

    expect(text).toBe(
      'no AWS credentials were found (set a profile, role or environment credentials)',
    );
  });
});
