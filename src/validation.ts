import * as z from 'zod';
import { type FieldProblem, InvalidError } from './errors.js';
import { type Text, text } from './i18n.js';

const vi = z.locales.vi().localeError;
const en = z.locales.en().localeError;

/** Names of input fields as a Vietnamese office worker calls them. */
const FIELD_LABELS: Record<string, Text> = {
  code: text('mã', 'code'),
  name: text('tên', 'name'),
  value: text('giá trị', 'value'),
  period: text('kỳ báo cáo', 'period'),
  year: text('năm', 'year'),
  unit: text('đơn vị', 'unit'),
  unitCode: text('mã đơn vị', 'unit code'),
  parentCode: text('mã đơn vị cấp trên', 'parent unit code'),
  planCode: text('mã kế hoạch', 'plan code'),
  indicatorCode: text('mã chỉ tiêu', 'indicator code'),
  measureUnit: text('đơn vị tính', 'unit of measure'),
  deadline: text('thời hạn', 'deadline'),
  completedOn: text('ngày hoàn thành', 'completion date'),
  heldOn: text('ngày họp', 'meeting date'),
  basis: text('căn cứ chỉ tiêu', 'target basis'),
  status: text('trạng thái số liệu', 'figure status'),
  kind: text('loại', 'kind'),
  direction: text('chiều', 'direction'),
  rollup: text('cách tổng hợp', 'rollup'),
  frequency: text('tần suất báo cáo', 'reporting frequency'),
  level: text('cấp đơn vị', 'unit level'),
  validFrom: text('ngày có hiệu lực', 'valid from'),
  validTo: text('ngày hết hiệu lực', 'valid to'),
  predecessorCodes: text('mã các đơn vị cũ', 'predecessor codes'),
  on: text('ngày sáp nhập', 'merger date'),
  root: text('đơn vị gốc', 'root unit'),
  ownerUnitCode: text('đơn vị quản lý chỉ tiêu', 'owner unit'),
  documentNumber: text('số văn bản', 'document number'),
  adoptedOn: text('ngày ban hành', 'adoption date'),
  defaultBasis: text('căn cứ chỉ tiêu mặc định', 'default basis'),
  issuingBody: text('cơ quan giao chỉ tiêu', 'issuing body'),
  decimals: text('số chữ số thập phân', 'decimals'),
  aliases: text('tên gọi khác', 'aliases'),
  allowNegative: text('cho phép số âm', 'allow negative'),
  field: text('lĩnh vực', 'field'),
  sortOrder: text('thứ tự', 'order'),
  baseline: text('mức đầu năm', 'baseline'),
  version: text('phiên bản', 'version'),
  revision: text('lần ghi', 'revision'),
  limit: text('số dòng mỗi trang', 'page size'),
  offset: text('vị trí bắt đầu', 'offset'),
  title: text('tiêu đề', 'title'),
  text: text('nội dung', 'text'),
  username: text('tên đăng nhập', 'username'),
  password: text('mật khẩu', 'password'),
  displayName: text('họ tên', 'display name'),
  role: text('vai trò', 'role'),
  leadUnitCode: text('đơn vị chủ trì', 'lead unit'),
  coUnitCodes: text('đơn vị phối hợp', 'co-units'),
  reportedOn: text('ngày báo cáo', 'report date'),
  evidence: text('minh chứng', 'evidence'),
  cumulative: text('lũy kế', 'cumulative'),
  dueDay: text('ngày hạn nộp', 'due day'),
  dueMonth: text('tháng hạn nộp', 'due month'),
  recipients: text('người nhận tin nhắc việc', 'digest recipients'),
  reason: text('lý do', 'reason'),
  note: text('ghi chú', 'note'),
  date: text('ngày', 'date'),
  plan: text('kế hoạch', 'plan'),
  indicator: text('chỉ tiêu', 'indicator'),
  meeting: text('hội nghị', 'meeting'),
};

function fieldLabel(path: PropertyKey[]): Text {
  const last = [...path].reverse().find((p) => typeof p === 'string') as string | undefined;
  const label = last ? FIELD_LABELS[last] : undefined;
  const name = path.map(String).join('.');
  return label ?? text(name || 'dữ liệu', name || 'input');
}

/** Messages of our own rules, keyed so both languages can be given. */
const CUSTOM: Record<string, Text> = {
  'tiendo:code': text(
    'chỉ gồm chữ không dấu, số, ".", "_", "-" (tối đa 64 ký tự)',
    'letters without diacritics, digits, ".", "_", "-" (64 at most)',
  ),
  'tiendo:username': text(
    'chữ thường không dấu, số, ".", "_", "-", từ 3 đến 64 ký tự',
    'lower-case letters, digits, ".", "_", "-", 3 to 64 characters',
  ),
  'tiendo:month': text(
    'phải có dạng YYYY-MM, tháng từ 01 đến 12',
    'must be YYYY-MM with a month from 01 to 12',
  ),
};

const REQUIRED = text('chưa nhập', 'is required');

/** A field left out, or left blank, is missing: saying so beats "expected string, got undefined". */
function isMissing(issue: z.core.$ZodIssue): boolean {
  if (!('input' in issue)) return false;
  if (issue.input === undefined) return issue.code === 'invalid_type';
  return issue.input === '' && (issue.code === 'too_small' || issue.code === 'invalid_format');
}

function message(issue: z.core.$ZodIssue, map: typeof vi): string {
  if (isMissing(issue)) return map === vi ? REQUIRED.vi : REQUIRED.en;
  const custom = CUSTOM[issue.message];
  if (custom) return map === vi ? custom.vi : custom.en;
  const m = map(issue as never);
  return typeof m === 'string' ? m : (m?.message ?? issue.message);
}

/** Turns zod issues into field problems with Vietnamese and English messages. */
export function zodProblems(error: z.ZodError, row?: number): FieldProblem[] {
  return error.issues.map((issue) => {
    // An unknown key is the key's own problem, so it is reported under its name.
    const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys.join(',')] : issue.path;
    const label = fieldLabel(path);
    const problem: FieldProblem = {
      field: path.map(String).join('.') || '_',
      message: text(`${label.vi}: ${message(issue, vi)}`, `${label.en}: ${message(issue, en)}`),
    };
    if (row !== undefined) problem.row = row;
    return problem;
  });
}

/** Validates input at the edge; the one place a zod error becomes an InvalidError. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, row?: number): z.output<S> {
  // reportInput lets the messages say what was sent instead ("nhận được số", not "undefined").
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) return result.data;
  const fields = zodProblems(result.error, row);
  const first = fields[0]?.message ?? text('Dữ liệu không hợp lệ', 'Invalid input');
  throw new InvalidError(first, fields);
}

export const codeSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, { error: 'tiendo:code' });

export const isoDateSchema = z.iso.date();

export const monthKeySchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'tiendo:month' });
