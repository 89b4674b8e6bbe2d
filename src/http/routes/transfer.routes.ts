import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as z from 'zod';
import { contentDisposition } from '../../documents/index.js';
import { requirePlan } from '../../plans/plans.service.js';
import { API_UPLOAD_LIMIT, DEFAULT_IMPORT_LIMITS } from '../../transfer/file-errors.js';
import { type ImportSummary, importFigures, importTargets } from '../../transfer/import.service.js';
import { toBuffer } from '../../transfer/sheet-writer.js';
import {
  figuresSheet,
  planJson,
  progressSheet,
  type Sheet,
  targetsSheet,
  writeSheet,
} from '../../transfer/sheets.service.js';
import { findUnitById, type Unit } from '../../units/units.repo.js';
import { codeSchema, monthKeySchema } from '../../validation.js';
import { type Action, authorize, authorizeRead, unitOf } from '../access.js';
import { requirePrincipal } from '../auth.js';
import { requestLang } from '../errors.js';
import { described, errors } from './common.js';

const RECORD: Action = { vi: 'nhập số liệu cho đơn vị này', en: 'record figures for this unit' };
const EDIT_TARGETS: Action = { vi: 'sửa chỉ tiêu của kế hoạch này', en: 'edit this plan’s targets' };

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const UPLOAD_TYPES = ['application/octet-stream', 'text/csv', XLSX];

const sheetQuery = z
  .object({ plan: codeSchema, period: monthKeySchema.optional(), unit: codeSchema.optional() })
  .strict();
const importQuery = z
  .object({
    plan: codeSchema,
    period: monthKeySchema.optional(),
    dryRun: z.enum(['true', 'false']).default('false'),
    /** The name the file had on the user's computer, kept as the figures' source. */
    fileName: z.string().trim().min(1).max(200).optional(),
  })
  .strict();

/** The uploaded file's bytes; the parser below hands them over untouched. */
const upload = z
  .custom<Buffer>((v) => Buffer.isBuffer(v), { error: 'Cần gửi tệp XLSX hoặc CSV' })
  .meta({ type: 'string', format: 'binary', description: 'Tệp XLSX hoặc CSV (tối đa 50 MB)' });

const summary = described('ImportSummary', {
  format: z.enum(['xlsx', 'csv']),
  dryRun: z.boolean(),
  read: z.number(),
  recorded: z.number(),
  corrected: z.number(),
  unchanged: z.number(),
  blank: z.number(),
  problemCount: z.number(),
  problems: z.array(z.object({ field: z.string(), message: z.string(), row: z.number().optional() })),
});

const file = (description: string, ...mediaTypes: string[]) => ({
  200: {
    description,
    content: Object.fromEntries(
      mediaTypes.map((t) => [t, { schema: z.string().meta({ format: 'binary' }) }]),
    ),
  },
  ...errors,
});

const TYPES = { xlsx: XLSX, csv: 'text/csv; charset=utf-8', json: 'application/json; charset=utf-8' };

async function send(reply: FastifyReply, sheet: Sheet, format: 'xlsx' | 'csv') {
  const body = await toBuffer((out) => writeSheet(sheet, format, out));
  reply.header('content-type', TYPES[format]);
  reply.header('content-disposition', contentDisposition(`${sheet.fileName}.${format}`));
  reply.header('cache-control', 'private, no-store');
  return reply.send(body);
}

function answer(request: FastifyRequest, s: ImportSummary) {
  const lang = requestLang(request);
  return {
    ...s,
    problems: s.problems.map((p) => ({
      field: p.field,
      message: p.message[lang],
      ...(p.row ? { row: p.row } : {}),
    })),
  };
}

