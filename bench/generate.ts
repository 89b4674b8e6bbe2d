/**
 * npx tsx bench/generate.ts [--db FILE] [--scale 0.01..1] [--years 5] [--indicators 50] [--seed N]
 * With DATABASE_URL=postgres://… (and no --db) the data go to that database, which must be empty.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { generate } from './generator.js';
import { describeTarget, numberOption, resolveTarget, sqliteSizeMb } from './target.js';

async function main() {
  const { values } = parseArgs({
    options: {
      db: { type: 'string' },
      scale: { type: 'string', default: '1' },
      years: { type: 'string', default: '5' },
      indicators: { type: 'string', default: '50' },
      seed: { type: 'string', default: '20250930' },
    },
  });
  const target = resolveTarget(values.db);
  const options = {
    target,
    scale: numberOption(values.scale, 'scale', 0.0001, 1),
    years: Math.trunc(numberOption(values.years, 'years', 1, 20)),
    indicators: Math.trunc(numberOption(values.indicators, 'indicators', 2, 500)),
    seed: Math.trunc(numberOption(values.seed, 'seed', 0, 2 ** 32 - 1)),
    progress: true,
    log: (line: string) => console.error(line),
  };
  console.error(`Sinh dữ liệu vào ${describeTarget(target)} (scale ${options.scale})`);
  const s = await generate(options);
  const rate = Math.round(s.figures / s.figureSeconds);
  console.log(
    [
      `units ${s.units}, indicators ${s.indicators}, targets ${s.targets}, figures ${s.figures.toLocaleString('en')}`,
      `services (units, plan, targets): ${s.setupSeconds.toFixed(1)} s`,
      `figures: ${s.figureSeconds.toFixed(1)} s = ${rate.toLocaleString('en')} rows/s`,
      `ANALYZE: ${s.analyzeSeconds.toFixed(1)} s`,
      ...(target.kind === 'sqlite' ? [`file: ${sqliteSizeMb(target.file).toFixed(0)} MB`] : []),
    ].join('\n'),
  );
}

if (import.meta.url === pathToFileURL(resolve(process.argv[1] ?? '')).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
