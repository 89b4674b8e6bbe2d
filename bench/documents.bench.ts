/**
 * Time to write the review report (DOCX) and the data appendix (XLSX) for a 50-indicator
 * plan, next to the limit measured in the same run: the progress query the documents are
 * made from, plus the library writing an unstyled file of the same size (docx Packer of the
 * same paragraphs, exceljs of the same cells). The ratio is the claim; times are the machine's.
 *
 *   npx tsx bench/documents.bench.ts [--runs 10] [--scale 0.01] [--indicators 50]
 *   npx tsx bench/documents.bench.ts --db FILE   (data made by bench/generate.ts)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import ExcelJS from 'exceljs';
import { systemContext } from '../src/context.js';
import { createDirectives } from '../src/directives/directives.service.js';
import { appendixFile, reviewFile } from '../src/documents/index.js';
import { createMeeting } from '../src/meetings/meetings.service.js';
import { findPlanByCode, listPlanIndicators } from '../src/plans/plans.repo.js';
import { progressFor } from '../src/progress/progress.service.js';
import { findUnitById } from '../src/units/units.repo.js';
import { generate } from './generator.js';
import { LAST_YEAR, planCode, THROUGH_MONTH } from './model.js';
import { numberOption, openTarget, type Target } from './target.js';

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

/**
 * Median time of each job; the jobs take turns within each run, so whatever else the machine
 * does falls on all of them alike and the ratios stay fair.
 */
async function timeAll<K extends string>(runs: number, jobs: Record<K, () => Promise<unknown>>) {
  const keys = Object.keys(jobs) as K[];
  const ms = Object.fromEntries(keys.map((k) => [k, [] as number[]])) as Record<K, number[]>;
  for (const k of keys) await jobs[k]();
  for (let i = 0; i < runs; i++) {
    for (const k of keys) {
      const started = performance.now();
      await jobs[k]();
      ms[k].push(performance.now() - started);
    }
  }
  return Object.fromEntries(keys.map((k) => [k, median(ms[k])])) as Record<K, number>;
}

/** An unstyled DOCX of `paragraphs` lines: what the docx library costs by itself. */
function bareDocx(paragraphs: string[]) {
  return Packer.toBuffer(
    new Document({
      sections: [{ children: paragraphs.map((t) => new Paragraph({ children: [new TextRun(t)] })) }],
    }),
  );
}

/** An unstyled sheet of the same rows and columns: what exceljs costs by itself. */
async function bareXlsx(rows: number, columns: number) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('x');
  for (let r = 1; r <= rows; r++) ws.addRow(Array.from({ length: columns }, (_, c) => r * c + 0.5));
  return wb.xlsx.writeBuffer();
}

export interface DocumentsBench {
  indicators: number;
  directives: number;
  progressMs: number;
  reviewMs: number;
  bareDocxMs: number;
  appendixMs: number;
  bareXlsxMs: number;
  reviewBytes: number;
  appendixBytes: number;
}