/** Spreadsheets in and out: templates, imports (dry run or all-or-nothing), exports. */
export const transferRoutes: FastifyPluginAsyncZod = async (app) => {
  // Only these routes take files; the rest of the API stays JSON-only (see app.ts).
  app.addContentTypeParser(
    UPLOAD_TYPES,
    { parseAs: 'buffer', bodyLimit: API_UPLOAD_LIMIT },
    (_r, body, done) => done(null, body),
  );
  const limits = { ...DEFAULT_IMPORT_LIMITS, maxFileBytes: API_UPLOAD_LIMIT };

  for (const what of ['figures', 'targets'] as const) {
    app.get(
      `/templates/${what}.xlsx`,
      {
        schema: {
          tags: ['transfer'],
          summary:
            what === 'figures'
              ? 'Mẫu Excel nhập số liệu một tháng: một dòng cho mỗi đơn vị × chỉ tiêu, có danh sách chọn'
              : 'Mẫu Excel nhập chỉ tiêu kế hoạch',
          operationId: what === 'figures' ? 'getFiguresTemplate' : 'getTargetsTemplate',
          querystring: sheetQuery,
          response: file('Mẫu nhập', XLSX),
        },
      },
      async (request, reply) => {
        const ctx = app.serviceContext(request);
        const q = request.query;
        const unit = await unitOf(ctx, q.plan, q.unit);
        authorizeRead(request, unit);
        const query = { planCode: q.plan, period: q.period, unitCode: unit.code };
        const sheet =
          what === 'figures'
            ? await figuresSheet(ctx, query, 'template')
            : await targetsSheet(ctx, query, 'template');
        return send(reply, sheet, 'xlsx');
      },
    );
  }

  app.post(
    '/imports/figures',
    {
      bodyLimit: API_UPLOAD_LIMIT,
      schema: {
        tags: ['transfer'],
        summary:
          'Nhập số liệu từ tệp XLSX/CSV: ghi tất cả hoặc không ghi gì; dryRun=true chỉ kiểm tra và liệt kê lỗi theo dòng',
        operationId: 'importFigures',
        consumes: UPLOAD_TYPES,
        querystring: importQuery,
        body: upload,
        response: { 200: summary, ...errors },
      },
    },
    async (request) => {
      requirePrincipal(request);
      const ctx = app.serviceContext(request);
      const q = request.query;
      const result = await importFigures(
        ctx,
        { bytes: { buffer: request.body }, name: q.fileName ?? 'upload' },
        {
          planCode: q.plan,
          period: q.period,
          dryRun: q.dryRun === 'true',
          limits,
          authorizeUnit: (unit: Unit) => authorize(request, unit, 'reporter', RECORD),
        },
      );
      return answer(request, result);
    },
  );

  app.post(
    '/imports/targets',
    {
      bodyLimit: API_UPLOAD_LIMIT,
      schema: {
        tags: ['transfer'],
        summary: 'Nhập chỉ tiêu kế hoạch từ tệp XLSX/CSV: ghi tất cả hoặc không ghi gì',
        operationId: 'importTargets',
        consumes: UPLOAD_TYPES,
        querystring: importQuery,
        body: upload,
        response: { 200: summary, ...errors },
      },
    },
    async (request) => {
      const ctx = app.serviceContext(request);
      const q = request.query;
      const plan = await requirePlan(ctx.store.db, q.plan);
      authorize(request, (await findUnitById(ctx.store.db, plan.unitId)) as Unit, 'editor', EDIT_TARGETS);
      const result = await importTargets(
        ctx,
        { bytes: { buffer: request.body }, name: q.fileName ?? 'upload' },
        { planCode: q.plan, dryRun: q.dryRun === 'true', limits },
      );
      return answer(request, result);
    },
  );

  app.get(
    '/exports/:name',
    {
      schema: {
        tags: ['transfer'],
        summary:
          'Xuất tiến độ, số liệu hoặc chỉ tiêu (XLSX, hoặc CSV UTF-8 có BOM, dấu ";" và dấu phẩy thập phân), hoặc kế hoạch (JSON)',
        operationId: 'exportSheet',
        params: z.object({
          name: z.enum([
            'progress.xlsx',
            'progress.csv',
            'figures.xlsx',
            'figures.csv',
            'targets.xlsx',
            'targets.csv',
            'plan.json',
          ]),
        }),
        querystring: sheetQuery,
        response: file('Tệp xuất', XLSX, 'text/csv', 'application/json'),
      },
    },
    async (request, reply) => {
      const ctx = app.serviceContext(request);
      const q = request.query;
      const unit = await unitOf(ctx, q.plan, q.unit);
      authorizeRead(request, unit);
      const [what, format] = request.params.name.split('.') as [string, 'xlsx' | 'csv' | 'json'];
      if (format === 'json') {
        const plan = await planJson(ctx, q.plan);
        reply.header('content-type', TYPES.json);
        reply.header('content-disposition', contentDisposition(`Kế hoạch ${plan.plan.code}.json`));
        return reply.send(JSON.stringify(plan, null, 2));
      }
      const query = { planCode: q.plan, period: q.period, unitCode: unit.code };
      const sheet =
        what === 'progress'
          ? await progressSheet(ctx, query)
          : what === 'figures'
            ? await figuresSheet(ctx, query, 'export')
            : await targetsSheet(ctx, query, 'export');
      return send(reply, sheet, format);
    },
  );
};
