import * as z from 'zod';
import { writeTransaction } from '../audit/write.js';
import type { Db, ServiceContext } from '../context.js';
import { ConflictError } from '../errors.js';
import { text } from '../i18n.js';
import { findUnitByCode } from '../units/units.repo.js';
import { unitNotFound } from '../units/units.service.js';
import { codeSchema, isoDateSchema, parseInput } from '../validation.js';
import {
  findPersonByName,
  insertPerson,
  insertPosition,
  listPeople,
  type Person,
  pagePeople,
} from './people.repo.js';

export const personInputSchema = z
  .object({
    fullName: z.string().trim().min(2).max(200),
    positions: z
      .array(
        z
          .object({
            title: z.string().trim().min(1).max(300),
            unitCode: codeSchema.optional(),
            validFrom: isoDateSchema.optional(),
            validTo: isoDateSchema.optional(),
          })
          .strict(),
      )
      .max(20)
      .default([]),
  })
  .strict();
export type PersonInput = z.input<typeof personInputSchema>;

export async function createPerson(ctx: ServiceContext, input: PersonInput): Promise<Person> {
  const data = parseInput(personInputSchema, input);
  return writeTransaction(ctx, async (trx, audit) => {
    if (await findPersonByName(trx, data.fullName)) {
      const message = text(`Đã có cán bộ tên "${data.fullName}"`, `A person named "${data.fullName}" exists`);
      throw new ConflictError(message, [{ field: 'fullName', message }]);
    }
    const id = await insertPerson(trx, data.fullName);
    const positions = [];
    for (const p of data.positions) {
      const unit = p.unitCode ? await findUnitByCode(trx, p.unitCode) : undefined;
      if (p.unitCode && !unit) throw unitNotFound(p.unitCode);
      const position = {
        title: p.title,
        unitId: unit?.id ?? null,
        unitCode: unit?.code ?? null,
        validFrom: p.validFrom ?? null,
        validTo: p.validTo ?? null,
      };
      await insertPosition(trx, id, position);
      positions.push(position);
    }
    const person = { id, fullName: data.fullName, positions };
    await audit({ action: 'person.create', entity: 'person', entityId: id, after: person });
    return person;
  });
}

/** The person of that name, created when the office meets them first (a chair, a speaker). */
export async function ensurePerson(db: Db, fullName: string): Promise<number> {
  const found = await findPersonByName(db, fullName);
  return found ? found.id : insertPerson(db, fullName);
}

export function people(ctx: ServiceContext): Promise<Person[]> {
  return listPeople(ctx.store.db);
}

export function peoplePage(
  ctx: ServiceContext,
  window: { limit: number; offset: number },
): Promise<{ items: Person[]; total: number }> {
  return pagePeople(ctx.store.db, window);
}
