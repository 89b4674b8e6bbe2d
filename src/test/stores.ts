import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import { connect, type Store } from '../store/connect.js';
import type { DialectName } from '../store/dialect.js';

export const DIALECTS: readonly DialectName[] = ['sqlite', 'postgres'];

/** A fresh, migrated store: an in-memory SQLite, or a new database on the test cluster. */
export async function createTestStore(dialect: DialectName): Promise<Store> {
  if (dialect === 'sqlite') return connect({ file: ':memory:' });
  const admin = inject('pgUrl');
  const name = `t_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`create database ${name}`);
  await client.end();
  const store = await connect({ url: admin.replace(/\/[^/]*$/, `/${name}`) });
  return {
    ...store,
    async close() {
      await store.close();
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(`drop database if exists ${name}`);
      await c.end();
    },
  };
}

/** Runs the same suite once per engine, each with its own fresh store. */
export function describeStores(name: string, suite: (store: () => Store) => void): void {
  describe.each(DIALECTS)(`${name} [%s]`, (dialect) => {
    let store: Store;
    beforeAll(async () => {
      store = await createTestStore(dialect);
    });
    afterAll(async () => {
      await store?.close();
    });
    suite(() => store);
  });
}
