import type { FastifyRequest } from 'fastify';
import type { Db, ServiceContext } from '../context.js';
import { requirePlan } from '../plans/plans.service.js';
import { findUnitById, type Unit } from '../units/units.repo.js';
import { getUnit } from '../units/units.service.js';
import { canRead, hasRole, type Principal, type Role } from '../users/access.js';
import { forbidden, requirePrincipal } from './auth.js';

/** What a refused caller is told, in both languages. */
export interface Action {
  vi: string;
  en: string;
}

export const READ: Action = { vi: 'xem dữ liệu của đơn vị này', en: 'read this unit’s data' };

/** The caller, who must be signed in and hold at least `least` over the unit. */
export function authorize(request: FastifyRequest, unit: Unit, least: Role, action: Action): Principal {
  const p = requirePrincipal(request);
  if (!hasRole(p, unit, least)) throw forbidden(action);
  return p;
}

export function authorizeRead(request: FastifyRequest, unit: Unit): Principal {
  const p = requirePrincipal(request);
  if (!canRead(p, unit)) throw forbidden(READ);
  return p;
}

/** The unit a request is about: the one named, or the plan's own unit. */
export async function unitOf(ctx: ServiceContext, planCode: string, unitCode?: string): Promise<Unit> {
  if (unitCode) return getUnit(ctx, unitCode);
  const plan = await requirePlan(ctx.store.db, planCode);
  return (await findUnitById(ctx.store.db, plan.unitId)) as Unit;
}

export async function unitById(db: Db, id: number): Promise<Unit> {
  return (await findUnitById(db, id)) as Unit;
}
