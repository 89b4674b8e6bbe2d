import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type Store } from '../store/connect.js';
import { buildApp } from './app.js';

const run = promisify(execFile);
const REDOCLY = createRequire(import.meta.url).resolve('@redocly/cli/bin/cli.js');
const CONFIG = fileURLToPath(new URL('../../redocly.yaml', import.meta.url));

interface LintReport {
  totals: { errors: number; warnings: number };
  problems: { ruleId: string; severity: string; message: string; location: { pointer: string }[] }[];
}

/** Runs the real validator, as CI would, on one document; no telemetry, no update check. */
async function lint(document: unknown): Promise<LintReport> {
  const dir = mkdtempSync(join(tmpdir(), 'tiendo-openapi-'));
  try {
    const file = join(dir, 'openapi.json');
    writeFileSync(file, JSON.stringify(document));
    const args = [REDOCLY, 'lint', '--config', CONFIG, '--format', 'json', '--max-problems', '500', file];
    const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' };
    // A non-zero exit is how the CLI reports errors; the JSON report on stdout says which.
    const output = await run(process.execPath, args, { env, maxBuffer: 64 * 1024 * 1024 }).catch(
      (failed: { stdout?: string; message: string }) => {
        if (!failed.stdout) throw new Error(failed.message);
        return { stdout: failed.stdout };
      },
    );
    return JSON.parse(output.stdout) as LintReport;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const describeProblems = (report: LintReport) =>
  report.problems
    .map((p) => `${p.severity} ${p.ruleId} at ${p.location[0]?.pointer}: ${p.message}`)
    .join('\n');

// The document depends on the routes only, not on the engine or the data: one run is enough.
describe('the OpenAPI document', () => {
  let store: Store;
  let app: FastifyInstance;
  let document: { paths: Record<string, Record<string, Record<string, unknown>>>; components: unknown };

  beforeAll(async () => {
    store = await connect({ file: ':memory:' });
    app = await buildApp(store);
    document = (await app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  it('passes a real validator (@redocly/cli lint) with the recommended rules', async () => {
    const report = await lint(document);
    expect(report.totals.errors, describeProblems(report)).toBe(0);
  });

  it('is really checked: a broken document fails the same lint', async () => {
    const broken = structuredClone(document) as { components: { schemas: Record<string, unknown> } };
    delete broken.components.schemas.Error;
    const report = await lint(broken);
    expect(report.totals.errors).toBeGreaterThan(0);
    expect(report.problems.map((p) => p.ruleId)).toContain('no-unresolved-refs');
  });

  it('documents every operation with an id, a Vietnamese summary and the one error shape', () => {
    const operations = Object.values(document.paths).flatMap((item) => Object.values(item));
    expect(operations.length).toBeGreaterThan(10);
    for (const op of operations) {
      expect(op.operationId).toEqual(expect.any(String));
      expect(op.summary).toEqual(expect.any(String));
      const responses = op.responses as Record<string, { content?: Record<string, { schema: unknown }> }>;
      const error = responses['401'] ?? responses['400'];
      expect(error?.content?.['application/json']?.schema).toEqual({ $ref: '#/components/schemas/Error' });
    }
  });
});
