import { describeFailure } from '../../src/aws/gateway.js';
import type { SesApiPath } from '../../src/config/schema.js';
import {
  addressOf,
  collectLambda,
  environmentValue,
  type LambdaFacts,
} from '../../src/collect/sending-path.js';
import { defineCheck, fail, inconclusive, pass } from '../../src/engine/check.js';

/**
 * Passes when the Lambda's From variable holds the declared From address, bare or with a
 * display name (`Charter <admin@example.com>`).
 */
export default defineCheck({
  meta: {
    id: 'lambda.from-address',
    layer: 'sending-path',
    severity: 'high',
    group: 'Lambda',
    title: 'sends from the declared From address',
    remediation:
      'Set the From environment variable of the function to the declared From address (or correct the expectation), so mail leaves as an identity that is verified and authenticated.',
    reference: 'https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html',
  },
  scope: 'path',
  appliesTo: ({ sendingPath }) => sendingPath.kind === 'ses-api' && !!sendingPath.lambda?.from_env,
  collect: ({ sendingPath }, ctx) => collectLambda(ctx, sendingPath as SesApiPath)!,
  evaluate({ sendingPath }, lambda: LambdaFacts) {
    const path = sendingPath as SesApiPath;
    const { function: name, region: home, from_env: variable } = path.lambda!;
    if (!lambda.ok) {
      // lambda.sending-region reports a missing function; here it only means "cannot tell".
      return inconclusive(
        `Lambda ${name} (${home}) of ${path.name} could not be read: ${describeFailure(lambda)}`,
      );
    }

    const configured = environmentValue(lambda.value, variable);
    const expected = `${variable}=${path.from}`;
    const found = `${variable}=${configured ?? '(unset)'}`;
    if (configured === undefined) {
      return fail(
        `Lambda ${name} (${home}) of ${path.name} has no ${variable}, so its From address is unknown`,
        {
          expected,
          found,
        },
      );
    }
    if (addressOf(configured) !== path.from) {
      return fail(
        `Lambda ${name} (${home}) of ${path.name} sends from ${configured}, not the declared ${path.from}`,
        {
          expected,
          found,
        },
      );
    }
    return pass(`Lambda ${name} (${home}) of ${path.name} sends from ${path.from}`, { found });
  },
});
