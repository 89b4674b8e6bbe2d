import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as z from 'zod';
import type { Unit } from '../../units/units.repo.js';
import { mergeInputSchema, unitInputSchema, unitUpdateSchema } from '../../units/units.schema.js';
import {
  createUnit,
  getUnit,
  mergeUnits,
  type UnitNode,
  unitTree,
  updateUnit,
} from '../../units/units.service.js';
import { canRead, hasRole, type Principal } from '../../users/access.js';
import { codeSchema } from '../../validation.js';
import { type Action, authorize, authorizeRead } from '../access.js';
import { forbidden, requirePrincipal } from '../auth.js';
import { codeParam, described, errors } from './common.js';

/** Units shape the tree every role hangs on, so only admins change them. */
const ADMINISTER: Action = { vi: 'quản trị đơn vị này', en: 'administer this unit' };
const CREATE_ROOT: Action = { vi: 'tạo đơn vị cấp cao nhất', en: 'create a top-level unit' };

const ROOT_PATH = /^\/\d+\/$/;

/**
 * A new top-level unit (another province) has no parent whose admin could allow it, so it takes
 * an admin of a whole tree, signed in as a person: a token stays inside its own subtree, and a
 * new root lies outside every subtree.
 */
function isRootAdmin(p: Principal): boolean {
  return p.scopePath === null && p.roles.some((g) => g.role === 'admin' && ROOT_PATH.test(g.unitPath));
}

function parentPath(unit: Unit): string | null {
  return unit.parentId === null ? null : unit.path.replace(/\d+\/$/, '');
}

const unitFields = {
  id: z.number(),
  code: z.string(),
  name: z.string(),
  level: z.string(),
  parentId: z.number().nullable(),
  provinceId: z.number().nullable(),
  path: z.string(),
  depth: z.number(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  version: z.number(),
};
const unit = described('Unit', unitFields);

type VisibleNode = Omit<UnitNode, 'children'> & {
  actions: { edit: boolean; addChild: boolean; merge: boolean };
  children: VisibleNode[];
};

// Typed by hand: TypeScript cannot infer a schema that refers to itself.
const unitNode: z.ZodType<VisibleNode> = described('UnitNode', {
  ...unitFields,
  predecessorIds: z.array(z.number()),
  actions: z.object({ edit: z.boolean(), addChild: z.boolean(), merge: z.boolean() }),
  get children() {
    return z.array(unitNode);
  },
});

/**
 * Every write needs admin over each unit it touches: the edited unit, the new unit's parent, the
 * predecessors a merger ends. A branch the caller cannot read is left out whole; since reading
 * reaches every ancestor of a readable unit, nothing readable hides under a dropped node.
 */
function visible(p: Principal, node: UnitNode): VisibleNode {
  const parent = parentPath(node);
  return {
    ...node,
    actions: {
      edit: hasRole(p, node, 'admin'),
      addChild: hasRole(p, node, 'admin'),
      merge: parent !== null && hasRole(p, { path: parent }, 'admin'),
    },
    children: node.children.filter((c) => canRead(p, c)).map((c) => visible(p, c)),
  };
}

export const unitsRoutes: FastifyPluginAsyncZod = async (app) => {
  // Sign-in first: a stranger gets 401 before any lookup, learning not even whether a code exists.
  app.addHook('onRequest', async (request) => {
    requirePrincipal(request);
  });

  app.get(
    '/units',
    {
      schema: {
        tags: ['units'],
        summary: 'Cây đơn vị mà người dùng được xem, kèm đơn vị tiền thân và các thao tác được phép',
        operationId: 'listUnits',
        querystring: z.object({ root: codeSchema.optional() }).strict(),
        response: { 200: z.object({ items: z.array(unitNode) }), ...errors },
      },
    },
    async (request) => {
      const ctx = app.serviceContext(request);
      const p = requirePrincipal(request);
      const { root } = request.query;
      if (root) authorizeRead(request, await getUnit(ctx, root, 'root'));
      const roots = await unitTree(ctx, root);
      return { items: roots.filter((r) => canRead(p, r)).map((r) => visible(p, r)) };
    },
  );

  app.post(
    '/units',
    {
      schema: {
        tags: ['units'],
        summary:
          'Thêm đơn vị trực thuộc (quản trị đơn vị cấp trên); đơn vị cấp cao nhất do quản trị cấp cao nhất tạo',
        operationId: 'createUnit',
        body: unitInputSchema,
        response: { 201: unit, ...errors },
      },
    },
    async (request, reply) => {
      const ctx = app.serviceContext(request);
      const { parentCode } = request.body;
      if (parentCode) authorize(request, await getUnit(ctx, parentCode, 'parentCode'), 'admin', ADMINISTER);
      else if (!isRootAdmin(requirePrincipal(request))) throw forbidden(CREATE_ROOT);
      reply.status(201);
      return createUnit(ctx, request.body);
    },
  );

  app.post(
    '/units/merge',
    {
      schema: {
        tags: ['units'],
        summary: 'Hợp nhất đơn vị: tạo đơn vị mới, các đơn vị cũ hết hiệu lực, số liệu cũ giữ nguyên',
        operationId: 'mergeUnits',
        body: mergeInputSchema,
        response: { 201: unit, ...errors },
      },
    },
    async (request, reply) => {
      const ctx = app.serviceContext(request);
      const { parentCode, predecessorCodes } = request.body;
      authorize(request, await getUnit(ctx, parentCode, 'parentCode'), 'admin', ADMINISTER);
      for (const code of predecessorCodes) {
        authorize(request, await getUnit(ctx, code, 'predecessorCodes'), 'admin', ADMINISTER);
      }
      reply.status(201);
      return mergeUnits(ctx, request.body);
    },
  );

  app.patch(
    '/units/:code',
    {
      schema: {
        tags: ['units'],
        summary: 'Sửa tên hoặc ngày hết hiệu lực của đơn vị; gửi "version" đang xem để không ghi đè',
        operationId: 'updateUnit',
        params: codeParam,
        body: unitUpdateSchema,
        response: { 200: unit, ...errors },
      },
    },
    async (request) => {
      const ctx = app.serviceContext(request);
      authorize(request, await getUnit(ctx, request.params.code, 'code'), 'admin', ADMINISTER);
      return updateUnit(ctx, request.params.code, request.body);
    },
  );
};
