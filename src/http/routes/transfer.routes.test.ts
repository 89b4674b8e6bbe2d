import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { as, demoApp, login, type Session } from '../../test/http.js';
import { describeStores } from '../../test/stores.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describeStores('spreadsheets over HTTP', (store) => {
  let app: FastifyInstance;
  let reporter: Session;
  let office: Session;
  beforeAll(async () => {
    app = await demoApp(store());
    reporter = await login(app, 'baocao');
    office = await login(app, 'vanphong');
  });
  afterAll(() => app.close());

  const upload = (session: Session, url: string, body: Buffer | string, type = 'text/csv') =>
    as(app, session, { method: 'POST', url, payload: body, headers: { 'content-type': type } });
  const figureCount = async () =>
    Number(
      (
        await store()
          .db.selectFrom('figures')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('a ward downloads its template, fills it in Excel, checks it with a dry run, then imports it', async () => {
    const res = await as(app, reporter, {
      method: 'GET',
      url: '/api/v1/templates/figures.xlsx?plan=bac-kan-2021&period=2021-12&unit=bk-duc-xuan',
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX);
    expect(res.headers['content-disposition']).toContain("filename*=UTF-8''M%E1%BA%ABu%20nh%E1%BA%ADp");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Số liệu') as ExcelJS.Worksheet;
    const header = ws.getRow(5).values as unknown[];
    expect(header).toContain('Giá trị');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 5 });
    const valueCol = header.indexOf('Giá trị');
    let filled = 0;
    ws.eachRow((row, n) => {
      if (n > 5 && filled < 3) {
        row.getCell(valueCol).value = 10 + filled;
        filled++;
      }
    });
    expect(ws.getCell(`A6`).dataValidation).toMatchObject({ type: 'list' });
    const body = Buffer.from(await wb.xlsx.writeBuffer());
    const before = await figureCount();
    const dry = await upload(
      reporter,
      '/api/v1/imports/figures?plan=bac-kan-2021&period=2021-12&dryRun=true',
      body,
      XLSX,
    );
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toMatchObject({ format: 'xlsx', dryRun: true, recorded: 3, problemCount: 0 });
    expect(await figureCount()).toBe(before);
    const done = await upload(
      reporter,
      '/api/v1/imports/figures?plan=bac-kan-2021&period=2021-12',
      body,
      XLSX,
    );
    expect(done.json()).toMatchObject({ dryRun: false, recorded: 3 });
    expect(await figureCount()).toBe(before + 3);
    const again = await upload(
      reporter,
      '/api/v1/imports/figures?plan=bac-kan-2021',
      body,
      'application/octet-stream',
    );
    expect(again.json()).toMatchObject({ recorded: 0, unchanged: 3 });
  });

  it('lists a row for another ward as a problem (English on request), refuses the file, writes nothing', async () => {
    const csv =
      'Mã đơn vị;Mã chỉ tiêu;Kỳ;Giá trị\nbk-duc-xuan;viec-lam;2021-12;5\nbk-song-cau;viec-lam;2021-12;6\n';
    const before = await figureCount();
    const dry = await as(app, reporter, {
      method: 'POST',
      url: '/api/v1/imports/figures?plan=bac-kan-2021&dryRun=true',
      payload: csv,
      headers: { 'content-type': 'text/csv; charset=utf-8', 'accept-language': 'en' },
    });
    expect(dry.json(), dry.body).toMatchObject({
      problemCount: 1,
      problems: [{ row: 3, field: 'unitCode' }],
    });
    expect(dry.json().problems[0].message).toMatch(/^Column "Mã đơn vị" = "bk-song-cau": /);
    const commit = await upload(reporter, '/api/v1/imports/figures?plan=bac-kan-2021', csv);
    expect(commit.statusCode).toBe(403);
    expect(commit.json().error.fields[0]).toMatchObject({ row: 3, field: 'unitCode' });
    expect(await figureCount()).toBe(before);
  });

  it('refuses a file that is not a spreadsheet, an unknown media type, and targets from a reporter', async () => {
    const pdf = await upload(
      reporter,
      '/api/v1/imports/figures?plan=bac-kan-2021',
      Buffer.from('%PDF-1.4 x'),
      'application/octet-stream',
    );
    expect(pdf.statusCode).toBe(422);
    expect(pdf.json().error.message).toContain('tệp PDF');
    const anonymous = await as(app, null, {
      method: 'POST',
      url: '/api/v1/imports/figures?plan=bac-kan-2021',
      payload: 'Mã đơn vị,Mã chỉ tiêu,Giá trị\nbk-duc-xuan,viec-lam,1\n',
      headers: { 'content-type': 'text/csv' },
    });
    expect(anonymous.statusCode).toBe(401);
    const form = await upload(
      reporter,
      '/api/v1/imports/figures?plan=bac-kan-2021',
      'a=b',
      'application/x-www-form-urlencoded',
    );
    expect(form.statusCode).toBe(415);
    const targets = 'Mã chỉ tiêu;Căn cứ;Giá trị\nviec-lam;NQ;5000\n';
    expect(
      (await upload(reporter, '/api/v1/imports/targets?plan=bac-kan-2021&dryRun=true', targets)).statusCode,
    ).toBe(403);
    const byOffice = await upload(office, '/api/v1/imports/targets?plan=bac-kan-2021&dryRun=true', targets);
    expect(byOffice.statusCode).toBe(200);
    expect(byOffice.json()).toMatchObject({ dryRun: true, problemCount: 0 });
  });

  it('exports progress and figures as CSV for Excel and a plan as JSON', async () => {
    const progress = await as(app, office, {
      method: 'GET',
      url: '/api/v1/exports/progress.csv?plan=bac-kan-2021&period=2021-09',
    });
    expect(progress.statusCode).toBe(200);
    expect(progress.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(progress.body.startsWith('\ufeffTIẾN ĐỘ THỰC HIỆN CHỈ TIÊU 9 THÁNG')).toBe(true);
    expect(progress.body).toContain('STT;Mã chỉ tiêu;Chỉ tiêu;ĐVT;');
    const figures = await as(app, office, {
      method: 'GET',
      url: '/api/v1/exports/figures.xlsx?plan=bac-kan-2021&period=2021-09',
    });
    expect(figures.statusCode).toBe(200);
    const plan = await as(app, reporter, {
      method: 'GET',
      url: '/api/v1/exports/plan.json?plan=bac-kan-2021',
    });
    expect(plan.json()).toMatchObject({ plan: { code: 'bac-kan-2021' } });
    expect(plan.json().indicators.length).toBeGreaterThan(5);
    const anonymous = await as(app, null, {
      method: 'GET',
      url: '/api/v1/exports/plan.json?plan=bac-kan-2021',
    });
    expect(anonymous.statusCode).toBe(401);
  });
});
