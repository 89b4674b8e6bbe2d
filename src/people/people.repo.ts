import type { Db } from '../context.js';

export interface Person {
  id: number;
  fullName: string;
  positions: Position[];
}

export interface Position {
  title: string;
  unitId: number | null;
  unitCode: string | null;
  validFrom: string | null;
  validTo: string | null;
}

export async function findPersonByName(
  db: Db,
  fullName: string,
): Promise<{ id: number; fullName: string } | undefined> {
  const r = await db
    .selectFrom('people')
    .select(['id', 'full_name'])
    .where('full_name', '=', fullName)
    .executeTakeFirst();
  return r && { id: r.id, fullName: r.full_name };
}

export async function insertPerson(db: Db, fullName: string): Promise<number> {
  const r = await db
    .insertInto('people')
    .values({ full_name: fullName })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function insertPosition(db: Db, personId: number, p: Position): Promise<void> {
  await db
    .insertInto('positions')
    .values({
      person_id: personId,
      title: p.title,
      unit_id: p.unitId,
      valid_from: p.validFrom,
      valid_to: p.validTo,
    })
    .execute();
}

/** The titles a person held on a date, in the order they were recorded. */
export async function positionsOn(db: Db, personId: number, date: string): Promise<string[]> {
  const rows = await db
    .selectFrom('positions')
    .select('title')
    .where('person_id', '=', personId)
    .where((eb) => eb.or([eb('valid_from', 'is', null), eb('valid_from', '<=', date)]))
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', date)]))
    .orderBy('id')
    .execute();
  return rows.map((r) => r.title);
}

export async function listPeople(db: Db): Promise<Person[]> {
  return (await pagePeople(db, {})).items;
}

/** People by name, with every position they held; the page and the total from the database. */
export async function pagePeople(
  db: Db,
  window: { limit?: number | undefined; offset?: number | undefined },
): Promise<{ items: Person[]; total: number }> {
  let q = db.selectFrom('people').select(['id', 'full_name']).orderBy('full_name').orderBy('id');
  if (window.limit !== undefined) q = q.limit(window.limit).offset(window.offset ?? 0);
  const [people, count] = await Promise.all([
    q.execute(),
    db
      .selectFrom('people')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  const positions = people.length
    ? await db
        .selectFrom('positions as x')
        .leftJoin('units as u', 'u.id', 'x.unit_id')
        .selectAll('x')
        .select('u.code as unit_code')
        .where(
          'x.person_id',
          'in',
          people.map((p) => p.id),
        )
        .orderBy('x.id')
        .execute()
    : [];
  const items = people.map((p) => ({
    id: p.id,
    fullName: p.full_name,
    positions: positions
      .filter((x) => x.person_id === p.id)
      .map((x) => ({
        title: x.title,
        unitId: x.unit_id,
        unitCode: x.unit_code,
        validFrom: x.valid_from,
        validTo: x.valid_to,
      })),
  }));
  return { items, total: Number(count.n) };
}
