import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'specs/**/*.spec.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Tests never reach AWS: with no credentials the SDK would otherwise try the EC2
    // instance metadata address, which is no loopback address.
    env: {
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      AWS_EC2_METADATA_DISABLED: 'true',
    },
  },
});
