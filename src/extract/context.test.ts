import { describe, expect, it } from 'vitest';
import { leftContext, rightContext } from './context.js';
import { tokenize } from './tokenizer.js';

function around(text: string) {
  const tokens = tokenize(text);
  const pct = tokens.findIndex((t) => t.text === '%');
  const num = pct - 1;
  return { left: leftContext(tokens, num, 0), right: rightContext(tokens, pct + 1, tokens.length) };
}

describe('leftContext', () => {
  it.each([
    ['tăng 5%', 'up'],
    ['tăng trưởng 5%', 'up'],
    ['tốc độ tăng trưởng 5%', 'rateNoun'],
    ['giảm khoảng 5%', 'down'],
    ['ước đạt hơn 5%', 'reach'],
    ['bằng 5%', 'reach'],
    ['vượt 5%', 'exceed'],
    ['chiếm 5%', 'share'],
    ['giảm còn 5%', 'level'],
    ['tăng lên 5%', 'level'],
    ['và 5%', 'and'],
    ['thu ngân sách 5%', 'none'],
  ])('%s → %s', (text, verb) => expect(around(text).left.verb).toBe(verb));

  it('reads a basis written before the number', () => {
    expect(around('vượt mục tiêu Nghị quyết 0,5%').left).toMatchObject({ verb: 'exceed', basis: 'NQ' });
  });

  it('notices an opening bracket', () => {
    expect(around('giảm 5 vụ (5%)').left.bracket).toBe(true);
  });
});

describe('rightContext', () => {
  it.each([
    ['tăng 5% so với cùng kỳ năm 2022', { same: true, previous: false, basis: null }],
    ['bằng 95% CK', { same: true }],
    ['tăng 5% so cùng tháng năm trước', { same: true }],
    ['tăng 5% so với năm 2021', { same: true }],
    ['tăng 5% so với tháng trước', { previous: true, same: false }],
    ['bằng 103% tháng trước', { previous: true }],
    ['tăng 5% so với quý trước', { previous: true }],
    ['đạt 5% chỉ tiêu kế hoạch', { basis: 'KH' }],
    ['đạt 5% nghị quyết và dự toán', { basis: 'NQ' }],
    ['có 5% học sinh', { noun: true }],
    ['đạt 5%, tăng 2%', { same: false, basis: null, noun: false }],
  ])('%s', (text, expected) => expect(around(text).right).toMatchObject(expected));
});
