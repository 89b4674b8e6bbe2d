import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { docxParagraphs } from '../../documents/test-zip.js';
import { tiendo } from '../test-run.js';

describe('tiendo report', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tiendo-report-'));
  const db = join(dir, 'demo.db');
  const at = (name: string) => join(dir, name);
  let meeting: string;

  beforeAll(async () => {
    expect((await tiendo('demo', '--db', db)).code).toBe(0);
    const list = JSON.parse((await tiendo('meetings', '--db', db, '--json')).out);
    meeting = String(list[0].id);
  }, 120_000);

  it('writes the review report, with options from a JSON file and flags over them', async () => {
    writeFileSync(
      at('options.json'),
      JSON.stringify({ number: '01', signer: { name: 'Nguyễn Văn B' }, style: { margins: { left: 30 } } }),
    );
    const r = await tiendo(
      'report',
      'review',
      '--db',
      db,
      '--plan',
      'bac-kan-2021',
      '--period',
      '2021-09',
      '--options',
      at('options.json'),
      '--number',
      '123',
      '--out',
      at('review.docx'),
    );
    expect(r).toMatchObject({ code: 0, out: expect.stringContaining(`Đã ghi ${at('review.docx')}`) });
    const text = docxParagraphs(readFileSync(at('review.docx'))).join('\n');
    expect(text).toContain('Số 123-BC/TU');
    expect(text).toContain('Nguyễn Văn B');
    expect(text).toContain('2.404 tỷ đồng, bằng 73,96% NQ');
  });

  it('writes the appendix, the conclusion notice and the article as text and HTML', async () => {
    const base = ['--db', db];
    expect(
      (
        await tiendo(
          'report',
          'appendix',
          ...base,
          '--plan',
          'bac-kan-2021',
          '--period',
          '2021-09',
          '--out',
          at('a.xlsx'),
        )
      ).code,
    ).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(at('a.xlsx')) as unknown as ArrayBuffer);
    expect(wb.worksheets[0]?.getCell('A1').value).toBe('PHỤ LỤC SỐ LIỆU');
    expect(
      (await tiendo('report', 'conclusion', ...base, '--meeting', meeting, '--out', at('c.docx'))).code,
    ).toBe(0);
    expect(docxParagraphs(readFileSync(at('c.docx'))).join('\n')).toContain('THÔNG BÁO');
    expect(
      (await tiendo('report', 'article', ...base, '--meeting', meeting, '--out', at('a.txt'))).code,
    ).toBe(0);
    const txt = readFileSync(at('a.txt'), 'utf8');
    expect(txt).toContain('2.404 tỷ đồng, bằng 73,96% NQ');
    expect(txt).toContain('99,273 tỷ đồng, bằng 64% NQ');
    expect(
      (await tiendo('report', 'article', ...base, '--meeting', meeting, '--out', at('a.html'))).code,
    ).toBe(0);
    expect(readFileSync(at('a.html'), 'utf8')).toContain('<html lang="vi">');
  });

  it('prints the percentage rule’s setting through --options', async () => {
    writeFileSync(at('article.json'), JSON.stringify({ percentTolerance: 0.05 }));
    const r = await tiendo(
      'report',
      'article',
      '--db',
      db,
      '--meeting',
      meeting,
      '--options',
      at('article.json'),
      '--out',
      at('b.txt'),
    );
    expect(r.code).toBe(0);
    expect(readFileSync(at('b.txt'), 'utf8')).toContain('2.404 tỷ đồng, bằng 74% NQ');
  });

  it('refuses bad input with a message and writes nothing', async () => {
    const before = readdirSync(dir).length;
    const cases: [string[], string][] = [
      [
        ['review', '--plan', 'khong-co', '--period', '2021-09', '--out', at('x.docx')],
        'Không tìm thấy kế hoạch có mã "khong-co"',
      ],
      [['review', '--plan', 'bac-kan-2021', '--period', '2021-13', '--out', at('x.docx')], 'kỳ báo cáo'],
      [
        ['review', '--plan', 'bac-kan-2021', '--period', '2021-09', '--out', at('x.pdf')],
        'Tệp ra phải có đuôi .docx',
      ],
      [
        ['appendix', '--plan', 'bac-kan-2021', '--period', '2021-09', '--out', at('x.docx')],
        'Tệp ra phải có đuôi .xlsx',
      ],
      [['conclusion', '--meeting', '999', '--out', at('x.docx')], 'Không tìm thấy hội nghị số 999'],
      [['conclusion', '--meeting', 'abc', '--out', at('x.docx')], 'Mã hội nghị "abc" không hợp lệ'],
      [['article', '--meeting', meeting, '--out', at('x.pdf')], 'Tệp ra phải có đuôi .txt, .html, .htm'],
      [
        [
          'review',
          '--plan',
          'bac-kan-2021',
          '--period',
          '2021-09',
          '--options',
          at('none.json'),
          '--out',
          at('x.docx'),
        ],
        'Không đọc được tệp tùy chọn',
      ],
    ];
    writeFileSync(at('bad.json'), JSON.stringify({ style: { margins: { top: -5 } } }));
    cases.push([
      [
        'review',
        '--plan',
        'bac-kan-2021',
        '--period',
        '2021-09',
        '--options',
        at('bad.json'),
        '--out',
        at('x.docx'),
      ],
      'style.margins.top',
    ]);
    for (const [args, message] of cases) {
      const [sub, ...rest] = args as [string, ...string[]];
      const r = await tiendo('report', sub, '--db', db, ...rest);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.err).toContain(message);
    }
    expect(readdirSync(dir).length).toBe(before + 1);
    expect(existsSync(at('x.docx'))).toBe(false);
  });

  it('warns about the details a document prints as placeholders', async () => {
    const r = await tiendo(
      'report',
      'review',
      '--db',
      db,
      '--plan',
      'bac-kan-2021',
      '--period',
      '2021-09',
      '--format',
      'state',
      '--out',
      at('late.docx'),
    );
    expect(r.code).toBe(0);
    expect(r.err).toContain('Lưu ý: tài liệu còn để trống');
    expect(r.err).toContain('họ tên người ký');
  });
});
