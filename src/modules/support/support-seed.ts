import { asc } from 'drizzle-orm';
import type { TDb } from '../../db/client';
import { enterprises } from '../../db/schema/enterprises';
import { supportAgencies } from '../../db/schema/support';
import { systemContext } from '../audit/audit.service';
import type { TSubindexCode } from './support-pci';
import { ZAgencyBody, type TActionBody, type TAgencyBody } from './support.schemas';
import { createSupportService } from './support.service';

/**
 * Hà Nội's published PCI results (domain spec §6.2). Only what the spec gives: composites for
 * 2018, 2019 and 2021–2024 (2020: rank only), the ten sub-indices of 2019, and two sub-indices
 * of 2023 (labour training 7.43, rank 1; business support 7.38, rank 6). 2017 is not stored
 * (score not found). Ranks are among 63 provinces (2024 was the last 63-province edition).
 */
export const HANOI_PCI: { year: number; composite: number | null; rank: number; source: string; subindices: { code: TSubindexCode; score: number; rank?: number }[] }[] = [
  { year: 2018, composite: 65.4, rank: 9, source: 'Suy ra từ năm 2019 (tăng 3,4 điểm, giữ thứ hạng) — báo chí', subindices: [] },
  {
    year: 2019,
    composite: 68.8,
    rank: 9,
    source: 'pcivietnam.vn, bảng xếp hạng năm 2019',
    subindices: [
      { code: 'ENTRY_COSTS', score: 7.98 },
      { code: 'LAND_ACCESS', score: 6.63 },
      { code: 'TRANSPARENCY', score: 6.6 },
      { code: 'TIME_COSTS', score: 7.18 },
      { code: 'INFORMAL_CHARGES', score: 5.94 },
      { code: 'EQUAL_COMPETITION', score: 5.39 },
      { code: 'PROACTIVITY', score: 5.96 },
      { code: 'BUSINESS_SUPPORT', score: 7.06 },
      { code: 'LABOUR_TRAINING', score: 7.91 },
      { code: 'LEGAL_INSTITUTIONS', score: 6.3 },
    ],
  },
  { year: 2020, composite: null, rank: 9, source: 'Thứ hạng theo danh sách 10 tỉnh dẫn đầu; chưa có điểm', subindices: [] },
  { year: 2021, composite: 68.6, rank: 10, source: 'Báo chí', subindices: [] },
  { year: 2022, composite: 66.74, rank: 20, source: 'Suy ra từ năm 2023 (67,15 = tăng 0,41 điểm) — báo chí', subindices: [] },
  {
    year: 2023,
    composite: 67.15,
    rank: 28,
    source: 'Báo chí',
    subindices: [
      { code: 'BUSINESS_SUPPORT', score: 7.38, rank: 6 },
      { code: 'LABOUR_TRAINING', score: 7.43, rank: 1 },
    ],
  },
  { year: 2024, composite: 68.38, rank: 24, source: 'Báo chí (kỳ cuối cùng xếp hạng 63 tỉnh, thành)', subindices: [] },
];

const AGENCIES: TAgencyBody[] = [
  { code: 'SCT-QLCN', kind: 'DIVISION', name: 'Phòng Quản lý công nghiệp', moduleCode: 'INDUSTRY', isActive: true, deadlines: [] },
  { code: 'SCT-QLTM', kind: 'DIVISION', name: 'Phòng Quản lý thương mại', moduleCode: 'TRADE', isActive: true, deadlines: [] },
  { code: 'SCT-KHTH', kind: 'DIVISION', name: 'Phòng Kế hoạch - Tổng hợp', moduleCode: 'PLANNING_STATS', isActive: true, deadlines: [] },
  { code: 'SCT-MC', kind: 'DIVISION', name: 'Bộ phận Một cửa Sở Công Thương', moduleCode: 'ONE_STOP', isActive: true, deadlines: [{ category: 'ADMIN_PROCEDURES', workingDays: 10 }] },
  { code: 'STC', kind: 'CITY_DEPARTMENT', name: 'Sở Tài chính Hà Nội', isActive: true, deadlines: [] },
  { code: 'SNNMT', kind: 'CITY_DEPARTMENT', name: 'Sở Nông nghiệp và Môi trường Hà Nội', isActive: true, deadlines: [] },
  { code: 'SNV', kind: 'CITY_DEPARTMENT', name: 'Sở Nội vụ Hà Nội', isActive: true, deadlines: [] },
  { code: 'BQLKCN', kind: 'CITY_DEPARTMENT', name: 'Ban Quản lý các khu công nghiệp và chế xuất Hà Nội', isActive: true, deadlines: [] },
  { code: 'THUE-HN', kind: 'CENTRAL', name: 'Thuế thành phố Hà Nội', isActive: true, deadlines: [] },
  { code: 'BCT', kind: 'CENTRAL', name: 'Bộ Công Thương', address: '54 Hai Bà Trưng, Hoàn Kiếm, Hà Nội', isActive: true, deadlines: [] },
  { code: 'NHNN-KV1', kind: 'CENTRAL', name: 'Ngân hàng Nhà nước Chi nhánh Khu vực 1', isActive: true, deadlines: [] },
  { code: 'EVNHANOI', kind: 'UTILITY', name: 'Tổng công ty Điện lực TP Hà Nội (EVNHANOI)', phone: '19001288', isActive: true, deadlines: [{ category: 'ELECTRICITY', workingDays: 10 }] },
];

