import { expect, it } from 'vitest';
import { systemContext } from '../context.js';
import { loadDemo } from '../demo/load-demo.js';
import { progressFor } from '../progress/progress.service.js';
import { describeStores } from '../test/stores.js';
import { applyReview, reviewText } from './extraction.service.js';

// Written for these tests in the style of a city's monthly report; not from any real source.
const OCTOBER = [
  'Lũy kế 10 tháng năm 2021, tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng ước đạt 2.680 tỷ đồng, bằng 82,45% NQ.',
  'Thu ngân sách nhà nước trên địa bàn đạt 112,5 tỷ đồng, bằng 72,5% nghị quyết.',
  'Toàn thành phố kết nạp được 61 đảng viên mới, đạt 50,8% chỉ tiêu nghị quyết; tỷ lệ che phủ rừng đạt 72,65%.',
  'Giá trị xuất khẩu đạt 3,2 triệu USD.',
].join(' ');

describeStores('reading report text into a plan', (store) => {
  const ctx = () => systemContext(store(), () => new Date('2021-11-05T02:00:00Z'));

  it('matches figures to indicators, says what it would record, and checks them against the targets', async () => {
    await loadDemo(ctx());
    const review = await reviewText(ctx(), { text: OCTOBER, planCode: 'bac-kan-2021', period: '2021-10' });
    expect(review.result.period).toBe('10 tháng 2021');
    const by = new Map(review.proposals.map((p) => [p.indicator?.code ?? p.figure.indicator, p]));
    expect(by.get('ban-le')?.input).toMatchObject({
      value: 2680,
      cumulative: true,
      status: 'estimate',
      source: 'extract',
    });
    expect(by.get('ban-le')?.consistency?.status).toBe('consistent');
    expect(by.get('thu-ngan-sach')?.input).toMatchObject({ value: 112.5, cumulative: true });
    expect(by.get('ket-nap-dang-vien')?.input).toMatchObject({ value: 61, unitCode: 'tp-bac-kan' });
    expect(by.get('che-phu-rung')?.input).toMatchObject({ value: 72.65, cumulative: false });
    const exports = review.proposals.find((p) => p.figure.unit === 'triệu USD');
    expect(exports).toMatchObject({
      indicator: null,
      input: null,
      skip: { vi: expect.stringContaining('không khớp') },
    });
  });

  it('flags a percentage that does not fit the stored target, with both numbers', async () => {
    const review = await reviewText(ctx(), {
      text: 'Thu ngân sách đạt 100 tỷ đồng, bằng 80% nghị quyết.',
      planCode: 'bac-kan-2021',
      period: '2021-10',
    });
    const budget = review.proposals[0];
    expect(budget?.consistency?.status).toBe('inconsistent');
    expect(budget?.consistency?.message).toMatch(/125.*155,1|155,1.*125/);
  });

  it('records the proposals as estimates at once, and the dashboard moves', async () => {
    const review = await reviewText(ctx(), { text: OCTOBER, planCode: 'bac-kan-2021', period: '2021-10' });
    expect(await applyReview(ctx(), review)).toBe(4);
    const report = await progressFor(ctx(), { planCode: 'bac-kan-2021', period: '2021-10' });
    const by = new Map(report.indicators.map((i) => [i.code, i]));
    expect(by.get('ban-le')?.actual).toBe(2680);
    // The city's own 10-month total covers its wards' months: counted once, not added to them.
    expect(by.get('ket-nap-dang-vien')?.actual).toBe(61);
    const september = await progressFor(ctx(), { planCode: 'bac-kan-2021', period: '2021-09' });
    expect(september.indicators.find((i) => i.code === 'ket-nap-dang-vien')?.actual).toBe(54);
    const again = await reviewText(ctx(), { text: OCTOBER, planCode: 'bac-kan-2021', period: '2021-10' });
    expect(again.proposals.filter((p) => p.input)).toEqual([]);
    expect(again.proposals.find((p) => p.indicator?.code === 'ban-le')?.skip?.vi).toContain('đã có số liệu');
  });
});
