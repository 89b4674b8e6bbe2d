import type ExcelJS from 'exceljs';
import { beforeAll, expect, it } from 'vitest';
import { type ServiceContext, systemContext } from '../context.js';
import { describeStores } from '../test/stores.js';
import { appendixFile, articleFile, conclusionFile, reviewFile } from './index.js';
import { type Fixtures, loadFixtures } from './test-fixtures.js';
import { fonts, margins, Q, rowOf, sheet, text, twips, value } from './test-read.js';
import { entryText, runsWith, unzip } from './test-zip.js';

describeStores('documents from the Bắc Kạn demo', (store) => {
  let ctx: ServiceContext;
  let f: Fixtures;
  beforeAll(async () => {
    ctx = systemContext(store());
    f = await loadFixtures(store());
  }, 120_000);

  it('writes the 9-month review in the Party format, dated on the conference day', async () => {
    const file = await reviewFile(ctx, Q);
    expect(file.fileName).toBe('Báo cáo kiểm điểm 9 tháng năm 2021.docx');
    expect(file.missing).toEqual([]);
    const t = text(file.body);
    for (const expected of [
      'ĐẢNG BỘ TỈNH BẮC KẠN',
      'THÀNH ỦY BẮC KẠN',
      'ĐẢNG CỘNG SẢN VIỆT NAM',
      'Số      -BC/TU',
      'Bắc Kạn, ngày 06 tháng 10 năm 2021',
      'BÁO CÁO',
      'Kết quả 9 tháng năm 2021 thực hiện Nghị quyết về nhiệm vụ năm 2021, nhiệm vụ trọng tâm 3 tháng cuối năm 2021',
      'I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ 9 THÁNG NĂM 2021',
      '1. Kinh tế',
      '- Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ đạt 2.404 tỷ đồng, bằng 73,96% NQ; tăng 4,6% so với cùng kỳ (đúng tiến độ).',
      'Thu ngân sách nhà nước trên địa bàn đạt 99,273 tỷ đồng, bằng 64,01% NQ, bằng 70,91% dự toán HĐND tỉnh Bắc Kạn giao',
      'II. HẠN CHẾ, KHÓ KHĂN',
      'III. NHIỆM VỤ TRỌNG TÂM 3 THÁNG CUỐI NĂM 2021',
      'còn phải thực hiện 55,827 tỷ đồng trong 3 tháng cuối năm 2021 để đạt NQ',
      'IV. KẾT QUẢ THỰC HIỆN KẾT LUẬN HỘI NGHỊ LẦN TRƯỚC',
      'Chưa có hội nghị nào của Thành phố Bắc Kạn trước ngày 06/10/2021',
      'Nơi nhận:',
      'T/M BAN THƯỜNG VỤ',
      'BÍ THƯ',
      'Cù Ngọc Cường',
    ]) {
      expect(t).toContain(expected);
    }
    expect(t).toMatch(/Trong 19 chỉ tiêu: 3 chỉ tiêu đã đạt, \d+ chỉ tiêu đúng tiến độ/);
  });

  it('sets Times New Roman, A4, the format’s margins, sizes and page numbers from page 2', async () => {
    const { body } = await reviewFile(ctx, Q);
    expect(fonts(body)).toEqual(new Set(['Times New Roman']));
    expect(margins(body)).toEqual({ top: twips(25), bottom: twips(25), left: twips(35), right: twips(15) });
    const xml = entryText(body, 'word/document.xml');
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toContain('<w:titlePg/>');
    expect(runsWith(xml, 'ĐẢNG CỘNG SẢN VIỆT NAM')[0]).toMatch(/<w:b\/>[\s\S]*<w:sz w:val="30"\/>/);
    expect(runsWith(xml, 'Bắc Kạn, ngày 06')[0]).toMatch(/<w:i\/>[\s\S]*<w:sz w:val="28"\/>/);
    const headers = [...unzip(body).keys()].filter((k) => /^word\/header\d+\.xml$/.test(k));
    expect(headers.map((h) => entryText(body, h)).some((h) => h.includes('PAGE'))).toBe(true);
  });

  it('takes margins, sizes and letterhead details from the options', async () => {
    const { body, missing } = await reviewFile(ctx, Q, {
      number: '123',
      date: '2021-10-04',
      signer: { name: 'Nguyễn Văn A', title: 'Phó Bí thư' },
      recipients: ['Ban Thường vụ Tỉnh ủy (b/c)', 'Lưu Văn phòng Thành ủy'],
      style: { margins: { top: 20, left: 30, right: 20, bottom: 22 }, sizes: { body: 13, national: 14 } },
    });
    expect(missing).toEqual([]);
    expect(margins(body)).toEqual({ top: twips(20), bottom: twips(22), left: twips(30), right: twips(20) });
    const xml = entryText(body, 'word/document.xml');
    expect(runsWith(xml, 'ĐẢNG CỘNG SẢN VIỆT NAM')[0]).toContain('<w:sz w:val="28"/>');
    expect(entryText(body, 'word/styles.xml')).toContain('<w:sz w:val="26"/>');
    const t = text(body);
    for (const s of ['Số 123-BC/TU', 'Bắc Kạn, ngày 04 tháng 10 năm 2021', 'PHÓ BÍ THƯ', 'Nguyễn Văn A'])
      expect(t).toContain(s);
    expect(t).toContain('- Ban Thường vụ Tỉnh ủy (b/c),\n- Lưu Văn phòng Thành ủy.');
  });

  it('reports the previous conference’s directives with their status on the report date', async () => {
    const t = text((await reviewFile(ctx, Q, { date: '2022-01-10' })).body);
    expect(t).toContain('Bắc Kạn, ngày 10 tháng 01 năm 2022');
    expect(t).toContain(
      'Hội nghị Ban Chấp hành Đảng bộ thành phố Bắc Kạn lần thứ sáu (mở rộng) ngày 06/10/2021 đã giao 11 nhiệm vụ. Đến ngày 10/01/2022: 4 hoàn thành đúng hạn; 1 hoàn thành quá hạn; 1 đang thực hiện, trong hạn; 3 đang thực hiện, quá hạn; 2 thường xuyên.',
    );
    expect(t).toContain('hoàn thành quá hạn (10/12/2021)');
    expect(t).toContain('đang thực hiện, quá hạn (26 ngày)');
    expect(t).toContain('2. Các nhiệm vụ quá hạn');
    expect(t).toMatch(
      /Đẩy nhanh tiến độ giải phóng mặt bằng .*\(chủ trì: UBND thành phố Bắc Kạn; thời hạn: 31\/12\/2021; quá hạn 10 ngày\)/,
    );
  });

  it('writes the appendix with the same numbers, formulas, a frozen header and a landscape page', async () => {
    const file = await appendixFile(ctx, Q);
    expect(file.fileName).toBe('Phụ lục số liệu 9 tháng năm 2021.xlsx');
    const ws = await sheet(file.body);
    expect(ws.getCell('A1').value).toBe('PHỤ LỤC SỐ LIỆU');
    expect(ws.getRow(5).values).toEqual([
      undefined,
      'STT',
      'Chỉ tiêu',
      'Đơn vị tính',
      'NQ/KH năm 2021',
      'Thực hiện 9 tháng năm 2021',
      '% NQ',
      'Cùng kỳ năm 2020',
      '% so cùng kỳ',
      'Đánh giá',
      'Ghi chú',
    ]);
    const retail = rowOf(ws, 'Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ');
    expect(value(retail.getCell(4))).toBe(3250.4);
    expect(value(retail.getCell(5))).toBe(2404);
    expect((retail.getCell(6).value as ExcelJS.CellFormulaValue).formula).toMatch(/E\d+\/D\d+/);
    expect((value(retail.getCell(6)) as number) * 100).toBeCloseTo(73.96, 2);
    expect(retail.getCell(6).numFmt).toBe('[$-42A]0.00%');
    expect(retail.getCell(5).numFmt).toBe('[$-42A]#,##0');
    expect(value(retail.getCell(9))).toBe('đúng tiến độ');
    const budget = rowOf(ws, 'Thu ngân sách nhà nước trên địa bàn');
    expect(value(budget.getCell(5))).toBe(99.273);
    expect(budget.getCell(5).numFmt).toBe('[$-42A]#,##0.000');
    expect((value(budget.getCell(6)) as number) * 100).toBeCloseTo(64.006, 2);
    expect(value(budget.getCell(10))).toContain('70,91% dự toán HĐND tỉnh Bắc Kạn giao');
    expect(value(rowOf(ws, 'Tỷ lệ hộ nghèo').getCell(10))).toContain('% theo mức giảm so với đầu năm');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 6, xSplit: 2 });
    expect(ws.pageSetup).toMatchObject({
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      paperSize: 9,
    });
    const total = rowOf(ws, 'Tổng số chỉ tiêu');
    expect(value(total.getCell(3))).toBe(19);
    expect(ws.getCell('B7').value).toBe('Kinh tế');
  });

  it('numbers the conclusion notice’s directives with lead units and deadlines', async () => {
    const file = await conclusionFile(ctx, f.demoMeeting);
    expect(file.fileName).toBe('Thông báo kết luận hội nghị ngày 06-10-2021.docx');
    expect(file.missing).toEqual([]);
    const t = text(file.body);
    for (const s of [
      'THÀNH ỦY BẮC KẠN',
      'Số      -TB/TU',
      'Bắc Kạn, ngày 06 tháng 10 năm 2021',
      'THÔNG BÁO',
      'Kết luận của đồng chí Cù Ngọc Cường, Bí thư Thành ủy tại Hội nghị Ban Chấp hành Đảng bộ thành phố Bắc Kạn lần thứ sáu (mở rộng), nhiệm kỳ 2020–2025',
      '1. Thực hiện tốt mục tiêu kép phát triển kinh tế – xã hội gắn với làm tốt công tác phòng, chống dịch Covid-19 (trọng tâm).',
      'Chủ trì: UBND thành phố Bắc Kạn; phối hợp: Phòng Lao động - Thương binh và Xã hội, Phòng Tài chính - Kế hoạch; thời hạn: 31/12/2021.',
      'Chủ trì: Công an thành phố; phối hợp: Ban Chỉ huy Quân sự thành phố; thực hiện thường xuyên.',
      '11. Tổ chức đánh giá, phân loại cán bộ',
      'Thành ủy Bắc Kạn thông báo để các cấp ủy, tổ chức đảng, cơ quan, đơn vị liên quan biết, thực hiện./.',
    ]) {
      expect(t).toContain(s);
    }
    expect(fonts(file.body)).toEqual(new Set(['Times New Roman']));
  });

  it('drafts the article with the seed’s figures, from data only and the same every time', async () => {
    const txt = await articleFile(ctx, f.demoMeeting, 'txt');
    const article = txt.body.toString('utf8');
    expect(article).toContain('2.404 tỷ đồng, bằng 73,96% NQ');
    expect(article).toContain('99,273 tỷ đồng, bằng 64% NQ');
    expect(article).toContain(
      'Ngày 06/10/2021, Ban Thường vụ Thành ủy tổ chức hội nghị Ban Chấp hành Đảng bộ thành phố lần thứ sáu (mở rộng)',
    );
    expect(article).toContain(
      'Đồng chí Cù Ngọc Cường – Ủy viên Ban Thường vụ Tỉnh ủy, Bí thư Thành ủy, Chủ tịch HĐND thành phố chủ trì hội nghị.',
    );
    expect(article).toMatch(/Bên cạnh đó, tiến độ thực hiện một số chỉ tiêu còn chậm: thu ngân sách/);
    expect(article).toContain('Phát biểu kết luận hội nghị, đồng chí Cù Ngọc Cường');
    expect(article).toContain('Trong đó, trọng tâm là thực hiện tốt mục tiêu kép');
    expect(article.trimEnd().endsWith('./.')).toBe(true);
    expect(article).not.toContain('[chưa có');
    expect((await articleFile(ctx, f.demoMeeting, 'txt')).body.equals(txt.body)).toBe(true);
    const html = (await articleFile(ctx, f.demoMeeting, 'html')).body.toString('utf8');
    expect(html).toMatch(/^<!doctype html>\n<html lang="vi">/);
    expect(html).toContain(
      '<h1>Hội nghị Ban Chấp hành Đảng bộ thành phố Bắc Kạn lần thứ sáu (mở rộng), nhiệm kỳ 2020–2025</h1>',
    );
    expect(html).toContain('2.404 tỷ đồng, bằng 73,96% NQ');
    expect(html).toContain('&quot;Gia đình văn hóa&quot;');
  });
});
