import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { InvalidError } from './errors.js';
import { codeSchema, parseInput } from './validation.js';

const schema = z
  .object({ planCode: codeSchema, title: z.string().trim().min(1).optional(), value: z.number().optional() })
  .strict();

function problems(input: unknown) {
  try {
    parseInput(schema, input);
  } catch (error) {
    if (error instanceof InvalidError) return error.fields.map((f) => [f.field, f.message.vi, f.message.en]);
    throw error;
  }
  return [];
}

describe('messages for input that does not fit', () => {
  it('says a field left out or left blank is missing, naming it as the office does', () => {
    expect(problems({})).toEqual([['planCode', 'mã kế hoạch: chưa nhập', 'plan code: is required']]);
    expect(problems({ planCode: '', title: '' })).toEqual([
      ['planCode', 'mã kế hoạch: chưa nhập', 'plan code: is required'],
      ['title', 'tiêu đề: chưa nhập', 'title: is required'],
    ]);
  });

  it('says what is wrong with a value that was given', () => {
    expect(problems({ planCode: 'kế hoạch' })[0]?.[1]).toMatch(/chỉ gồm chữ không dấu/);
    expect(problems({ planCode: 'kh', value: 'nhiều' })[0]?.[1]).toMatch(/^giá trị: .*số/);
    expect(problems({ planCode: 'kh', extra: 1 })[0]?.[0]).toBe('extra');
  });
});
