import ExcelJS from 'exceljs';
import { neutraliseFormula } from '../enterprises/enterprises-export';
import { PCI_SUBINDICES } from '../support/support-pci';
import type { TPetitionService } from './petitions.service';

type TLang = 'vi' | 'en';
type TStats = Awaited<ReturnType<TPetitionService['getStats']>>;
type TListRow = Awaited<ReturnType<TPetitionService['listForExport']>>['items'][number];
export type TCategoryNames = Record<string, { vi: string; en: string }>;

const STATES: Record<string, { vi: string; en: string }> = {
  RECEIVED: { vi: 'Đã tiếp nhận', en: 'Received' },
  IN_PROGRESS: { vi: 'Đang xử lý', en: 'In progress' },
  REPLY_DRAFTED: { vi: 'Chờ lãnh đạo duyệt', en: 'Awaiting approval' },
  ANSWERED: { vi: 'Đã trả lời', en: 'Answered' },
  CLOSED: { vi: 'Đã đóng', en: 'Closed' },
  REJECTED: { vi: 'Không thuộc phạm vi', en: 'Out of scope' },
  TRANSFERRED_OUT: { vi: 'Chuyển cơ quan Trung ương', en: 'Transferred out' },
};
const CHANNELS: Record<string, { vi: string; en: string }> = {
  PORTAL: { vi: 'Cổng doanh nghiệp', en: 'Enterprise portal' },
  LETTER: { vi: 'Văn bản, thư', en: 'Letter' },
  CONFERENCE: { vi: 'Hội nghị đối thoại', en: 'Dialogue conference' },
  HOTLINE: { vi: 'Đường dây nóng', en: 'Hotline' },
  VPCP: { vi: 'Văn phòng Chính phủ chuyển', en: 'Government Office' },
  VCCI: { vi: 'VCCI chuyển', en: 'VCCI' },
  OTHER: { vi: 'Khác', en: 'Other' },
};

/** Text cells a spreadsheet would run as a formula (= + - @ at the start) get an apostrophe. */
const text = (value: string | null | undefined) => (value ? neutraliseFormula(value) : '');
const vnDay = (iso: string | null) => (iso ? new Date(new Date(iso).getTime() + 7 * 3600_000).toISOString().slice(0, 10) : '');

const GROUP_COLUMNS = (lang: TLang, keyTitle: string) => [
  { header: keyTitle, key: 'name', width: 44 },
  { header: lang === 'vi' ? 'Tiếp nhận' : 'Received', key: 'received', width: 11 },
  { header: lang === 'vi' ? 'Đã trả lời' : 'Answered', key: 'answered', width: 11 },
  { header: lang === 'vi' ? 'Đúng hạn' : 'On time', key: 'onTime', width: 11 },
  { header: lang === 'vi' ? 'Trễ hạn' : 'Late', key: 'late', width: 11 },
  { header: lang === 'vi' ? 'Quá hạn chưa trả lời' : 'Overdue, unanswered', key: 'overdue', width: 14 },
  { header: lang === 'vi' ? 'Chuyển cơ quan Trung ương' : 'Transferred out', key: 'transferredOut', width: 14 },
  { header: lang === 'vi' ? 'Hài lòng' : 'Satisfied', key: 'satisfied', width: 11 },
  { header: lang === 'vi' ? 'Không hài lòng' : 'Unsatisfied', key: 'unsatisfied', width: 13 },
];

const boldHeader = (sheet: ExcelJS.Worksheet) => {
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).alignment = { wrapText: true, vertical: 'middle' };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
};

/**
 * The statistics tab as XLSX: a summary (totals and indicators 5.1–5.3), the monthly series, the
 * tables by category and by agency, and the PCI sub-indices the petitions weigh on.
 */
