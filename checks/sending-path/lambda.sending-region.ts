import { describeFailure } from '../../src/aws/gateway.js';
import type { SesApiPath } from '../../src/config/schema.js';
import {
  collectLambda,
  environmentValue,
  type LambdaFacts,
} from '../../src/collect/sending-path.js';
import { defineCheck, fail, inconclusive, pass, warn } from '../../src/engine/check.js';
import { isSesRegion } from '../../src/ses/regions.js';

/** Passes when the Lambda is configured to send through an SES region, the declared one if any. */
export default defineCheck({
  meta: {
    id: 'lambda.sending-region',
    layer: 'sending-path',
    severity: 'high',
    group: 'Lambda',
    title: 'sends through the expected SES region',
    remediation:
      'Set the region environment variable of the function to the SES region the domain is verified and set up in (identities, DKIM and MAIL FROM are regional), and redeploy.',
    reference: 'https://docs.aws.amazon.com/ses/latest/dg/regions.html',
  },
  scope: 'path',
  appliesTo: ({ sendingPath }) => sendingPath.kind === 'ses-api' && !!sendingPath.lambda,
  collect: ({ sendingPath }, ctx) => collectLambda(ctx, sendingPath as SesApiPath)!,
  evaluate({ sendingPath }, lambda: LambdaFacts) {
    const path = sendingPath as SesApiPath;
    const { function: name, region: home, region_env: variable } = path.lambda!;
    if (!lambda.ok && lambda.kind === 'not-found') {
      return fail(`Lambda ${name} of ${path.name} does not exist in ${home}`, {
        found: 'GetFunctionConfiguration: ResourceNotFoundException',
      });
    }
    if (!lambda.ok) {
      return inconclusive(
        `Lambda ${name} of ${path.name} could not be read: ${describeFailure(lambda)}`,
      );
    }

    const configured = environmentValue(lambda.value, variable);
    const found = variable ? `${variable}=${configured ?? '(unset)'}` : `function region ${home}`;
    const expected = path.region ? `an SES client in ${path.region}` : 'an SES region';
    if (variable && configured === undefined) {
      return warn(
        `Lambda ${name} of ${path.name} has no ${variable}, so it sends through its own region ${home}`,
        {
          expected,
          found,
        },
      );
    }
    const region = configured ?? home;
    if (!isSesRegion(region)) {
      return fail(
        `Lambda ${name} of ${path.name} is configured for ${region}, which is not an SES region`,
        {
          expected,
          found,
        },
      );
    }
    if (path.region && path.region !== region) {
      return fail(
        `Lambda ${name} of ${path.name} sends through ${region}, not the declared ${path.region}`,
        {
          expected,
          found,
        },
      );
    }
    return pass(`Lambda ${name} of ${path.name} sends through SES in ${region}`, { found });
  },
});
