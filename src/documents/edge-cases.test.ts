import { beforeAll, expect, it } from 'vitest';
import { type ServiceContext, systemContext } from '../context.js';
import { NotFoundError } from '../errors.js';
import { describeStores } from '../test/stores.js';
import { appendixFile, articleFile, conclusionFile, reviewFile } from './index.js';
import { type Fixtures, LONG_ITEMS, loadFixtures } from './test-fixtures.js';
import { margins, Q, rowOf, sheet, text, twips, value } from './test-read.js';
import { entryText, runsWith, unzip, xmlInvalidChars } from './test-zip.js';

describeStores('documents from awkward data', (store) => {
  let ctx: ServiceContext;
  let f: Fixtures;
  beforeAll(async () => {
    ctx = systemContext(store());
    f = await loadFixtures(store());
  }, 120_000);

  it('uses the State format for a People’s Committee and shows what it does not know', async () => {
    const file = await reviewFile(
      ctx,
      { planCode: 'ubnd-bk-2021', period: '2021-09' },
      { date: '2021-10-08' },
    );
    expect(file.missing).toEqual(['họ tên người ký']);
    const t = text(file.body);
    for (const s of [
      'ỦY BAN NHÂN DÂN THÀNH PHỐ BẮC KẠN',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Số:      /BC-UBND',
      'Bắc Kạn, ngày 08 tháng 10 năm 2021',
      'bằng 72,85% KH',
      'TM. ỦY BAN NHÂN DÂN',
      'CHỦ TỊCH',
      '[chưa có họ tên người ký]',
      '- Lưu: VT.',
    ]) {
      expect(t).toContain(s);
    }
    expect(t).not.toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(margins(file.body)).toEqual({
      top: twips(20),
      bottom: twips(20),
      left: twips(30),
      right: twips(15),
    });
    const xml = entryText(file.body, 'word/document.xml');
    expect(runsWith(xml, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')[0]).toContain('<w:sz w:val="26"/>');
  });

  it('says so when a period has no figures, in the report and the appendix', async () => {
    const q = { planCode: 'bac-kan-2022', period: '2022-09' };
    const review = await reviewFile(ctx, q, { date: '2022-10-05' });
    const t = text(review.body);
    expect(t).toContain('Chưa có số liệu 9 tháng năm 2022 cho chỉ tiêu nào của Thành phố Bắc Kạn');
    expect(t).toContain('Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ: chưa có số liệu.');
    expect(t).toContain('Trong 2 chỉ tiêu: 2 chỉ tiêu chưa có số liệu.');
    const appendix = await appendixFile(ctx, q, { date: '2022-10-05' });
    expect(appendix.missing).toEqual(['số liệu 9 tháng năm 2022']);
    const ws = await sheet(appendix.body);
    const retail = rowOf(ws, 'Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ');
    expect(value(retail.getCell(4))).toBe(3300);
    expect(value(retail.getCell(5))).toBeNull();
    expect(value(retail.getCell(9))).toBe('chưa có số liệu');
    let said = false;
    ws.eachRow((row) => {
      said ||= row.getCell(1).value === 'Chưa có số liệu 9 tháng năm 2022 cho chỉ tiêu nào';
    });
    expect(said).toBe(true);
  });

  it('writes a notice and an article for a meeting with no conclusion, saying what is missing', async () => {
    const notice = await conclusionFile(ctx, f.bareMeeting);
    expect(notice.missing).toEqual(
      expect.arrayContaining([
        'tên cơ quan ban hành',
        'ký hiệu cơ quan',
        'nội dung kết luận',
        'họ tên người ký',
      ]),
    );
    const t = text(notice.body);
    expect(t).toContain('[chưa có nội dung kết luận của hội nghị]');
    expect(t).toContain('[chưa có tên cơ quan ban hành]');
    expect(t).toContain('Kết luận của Ban Thường vụ Thành ủy tại Hội nghị Ban Thường vụ Thành ủy');
    const article = (await articleFile(ctx, f.bareMeeting, 'txt')).body.toString('utf8');
    expect(article).toContain('[chưa có thông tin người chủ trì hội nghị]');
    expect(article).toContain('[chưa có số liệu: hội nghị chưa gắn với kế hoạch và kỳ báo cáo]');
    expect(article).toContain('[chưa có kết luận của hội nghị]');
    const html = (await articleFile(ctx, f.bareMeeting, 'html')).body.toString('utf8');
    expect(html).toContain('<mark>[chưa có kết luận của hội nghị]</mark>');
  });

  it('keeps characters XML cannot carry out of long documents, and escapes the rest', async () => {
    const notice = await conclusionFile(ctx, f.hostileMeeting);
    const review = await reviewFile(
      ctx,
      { planCode: 'bac-kan-2022', period: '2022-02' },
      { date: '2022-03-15' },
    );
    const article = await articleFile(ctx, f.hostileMeeting, 'html');
    for (const docx of [notice.body, review.body]) {
      for (const [name, part] of unzip(docx)) {
        if (!name.endsWith('.xml') && !name.endsWith('.rels')) continue;
        expect(xmlInvalidChars(part.toString('utf8'))).toEqual([]);
      }
      expect(entryText(docx, 'word/document.xml')).toContain('&lt;b&gt;&amp;amp;&lt;/b&gt;');
    }
    expect(text(notice.body)).toContain(`${LONG_ITEMS}. Ký tự lạ <b>&amp;</b>`);
    expect(text(review.body)).toContain(`đã giao ${LONG_ITEMS} nhiệm vụ`);
    const html = article.body.toString('utf8');
    expect(html).toContain('&lt;b&gt;&amp;amp;&lt;/b&gt; &quot;trích&quot; &#39;đơn&#39;');
    expect(xmlInvalidChars(html)).toEqual([]);
  });

  it('refuses unknown plans, periods outside the plan year and unknown meetings with a clear message', async () => {
    await expect(reviewFile(ctx, { planCode: 'khong-co', period: '2021-09' })).rejects.toThrow(NotFoundError);
    await expect(reviewFile(ctx, { planCode: 'bac-kan-2021', period: '2022-09' })).rejects.toMatchObject({
      text: { vi: 'Kỳ 2022-09 không thuộc năm 2021 của kế hoạch "bac-kan-2021"' },
    });
    await expect(conclusionFile(ctx, 999_999)).rejects.toMatchObject({
      text: { vi: 'Không tìm thấy hội nghị số 999999' },
    });
    await expect(reviewFile(ctx, Q, { date: '2021-02-30' })).rejects.toThrow(/không hợp lệ/);
  });
});
