import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tiendo } from '../test-run.js';

describe('tiendo backup and restore', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tiendo-backup-cli-'));
  const at = (name: string) => join(dir, name);
  const progress = (db: string) =>
    tiendo('progress', '--db', db, '--plan', 'bac-kan-2021', '--period', '2021-09', '--json');

  beforeAll(async () => {
    expect((await tiendo('demo', '--db', at('live.db'))).code).toBe(0);
  }, 120_000);

  it('backs up, and refuses to overwrite a file without --yes', async () => {
    const r = await tiendo('backup', at('sao-luu.db'), '--db', at('live.db'));
    expect(r).toMatchObject({
      code: 0,
      out: expect.stringMatching(/^Đã sao lưu vào .*sao-luu\.db \([\d,]+ MB, \d+ ms\)\.$/),
    });
    const again = await tiendo('backup', at('sao-luu.db'), '--db', at('live.db'));
    expect(again).toMatchObject({ code: 1, err: expect.stringContaining('đã có; thêm --yes để ghi đè') });
    expect((await tiendo('backup', at('sao-luu.db'), '--db', at('live.db'), '--yes')).code).toBe(0);
  });

  it('restores only with --yes when nobody can be asked, then gives the same progress', async () => {
    const refused = await tiendo('restore', at('sao-luu.db'), '--db', at('copy.db'));
    expect(refused).toMatchObject({ code: 1, err: expect.stringContaining('thêm --yes để xác nhận') });
    expect(existsSync(at('copy.db'))).toBe(false);
    const r = await tiendo('restore', at('sao-luu.db'), '--db', at('copy.db'), '--yes');
    expect(r).toMatchObject({ code: 0, out: expect.stringContaining(`Đã khôi phục ${at('copy.db')}`) });
    expect((await progress(at('copy.db'))).out).toBe((await progress(at('live.db'))).out);
  });

  it('explains a bad backup in Vietnamese, or in English with --lang en', async () => {
    writeFileSync(at('hong.db'), 'không phải cơ sở dữ liệu');
    const vi = await tiendo('restore', at('hong.db'), '--db', at('copy.db'), '--yes');
    expect(vi).toMatchObject({ code: 1, err: expect.stringContaining('không phải cơ sở dữ liệu SQLite') });
    const en = await tiendo('restore', at('hong.db'), '--db', at('copy.db'), '--yes', '--lang', 'en');
    expect(en).toMatchObject({ code: 1, err: expect.stringContaining('it is not an SQLite database') });
  });

  it('checks the schedule options of serve before starting anything', async () => {
    const r = await tiendo(
      'serve',
      '--db',
      at('live.db'),
      '--backup-dir',
      at('auto'),
      '--backup-every',
      '10s',
    );
    expect(r).toMatchObject({
      code: 1,
      err: expect.stringContaining('Khoảng cách giữa hai lần sao lưu "10s"'),
    });
    const keep = await tiendo(
      'serve',
      '--db',
      at('live.db'),
      '--backup-dir',
      at('auto'),
      '--backup-keep',
      '0',
    );
    expect(keep).toMatchObject({ code: 1, err: expect.stringContaining('Số bản sao lưu giữ lại "0"') });
  });
});
