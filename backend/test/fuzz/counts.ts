import { appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Where the fuzz suites append their case counts; the summary test prints them. */
export const COUNTS_FILE = path.join(
  tmpdir(),
  `spotlight-fuzz-counts-${process.env.VITEST_WORKER_ID ? process.ppid : process.pid}.tsv`,
);

export function recordCases(kind: 'http' | 'socket', target: string, cases: number) {
  appendFileSync(COUNTS_FILE, `${kind}\t${target}\t${cases}\n`);
  process.stdout.write(`fuzz ${kind} ${target}: ${cases} cases\n`);
}
