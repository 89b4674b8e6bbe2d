import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import type { ServiceContext } from '../context.js';
import { parseVnNumber } from '../core/numbers.js';
import { createIndicator, createPlan, includeIndicator } from '../plans/plans.service.js';
import { createUnit } from '../units/units.service.js';

/** A city of `wards` wards and a 2021 plan of `indicators` flows: room for many distinct figures. */
export async function importWorld(ctx: ServiceContext, wards: number, indicators: number) {
  await createUnit(ctx, { code: 'nk-tinh', name: 'Tỉnh Nhập Khẩu', level: 'tinh' });
  await createUnit(ctx, {
    code: 'nk-tp',
    name: 'Thành phố Nhập Khẩu',
    level: 'thanh_pho',
    parentCode: 'nk-tinh',
  });
  const wardCodes = Array.from({ length: wards }, (_, i) => `nk-p${i + 1}`);
  for (const code of wardCodes) {
    await createUnit(ctx, { code, name: `Phường ${code}`, level: 'phuong', parentCode: 'nk-tp' });
  }
  await createPlan(ctx, {
    code: 'nk-2021',
    name: 'Kế hoạch nhập',
    year: 2021,
    unitCode: 'nk-tp',
    issuingBody: 'Thành ủy',
  });
  const codes = Array.from({ length: indicators }, (_, i) => `nk-ct${i + 1}`);
  for (const code of codes) {
    await createIndicator(ctx, {
      code,
      name: `Chỉ tiêu ${code}`,
      measureUnit: 'tỷ đồng',
      kind: 'flow',
      ownerUnitCode: 'nk-tp',
    });
    await includeIndicator(ctx, { planCode: 'nk-2021', indicatorCode: code });
  }
  return { plan: 'nk-2021', wards: wardCodes, indicators: codes };
}

/**
 * The lines of `rows` distinct figures: wards × indicators × months going back from December
 * 2021, values written the Vietnamese way ("123.456,5"), statuses in words.
 */
export function* figureLines(
  world: { wards: string[]; indicators: string[] },
  rows: number,
): Generator<string[]> {
  const perMonth = world.wards.length * world.indicators.length;
  let n = 0;
  for (let m = 0; n < rows; m++) {
    const period = `${2021 - Math.floor(m / 12)}-${String(12 - (m % 12)).padStart(2, '0')}`;
    for (let k = 0; k < perMonth && n < rows; k++, n++) {
      const ward = world.wards[k % world.wards.length] as string;
      const indicator = world.indicators[Math.floor(k / world.wards.length)] as string;
      const value = `${(n % 997) + 1}.${String(n % 1000).padStart(3, '0')},5`;
      yield [ward, indicator, period, value, n % 3 ? 'ước' : 'chính thức'];
    }
  }
}

const HEADER = ['Mã đơn vị', 'Mã chỉ tiêu', 'Kỳ', 'Giá trị', 'Tình trạng'];

/** The lines as a CSV for Excel (BOM, ";"), written as a stream. */
export async function writeFiguresCsv(
  path: string,
  world: { wards: string[]; indicators: string[] },
  rows: number,
) {
  const out = createWriteStream(path);
  let buffer = `\ufeffSỐ LIỆU NHẬP THỬ\r\n\r\n${HEADER.join(';')}\r\n`;
  for (const line of figureLines(world, rows)) {
    buffer += `${line.join(';')}\r\n`;
    if (buffer.length > 1 << 16) {
      if (!out.write(buffer)) await new Promise<void>((r) => out.once('drain', () => r()));
      buffer = '';
    }
  }
  out.end(buffer);
  await finished(out);
}

/** The same lines as an XLSX, with the value as a number cell, written by exceljs's streaming writer. */
export async function writeFiguresXlsx(
  path: string,
  world: { wards: string[]; indicators: string[] },
  rows: number,
) {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true });
  const ws = wb.addWorksheet('Số liệu');
  ws.addRow(['SỐ LIỆU NHẬP THỬ']).commit();
  ws.addRow(HEADER).commit();
  for (const line of figureLines(world, rows)) {
    ws.addRow([...line.slice(0, 3), parseVnNumber(line[3] as string), line[4]]).commit();
  }
  ws.commit();
  await wb.commit();
}
