import { once } from 'node:events';
import { type AddressInfo, createServer, type Server } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { text } from '../i18n.js';
import type { Digest } from './digest.js';
import { mailSettings, sendDigest } from './mail.js';
import { plainBody, type Received, smtpServer } from './test-smtp.js';

const digest: Digest = {
  planCode: 'kh',
  day: '2021-10-16',
  subject: text('Tiến độ — nhắc việc ngày 16/10/2021 — Kế hoạch thử', 'digest'),
  body: text('NHẮC VIỆC NGÀY 16/10/2021\n- Phường Đức Xuân: chưa báo cáo cả 4 chỉ tiêu', 'DIGEST'),
  missing: null,
  overdue: [],
  dueSoon: [],
};

const received: Received[] = [];
let server: Server;
let url: string;
beforeAll(async () => {
  server = smtpServer(received);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  url = `smtp://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

it('mails the digest as plain Vietnamese text through the configured SMTP server', async () => {
  const settings = { url, from: 'tiendo@thu.test' };
  const sent = await sendDigest(digest, ['vanphong@thu.test', 'lanhdao@thu.test'], 'vi', settings);
  expect(sent).toEqual({ accepted: ['vanphong@thu.test', 'lanhdao@thu.test'], rejected: [] });
  const [mail] = received;
  expect(mail?.from).toBe('tiendo@thu.test');
  expect(mail?.to).toEqual(['vanphong@thu.test', 'lanhdao@thu.test']);
  expect(plainBody(mail)).toContain('NHẮC VIỆC NGÀY 16/10/2021');
  expect(mail?.data).toMatch(/^Subject: /m);
});

it('says what is missing instead of sending: no server, no recipient, a bad address', async () => {
  await expect(sendDigest(digest, ['a@thu.test'], 'vi', null)).rejects.toMatchObject({
    fields: [{ field: 'TIENDO_SMTP_URL' }],
  });
  const settings = { url, from: 'tiendo@thu.test' };
  await expect(sendDigest(digest, [], 'vi', settings)).rejects.toMatchObject({ fields: [{ field: 'to' }] });
  await expect(sendDigest(digest, ['không-phải-thư'], 'vi', settings)).rejects.toMatchObject({
    fields: [{ field: 'to' }],
  });
  expect(mailSettings({})).toBeNull();
  expect(() => mailSettings({ TIENDO_SMTP_URL: 'http://x' })).toThrow();
  expect(() => mailSettings({ TIENDO_SMTP_URL: url })).toThrow(/TIENDO_MAIL_FROM/);
});

it('reports a server that refuses the connection as a failure to send', async () => {
  const closed = createServer();
  closed.listen(0, '127.0.0.1');
  await once(closed, 'listening');
  const port = (closed.address() as AddressInfo).port;
  await new Promise<void>((resolve) => closed.close(() => resolve()));
  await expect(
    sendDigest(digest, ['a@thu.test'], 'vi', { url: `smtp://127.0.0.1:${port}`, from: 'tiendo@thu.test' }),
  ).rejects.toMatchObject({ text: { vi: expect.stringContaining('Không gửi được thư') } });
});
