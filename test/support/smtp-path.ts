import type { AwsGateway } from '../../src/aws/gateway.js';
import type { SmtpPath } from '../../src/config/schema.js';
import type { SubjectOf } from '../../src/engine/check.js';
import type { AuditContext } from '../../src/engine/context.js';
import { testContext } from './audit-context.js';

/** An expectations file with one SMTP path whose `credential:` block is given as YAML. */
export function smtpExpectations(credential: string, extra = ''): string {
  return `source: live
domains:
  - domain: example.com
    regions: [us-east-1]
sending_paths:
  - name: gmail-alias
    kind: smtp
    region: us-east-1
    from: admin@example.com
    iam_user: ses-smtp-gmail-alias
    credential:
${credential
  .split('\n')
  .map((line) => `      ${line}`)
  .join('\n')}
${extra
  .split('\n')
  .map((line) => `    ${line}`)
  .join('\n')}
`;
}

/** A context with that file loaded, and the path as a check subject. */
export function smtpContext(
  credential = 'username: { value: AKIAIOSFODNN7EXAMPLE }',
  options: { extra?: string; aws?: AwsGateway } = {},
): { ctx: AuditContext; subject: SubjectOf<'path'>; path: SmtpPath } {
  const ctx = testContext({ yaml: smtpExpectations(credential, options.extra), aws: options.aws });
  const path = ctx.loaded.expectations.sending_paths[0] as SmtpPath;
  return { ctx, path, subject: { scope: 'path', sendingPath: path, path: ['sending_paths', 0] } };
}
