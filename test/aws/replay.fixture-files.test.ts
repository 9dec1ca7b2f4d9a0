import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRecording, readRecordedAt } from '../../src/aws/recording.js';
import { isMailspecError } from '../../src/errors.js';

/** A fixture folder holding the given files (paths relative to it). */
function fixture(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'mailspec-fixture-'));
  mkdirSync(join(dir, 'aws'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/** The one line the CLI prints for what `load` throws. */
function lineOf(load: () => unknown): string {
  try {
    load();
  } catch (error) {
    if (isMailspecError(error)) return error.toLine();
    throw error;
  }
  throw new Error('nothing was thrown');
}

describe('recorded fixture files', () => {
  it('fails when an aws/*.json file is cut short, naming the file, line and column', () => {
    const dir = fixture({ 'aws/sesv2.json': '[\n  {"service":' });

    const line = lineOf(() => loadRecording(dir));

    expect(line).toBe(
      `${join(dir, 'aws', 'sesv2.json')}:2:14: Unexpected end of JSON input (not valid JSON) [MAILSPEC_FIXTURE_SYNTAX]`,
    );
  });

  it('fails when an aws/*.json file has a stray token, naming the file', () => {
    const dir = fixture({ 'aws/sesv2.json': '[1,}' });

    const line = lineOf(() => loadRecording(dir));

    expect(line).toBe(
      `${join(dir, 'aws', 'sesv2.json')}: Unexpected token '}' (not valid JSON) [MAILSPEC_FIXTURE_SYNTAX]`,
    );
  });

  it('fails when a recorded call is not an object', () => {
    const dir = fixture({ 'aws/sesv2.json': '[null]' });

    const line = lineOf(() => loadRecording(dir));

    expect(line).toBe(
      `${join(dir, 'aws', 'sesv2.json')}[0]: a recorded call is an object [MAILSPEC_FIXTURE_INVALID]`,
    );
  });

  it('fails when recording.json is cut short, naming the file', () => {
    const dir = fixture({ 'recording.json': '{"recorded_at": ' });

    const line = lineOf(() => readRecordedAt(dir));

    expect(line).toBe(
      `${join(dir, 'recording.json')}:1:17: Unexpected end of JSON input (not valid JSON) [MAILSPEC_FIXTURE_SYNTAX]`,
    );
  });

  it('fails when recording.json holds no recorded_at', () => {
    const dir = fixture({ 'recording.json': '{}' });

    const line = lineOf(() => readRecordedAt(dir));

    expect(line).toBe(
      `${join(dir, 'recording.json')}: recorded_at is not a date (an ISO 8601 time such as 2026-11-30T09:00:00Z) [MAILSPEC_FIXTURE_INVALID]`,
    );
  });

  it('passes when recording.json holds the time the recording was made', () => {
    const dir = fixture({ 'recording.json': '{"recorded_at": "2026-11-30T09:00:00Z"}' });

    expect(readRecordedAt(dir)).toEqual(new Date('2026-11-30T09:00:00Z'));
  });
});
