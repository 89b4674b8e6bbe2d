import type { MeetingInput } from '../meetings/meetings.schema.js';

/** The chair, with the posts the article names, held through the 2020–2025 term. */
export const CHAIR = {
  fullName: 'Cù Ngọc Cường',
  positions: ['Ủy viên Ban Thường vụ Tỉnh ủy', 'Bí thư Thành ủy', 'Chủ tịch HĐND thành phố'],
  from: '2020-08-01',
};

export const CONFERENCE: MeetingInput = {
  unitCode: 'tp-bac-kan',
  body: 'Ban Chấp hành Đảng bộ thành phố',
  kind: 'mo_rong',
  sessionNumber: 6,
  term: '2020–2025',
  title: 'Hội nghị Ban Chấp hành Đảng bộ thành phố Bắc Kạn lần thứ sáu (mở rộng)',
  heldOn: '2021-10-06',
  place: 'Hội trường Thành ủy Bắc Kạn',
  planCode: 'bac-kan-2021',
  period: '2021-09',
  chairs: [{ name: CHAIR.fullName }],
  attendees: [
    { name: 'Các đồng chí Ủy viên Ban Chấp hành Đảng bộ thành phố' },
    { name: 'Bí thư các chi bộ, đảng bộ trực thuộc' },
    { name: 'Lãnh đạo các phòng, ban, ngành, đoàn thể thành phố' },
  ],
  agenda: [
    'Kiểm điểm công tác lãnh đạo, chỉ đạo 9 tháng năm 2021',
    'Triển khai nhiệm vụ trọng tâm 3 tháng cuối năm 2021',
    'Thảo luận, tham gia ý kiến vào báo cáo',
    'Phát biểu kết luận hội nghị',
  ],
  summary:
    'Ban Thường vụ Thành ủy tổ chức hội nghị Ban Chấp hành Đảng bộ thành phố lần thứ sáu (mở rộng) để kiểm điểm công tác 9 tháng, triển khai nhiệm vụ trọng tâm 3 tháng cuối năm 2021.',
  opinions: [
    { text: 'Làm rõ một số chỉ tiêu và giải pháp thực hiện nhiệm vụ 3 tháng cuối năm 2021.' },
    { text: 'Trọng tâm là công tác phòng, chống dịch Covid-19.' },
    { text: 'Triển khai hỗ trợ người lao động và người sử dụng lao động gặp khó khăn do đại dịch.' },
    { text: 'Công tác quản lý đô thị, giải phóng mặt bằng và phát triển Đảng.' },
  ],
  conclusion:
    'Ghi nhận kết quả đạt được; yêu cầu trong 3 tháng cuối năm 2021 các địa phương, đơn vị tiếp tục rà soát, đánh giá tình hình, kịp thời đề ra giải pháp phù hợp để đẩy nhanh tiến độ thực hiện, phấn đấu hoàn thành các mục tiêu, nhiệm vụ đề ra.',
  conclusionItems: [
    {
      text: 'Thực hiện tốt mục tiêu kép phát triển kinh tế – xã hội gắn với làm tốt công tác phòng, chống dịch Covid-19',
      key: true,
    },
    { text: 'Tăng cường công tác quản lý đô thị, tài nguyên và môi trường' },
    {
      text: 'Đẩy nhanh tiến độ giải phóng mặt bằng và triển khai thực hiện các công trình, dự án',
      key: true,
    },
    { text: 'Tiếp tục hỗ trợ người lao động và người sử dụng lao động gặp khó khăn do đại dịch Covid-19' },
    {
      text: 'Làm tốt công tác quốc phòng – quân sự địa phương, duy trì đảm bảo an ninh chính trị, trật tự an toàn xã hội trên địa bàn',
    },
    { text: 'Tổ chức tiếp xúc, đối thoại và giải quyết đơn thư của công dân' },
    {
      text: 'Quán triệt, triển khai thực hiện các chỉ thị, nghị quyết của Đảng; xây dựng kế hoạch cụ thể hóa các nhiệm vụ sát với tình hình thực tế',
    },
    { text: 'Thực hiện việc biên soạn cuốn lịch sử đảng bộ địa phương theo kế hoạch' },
    { text: 'Tiếp tục quan tâm công tác phát triển đảng viên', key: true },
    { text: 'Chỉ đạo chuẩn bị Đại hội Cựu chiến binh, Đoàn thanh niên cấp xã, phường' },
    {
      text: 'Tổ chức đánh giá, phân loại cán bộ, công chức, viên chức, đảng viên, các tổ chức đảng và bình xét các danh hiệu thi đua năm 2021',
    },
  ],
};

/**
 * Who carries out each conclusion item, by when, and how it ended (invented for the demo, to
 * show each status of the 2×2 model and a standing task).
 */
export const ASSIGNMENTS: {
  lead: string;
  co?: string[];
  deadline?: string;
  completedOn?: string;
  updates?: { on: string; text: string; evidence?: string }[];
}[] = [
  { lead: 'bk-ubnd', co: ['bk-lao-dong', 'bk-tai-chinh'], deadline: '2021-12-31', completedOn: '2021-12-30' },
  { lead: 'bk-quan-ly-do-thi', co: ['bk-tai-nguyen'], deadline: '2021-12-31', completedOn: '2021-12-24' },
  {
    lead: 'bk-ubnd',
    co: ['bk-tai-nguyen', 'bk-tai-chinh'],
    deadline: '2021-12-31',
    updates: [
      {
        on: '2021-11-15',
        text: 'Đã hoàn thành kiểm đếm 3/5 dự án; còn vướng mắc mặt bằng dự án đường Thanh niên.',
      },
      { on: '2021-12-28', text: 'Giải ngân đạt 86% kế hoạch vốn; còn 2 dự án chưa bàn giao mặt bằng.' },
    ],
  },
  {
    lead: 'bk-lao-dong',
    deadline: '2021-11-30',
    completedOn: '2021-12-10',
    updates: [
      { on: '2021-12-10', text: 'Đã chi hỗ trợ 1.246 người lao động.', evidence: 'Báo cáo số 215/BC-LĐTBXH' },
    ],
  },
  { lead: 'bk-cong-an', co: ['bk-quan-su'] },
  { lead: 'bk-ubnd', co: ['bk-mttq'] },
  { lead: 'bk-ban-tuyen-giao', deadline: '2021-12-15' },
  {
    lead: 'bk-ban-tuyen-giao',
    co: ['bk-van-phong-tu'],
    deadline: '2021-12-31',
    completedOn: '2022-03-10',
    updates: [
      {
        on: '2022-03-10',
        text: 'Đã xuất bản cuốn Lịch sử Đảng bộ thành phố.',
        evidence: 'Quyết định xuất bản số 12',
      },
    ],
  },
  { lead: 'bk-ban-to-chuc', deadline: '2021-12-31', completedOn: '2021-12-28' },
  { lead: 'bk-ban-to-chuc', co: ['bk-mttq'], deadline: '2021-12-31', completedOn: '2021-12-20' },
  { lead: 'bk-ban-to-chuc', co: ['bk-van-phong-tu'], deadline: '2022-01-15', completedOn: '2022-01-12' },
];
