import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo, Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { tiendo } from '../cli/test-run.js';
import { plainBody, type Received, smtpServer } from './test-smtp.js';

const dir = mkdtempSync(join(tmpdir(), 'tiendo-reporting-'));
const db = join(dir, 'demo.db');
const PLAN = ['--db', db, '--plan', 'bac-kan-2021'];
const received: Received[] = [];
let server: Server;

beforeAll(async () => {
  expect((await tiendo('demo', '--db', db)).code).toBe(0);
  server = smtpServer(received);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  rmSync(dir, { recursive: true, force: true });
});

it('lists who has not reported, as a table or as JSON', async () => {
  const table = await tiendo('reporting', 'missing', ...PLAN, '--period', '2021-10', '--date', '2021-10-16');
  expect(table.code).toBe(0);
  expect(table.out).toContain('số liệu tháng 10/2021 (hạn 15/10/2021, quá hạn 1 ngày)');
  expect(table.out).toContain('0/9 đơn vị đã báo cáo đủ.');
  expect(table.out).toMatch(/bk-duc-xuan\s+Phường Đức Xuân\s+4\/4/);
  const json = await tiendo(
    'reporting',
    'missing',
    ...PLAN,
    '--period',
    '2021-09',
    '--date',
    '2021-10-16',
    '--json',
  );
  expect(JSON.parse(json.out)).toMatchObject({
    period: '2021-09',
    expectedUnits: 9,
    completeUnits: 9,
    units: [],
  });
  const bad = await tiendo('reporting', 'missing', ...PLAN, '--period', '2021-13');
  expect(bad.code).toBe(1);
  expect(bad.err).toContain('kỳ báo cáo');
});

it('locks and reopens a month, refusing a reopen without a reason', async () => {
  const locked = await tiendo('period', 'lock', ...PLAN, '--period', '2021-09', '--note', 'Sau HN lần 6');
  expect(locked).toMatchObject({ code: 0, out: 'Đã khóa kỳ 2021-09 của kế hoạch bac-kan-2021.' });
  expect((await tiendo('period', 'lock', ...PLAN, '--period', '2021-09')).out).toContain('đã khóa từ trước');
  expect((await tiendo('period', 'list', ...PLAN)).out).toContain('Sau HN lần 6');
  expect((await tiendo('period', 'unlock', ...PLAN, '--period', '2021-09')).code).toBe(2);
  const reopened = await tiendo('period', 'unlock', ...PLAN, '--period', '2021-09', '--reason', 'Điều chỉnh');
  expect(reopened).toMatchObject({ code: 0, out: 'Đã mở lại kỳ 2021-09 của kế hoạch bac-kan-2021.' });
  expect((await tiendo('period', 'list', ...PLAN, '--json')).out).toBe('[]');
});

it('sets the due day and raises reminders once a day', async () => {
  const set = await tiendo('reporting', 'settings', ...PLAN, '--due-day', '20', '--to', 'vp@backan.test');
  expect(set.out).toContain('hạn ngày 20 của tháng M; người nhận: vp@backan.test');
  const first = await tiendo('reporting', 'remind', '--db', db, '--date', '2021-10-21');
  expect(first.out).toMatch(/^Nhắc việc ngày 2021-10-21: [1-9]\d* mới/);
  const again = await tiendo('reporting', 'remind', '--db', db, '--date', '2021-10-21');
  expect(again.out).toBe('Nhắc việc ngày 2021-10-21: 0 mới, 0 cập nhật, 0 tự đóng (đã xong).');
});

it('prints the digest, and mails it to the plan’s recipients when SMTP is configured', async () => {
  const printed = await tiendo('digest', ...PLAN, '--date', '2021-10-21');
  expect(printed.code).toBe(0);
  expect(printed.out).toContain('NHẮC VIỆC NGÀY 21/10/2021');
  expect(printed.out).toContain('1. Số liệu tháng 10/2021 (hạn 20/10/2021, quá hạn 1 ngày)');

  const noServer = await tiendo('digest', ...PLAN, '--date', '2021-10-21', '--send');
  expect(noServer.code).toBe(1);
  expect(noServer.err).toContain('TIENDO_SMTP_URL');

  process.env.TIENDO_SMTP_URL = `smtp://127.0.0.1:${(server.address() as AddressInfo).port}`;
  process.env.TIENDO_MAIL_FROM = 'tiendo@backan.test';
  try {
    const sent = await tiendo('digest', ...PLAN, '--date', '2021-10-21', '--send');
    expect(sent.code, sent.err).toBe(0);
    expect(sent.err).toBe('Đã gửi thư tới: vp@backan.test');
    const other = await tiendo(
      'digest',
      ...PLAN,
      '--date',
      '2021-10-21',
      '--send',
      '--to',
      'a@x.test,b@x.test',
    );
    expect(other.err).toBe('Đã gửi thư tới: a@x.test, b@x.test');
  } finally {
    delete process.env.TIENDO_SMTP_URL;
    delete process.env.TIENDO_MAIL_FROM;
  }
  expect(received.map((m) => m.to)).toEqual([['vp@backan.test'], ['a@x.test', 'b@x.test']]);
  expect(plainBody(received[0])).toContain('1. Số liệu tháng 10/2021');
});
