import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** The shared files the SDK reads profiles from, where the environment moves them. */
export function profileFiles(env: NodeJS.ProcessEnv): { config: string; credentials: string } {
  return {
    config: env.AWS_CONFIG_FILE || join(homedir(), '.aws', 'config'),
    credentials: env.AWS_SHARED_CREDENTIALS_FILE || join(homedir(), '.aws', 'credentials'),
  };
}

/**
 * Whether a profile has a section in either shared file: `[profile NAME]` (or `[default]`)
 * in the config file, `[NAME]` in the credentials file, as the AWS CLI and SDKs name them.
 * Only section headers are read; no key or value of the files is kept.
 * https://docs.aws.amazon.com/sdkref/latest/guide/file-format.html
 */
export function profileIsDeclared(name: string, env: NodeJS.ProcessEnv): boolean {
  const files = profileFiles(env);
  const inConfig = name === 'default' ? '[default]' : `[profile ${name}]`;
  return (
    sectionNames(files.config).includes(inConfig) ||
    sectionNames(files.credentials).includes(`[${name}]`)
  );
}

/** `[profile  x ]` read as `[profile x]`; a file that cannot be read has no sections. */
function sectionNames(file: string): string[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  return text
    .split(/\r?\n/)
    .map((line) => /^\s*\[\s*([^\]]*?)\s*\]/.exec(line)?.[1])
    .filter((section): section is string => section !== undefined)
    .map((section) => `[${section.replace(/\s+/g, ' ')}]`);
}
