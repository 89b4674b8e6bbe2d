import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { systemContext } from '../../context.js';
import { docxParagraphs } from '../../documents/test-zip.js';
import { createMeeting, listMeetings } from '../../meetings/meetings.service.js';
import { as, demoApp, login, type Session } from '../../test/http.js';
import { describeStores } from '../../test/stores.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describeStores('documents over HTTP', (store) => {
  let app: FastifyInstance;
  let leader: Session;
  let reporter: Session;
  let meeting: number;
  let siblingMeeting: number;
  beforeAll(async () => {
    app = await demoApp(store());
    leader = await login(app, 'lanhdao');
    reporter = await login(app, 'baocao');
    const ctx = systemContext(store());
    meeting = (await listMeetings(ctx, { planCode: 'bac-kan-2021' }))[0]?.id as number;
    siblingMeeting = (
      await createMeeting(ctx, {
        unitCode: 'bk-song-cau',
        body: 'Đảng ủy phường Sông Cầu',
        title: 'Hội nghị Ban Chấp hành Đảng bộ phường Sông Cầu',
        heldOn: '2021-10-08',
      })
    ).id;
  }, 120_000);
  afterAll(() => app.close());

  const get = (session: Session | null, url: string) => as(app, session, { method: 'GET', url });

  it('sends the review report as DOCX with its Vietnamese file name', async () => {
    const res = await get(
      leader,
      '/api/v1/documents/review.docx?plan=bac-kan-2021&period=2021-09&number=123',
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(DOCX);
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="Bao cao kiem diem 9 thang nam 2021.docx"; filename*=UTF-8''${encodeURIComponent('Báo cáo kiểm điểm 9 tháng năm 2021.docx')}`,
    );
    expect(res.headers['x-document-missing']).toBeUndefined();
    const text = docxParagraphs(res.rawPayload).join('\n');
    expect(text).toContain('Số 123-BC/TU');
    expect(text).toContain('2.404 tỷ đồng, bằng 73,96% NQ');
  });

  it('sends the appendix as XLSX that reads back with the same numbers', async () => {
    const res = await get(leader, '/api/v1/documents/appendix.xlsx?plan=bac-kan-2021&period=2021-09');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX);
    expect(res.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('Phụ lục số liệu 9 tháng năm 2021.xlsx')}`,
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0]?.getCell('E8').value).toBe(2404);
  });

  it('sends the conclusion notice and the article in both forms', async () => {
    const notice = await get(leader, `/api/v1/documents/conclusion.docx?meeting=${meeting}`);
    expect(notice.statusCode).toBe(200);
    expect(notice.headers['content-type']).toBe(DOCX);
    expect(notice.headers['content-disposition']).toContain(
      encodeURIComponent('Thông báo kết luận hội nghị ngày 06-10-2021.docx'),
    );
    expect(docxParagraphs(notice.rawPayload).join('\n')).toContain('THÔNG BÁO');
    const html = await get(leader, `/api/v1/documents/article?meeting=${meeting}`);
    expect(html.statusCode).toBe(200);
    expect(html.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(html.body).toContain('99,273 tỷ đồng, bằng 64% NQ');
    const txt = await get(leader, `/api/v1/documents/article?meeting=${meeting}&format=txt`);
    expect(txt.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(txt.headers['content-disposition']).toContain(
      encodeURIComponent('Tin bài hội nghị ngày 06-10-2021.txt'),
    );
    expect(txt.body).toContain('2.404 tỷ đồng, bằng 73,96% NQ');
  });

  it('tells the client what a document left blank', async () => {
    const res = await get(leader, `/api/v1/documents/conclusion.docx?meeting=${siblingMeeting}`);
    expect(res.statusCode).toBe(200);
    expect(decodeURIComponent(res.headers['x-document-missing'] as string)).toContain('nội dung kết luận');
  });

  it('lets a caller read only the documents of its branch', async () => {
    expect(
      (await get(null, '/api/v1/documents/review.docx?plan=bac-kan-2021&period=2021-09')).statusCode,
    ).toBe(401);
    expect(
      (await get(reporter, '/api/v1/documents/review.docx?plan=bac-kan-2021&period=2021-09')).statusCode,
    ).toBe(200);
    const sibling = await get(
      reporter,
      '/api/v1/documents/appendix.xlsx?plan=bac-kan-2021&period=2021-09&unit=bk-song-cau',
    );
    expect(sibling.statusCode).toBe(403);
    expect(
      (await get(reporter, `/api/v1/documents/conclusion.docx?meeting=${siblingMeeting}`)).statusCode,
    ).toBe(403);
    expect((await get(reporter, `/api/v1/documents/article?meeting=${siblingMeeting}`)).statusCode).toBe(403);
  });

  it('answers bad queries with the field named and no file', async () => {
    const period = await get(leader, '/api/v1/documents/review.docx?plan=bac-kan-2021&period=2021-13');
    expect(period.statusCode).toBe(400);
    expect(period.json().error.fields[0].field).toBe('period');
    const year = await get(leader, '/api/v1/documents/review.docx?plan=bac-kan-2021&period=2022-09');
    expect(year.statusCode).toBe(422);
    expect((await get(leader, '/api/v1/documents/conclusion.docx?meeting=999999')).statusCode).toBe(404);
    expect((await get(leader, '/api/v1/documents/article?meeting=1&format=pdf')).statusCode).toBe(400);
    expect(
      (await get(leader, '/api/v1/documents/review.docx?plan=bac-kan-2021&period=2021-09&date=2021-02-30'))
        .statusCode,
    ).toBe(400);
  });
});
