import { run } from './main.js';

/** Runs the command line in-process and keeps what it printed, for tests. */
export async function tiendo(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}
