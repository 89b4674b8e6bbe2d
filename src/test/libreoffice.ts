import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';

/**
 * Real readers for the generated documents: LibreOffice (headless) turns DOCX and XLSX into
 * PDF, poppler's pdftotext reads the PDF back. Debian's packages are installed when missing
 * and we are root, as the PostgreSQL test cluster does.
 */
const PACKAGES = ['libreoffice-writer-nogui', 'libreoffice-calc-nogui', 'poppler-utils', 'fonts-liberation'];
const run = promisify(execFile);

function present(): boolean {
  const has = (tool: string) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;
  return (
    has('soffice') &&
    has('pdftotext') &&
    has('pdftoppm') &&
    existsSync('/usr/share/fonts/truetype/liberation')
  );
}

/** Installs the readers once; parallel test workers wait on one lock instead of racing apt. */
export function ensureReaders(): void {
  if (present()) return;
  if (process.getuid?.() !== 0) {
    throw new Error(
      `LibreOffice is not installed: run \`apt-get install -y ${PACKAGES.join(' ')}\` (needs root)`,
    );
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const script = `command -v soffice >/dev/null && command -v pdftotext >/dev/null && [ -d /usr/share/fonts/truetype/liberation ] || { apt-get update -qq && apt-get install -y -qq ${PACKAGES.join(' ')}; }`;
  const r = spawnSync('flock', ['/tmp/tiendo-apt.lock', 'sh', '-c', script], { stdio: 'inherit', env });
  if (r.status !== 0 || !present()) throw new Error(`apt-get install ${PACKAGES.join(' ')} failed`);
}

// LibreOffice runs one instance per profile: a profile per test process, conversions in turn.
const profile = mkdtempSync(join(tmpdir(), 'tiendo-lo-profile-'));
process.once('exit', () => rmSync(profile, { recursive: true, force: true }));
let queue: Promise<unknown> = Promise.resolve();

function serial<T>(work: () => Promise<T>): Promise<T> {
  const next = queue.then(work, work);
  queue = next.catch(() => undefined);
  return next;
}

export interface Converted {
  pdf: string;
  /** soffice's own output, for the assertion message when a conversion fails. */
  log: string;
}

/**
 * Converts files to PDF in one LibreOffice run (they start slowly, so batching saves seconds).
 * Throws when LibreOffice exits non-zero or any PDF is missing: a file it cannot open fails.
 */
export function convertToPdf(files: readonly string[], outDir?: string): Promise<Converted[]> {
  return serial(async () => {
    const dir = outDir ?? mkdtempSync(join(tmpdir(), 'tiendo-pdf-'));
    // LibreOffice 7.4 opens .html in Writer/Web, which drops the first paragraph and breaks the
    // page after it; read as "HTML (StarWriter)" it lays out like any Writer document.
    const html = files.filter((f) => /\.html?$/i.test(f));
    const other = files.filter((f) => !html.includes(f));
    let log = '';
    for (const [batch, filter] of [
      [other, []],
      [html, ['--infilter=HTML (StarWriter)']],
    ] as const) {
      if (batch.length === 0) continue;
      const args = [
        `-env:UserInstallation=file://${profile}`,
        '--headless',
        '--norestore',
        ...filter,
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        ...batch,
      ];
      const { stdout, stderr } = await run('soffice', args, {
        timeout: 240_000,
        maxBuffer: 16 * 1024 * 1024,
      });
      log += `${stdout}\n${stderr}`;
    }
    return files.map((f) => {
      const pdf = join(dir, basename(f).replace(/\.[^.]+$/, '.pdf'));
      if (!existsSync(pdf)) throw new Error(`LibreOffice made no PDF of ${f}:\n${log}`);
      return { pdf, log };
    });
  });
}

export async function pdfText(pdf: string, o: { layout?: boolean; page?: number } = {}): Promise<string> {
  const pages = o.page === undefined ? [] : ['-f', String(o.page), '-l', String(o.page)];
  const { stdout } = await run(
    'pdftotext',
    [...(o.layout ? ['-layout'] : []), ...pages, '-enc', 'UTF-8', pdf, '-'],
    {
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  return stdout;
}

export async function pdfInfo(pdf: string): Promise<{ pages: number; width: number; height: number }> {
  const { stdout } = await run('pdfinfo', [pdf]);
  const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(stdout);
  return {
    pages: Number(/Pages:\s+(\d+)/.exec(stdout)?.[1] ?? 0),
    width: Math.round(Number(size?.[1] ?? 0)),
    height: Math.round(Number(size?.[2] ?? 0)),
  };
}

/** The fonts a PDF uses, as pdffonts names them (LibreOffice embeds a subset of each). */
export async function pdfFonts(pdf: string): Promise<string[]> {
  const { stdout } = await run('pdffonts', [pdf]);
  return stdout
    .split('\n')
    .slice(2)
    .map((l) => l.split(/\s+/)[0] ?? '')
    .filter((f) => f !== '')
    .map((f) => f.replace(/^[A-Z]{6}\+/, ''));
}

/** The first page as PNG at `dpi`, written to `png` (pdftoppm adds no suffix with -singlefile). */
export async function firstPagePng(pdf: string, png: string, dpi = 60): Promise<void> {
  await run('pdftoppm', [
    '-png',
    '-r',
    String(dpi),
    '-f',
    '1',
    '-l',
    '1',
    '-singlefile',
    pdf,
    png.replace(/\.png$/, ''),
  ]);
}

/** Writes `body` to a temp dir under `name` and returns the path. */
export function tempFile(name: string, body: Buffer | string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'tiendo-doc-')), name);
  writeFileSync(path, body);
  return path;
}

/** Text pdftotext finds, with the line breaks of justified text turned back into spaces. */
export function flat(text: string): string {
  return text.replace(/\s+/g, ' ');
}

export const readBytes = (path: string) => readFileSync(path);