export const buildPetitionStatsXlsx = async (s: TStats, categories: TCategoryNames, lang: TLang): Promise<Buffer> => {
  const vi = lang === 'vi';
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'congthuong';

  const summary = workbook.addWorksheet(vi ? 'Tổng hợp' : 'Summary');
  summary.columns = [
    { header: vi ? 'Chỉ tiêu' : 'Item', key: 'k', width: 52 },
    { header: vi ? 'Giá trị' : 'Value', key: 'v', width: 16 },
  ];
  boldHeader(summary);
  const line = (k: string, v: string | number | null) => summary.addRow({ k, v: v ?? 'N/A' });
  line(vi ? 'Từ ngày' : 'From', s.from);
  line(vi ? 'Đến ngày' : 'To', s.to);
  line(vi ? 'Số kiến nghị tiếp nhận' : 'Petitions received', s.total);
  line(vi ? 'Chuyển cơ quan Trung ương (ngoài thẩm quyền Thành phố)' : 'Transferred out (outside the city’s competence)', s.transferredOut);
  line(vi ? '5.1 Tỷ lệ kiến nghị được phân loại (%)' : '5.1 Petitions classified (%)', s.indicators.classifiedPct);
  line(vi ? '5.2 Tỷ lệ xử lý đúng hạn (%)' : '5.2 Handled on time (%)', s.indicators.onTimePct);
  line(vi ? '5.3 Mức độ hài lòng (%)' : '5.3 Satisfaction (%)', s.indicators.satisfactionPct);

  const months = workbook.addWorksheet(vi ? 'Theo tháng' : 'By month');
  months.columns = [
    ...GROUP_COLUMNS(lang, vi ? 'Tháng tiếp nhận' : 'Month received').map((c) => (c.key === 'name' ? { ...c, width: 16 } : c)),
    { header: '5.1 (%)', key: 'i51', width: 9 },
    { header: '5.2 (%)', key: 'i52', width: 9 },
    { header: '5.3 (%)', key: 'i53', width: 9 },
  ];
  boldHeader(months);
  for (const m of s.byMonth) months.addRow({ ...m, name: m.key, i51: m.indicators.classifiedPct, i52: m.indicators.onTimePct, i53: m.indicators.satisfactionPct });

  const byCategory = workbook.addWorksheet(vi ? 'Theo lĩnh vực' : 'By category');
  byCategory.columns = GROUP_COLUMNS(lang, vi ? 'Lĩnh vực' : 'Category');
  boldHeader(byCategory);
  for (const g of s.byCategory) byCategory.addRow({ ...g, name: text(categories[g.key]?.[lang] ?? g.key) });

  const byAgency = workbook.addWorksheet(vi ? 'Theo cơ quan' : 'By agency');
  byAgency.columns = GROUP_COLUMNS(lang, vi ? 'Cơ quan chủ trì' : 'Lead agency');
  boldHeader(byAgency);
  for (const g of s.byAgency) byAgency.addRow({ ...g, name: text(g.name) || (vi ? 'Chưa chuyển xử lý' : 'Not routed') });

  const pci = workbook.addWorksheet('PCI');
  pci.columns = [
    { header: vi ? 'Chỉ số thành phần' : 'Sub-index', key: 'subindex', width: 40 },
    { header: vi ? 'Số kiến nghị' : 'Petitions', key: 'petitions', width: 12 },
    { header: vi ? 'Lĩnh vực' : 'Categories', key: 'categories', width: 60 },
  ];
  boldHeader(pci);
  for (const w of s.pci) {
    const sub = PCI_SUBINDICES.find((x) => x.code === w.subindex);
    pci.addRow({ subindex: sub ? (vi ? sub.nameVi : sub.nameEn) : w.subindex, petitions: w.petitions, categories: text(w.categories.map((c) => categories[c]?.[lang] ?? c).join('; ')) });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
};

const LIST_COLUMNS: { key: keyof ReturnType<typeof listCells>; vi: string; en: string; width: number }[] = [
  { key: 'code', vi: 'Mã', en: 'Code', width: 16 },
  { key: 'openedOn', vi: 'Ngày gửi', en: 'Received on', width: 12 },
  { key: 'subject', vi: 'Tiêu đề', en: 'Subject', width: 48 },
  { key: 'category', vi: 'Lĩnh vực', en: 'Category', width: 28 },
  { key: 'channel', vi: 'Kênh tiếp nhận', en: 'Channel', width: 20 },
  { key: 'enterprise', vi: 'Doanh nghiệp', en: 'Enterprise', width: 40 },
  { key: 'agency', vi: 'Cơ quan chủ trì', en: 'Lead agency', width: 36 },
  { key: 'coAgencies', vi: 'Cơ quan phối hợp', en: 'Co-agencies', width: 40 },
  { key: 'state', vi: 'Trạng thái', en: 'State', width: 22 },
  { key: 'dueOn', vi: 'Hạn trả lời', en: 'Due on', width: 12 },
  { key: 'overdue', vi: 'Quá hạn', en: 'Overdue', width: 9 },
  { key: 'answeredOn', vi: 'Ngày trả lời', en: 'Answered on', width: 12 },
  { key: 'satisfaction', vi: 'Đánh giá', en: 'Rating', width: 16 },
];

const listCells = (p: TListRow, categories: TCategoryNames, lang: TLang) => ({
  code: p.code,
  openedOn: vnDay(p.openedAt),
  subject: text(p.subject),
  category: text(categories[p.category]?.[lang] ?? p.category),
  channel: CHANNELS[p.channel]?.[lang] ?? p.channel,
  enterprise: text(p.enterprise.name),
  agency: text(p.agency?.name),
  coAgencies: text(p.coAgencies.map((a) => a.name).join('; ')),
  state: STATES[p.state]?.[lang] ?? p.state,
  dueOn: vnDay(p.dueAt),
  overdue: p.isOverdue ? (lang === 'vi' ? 'Có' : 'Yes') : '',
  answeredOn: vnDay(p.answeredAt),
  satisfaction: p.satisfaction === 'SATISFIED' ? (lang === 'vi' ? 'Hài lòng' : 'Satisfied') : p.satisfaction === 'UNSATISFIED' ? (lang === 'vi' ? 'Không hài lòng' : 'Unsatisfied') : '',
});

/** The filtered petition list as XLSX (one row per petition, text cells formula-neutralised). */
export const buildPetitionListXlsx = async (rows: readonly TListRow[], categories: TCategoryNames, lang: TLang): Promise<Buffer> => {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'congthuong';
  const sheet = workbook.addWorksheet(lang === 'vi' ? 'Kiến nghị' : 'Petitions');
  sheet.columns = LIST_COLUMNS.map((c) => ({ header: c[lang], key: c.key, width: c.width }));
  boldHeader(sheet);
  for (const p of rows) sheet.addRow(listCells(p, categories, lang));
  return Buffer.from(await workbook.xlsx.writeBuffer());
};
