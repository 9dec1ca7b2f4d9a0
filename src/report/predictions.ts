import {
  describeDkim,
  describePolicy,
  describeSpf,
  type PathPrediction,
} from '../predict/table.js';
import type { CheckResult } from '../types.js';

/** The DMARC predictions the results carry, in declaration order (waived ones too). */
export function predictionsOf(results: CheckResult[]): PathPrediction[] {
  return results.flatMap((result) => (result.prediction ? [result.prediction] : []));
}

const COLUMNS: [string, (row: PathPrediction) => string][] = [
  ['recipient', (row) => row.recipient],
  ['MAIL FROM', (row) => `${row.envelope.domain}${row.envelope.fallback ? ' (fallback)' : ''}`],
  ['SPF', describeSpf],
  ['DKIM', describeDkim],
  ['DMARC', (row) => row.dmarc],
  ['policy', describePolicy],
  ['receiver', (row) => row.receiver],
];

/**
 * One small table per sending path, a row per recipient domain: what a receiver sees and
 * does. Empty when no prediction was made, so the output then shows nothing.
 */
export function formatPredictions(predictions: PathPrediction[]): string {
  if (predictions.length === 0) return '';
  const lines = ['', 'mailspec DMARC prediction, per sending path and recipient'];

  const paths = [...new Set(predictions.map((row) => row.path))];
  for (const path of paths) {
    const rows = predictions.filter((row) => row.path === path);
    lines.push(`  ${path}: ${rows[0].from} via ${rows[0].region}`);
    lines.push(...alignColumns([COLUMNS.map(([label]) => label), ...rows.map(cells)]));
  }
  return lines.join('\n');
}

function cells(row: PathPrediction): string[] {
  return COLUMNS.map(([, value]) => value(row));
}

/** Pads every column but the last to its widest cell, two spaces apart. */
function alignColumns(table: string[][]): string[] {
  const widths = table[0].map((_, column) => Math.max(...table.map((row) => row[column].length)));
  return table.map(
    (row) =>
      `    ${row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]))).join('  ')}`,
  );
}
