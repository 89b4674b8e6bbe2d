import { describe, expect, it } from 'vitest';
import { nameAt, namesIn } from './names.js';
import { tokenize } from './tokenizer.js';

const names = (s: string) => {
  const tokens = tokenize(s);
  return namesIn(tokens, 0, tokens.length).map((n) => n.text);
};

describe('person names', () => {
  it.each([
    ['đồng chí Cù Văn Hải chủ trì', ['Cù Văn Hải']],
    ['bà Nguyễn Thị Thu Hằng, Bí thư', ['Nguyễn Thị Thu Hằng']],
    ['đồng chí Lò Văn Pó; đồng chí Giàng A Sử', ['Lò Văn Pó', 'Giàng A Sử']],
    ['đồng chí Vũ Minh Đức Tỉnh ủy viên', ['Vũ Minh Đức']],
    ['Hà Trung Kiên, Ủy viên', ['Hà Trung Kiên']],
  ])('%s → %j', (text, expected) => expect(names(text)).toEqual(expected));

  it('ignores places, organisations and capitalised headings', () => {
    expect(names('thành phố Hà Nội và tỉnh Cao Bằng')).toEqual([]);
    expect(names('Ban Chấp hành Đảng bộ huyện')).toEqual([]);
    expect(names('NGUYỄN VĂN AN')).toEqual([]);
    expect(names('Nguyễn văn an')).toEqual([]);
  });

  it('gives the token range of the name', () => {
    const tokens = tokenize('Ông Đỗ Quang Vinh phát biểu');
    expect(nameAt(tokens, 1)).toMatchObject({ text: 'Đỗ Quang Vinh', from: 1, to: 4 });
    expect(nameAt(tokens, 0)).toBeNull();
  });
});