const CATEGORY_AGENCY: Record<string, string> = {
  ADMIN_PROCEDURES: 'SCT-MC',
  LAND_PREMISES: 'SNNMT',
  TAX: 'THUE-HN',
  ELECTRICITY: 'EVNHANOI',
  MARKET_TRADE: 'SCT-QLTM',
  FINANCE_CREDIT: 'NHNN-KV1',
  WORKFORCE: 'SNV',
  OTHER: 'SCT-KHTH',
};

/**
 * Demo enterprise-support data through the real service (validated, audited): agencies, default
 * agencies per category, Hà Nội's PCI, a 2025 action plan and one dialogue conference. Idempotent:
 * does nothing when agencies exist.
 */
export const seedDemoSupport = async (db: TDb): Promise<void> => {
  if ((await db.select({ id: supportAgencies.id }).from(supportAgencies).limit(1)).length) return;
  const ctx = systemContext('demo-seed');
  const service = createSupportService({ db });
  const ids = new Map<string, number>();
  for (const a of AGENCIES) {
    const saved = await service.createAgency(ctx, ZAgencyBody.parse(a));
    if (saved) ids.set(a.code, saved.id);
  }
  const id = (code: string) => ids.get(code) ?? 0;
  for (const c of await service.listCategories()) {
    await service.updateCategory(ctx, c.code, { deadlineWorkingDays: c.deadlineWorkingDays, defaultAgencyId: id(CATEGORY_AGENCY[c.code]), pciSubindices: c.pciSubindices });
  }
  for (const y of HANOI_PCI) {
    await service.savePciYear(ctx, y.year, {
      composite: y.composite,
      rank: y.rank,
      nProvinces: 63,
      source: y.source,
      subindices: y.subindices.map((s) => ({ code: s.code, score: s.score, rank: s.rank ?? null })),
    });
  }

  const plan = await service.createPlan(ctx, { year: 2025, title: 'Kế hoạch nâng cao Chỉ số năng lực cạnh tranh cấp tỉnh (PCI) năm 2025 của Sở Công Thương', documentRef: null });
  const actions: TActionBody[] = [
    { subindexCode: 'EQUAL_COMPETITION', content: 'Công khai tiêu chí lựa chọn và danh sách doanh nghiệp được hỗ trợ xúc tiến thương mại', ownerAgencyId: id('SCT-QLTM'), deadline: '2025-06-30', status: 'DONE', progressPct: 100 },
    { subindexCode: 'INFORMAL_CHARGES', content: 'Rà soát, công khai quy trình nội bộ giải quyết thủ tục hành chính lĩnh vực công thương', ownerAgencyId: id('SCT-MC'), deadline: '2025-09-30', status: 'IN_PROGRESS', progressPct: 60 },
    { subindexCode: 'PROACTIVITY', content: 'Tổ chức hội nghị đối thoại với doanh nghiệp ngành công nghiệp hỗ trợ', ownerAgencyId: id('SCT-QLCN'), deadline: '2025-11-30', status: 'DONE', progressPct: 100 },
    { subindexCode: 'LAND_ACCESS', content: 'Phối hợp đề xuất quỹ đất cụm công nghiệp cho doanh nghiệp phải di dời khỏi khu dân cư', ownerAgencyId: id('SNNMT'), deadline: '2025-12-31', status: 'NOT_STARTED', progressPct: 0 },
    { subindexCode: 'TIME_COSTS', content: 'Rút ngắn thời gian giải quyết thủ tục cấp giấy phép bán lẻ rượu, thuốc lá', ownerAgencyId: id('SCT-MC'), deadline: '2027-06-30', status: 'IN_PROGRESS', progressPct: 40 },
  ];
  for (const a of actions) await service.addAction(ctx, plan.id, a);

  const firstEnterprises = (await db.select({ id: enterprises.id }).from(enterprises).orderBy(asc(enterprises.id)).limit(5)).map((e) => e.id);
  await service.createConference(ctx, {
    heldOn: '2025-10-15',
    topic: 'Tháo gỡ khó khăn cho doanh nghiệp công nghiệp hỗ trợ',
    chair: 'Nguyễn Văn Lãnh, Phó Giám đốc Sở Công Thương',
    location: 'Hội trường Sở Công Thương Hà Nội',
    summary: 'Doanh nghiệp nêu vướng mắc về cấp điện cho cụm công nghiệp, hoàn thuế giá trị gia tăng và tiếp cận chương trình phát triển công nghiệp hỗ trợ.\nĐại diện các cơ quan đã trả lời trực tiếp tại hội nghị và thống nhất các nội dung cần tiếp tục giải quyết.',
    enterpriseIds: firstEnterprises,
    agencyIds: [id('SCT-QLCN'), id('EVNHANOI'), id('THUE-HN'), id('SNNMT')],
    commitments: [
      { content: 'Hướng dẫn thủ tục nâng công suất trạm biến áp cho doanh nghiệp trong cụm công nghiệp', ownerAgencyId: id('EVNHANOI'), deadline: '2025-11-15', status: 'DONE', progressNote: 'Đã có văn bản hướng dẫn' },
      { content: 'Giải đáp vướng mắc hoàn thuế giá trị gia tăng cho doanh nghiệp xuất khẩu linh kiện', ownerAgencyId: id('THUE-HN'), deadline: '2025-12-15', status: 'IN_PROGRESS', progressNote: null },
      { content: 'Giới thiệu doanh nghiệp tham gia Chương trình phát triển công nghiệp hỗ trợ của thành phố', ownerAgencyId: id('SCT-QLCN'), deadline: '2027-03-31', status: 'OPEN', progressNote: null },
    ],
  });
};
