import type { ProgressListener } from '../engine/run.js';

/** Where progress goes: stderr in the CLI, a string sink in tests. */
export interface ProgressStream {
  isTTY?: boolean;
  write(text: string): unknown;
}

export interface ProgressOptions {
  stream: ProgressStream;
  env?: NodeJS.ProcessEnv;
  now?: () => number;
  /** Redraws at most this often; a large audit finishes thousands of checks a second. */
  everyMs?: number;
}

export interface Progress {
  /** Undefined when quiet, so the engine does not even count for it. */
  listener: ProgressListener | undefined;
  /** Draws the final counts once, if anything was drawn. */
  finish(): void;
}

/**
 * One line per layer ("dns  120/400"), redrawn in place with ANSI cursor movement. Only on
 * a terminal and never in CI (CI=true is set by GitHub Actions, GitLab and most others):
 * a log file full of redraws helps nobody.
 */
export function createProgress(options: ProgressOptions): Progress {
  const { stream } = options;
  const env = options.env ?? process.env;
  if (!stream.isTTY || isCi(env)) return { listener: undefined, finish() {} };

  const now = options.now ?? (() => performance.now());
  const everyMs = options.everyMs ?? 100;
  const counts = new Map<string, { done: number; total: number }>();
  let drawnLines = 0;
  let drawnAt = -Infinity;

  const draw = () => {
    const width = Math.max(...[...counts.keys()].map((layer) => layer.length));
    const lines = [...counts].map(
      ([layer, { done, total }]) => `\x1b[2K${layer.padEnd(width)}  ${done}/${total}\n`,
    );
    const up = drawnLines > 0 ? `\x1b[${drawnLines}A` : '';
    stream.write(up + lines.join(''));
    drawnLines = lines.length;
    drawnAt = now();
  };

  return {
    listener(layer, done, total) {
      counts.set(layer, { done, total });
      if (done === total || now() - drawnAt >= everyMs) draw();
    },
    finish() {
      if (drawnLines > 0) draw();
    },
  };
}

function isCi(env: NodeJS.ProcessEnv): boolean {
  return env.CI !== undefined && env.CI !== '' && env.CI !== 'false' && env.CI !== '0';
}