export async function benchDocuments(target: Target, runs: number, log: (s: string) => void = () => {}) {
  const store = await openTarget(target);
  try {
    const code = planCode(LAST_YEAR);
    const plan = await findPlanByCode(store.db, code);
    if (!plan)
      throw new Error('Chưa có dữ liệu: chạy bench/generate.ts trước / no data: run bench/generate.ts first');
    const ctx = systemContext(store, () => new Date(`${LAST_YEAR}-10-05T02:00:00.000Z`));
    const period = `${LAST_YEAR}-${String(THROUGH_MONTH).padStart(2, '0')}`;
    const root = await findUnitById(store.db, plan.unitId);
    const meetings = await store.db.selectFrom('meetings').select('id').execute();
    if (meetings.length === 0 && root) {
      // A previous conference with 30 directives, so the report's status table is exercised too.
      const m = await createMeeting(ctx, {
        unitCode: root.code,
        body: 'Ban Chấp hành',
        title: 'Hội nghị kiểm điểm 6 tháng',
        heldOn: `${LAST_YEAR}-07-10`,
        conclusionItems: Array.from({ length: 30 }, (_, i) => ({
          text: `Nhiệm vụ số ${i + 1}: đẩy nhanh tiến độ.`,
        })),
      });
      await createDirectives(
        ctx,
        m.conclusionItems.map((item, i) => ({
          title: item.text,
          meetingId: m.id,
          conclusionItemId: item.id,
          leadUnitCode: root.code,
          ...(i % 3 ? { deadline: `${LAST_YEAR}-0${(i % 9) + 1}-28` } : {}),
        })),
      );
    }
    const q = { planCode: code, period };
    const indicators = (await listPlanIndicators(store.db, plan.id)).length;
    log(`${indicators} chỉ tiêu; ${runs} lần đo mỗi phép`);
    const review = await reviewFile(ctx, q);
    const appendix = await appendixFile(ctx, q);
    const paragraphs = Array.from({ length: indicators + 60 }, (_, i) => `Đoạn ${i}: ${'chữ '.repeat(30)}`);
    const t = await timeAll(runs, {
      progress: () => progressFor(ctx, q),
      review: () => reviewFile(ctx, q),
      bareDocx: () => bareDocx(paragraphs),
      appendix: () => appendixFile(ctx, q),
      bareXlsx: () => bareXlsx(indicators + 20, 10),
    });
    const result: DocumentsBench = {
      indicators,
      directives: 30,
      progressMs: t.progress,
      reviewMs: t.review,
      bareDocxMs: t.bareDocx,
      appendixMs: t.appendix,
      bareXlsxMs: t.bareXlsx,
      reviewBytes: review.body.length,
      appendixBytes: appendix.body.length,
    };
    return result;
  } finally {
    await store.close();
  }
}

async function main() {
  const { values } = parseArgs({
    options: {
      db: { type: 'string' },
      runs: { type: 'string', default: '10' },
      scale: { type: 'string', default: '0.01' },
      indicators: { type: 'string', default: '50' },
    },
  });
  const runs = Math.trunc(numberOption(values.runs, 'runs', 1, 1000));
  let dir: string | null = null;
  let target: Target;
  if (values.db) target = { kind: 'sqlite', file: values.db };
  else {
    dir = mkdtempSync(join(tmpdir(), 'tiendo-docbench-'));
    target = { kind: 'sqlite', file: join(dir, 'bench.db') };
    console.error('Sinh dữ liệu mẫu / generating data…');
    await generate({
      target,
      scale: numberOption(values.scale, 'scale', 0.0001, 1),
      years: 2,
      indicators: Math.trunc(numberOption(values.indicators, 'indicators', 2, 500)),
      progress: true,
      log: (l) => console.error(l),
    });
  }
  try {
    const r = await benchDocuments(target, runs, (l) => console.error(l));
    const f = (ms: number) => `${ms.toFixed(1)} ms`;
    const reviewLimit = r.progressMs + r.bareDocxMs;
    const appendixLimit = r.progressMs + r.bareXlsxMs;
    console.log(
      [
        `plan: ${r.indicators} indicators, previous conference with ${r.directives} directives (median of ${runs} runs)`,
        `progress query (the data):        ${f(r.progressMs)}`,
        `review report DOCX:               ${f(r.reviewMs)}  (${(r.reviewBytes / 1024).toFixed(0)} KB)`,
        `  bare docx of same paragraphs:   ${f(r.bareDocxMs)}`,
        `  ratio to progress + bare docx:  ${(r.reviewMs / reviewLimit).toFixed(2)}×`,
        `data appendix XLSX:               ${f(r.appendixMs)}  (${(r.appendixBytes / 1024).toFixed(0)} KB)`,
        `  bare xlsx of same cells:        ${f(r.bareXlsxMs)}`,
        `  ratio to progress + bare xlsx:  ${(r.appendixMs / appendixLimit).toFixed(2)}×`,
      ].join('\n'),
    );
  } finally {
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(resolve(process.argv[1] ?? '')).href) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
