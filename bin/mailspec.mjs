#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so there is no build step between a clone and a run.
import { register } from 'tsx/esm/api';

// The AWS SDK warns at length on Node 20; one line says the same and keeps reports readable.
// Only the commands that load the SDK to call AWS say it: a password derivation needs no SDK.
const major = Number(process.versions.node.split('.')[0]);
const callsAws = ['audit', 'record', 'demo'].includes(process.argv[2] ?? '');
if (major < 22 && !process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED) {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  if (callsAws)
    process.stderr.write(
      `mailspec: note: Node ${process.versions.node} is end-of-life; AWS SDK releases after January 2027 need Node 22 or newer\n`,
    );
}

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
