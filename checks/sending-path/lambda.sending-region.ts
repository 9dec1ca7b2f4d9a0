import { describeFailure } from '../../src/aws/gateway.js';
import type { SesApiPath } from '../../src/config/schema.js';
import {
  collectLambda,
  environmentValue,
  type LambdaFacts,
} from '../../src/collect/sending-path.js';
import { defineCheck, fail, inconclusive, pass, warn } from '../../src/engine/check.js';
import { isSesRegion } from '../../src/ses/regions.js';

/**
 * Passes when the Lambda is configured to send through an SES region, the declared one if
 * any; its region variable decides, and an unset one leaves the function's own region.
 */
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
        `Lambda ${name} (${home}) of ${path.name} could not be read: ${describeFailure(lambda)}`,
      );
    }

    const configured = environmentValue(lambda.value, variable);
    const lead = `Lambda ${name} (${home}) of ${path.name}`;
    const found = variable ? `${variable}=${configured ?? '(unset)'}` : `function region ${home}`;
    const expected = path.region ? `an SES client in ${path.region}` : 'an SES region';
    if (!variable) {
      if (path.region && path.region !== home) {
        return warn(
          `${lead} names no region variable, so its sending region is taken to be the declared ${path.region}`,
          { expected, found },
        );
      }
      return pass(`${lead} sends through SES in ${path.region ?? home}`, { found });
    }

    // An unset variable leaves the SDK on AWS_REGION, the function's own region.
    const region = configured ?? home;
    const sends = configured === undefined ? `has no ${variable}, so it sends` : 'sends';
    if (!isSesRegion(region)) {
      return fail(`${lead} is configured for ${region}, which is not an SES region`, {
        expected,
        found,
      });
    }
    if (path.region && path.region !== region) {
      return fail(`${lead} ${sends} through ${region}, not the declared ${path.region}`, {
        expected,
        found,
      });
    }
    if (configured === undefined) {
      return warn(`${lead} ${sends} through its own region ${home}`, { expected, found });
    }
    return pass(`${lead} sends through SES in ${region} (${found})`, { found });
  },
});
