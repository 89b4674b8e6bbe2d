import { type ServiceContext, systemContext } from '../context.js';
import { AppError } from '../errors.js';
import type { Lang } from '../i18n.js';
import { connect, type Store } from '../store/connect.js';

/** Options every command takes. */
export interface GlobalOptions {
  db?: string;
  lang: Lang;
}

export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

export const processIo: Io = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

/** `--db` wins over DATABASE_URL; a postgres:// value selects PostgreSQL. */
export function storeOptions(opts: GlobalOptions) {
  if (opts.db && /^postgres(ql)?:\/\//.test(opts.db)) return { url: opts.db };
  return opts.db ? { file: opts.db, url: undefined } : {};
}

/** Opens the store, runs the command's work, and always closes it. */
export async function withContext<T>(
  opts: GlobalOptions,
  work: (ctx: ServiceContext, store: Store) => Promise<T>,
) {
  const store = await connect(storeOptions(opts));
  try {
    return await work(systemContext(store), store);
  } finally {
    await store.close();
  }
}

/** The one place an error becomes words for the person at the terminal. */
export function reportError(error: unknown, lang: Lang, io: Io): number {
  if (error instanceof AppError) {
    io.err(`${lang === 'en' ? 'Error' : 'Lỗi'}: ${error.text[lang]}`);
    const extra = error.fields.filter((f) => f.message[lang] !== error.text[lang]);
    for (const f of extra.slice(0, 50)) {
      const where = f.row === undefined ? f.field : `${lang === 'en' ? 'row' : 'dòng'} ${f.row}, ${f.field}`;
      io.err(`  - ${where}: ${f.message[lang]}`);
    }
    if (extra.length > 50) io.err(`  … ${extra.length - 50}`);
    return 1;
  }
  io.err(
    `${lang === 'en' ? 'Unexpected error' : 'Lỗi không mong đợi'}: ${(error as Error)?.stack ?? String(error)}`,
  );
  return 2;
}
