import type { Unit } from '../units/units.repo.js';
import { canRead, hasRole, type Principal } from '../users/access.js';

/** The units a directive involves: the one that leads it and those that work with it. */
export interface DirectiveUnits {
  lead: Unit;
  co: Unit[];
}

/** Readable from the branch of its lead unit or of any co-unit (lists filter the same way). */
export function canReadDirective(p: Principal, u: DirectiveUnits): boolean {
  return [u.lead, ...u.co].some((unit) => canRead(p, unit));
}

/** Wording, deadline and assignment belong to whoever directs the lead unit. */
export function canEditDirective(p: Principal, u: DirectiveUnits): boolean {
  return hasRole(p, u.lead, 'editor');
}

/** Progress may be reported by the lead unit and by every co-unit. */
export function canReportDirective(p: Principal, u: DirectiveUnits): boolean {
  return [u.lead, ...u.co].some((unit) => hasRole(p, unit, 'reporter'));
}

/** Only the lead unit reports completion: co-units contribute, the lead answers for the result. */
export function canCompleteDirective(p: Principal, u: DirectiveUnits): boolean {
  return hasRole(p, u.lead, 'reporter');
}

export function directiveActions(p: Principal, u: DirectiveUnits, d: { completedOn: string | null }) {
  return {
    edit: canEditDirective(p, u),
    report: canReportDirective(p, u),
    complete: d.completedOn === null && canCompleteDirective(p, u),
  };
}
