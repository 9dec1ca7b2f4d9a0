import { describe, expect, it } from 'vitest';
import { parseExpectations } from '../../src/config/load.js';
import type { SubjectOf } from '../../src/engine/check.js';
import { findingPath, subjectName, subjectsFor } from '../../src/engine/subjects.js';

const YAML = `source: live
domains:
  - domain: example.com
    regions: [us-east-1, us-west-2]
regions:
  us-west-2:
    suppression:
      must_reach: [billing@example.net, purchasing@example.net]
sending_paths:
  - name: newsletter
    kind: ses-api
    region: us-east-1
    from: admin@example.com
    sends_to: [example.net, example.org]
recipients:
  - domain: example.net
    provider: exchange-online
`;

const loaded = parseExpectations(YAML, 'expectations.yaml');
const { expectations } = loaded;

describe('subjectsFor', () => {
  it('passes when a sends_to domain missing from recipients gets a recipient with the defaults', () => {
    const recipients = subjectsFor(expectations, 'recipient') as SubjectOf<'recipient'>[];

    expect(recipients.map(({ recipient, path }) => ({ recipient, path }))).toEqual([
      {
        recipient: { domain: 'example.net', provider: 'exchange-online', requires: 'dmarc-pass' },
        path: ['recipients', 0],
      },
      {
        recipient: { domain: 'example.org', requires: 'dmarc-pass' },
        path: ['sending_paths', 0, 'sends_to', 1],
      },
    ]);
  });

  it('passes when every domain a path sends to is a path-recipient subject, declared or not', () => {
    const pairs = subjectsFor(expectations, 'path-recipient');

    expect(pairs.map((subject) => [subjectName(subject).subject, subject.path])).toEqual([
      ['newsletter → example.net', ['sending_paths', 0, 'sends_to', 0]],
      ['newsletter → example.org', ['sending_paths', 0, 'sends_to', 1]],
    ]);
    expect(loaded.locate(pairs[1].path)).toEqual({
      file: 'expectations.yaml',
      line: 14,
      column: 29,
    });
  });
});

describe('findingPath', () => {
  const regions = subjectsFor(expectations, 'region') as SubjectOf<'region'>[];
  const region = regions.find((subject) => subject.region === 'us-west-2')!;
  const path = subjectsFor(expectations, 'path')[0];

  it('passes when an outcome about one address points at that address in must_reach', () => {
    const found = findingPath(region, expectations, { item: 'purchasing@example.net' });

    expect(found).toEqual(['regions', 'us-west-2', 'suppression', 'must_reach', 1]);
    expect(loaded.locate(found)).toEqual({ file: 'expectations.yaml', line: 8, column: 41 });
  });

  it('passes when a check names its key: the finding points at that key', () => {
    const found = findingPath(path, expectations, { keyPath: ['from'] });

    expect(loaded.locate(found)).toEqual({ file: 'expectations.yaml', line: 13, column: 11 });
  });

  it('passes when the item is not written under the subject: the declaration itself', () => {
    const found = findingPath(region, expectations, { item: 'DKIM tokens us-west-2' });

    expect(found).toEqual(['regions', 'us-west-2']);
  });
});
