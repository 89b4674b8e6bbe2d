import type { Db } from '../context.js';
import { type DirectiveStatus, directiveStatus } from '../core/directive-status.js';
import { NotFoundError } from '../errors.js';
import { text } from '../i18n.js';
import { findUnitsByCodes, findUnitsByIds, type Unit } from '../units/units.repo.js';
import { unitNotFound } from '../units/units.service.js';
import type { DirectiveUnits } from './directives.access.js';
import { type DirectiveRecord, type DirectiveUpdate, findDirective, listUpdates } from './directives.repo.js';

/** A directive as people read it: units by code and name, and the status as of today. */
export interface Directive extends DirectiveRecord {
  status: DirectiveStatus;
  leadUnit: { code: string; name: string };
  coUnits: { code: string; name: string }[];
}

/** A directive with its progress reports, oldest first. */
export interface DirectiveDetail extends Directive {
  updates: DirectiveUpdate[];
}

export function directiveNotFound(id: number): NotFoundError {
  const message = text(`Không tìm thấy nhiệm vụ số ${id}`, `No directive with id ${id}`);
  return new NotFoundError(message, [{ field: 'directiveId', message }]);
}

export async function unitsOf(db: Db, records: readonly DirectiveRecord[]): Promise<Map<number, Unit>> {
  const units = await findUnitsByIds(
    db,
    records.flatMap((d) => [d.leadUnitId, ...d.coUnitIds]),
  );
  return new Map(units.map((u) => [u.id, u]));
}

export function present(d: DirectiveRecord, units: ReadonlyMap<number, Unit>, today: string): Directive {
  const named = (id: number) => {
    const u = units.get(id);
    return { code: u?.code ?? String(id), name: u?.name ?? '' };
  };
  return {
    ...d,
    status: directiveStatus(d, today),
    leadUnit: named(d.leadUnitId),
    coUnits: d.coUnitIds.map(named),
  };
}

/** The whole directive as stored now: what edits load, audit and report on conflict. */
export async function loadDirective(db: Db, id: number, today: string): Promise<DirectiveDetail | undefined> {
  const record = await findDirective(db, id);
  if (!record) return undefined;
  const [updates, units] = await Promise.all([listUpdates(db, id), unitsOf(db, [record])]);
  return { ...present(record, units, today), updates };
}

/** The units named by code, in order; an unknown code is a 404 naming its field. */
export async function unitsByCode(db: Db, codes: readonly string[], field: string): Promise<Unit[]> {
  const found = await findUnitsByCodes(db, codes);
  return codes.map((code) => {
    const unit = found.find((u) => u.code === code);
    if (!unit) throw unitNotFound(code, field);
    return unit;
  });
}

/** Co-units are the units working with the lead: the lead itself is never one of them. */
export async function writeCoUnits(db: Db, directiveId: number, lead: number, co: readonly { id: number }[]) {
  await db.deleteFrom('directive_co_units').where('directive_id', '=', directiveId).execute();
  const rows = [...new Set(co.map((u) => u.id))]
    .filter((id) => id !== lead)
    .map((unit_id) => ({ directive_id: directiveId, unit_id }));
  if (rows.length) await db.insertInto('directive_co_units').values(rows).execute();
}

export async function directiveUnits(db: Db, d: DirectiveRecord): Promise<DirectiveUnits> {
  const units = await unitsOf(db, [d]);
  return { lead: units.get(d.leadUnitId) as Unit, co: d.coUnitIds.map((id) => units.get(id) as Unit) };
}
