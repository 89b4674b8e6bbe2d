/**
 * Throughput of src/extract on one core, in MB of UTF-8 text per second (goal ≥ 5 MB/s).
 * The input is generated here by repeating report sentences written for this benchmark.
 *
 *   tsx bench/extract.bench.ts [megabytes=20]
 */
import { extract } from '../src/extract/index.js';

const SENTENCES = [
  'Ngày 12/10, Ban Chấp hành Đảng bộ huyện tổ chức hội nghị lần thứ tám (mở rộng), nhiệm kỳ 2020 - 2025, do đồng chí Trần Văn Bình, Bí thư Huyện ủy chủ trì.',
  '9 tháng đầu năm 2023, tổng giá trị sản xuất ước đạt 3.215,6 tỷ đồng, bằng 74,2% kế hoạch, tăng 6,8% so với cùng kỳ năm trước.',
  'Thu ngân sách trên địa bàn đạt 152,375 tỷ đồng, đạt 81% dự toán tỉnh giao, đạt 76,5% dự toán HĐND huyện giao.',
  'Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng đạt gần 1 nghìn 120 tỷ đồng, tăng 9,4%; sản lượng lương thực đạt 39 vạn tấn.',
  'Toàn huyện kết nạp 215 đảng viên mới, đạt 86% chỉ tiêu; có 12/15 xã đạt chuẩn nông thôn mới, tỷ lệ hộ nghèo giảm còn 4,1%.',
  'Tai nạn giao thông xảy ra 14 vụ, làm chết 9 người; so với cùng kỳ giảm 3 vụ (-17,6%), giảm 2 người chết (-18,2%).',
  'Tuy nhiên, tiến độ giải ngân vốn đầu tư công còn chậm (các dự án giao thông, dự án hạ tầng khu công nghiệp, chỉnh trang đô thị…).',
  'Phát biểu kết luận, đồng chí Bí thư Huyện ủy yêu cầu các xã, thị trấn tập trung đẩy nhanh giải ngân; trọng tâm là hoàn thành giải phóng mặt bằng các dự án trọng điểm.',
  'Phấn đấu cả năm thu ngân sách đạt 210 tỷ đồng, tốc độ tăng trưởng kinh tế đạt 8% trở lên.',
];

function generate(bytes: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const s = SENTENCES[i % SENTENCES.length] as string;
    parts.push(s, i % 4 === 3 ? '\n\n' : ' ');
    size += Buffer.byteLength(s) + 1;
  }
  return parts.join('');
}

/** Wall and CPU milliseconds of one run; CPU time is what one core spends, whatever else runs. */
function measure(text: string): { wall: number; cpu: number; figures: number } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const figures = extract(text).figures.length;
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { wall, cpu: (c.user + c.system) / 1000, figures };
}

function main(): void {
  const mb = Number(process.argv[2] ?? 20);
  const text = generate(mb * 1024 * 1024);
  const size = Buffer.byteLength(text) / 1024 / 1024;
  extract(generate(1024 * 1024)); // warm-up
  let wall = Number.POSITIVE_INFINITY;
  let cpu = Number.POSITIVE_INFINITY;
  let figures = 0;
  for (let r = 0; r < 3; r++) {
    const m = measure(text);
    wall = Math.min(wall, m.wall);
    cpu = Math.min(cpu, m.cpu);
    figures = m.figures;
  }
  const perCpu = size / (cpu / 1000);
  console.log(`extract: ${size.toFixed(1)} MB of UTF-8 text, ${figures} figures, best of 3`);
  console.log(`  CPU time  ${cpu.toFixed(0)} ms → ${perCpu.toFixed(2)} MB/s on one core (goal ≥ 5 MB/s)`);
  console.log(`  wall time ${wall.toFixed(0)} ms → ${(size / (wall / 1000)).toFixed(2)} MB/s`);
  console.log(`  ratio to goal: ${(perCpu / 5).toFixed(2)}`);
}

main();
