import { describe, expect, it } from 'vitest';
import { InvalidDateError } from './dates.js';
import {
  DIRECTIVE_STATUS_LABELS,
  type DirectiveStatus,
  daysOverdue,
  directiveStatus,
} from './directive-status.js';

const directive = (deadline: string | null, completedOn: string | null = null) => ({ deadline, completedOn });

describe('directiveStatus', () => {
  it.each<[string | null, string | null, string, DirectiveStatus]>([
    // open, with a deadline
    ['2021-12-31', null, '2021-10-06', 'in_progress_on_time'],
    ['2021-12-31', null, '2021-12-31', 'in_progress_on_time'],
    ['2021-12-31', null, '2022-01-01', 'in_progress_overdue'],
    // done, with a deadline
    ['2021-12-31', '2021-11-15', '2022-03-01', 'done_on_time'],
    ['2021-12-31', '2021-12-31', '2022-03-01', 'done_on_time'],
    ['2021-12-31', '2022-01-01', '2022-03-01', 'done_late'],
    ['2021-12-31', '2022-01-01', '2022-01-01', 'done_late'],
    // no deadline
    [null, null, '2021-10-06', 'ongoing'],
    [null, '2021-09-01', '2021-10-06', 'done_on_time'],
  ])('deadline %s, completed %s, today %s → %s', (deadline, completedOn, today, status) => {
    expect(directiveStatus(directive(deadline, completedOn), today)).toBe(status);
  });

  it('does not count a completion recorded after the day asked about', () => {
    const d = directive('2021-12-31', '2022-01-10');
    expect(directiveStatus(d, '2021-12-01')).toBe('in_progress_on_time');
    expect(directiveStatus(d, '2022-01-05')).toBe('in_progress_overdue');
    expect(directiveStatus(d, '2022-01-10')).toBe('done_late');
    expect(directiveStatus(directive(null, '2022-01-10'), '2022-01-09')).toBe('ongoing');
  });

  it('refuses dates that do not exist', () => {
    expect(() => directiveStatus(directive('2021-02-29'), '2021-01-01')).toThrow(InvalidDateError);
    expect(() => directiveStatus(directive(null, '2021-13-01'), '2021-01-01')).toThrow(InvalidDateError);
    expect(() => directiveStatus(directive(null), '06/10/2021')).toThrow(InvalidDateError);
  });
});

describe('daysOverdue', () => {
  it('counts to today while open and to completion once done late', () => {
    expect(daysOverdue(directive('2021-12-31'), '2022-01-12')).toBe(12);
    expect(daysOverdue(directive('2021-12-31', '2022-01-05'), '2022-03-01')).toBe(5);
  });

  it('is null when nothing is overdue', () => {
    expect(daysOverdue(directive('2021-12-31'), '2021-12-31')).toBeNull();
    expect(daysOverdue(directive('2021-12-31', '2021-12-30'), '2022-03-01')).toBeNull();
    expect(daysOverdue(directive(null), '2022-03-01')).toBeNull();
    expect(daysOverdue(directive(null, '2022-01-05'), '2022-03-01')).toBeNull();
  });
});

describe('DIRECTIVE_STATUS_LABELS', () => {
  it('uses the Government Office wording', () => {
    expect(DIRECTIVE_STATUS_LABELS.in_progress_on_time.vi).toBe('đang thực hiện, trong hạn');
    expect(DIRECTIVE_STATUS_LABELS.in_progress_overdue.vi).toBe('đang thực hiện, quá hạn');
    expect(DIRECTIVE_STATUS_LABELS.done_on_time.vi).toBe('hoàn thành đúng hạn');
    expect(DIRECTIVE_STATUS_LABELS.done_late.vi).toBe('hoàn thành quá hạn');
    expect(DIRECTIVE_STATUS_LABELS.ongoing.vi).toBe('thường xuyên');
    for (const label of Object.values(DIRECTIVE_STATUS_LABELS)) expect(label.en).not.toBe('');
  });
});
