import type { TDb } from '../../db/client';
import { complianceIncomeRates } from '../../db/schema/compliance';
import type { TReviewStatus } from '../../domain/compliance/review-status';
import { systemContext } from '../audit/audit.service';
import { createProcedureService } from '../procedures/procedures.service';
import type { TReviewModelBody } from './compliance.schemas';
import { createComplianceService } from './compliance.service';

type TStep = [name: string, hours: number];
type TModel = { steps: TStep[]; fees: number; consultancy?: number; other?: [string, number][]; subjects: number; times?: number };

const model = (m: TModel): TReviewModelBody['before'] => ({
  steps: m.steps.map(([name, hours]) => ({ name, hours })),
  feesVnd: m.fees,
  consultancyVnd: m.consultancy ?? 0,
  otherCosts: (m.other ?? []).map(([name, amountVnd]) => ({ name, amountVnd })),
  subjectsPerYear: m.subjects,
  timesPerYear: m.times ?? 1,
});

/**
 * Demo income per hour: the spec found no official parameter (§5.3 [U]); these illustrative values
 * follow the believed method, monthly income per head in Hà Nội ÷ 176 working hours a month.
 */
const DEMO_RATES = [
  { effectiveFrom: '2023-01-01', vndPerHour: 33_000, basis: 'Giá trị minh họa (demo): thu nhập bình quân đầu người/tháng của Hà Nội năm 2022 khoảng 5,8 triệu đồng ÷ 176 giờ làm việc/tháng. Thay bằng tham số chính thức khi được ban hành.' },
  { effectiveFrom: '2025-01-01', vndPerHour: 39_000, basis: 'Giá trị minh họa (demo): thu nhập bình quân đầu người/tháng của Hà Nội năm 2024 khoảng 6,9 triệu đồng ÷ 176 giờ làm việc/tháng. Thay bằng tham số chính thức khi được ban hành.' },
];

const PREPARE = 'Tìm hiểu quy định, chuẩn bị hồ sơ';
const SUBMIT_DESK = 'Đi lại, nộp hồ sơ tại Bộ phận Một cửa';
const SUBMIT_ONLINE = 'Nộp hồ sơ trực tuyến trên Cổng dịch vụ công';
const RESULT_DESK = 'Nhận kết quả tại Bộ phận Một cửa';
const RESULT_E = 'Nhận kết quả điện tử';

type TDemoReview = { code: string; reviewDate: string; before: TModel; planKind: 'SIMPLIFY' | 'ABOLISH' | null; after?: TModel; planNote?: string; path: { to: TReviewStatus; note?: string }[] };

