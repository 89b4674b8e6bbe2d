/**
 * Regenerates the pictures in docs/: the first page of each demo document, as LibreOffice
 * prints it. Loads the Bắc Kạn 2021 demo into an in-memory database, writes the review report
 * for 9 tháng năm 2021, its data appendix, the conclusion notice of the 06/10/2021 conference
 * and the article draft, converts them to PDF and renders page 1 at 60 dpi.
 *
 *   npx tsx scripts/render-docs.ts [--out docs] [--keep DIR]   (--keep also saves the files)
 */
import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { systemContext } from '../src/context.js';
import { loadDemo } from '../src/demo/load-demo.js';
import { appendixFile, articleFile, conclusionFile, reviewFile } from '../src/documents/index.js';
import { listMeetings } from '../src/meetings/meetings.service.js';
import { connect } from '../src/store/connect.js';
import { convertToPdf, ensureReaders, firstPagePng, tempFile } from '../src/test/libreoffice.js';

async function main() {
  const { values } = parseArgs({
    options: { out: { type: 'string', default: 'docs' }, keep: { type: 'string' } },
  });
  ensureReaders();
  const store = await connect({ file: ':memory:' });
  try {
    const ctx = systemContext(store);
    console.error('Nạp dữ liệu mẫu / loading the demo…');
    await loadDemo(ctx);
    const meeting = (await listMeetings(ctx, { planCode: 'bac-kan-2021' }))[0]?.id;
    if (meeting === undefined) throw new Error('the demo has no conference');
    const q = { planCode: 'bac-kan-2021', period: '2021-09' };
    const files = {
      review: await reviewFile(ctx, q),
      appendix: await appendixFile(ctx, q),
      conclusion: await conclusionFile(ctx, meeting),
      article: await articleFile(ctx, meeting, 'html'),
    };
    const paths = Object.entries(files).map(([name, f]) => tempFile(`${name}.${f.kind}`, f.body));
    console.error('LibreOffice → PDF…');
    const pdfs = await convertToPdf(paths, mkdtempSync(join(tmpdir(), 'tiendo-render-')));
    mkdirSync(values.out, { recursive: true });
    for (const [i, name] of Object.keys(files).entries()) {
      const png = join(values.out, `${name}.png`);
      await firstPagePng(pdfs[i]?.pdf as string, png, 60);
      console.log(png);
    }
    if (values.keep) {
      mkdirSync(values.keep, { recursive: true });
      for (const [i, f] of Object.values(files).entries()) {
        copyFileSync(paths[i] as string, join(values.keep, f.fileName));
        copyFileSync(pdfs[i]?.pdf as string, join(values.keep, f.fileName.replace(/\.\w+$/, '.pdf')));
      }
    }
  } finally {
    await store.close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
