import nodemailer from 'nodemailer';
import * as z from 'zod';
import { InvalidError, invalidField, StoreError } from '../errors.js';
import { type Lang, text } from '../i18n.js';
import type { Digest } from './digest.js';

/** Where mail goes out: TIENDO_SMTP_URL (smtp://user:pass@host:587, smtps://… for TLS) and TIENDO_MAIL_FROM. */
export interface MailSettings {
  url: string;
  from: string;
}

export function mailSettings(env: NodeJS.ProcessEnv = process.env): MailSettings | null {
  const url = env.TIENDO_SMTP_URL;
  if (!url) return null;
  if (!/^smtps?:\/\//.test(url)) {
    throw invalidField(
      'TIENDO_SMTP_URL',
      text(
        'TIENDO_SMTP_URL phải có dạng smtp://… hoặc smtps://…',
        'TIENDO_SMTP_URL must be smtp://… or smtps://…',
      ),
    );
  }
  const from = env.TIENDO_MAIL_FROM;
  if (!from) {
    throw invalidField(
      'TIENDO_MAIL_FROM',
      text('Cần đặt TIENDO_MAIL_FROM (địa chỉ gửi thư)', 'Set TIENDO_MAIL_FROM (the sender address)'),
    );
  }
  return { url, from };
}

const emails = z.array(z.email());

/**
 * Sends the digest as a plain-text e-mail to `to`. Nothing is sent, and the person is told
 * why, when SMTP is not configured or no recipient is known.
 */
export async function sendDigest(
  digest: Digest,
  to: readonly string[],
  lang: Lang,
  settings: MailSettings | null = mailSettings(),
): Promise<{ accepted: string[]; rejected: string[] }> {
  if (!settings) {
    throw invalidField(
      'TIENDO_SMTP_URL',
      text(
        'Chưa cấu hình máy chủ thư: đặt TIENDO_SMTP_URL (smtp://user:pass@host:587) và TIENDO_MAIL_FROM',
        'No mail server: set TIENDO_SMTP_URL (smtp://user:pass@host:587) and TIENDO_MAIL_FROM',
      ),
    );
  }
  if (to.length === 0) {
    throw invalidField(
      'to',
      text(
        'Chưa có người nhận: ghi --to hoặc đặt danh sách nhận trong lịch báo cáo của kế hoạch',
        'No recipients: give --to or set the plan’s digest recipients',
      ),
    );
  }
  const checked = emails.safeParse(to);
  if (!checked.success) {
    const bad = to.find((a) => !z.email().safeParse(a).success) ?? '';
    throw new InvalidError(text(`Địa chỉ thư không hợp lệ: "${bad}"`, `Not an e-mail address: "${bad}"`), [
      { field: 'to', message: text(`không hợp lệ: "${bad}"`, `invalid: "${bad}"`) },
    ]);
  }
  const transport = nodemailer.createTransport(settings.url);
  try {
    const info = await transport.sendMail({
      from: settings.from,
      to: [...to],
      subject: digest.subject[lang],
      text: digest.body[lang],
    });
    const address = (a: string | { address: string }) => (typeof a === 'string' ? a : a.address);
    return { accepted: info.accepted.map(address), rejected: info.rejected.map(address) };
  } catch (error) {
    const reason = (error as Error).message;
    throw new StoreError(
      text(`Không gửi được thư qua máy chủ thư: ${reason}`, `Could not send mail: ${reason}`),
      [{ field: 'TIENDO_SMTP_URL', message: text('gửi thư thất bại', 'sending failed') }],
    );
  } finally {
    transport.close();
  }
}
