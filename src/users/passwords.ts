import argon2 from 'argon2';
import { type Text, text } from '../i18n.js';

/** argon2id with the library's defaults (64 MiB, 3 passes): slow for guessing, fine for a login. */
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

const COMMON = ['123456', 'password', 'matkhau', 'qwerty', 'admin', 'abc123', '111111', 'iloveyou', 'tiendo'];

/**
 * Why a password is too weak, or null. At least 10 characters, two kinds of character, not
 * built from the user name or a well-known password.
 */
export function passwordWeakness(password: string, username: string): Text | null {
  if ([...password].length < 10)
    return text('Mật khẩu phải có ít nhất 10 ký tự', 'The password needs at least 10 characters');
  const kinds = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((r) => r.test(password)).length;
  if (kinds < 2) {
    return text(
      'Mật khẩu cần ít nhất hai loại ký tự (chữ, số, ký hiệu)',
      'The password needs two kinds of characters',
    );
  }
  const lower = password.toLowerCase();
  if (lower.includes(username.toLowerCase()) || COMMON.some((c) => lower.includes(c))) {
    return text(
      'Mật khẩu quá dễ đoán (chứa tên đăng nhập hoặc mật khẩu phổ biến)',
      'The password is too easy to guess',
    );
  }
  return null;
}
