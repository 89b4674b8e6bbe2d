import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../context.js';
import { connect, type Store } from '../store/connect.js';
import {
  convertToPdf,
  ensureReaders,
  flat,
  pdfFonts,
  pdfInfo,
  pdfText,
  tempFile,
} from '../test/libreoffice.js';
import { appendixFile, articleFile, conclusionFile, type GeneratedFile, reviewFile } from './index.js';
import { LONG_ITEMS, loadFixtures } from './test-fixtures.js';

/**
 * Every kind of generated file, opened by real readers: LibreOffice converts each to PDF (it
 * refuses a corrupt DOCX or XLSX), pdftotext reads the PDF back. The documents are the same
 * on both engines (documents.test.ts compares them there), so this runs on SQLite only.
 */
describe('generated documents open in LibreOffice and read back through pdftotext', () => {
  let store: Store;
  const pdf = new Map<string, string>();

  beforeAll(async () => {
    ensureReaders();
    store = await connect({ file: ':memory:' });
    const ctx = systemContext(store);
    const f = await loadFixtures(store);
    const q = { planCode: 'bac-kan-2021', period: '2021-09' };
    const files: [string, GeneratedFile][] = [
      ['review', await reviewFile(ctx, q)],
      ['appendix', await appendixFile(ctx, q)],
      ['conclusion', await conclusionFile(ctx, f.demoMeeting)],
      ['article', await articleFile(ctx, f.demoMeeting, 'html')],
      [
        'state',
        await reviewFile(ctx, { planCode: 'ubnd-bk-2021', period: '2021-09' }, { date: '2021-10-08' }),
      ],
      [
        'empty-review',
        await reviewFile(ctx, { planCode: 'bac-kan-2022', period: '2022-09' }, { date: '2022-10-05' }),
      ],
      ['empty-appendix', await appendixFile(ctx, { planCode: 'bac-kan-2022', period: '2022-09' })],
      ['bare-conclusion', await conclusionFile(ctx, f.bareMeeting)],
      ['hostile-conclusion', await conclusionFile(ctx, f.hostileMeeting)],
      [
        'hostile-review',
        await reviewFile(ctx, { planCode: 'bac-kan-2022', period: '2022-02' }, { date: '2022-03-15' }),
      ],
      ['hostile-article', await articleFile(ctx, f.hostileMeeting, 'html')],
    ];
    const paths = files.map(([key, file]) => tempFile(`${key}.${file.kind}`, file.body));
    const converted = await convertToPdf(paths);
    files.forEach(([key], i) => {
      pdf.set(key, converted[i]?.pdf as string);
    });
  }, 900_000);
  afterAll(() => store?.close());

  const read = async (key: string) => flat(await pdfText(pdf.get(key) as string));

  it('reads the review: letterhead, headings, the article’s figures, page numbers from page 2', async () => {
    const t = await read('review');
    for (const s of [
      'ĐẢNG BỘ TỈNH BẮC KẠN',
      'THÀNH ỦY BẮC KẠN',
      'ĐẢNG CỘNG SẢN VIỆT NAM',
      'Bắc Kạn, ngày 06 tháng 10 năm 2021',
      'BÁO CÁO',
      'I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ 9 THÁNG NĂM 2021',
      '2.404 tỷ đồng, bằng 73,96% NQ',
      '99,273 tỷ đồng, bằng 64,01% NQ',
      'II. HẠN CHẾ, KHÓ KHĂN',
      'III. NHIỆM VỤ TRỌNG TÂM 3 THÁNG CUỐI NĂM 2021',
      'IV. KẾT QUẢ THỰC HIỆN KẾT LUẬN HỘI NGHỊ LẦN TRƯỚC',
      'Nơi nhận:',
      'T/M BAN THƯỜNG VỤ',
      'Cù Ngọc Cường',
    ]) {
      expect(t).toContain(s);
    }
    const file = pdf.get('review') as string;
    const info = await pdfInfo(file);
    expect(info).toMatchObject({ width: 595, height: 842 });
    expect(info.pages).toBeGreaterThan(1);
    // The number heads page 2 and every later page, never page 1.
    expect((await pdfText(file, { page: 1 })).trimStart().split('\n')[0]).not.toMatch(/^\d+$/);
    expect((await pdfText(file, { page: 2 })).trimStart().split('\n')[0]).toBe('2');
    expect((await pdfText(file, { page: info.pages })).trimStart().split('\n')[0]).toBe(String(info.pages));
    // Times New Roman, or the metric twin LibreOffice substitutes for it on Debian.
    for (const font of await pdfFonts(file)) expect(font).toMatch(/TimesNewRoman|LiberationSerif/);
  });

  it('reads the appendix on one landscape page with Vietnamese numbers', async () => {
    const t = await read('appendix');
    for (const s of [
      'PHỤ LỤC SỐ LIỆU',
      'Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ',
      '3.250,4',
      '2.404',
      '73,96%',
      '99,273',
      '64,01%',
      'nguy cơ không đạt',
    ]) {
      expect(t).toContain(s);
    }
    const rows = await pdfText(pdf.get('appendix') as string, { layout: true });
    expect(rows).toMatch(
      /Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ\s+tỷ đồng\s+3\.250,4\s+2\.404\s+73,96%/,
    );
    expect(rows).toMatch(/Thu ngân sách nhà nước trên địa bàn\s+tỷ đồng\s+155,1\s+99,273\s+64,01%/);
    expect(rows).toMatch(/Tổng số chỉ tiêu\s+19/);
    expect(await pdfInfo(pdf.get('appendix') as string)).toMatchObject({ pages: 1, width: 842, height: 595 });
  });

  it('reads the conclusion notice with numbered directives, lead units and deadlines', async () => {
    const t = await read('conclusion');
    for (const s of [
      'THÔNG BÁO',
      'Kết luận của đồng chí Cù Ngọc Cường, Bí thư Thành ủy',
      '1. Thực hiện tốt mục tiêu kép',
      'Chủ trì: UBND thành phố Bắc Kạn',
      'thời hạn: 31/12/2021',
      '11. Tổ chức đánh giá',
      'thực hiện./.',
    ]) {
      expect(t).toContain(s);
    }
  });

  it('reads the article draft with the seed’s two figures', async () => {
    const t = await read('article');
    expect(
      t.startsWith(
        'Hội nghị Ban Chấp hành Đảng bộ thành phố Bắc Kạn lần thứ sáu (mở rộng), nhiệm kỳ 2020–2025 Ngày 06/10/2021',
      ),
    ).toBe(true);
    expect(t).toContain('2.404 tỷ đồng, bằng 73,96% NQ');
    expect(t).toContain('99,273 tỷ đồng, bằng 64% NQ');
    expect(t).toContain('Cù Ngọc Cường – Ủy viên Ban Thường vụ Tỉnh ủy');
  });

  it('reads the State format and the documents that say what is missing', async () => {
    const state = await read('state');
    for (const s of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'ỦY BAN NHÂN DÂN THÀNH PHỐ BẮC KẠN',
      'TM. ỦY BAN NHÂN DÂN',
      '[chưa có họ tên người ký]',
    ]) {
      expect(state).toContain(s);
    }
    expect(await read('empty-review')).toContain('Chưa có số liệu 9 tháng năm 2022 cho chỉ tiêu nào');
    expect(await read('empty-appendix')).toContain('Chưa có số liệu 9 tháng năm 2022 cho chỉ tiêu nào');
    expect(await read('bare-conclusion')).toContain('[chưa có nội dung kết luận của hội nghị]');
  });

  it('reads long documents full of hostile characters, the table header repeated on each page', async () => {
    const notice = await read('hostile-conclusion');
    expect(notice).toContain('Ký tự lạ <b>&amp;</b> "trích"');
    expect(notice).toContain(`${LONG_ITEMS}. Ký tự lạ`);
    const file = pdf.get('hostile-review') as string;
    const { pages } = await pdfInfo(file);
    expect(pages).toBeGreaterThan(5);
    let headed = 0;
    for (let p = 2; p <= pages; p++) {
      if (/STT\s+Nhiệm vụ/.test(await pdfText(file, { page: p, layout: true }))) headed++;
    }
    expect(headed).toBeGreaterThan(2);
    expect(await read('hostile-article')).toContain('Ký tự lạ <b>&amp;</b>');
  });
});