/** A deterministic subset of the demo catalogue (reference/procedures-demo.json), reviewed along the real flow. */
const DEMO_REVIEWS: TDemoReview[] = [
  {
    code: '2.000552.H26',
    reviewDate: '2024-09-16',
    before: { steps: [[PREPARE, 4], [SUBMIT_DESK, 2], ['Tham gia kiểm tra kiến thức an toàn thực phẩm', 4], [RESULT_DESK, 1.5]], fees: 30_000, other: [['Đi lại', 100_000], ['Sao chụp tài liệu', 20_000]], subjects: 4_500 },
    planKind: 'ABOLISH',
    planNote: 'Đề nghị bãi bỏ thủ tục: chủ cơ sở tự tổ chức tập huấn và chịu trách nhiệm về kiến thức an toàn thực phẩm của người trực tiếp sản xuất, kinh doanh.',
    path: [{ to: 'SIMPLIFICATION_PROPOSED' }, { to: 'ADOPTED', note: 'Phương án được UBND Thành phố thông qua, trình Bộ Công Thương bãi bỏ (demo).' }, { to: 'ABOLISHED' }],
  },
  {
    code: '2.000633.H26',
    reviewDate: '2024-09-16',
    before: { steps: [[PREPARE, 6], [SUBMIT_DESK, 2], ['Giải trình, chỉnh sửa nội dung quảng cáo', 3], [RESULT_DESK, 1.5]], fees: 1_100_000, other: [['Đi lại', 100_000], ['In ấn mẫu quảng cáo', 50_000]], subjects: 900 },
    planKind: 'ABOLISH',
    planNote: 'Đề nghị bãi bỏ: chuyển sang cơ chế hậu kiểm nội dung quảng cáo thực phẩm.',
    path: [{ to: 'SIMPLIFICATION_PROPOSED' }, { to: 'ABOLISHED' }],
  },
  {
    code: '2.000591.H26',
    reviewDate: '2024-10-08',
    before: {
      steps: [[PREPARE, 16], [SUBMIT_DESK, 2], ['Tiếp đoàn thẩm định tại cơ sở', 8], ['Khắc phục tồn tại, báo cáo kết quả', 6], [RESULT_DESK, 1]],
      fees: 2_500_000,
      consultancy: 3_000_000,
      other: [['Đi lại', 200_000], ['Sao y, chứng thực giấy tờ', 50_000]],
      subjects: 1_800,
    },
    planKind: 'SIMPLIFY',
    after: {
      steps: [[PREPARE, 10], [SUBMIT_ONLINE, 0.5], ['Tiếp đoàn thẩm định tại cơ sở', 6], ['Khắc phục tồn tại, báo cáo kết quả', 4], [RESULT_E, 0.25]],
      fees: 2_500_000,
      consultancy: 2_000_000,
      other: [['Đi lại', 100_000]],
      subjects: 1_800,
    },
    planNote: 'Bỏ thành phần bản sao Giấy chứng nhận đăng ký doanh nghiệp (khai thác từ cơ sở dữ liệu); rút thời hạn giải quyết từ 20 xuống 15 ngày làm việc; tiếp nhận và trả kết quả trực tuyến toàn trình.',
    path: [{ to: 'SIMPLIFICATION_PROPOSED' }, { to: 'ADOPTED', note: 'Đã thực thi tại Quyết định 1145/QĐ-UBND ngày 10/03/2025 (demo).' }],
  },
  {
    code: '2.000355.H26',
    reviewDate: '2024-10-08',
    before: { steps: [[PREPARE, 3], [SUBMIT_ONLINE, 0.5], [RESULT_E, 0.25]], fees: 0, subjects: 350 },
    planKind: null,
    path: [{ to: 'REVIEWED_NO_CHANGE' }],
  },
  {
    code: '2.000620.H26',
    reviewDate: '2025-06-10',
    before: { steps: [[PREPARE, 8], [SUBMIT_DESK, 2], ['Bổ sung hồ sơ theo yêu cầu', 3], [RESULT_DESK, 1]], fees: 1_200_000, other: [['Đi lại', 120_000], ['Sao y hợp đồng, giấy tờ', 60_000]], subjects: 2_600, times: 0.2 },
    planKind: 'SIMPLIFY',
    after: { steps: [[PREPARE, 4], [SUBMIT_ONLINE, 0.5], [RESULT_E, 0.25]], fees: 1_200_000, other: [], subjects: 2_600, times: 0.2 },
    planNote: 'Khai thác thông tin đăng ký kinh doanh và hợp đồng mua bán từ cơ sở dữ liệu; bỏ yêu cầu nộp bản sao chứng thực; thực hiện trực tuyến toàn trình.',
    path: [{ to: 'SIMPLIFICATION_PROPOSED' }],
  },
  {
    code: '2.000633.T01',
    reviewDate: '2025-05-20',
    before: { steps: [[PREPARE, 8], [SUBMIT_DESK, 2], [RESULT_DESK, 1]], fees: 1_100_000, other: [['Đi lại', 120_000], ['Sao y giấy tờ', 40_000]], subjects: 3_100, times: 0.2 },
    planKind: 'SIMPLIFY',
    after: { steps: [[PREPARE, 5], [SUBMIT_ONLINE, 0.5], [RESULT_E, 0.25]], fees: 1_100_000, other: [], subjects: 3_100, times: 0.2 },
    planNote: 'Bỏ bản sao giấy tờ đã có trong cơ sở dữ liệu đăng ký doanh nghiệp; trả kết quả điện tử.',
    path: [{ to: 'SIMPLIFICATION_PROPOSED' }, { to: 'ADOPTED', note: 'Phương án đơn giản hóa được Chủ tịch UBND Thành phố phê duyệt (demo).' }],
  },
  {
    code: '2.000766.H26',
    reviewDate: '2025-05-20',
    before: { steps: [[PREPARE, 24], [SUBMIT_DESK, 2], ['Tiếp đoàn kiểm tra điều kiện hoạt động điện lực', 6], [RESULT_DESK, 1]], fees: 1_300_000, consultancy: 5_000_000, other: [['Đi lại', 150_000]], subjects: 40, times: 0.2 },
    planKind: null,
    path: [{ to: 'REVIEWED_NO_CHANGE' }],
  },
  {
    code: '2.001283.H26',
    reviewDate: '2025-08-12',
    before: { steps: [[PREPARE, 20], [SUBMIT_DESK, 2], ['Tiếp đoàn kiểm tra kho, phương tiện, người lao động', 8], [RESULT_DESK, 1]], fees: 0, consultancy: 8_000_000, other: [['Đi lại', 300_000], ['Sao y, chứng thực giấy tờ', 120_000]], subjects: 60 },
    planKind: 'SIMPLIFY',
    after: { steps: [[PREPARE, 14], [SUBMIT_ONLINE, 0.5], ['Tiếp đoàn kiểm tra kho, phương tiện, người lao động', 6], [RESULT_E, 0.25]], fees: 0, consultancy: 6_000_000, other: [['Đi lại', 150_000]], subjects: 60 },
    planNote: 'Kiểm tra một lần liên ngành (Công an, Công Thương); nộp hồ sơ trực tuyến; bỏ bản sao chứng thực chứng chỉ đã cấp điện tử.',
    path: [{ to: 'SIMPLIFICATION_PROPOSED' }],
  },
  {
    code: '2.000001.H26',
    reviewDate: '2025-03-25',
    before: { steps: [[PREPARE, 3], [SUBMIT_DESK, 2], [RESULT_DESK, 1]], fees: 0, other: [['Đi lại', 80_000], ['In thể lệ chương trình', 30_000]], subjects: 5_200, times: 1.5 },
    planKind: 'SIMPLIFY',
    after: { steps: [[PREPARE, 2], [SUBMIT_ONLINE, 0.25], [RESULT_E, 0.25]], fees: 0, other: [], subjects: 5_200, times: 1.5 },
    planNote: 'Đăng ký khuyến mại trực tuyến toàn trình, dùng mẫu thể lệ điện tử.',
    path: [{ to: 'SIMPLIFICATION_PROPOSED' }, { to: 'ADOPTED', note: 'Đưa vào Kế hoạch rà soát, đơn giản hóa TTHC năm 2025 của Thành phố (demo).' }],
  },
];

/** Seeds the demo income settings and reviews through the real service (validation, audit). Idempotent. */
export const seedDemoCompliance = async (db: TDb): Promise<void> => {
  if ((await db.select({ id: complianceIncomeRates.id }).from(complianceIncomeRates).limit(1)).length) return;
  const ctx = systemContext('demo-seed');
  const service = createComplianceService({ db, procedureService: createProcedureService({ db }) });
  for (const rate of DEMO_RATES) await service.createRate(ctx, rate);
  for (const r of DEMO_REVIEWS) {
    await service.saveModel(ctx, r.code, {
      reviewDate: r.reviewDate,
      before: model(r.before),
      planKind: r.planKind,
      after: r.after ? model(r.after) : null,
      planNote: r.planNote ?? null,
    });
    for (const step of r.path) await service.changeStatus(ctx, r.code, { status: step.to, note: step.note });
  }
};
