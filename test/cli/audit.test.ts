import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { exitCodeFor } from '../../src/report/summary.js';

/**
 * The CLI end to end on the bundled example. The audit runs vitest itself, so each run is a
 * child process. The example's results are still growing, so these tests assert structure and
 * line mapping for whatever results there are, not counts.
 */
const ROOT = resolve(import.meta.dirname, '..', '..');
const EXAMPLE = 'fixtures/charter-incident/expectations.yaml';
const FAULT = 'test/fixtures/cli-fault/expectations.yaml';
const run = promisify(execFile);

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function mailspec(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  const child = run(process.execPath, ['bin/mailspec.mjs', ...args], {
    cwd: ROOT,
    env: { ...process.env, GITHUB_ACTIONS: '', MAILSPEC_SOURCE: '', ...env },
    maxBuffer: 32 * 1024 * 1024,
  });
  try {
    const { stdout, stderr } = await child;
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

interface JsonResult {
  check: string;
  layer: string;
  subject: string;
  region: string | null;
  outcome: string;
  message: string;
  location: { file: string; line: number; column: number };
}

const out = mkdtempSync(join(tmpdir(), 'mailspec-cli-'));
const report = (name: string) => JSON.parse(readFileSync(join(out, name), 'utf8'));
const yamlLines = readFileSync(join(ROOT, EXAMPLE), 'utf8').split('\n');

/**
 * Whether a finding's line declares its subject: the line, or a line it is nested under (a
 * must_reach address under its region, a username under its path), names the subject or
 * the region.
 */
function declares(at: number, result: { subject: string; region: string | null }): boolean {
  const line = yamlLines[at - 1];
  if (result.subject === 'waivers') return line.includes('check:');
  const words = [...result.subject.split(' → '), ...(result.region ? [result.region] : [])];
  const indent = (text: string) => text.length - text.trimStart().length;
  const nesting = [line];
  for (const text of yamlLines.slice(0, at - 1).reverse()) {
    if (text.trim() && indent(text) < indent(nesting.at(-1)!)) nesting.push(text);
  }
  return nesting.some((text) => words.some((word) => text.includes(word)));
}

let plain: Run;
let withWaiver: Run;
let verbose: Run;
let fromEnv: Run;
let shards: Run[];
let staleFile: string;

beforeAll(async () => {
  // The example plus a waiver that matches nothing: a warn that --fail-on warn must catch.
  staleFile = join(out, 'stale.yaml');
  const text = readFileSync(join(ROOT, EXAMPLE), 'utf8').replace(
    /^source: .*$/m,
    `source: ${join(ROOT, 'fixtures', 'charter-incident')}`,
  );
  writeFileSync(
    staleFile,
    `${text}\nwaivers:\n  - check: dmarc.policy\n    subject: example.org\n    reason: old domain\n    expires: 2099-01-01\n`,
  );
  const reports = ['--json', 'w.json', '--junit', 'w.xml', '--sarif', 'w.sarif'].map((arg) =>
    arg.startsWith('--') ? arg : join(out, arg),
  );

  [plain, withWaiver, verbose, fromEnv, ...shards] = await Promise.all([
    mailspec(['audit', '--expectations', EXAMPLE, '--json', join(out, 'plain.json')]),
    mailspec(['audit', '--expectations', staleFile, '--fail-on', 'warn', ...reports], {
      GITHUB_ACTIONS: 'true',
    }),
    mailspec(['audit', '--expectations', EXAMPLE, '--verbose'], {
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: join(ROOT, 'fixtures'),
    }),
    // The one-domain fault file replayed against the healthy example: its own recording fails.
    mailspec(['audit', '--expectations', FAULT, '--json', join(out, 'env.json')], {
      MAILSPEC_SOURCE: 'fixtures/example',
    }),
    mailspec([
      'audit',
      '--expectations',
      EXAMPLE,
      '--shard',
      '1/2',
      '--json',
      join(out, 's1.json'),
    ]),
    mailspec([
      'audit',
      '--expectations',
      EXAMPLE,
      '--shard',
      '2/2',
      '--json',
      join(out, 's2.json'),
    ]),
  ]);
}, 120_000);

describe('audit', () => {
  it('fails or passes with the exit code its own results call for, and ends with the summary', () => {
    const { results } = report('plain.json') as { results: JsonResult[] };

    expect(results.length).toBeGreaterThan(0);
    expect(plain.code).toBe(exitCodeFor(results.map(asCheckResult)));
    expect(plain.stdout).toMatch(
      /mailspec summary \(source: recorded fixture .*\)\n(.*\n)*  total /,
    );
  });

  it('passes when every JSON result keeps the documented shape and points at its subject', () => {
    const { results, summary } = report('plain.json') as {
      results: JsonResult[];
      summary: { total: number };
    };

    expect(summary.total).toBe(results.length);
    for (const result of results) {
      expect(Object.keys(result)).toEqual(
        expect.arrayContaining(['check', 'layer', 'subject', 'region', 'outcome', 'message']),
      );
      expect(result.location.file).toBe(EXAMPLE);
      expect(declares(result.location.line, result), result.check).toBe(true);
    }
  });

  it('fails with exit code 1 under --fail-on warn when only a stale waiver warns', () => {
    const { results } = report('w.json') as { results: JsonResult[] };

    const stale = results.filter((result) => result.layer === 'config');
    expect(stale.map((result) => result.outcome)).toEqual(['warn']);
    expect(withWaiver.code).toBe(1);
  });

  it('fails every fail and inconclusive as a GitHub annotation on the declaring line', () => {
    const { results } = report('w.json') as { results: JsonResult[] };
    const needing = results.filter((r) => ['fail', 'warn', 'inconclusive'].includes(r.outcome));
    const annotations = withWaiver.stdout.split('\n').filter((line) => line.startsWith('::'));

    expect(annotations).toHaveLength(needing.length);
    annotations.forEach((annotation, i) => {
      const result = needing[i];
      const command = result.outcome === 'fail' ? 'error' : 'warning';
      const where = `file=${staleFile},line=${result.location.line},col=${result.location.column},`;
      expect(annotation.startsWith(`::${command} ${where}`)).toBe(true);
    });
    expect(plain.stdout).not.toContain('::error');
    expect(plain.stdout).not.toContain('::warning');
  });

  it('passes when JUnit and SARIF hold the same results as the JSON report', () => {
    const { results } = report('w.json') as { results: JsonResult[] };
    const xml = readFileSync(join(out, 'w.xml'), 'utf8');
    const sarif = report('w.sarif');

    expect(xml.match(/<testcase /g)).toHaveLength(results.length);
    expect(xml.match(/<failure /g) ?? []).toHaveLength(count(results, 'fail'));
    expect(xml.match(/<error /g) ?? []).toHaveLength(count(results, 'inconclusive'));
    const located = sarif.runs[0].results.map(
      (r: { ruleId: string; locations: { physicalLocation: { region: object } }[] }) => [
        r.ruleId,
        r.locations[0].physicalLocation.region,
      ],
    );
    const notPassing = results.filter((r) => r.outcome !== 'pass');
    expect(located).toEqual(
      notPassing.map((r) => [
        r.check,
        { startLine: r.location.line, startColumn: r.location.column },
      ]),
    );
  });

  it('passes when two shards together run every test of the example exactly once', () => {
    const key = (r: JsonResult) => `${r.check} ${r.subject} ${r.region} ${r.message}`;
    const whole = (report('plain.json').results as JsonResult[]).map(key).sort();
    const first = (report('s1.json').results as JsonResult[]).map(key);
    const second = (report('s2.json').results as JsonResult[]).map(key);

    expect(first.length).toBeGreaterThan(0);
    expect(second.length).toBeGreaterThan(0);
    expect([...first, ...second].sort()).toEqual(whole);
    expect(shards.map((shard) => shard.code)).toEqual(
      shards.map((_, i) => exitCodeFor(report(`s${i + 1}.json`).results.map(asCheckResult))),
    );
  });

  it('fails when a warning is not printed as a finding, and says warnings failed the run', () => {
    const { results } = report('w.json') as { results: JsonResult[] };
    const warnings = results.filter((result) => result.outcome === 'warn');
    const fails = count(results, 'fail');

    const heading = `mailspec ${warnings.length} warnings, shown by vitest as passed tests`;
    const section = withWaiver.stdout.slice(
      withWaiver.stdout.indexOf(heading),
      withWaiver.stdout.indexOf('mailspec summary'),
    );
    expect(warnings.length).toBeGreaterThan(1);
    expect(section.split('\n').filter((line) => line.startsWith('['))).toEqual(
      warnings.map((result) => `[${result.layer}] ${result.check}: ${result.message}`),
    );
    expect(withWaiver.stdout.trimEnd().split('\n').at(-1)).toBe(
      `mailspec: the run failed because of ${fails} fails and ${warnings.length} warnings (--fail-on warn)`,
    );
    expect(plain.stdout).not.toContain('the run failed because of');
  });

  it('passes when --verbose prints the source, the counts and the AWS call statistics', () => {
    const { results } = report('plain.json') as { results: JsonResult[] };
    const checks = new Set(results.map((result) => result.check)).size;
    const subjects = new Set(results.map((result) => result.subject)).size;

    const lines = lastLines(verbose.stderr).filter((line) => line.startsWith('mailspec: '));

    expect(lines.slice(0, 2)).toEqual([
      'mailspec: source: recorded fixture fixtures/charter-incident (replayed, no AWS calls)',
      `mailspec: ${results.length} results of ${checks} checks on ${subjects} subjects`,
    ]);
    // A replay answers each distinct call once (the gateway memoises) and never throttles.
    expect(lines[2]).toMatch(/^mailspec: AWS calls: callsMade (\d+), callsDistinct \1, retries 0$/);
    expect(lines).toHaveLength(3);
  });

  it('passes when annotations name the file relative to GITHUB_WORKSPACE', () => {
    const annotations = verbose.stdout.split('\n').filter((line) => line.startsWith('::'));

    expect(annotations.length).toBeGreaterThan(0);
    for (const annotation of annotations) {
      expect(annotation).toMatch(
        /^::(error|warning) file=charter-incident\/expectations\.yaml,line=/,
      );
    }
  });

  it('passes when MAILSPEC_SOURCE chooses the fixture, as --help says', () => {
    const { source, results } = report('env.json') as { source: string; results: JsonResult[] };

    expect(source).toBe('recorded fixture fixtures/example (replayed, no AWS calls)');
    expect(fromEnv.code).toBe(exitCodeFor(results.map(asCheckResult)));
    expect(fromEnv.stdout).toContain(
      'mailspec summary (source: recorded fixture fixtures/example (replayed, no AWS calls))',
    );
  });

  it('passes when a shard names itself in the summary', () => {
    expect(shards.map((shard) => /mailspec summary \(.*\)$/m.exec(shard.stdout)?.[0])).toEqual([
      'mailspec summary (source: recorded fixture fixtures/charter-incident (replayed, no AWS calls); shard 1/2 of the subjects)',
      'mailspec summary (source: recorded fixture fixtures/charter-incident (replayed, no AWS calls); shard 2/2 of the subjects)',
    ]);
  });

  it('passes with exit code 0 and one line for a shard that holds no subject', async () => {
    const target = join(out, 'empty-shard.json');

    const result = await mailspec([
      'audit',
      '--expectations',
      EXAMPLE,
      '--shard',
      '99/99',
      '--json',
      target,
    ]);

    expect({ code: result.code, stdout: result.stdout }).toEqual({
      code: 0,
      stdout: 'mailspec: shard 99/99 holds no subject to audit\n',
    });
    expect(report('empty-shard.json').summary).toEqual({
      pass: 0,
      fail: 0,
      warn: 0,
      inconclusive: 0,
      waived: 0,
      total: 0,
      exit_code: 0,
    });
  });

  it('fails as inconclusive naming a missing --profile once, with a fix that makes the check possible', async () => {
    const config = join(out, 'aws-config');
    writeFileSync(config, '[profile other]\nregion = us-east-1\n');
    const target = join(out, 'no-profile.json');
    const args = ['audit', '--expectations', FAULT, '--live', '--profile', 'nosuchprofile'];

    // No credentials, so no AWS request is sent; DNS goes to a closed loopback port.
    const result = await mailspec([...args, '--dns-server', '127.0.0.1:9', '--json', target], {
      AWS_CONFIG_FILE: config,
      AWS_SHARED_CREDENTIALS_FILE: join(out, 'no-credentials'),
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_CONTAINER_CREDENTIALS_RELATIVE_URI: '',
      AWS_CONTAINER_CREDENTIALS_FULL_URI: '',
      AWS_WEB_IDENTITY_TOKEN_FILE: '',
    });

    const cause = `AWS profile "nosuchprofile" was not found (neither ${config} nor ${join(out, 'no-credentials')} declares it)`;
    const { results } = report('no-profile.json') as { results: JsonResult[] };
    const named = results.filter((r) => r.message.endsWith(`could not be read: ${cause}`));
    const dns = results.filter((r) => r.message.includes('ECONNREFUSED'));
    expect(result.code).toBe(2);
    expect(named.length).toBeGreaterThan(0);
    expect(named.length + dns.length).toBe(results.length);
    expect(result.stdout.trimEnd().split('\n').slice(-2)).toEqual([
      `  ${named.length} inconclusive: ${cause}`,
      `  ${dns.length} inconclusive: DNS gave no answer (timeout, SERVFAIL, REFUSED or a network error)`,
    ]);
    // vitest prints each inconclusive finding as a failed test, in colour, on stderr.
    expect(result.stderr.replace(/\x1b\[[0-9;]*m/g, '')).toContain(
      '  fix:      first define the AWS profile "nosuchprofile" or choose an existing one with --profile, so the check can decide\n            then, if it fails: ',
    );
  });

  it('fails with one line and exit code 2 for a reporter that does not exist', async () => {
    const result = await mailspec(['audit', '--expectations', EXAMPLE, '--xml', 'out.xml']);

    expect(result.code).toBe(2);
    expect(lastLines(result.stderr)).toEqual([
      "mailspec: audit: Unknown option '--xml' (see mailspec --help) [MAILSPEC_USAGE]",
    ]);
  });

  it('fails with one line and exit code 2 for a report in a missing folder', async () => {
    const target = join(out, 'missing', 'report.xml');

    const result = await mailspec(['audit', '--expectations', EXAMPLE, '--junit', target]);

    expect(result.code).toBe(2);
    expect(lastLines(result.stderr)).toEqual([
      `mailspec: --junit ${target}: the folder ${join(out, 'missing')} does not exist [MAILSPEC_OUTPUT_UNWRITABLE]`,
    ]);
  });
});

function count(results: JsonResult[], outcome: string): number {
  return results.filter((result) => result.outcome === outcome).length;
}

/** stderr without the Node end-of-life note bin/mailspec.mjs prints on Node 20. */
function lastLines(stderr: string): string[] {
  return stderr.split('\n').filter((line) => line && !line.includes('end-of-life'));
}

/** Enough of a CheckResult for exitCodeFor, rebuilt from the JSON report. */
function asCheckResult(result: JsonResult) {
  const waived = result.outcome === 'waived';
  return {
    ...result,
    outcome: waived ? 'fail' : result.outcome,
    ...(waived ? { waiver: { reason: '', expires: '' } } : {}),
  } as never;
}
