import ExcelJS from 'exceljs';
import type { TCostBreakdown } from '../../domain/compliance/standard-cost';
import { neutraliseFormula } from '../enterprises/enterprises-export';
import type { TComplianceService } from './compliance.service';

type TLang = 'vi' | 'en';
type TRow = Awaited<ReturnType<TComplianceService['listExportRows']>>[number];
type TDashboard = Awaited<ReturnType<TComplianceService['getDashboard']>>;

const STATUS: Record<string, { vi: string; en: string }> = {
  NOT_REVIEWED: { vi: 'Chưa rà soát', en: 'Not reviewed' },
  REVIEWED_NO_CHANGE: { vi: 'Đã rà soát, giữ nguyên', en: 'Reviewed, no change' },
  SIMPLIFICATION_PROPOSED: { vi: 'Đề xuất đơn giản hóa', en: 'Simplification proposed' },
  ADOPTED: { vi: 'Đã thông qua phương án', en: 'Plan adopted' },
  ABOLISHED: { vi: 'Đã bãi bỏ', en: 'Abolished' },
};
const CATALOGUE: Record<string, { vi: string; en: string }> = {
  PUBLIC: { vi: 'Đang công khai', en: 'Public' },
  AMENDED: { vi: 'Sửa đổi, bổ sung', en: 'Amended' },
  ABOLISHED: { vi: 'Bãi bỏ', en: 'Abolished' },
};

const COLUMNS: { key: string; vi: string; en: string; width: number; format?: string }[] = [
  { key: 'code', vi: 'Mã thủ tục', en: 'Procedure code', width: 16 },
  { key: 'name', vi: 'Tên thủ tục', en: 'Procedure', width: 60 },
  { key: 'field', vi: 'Lĩnh vực', en: 'Field', width: 24 },
  { key: 'catalogue', vi: 'Tình trạng công bố', en: 'Catalogue status', width: 18 },
  { key: 'status', vi: 'Trạng thái rà soát', en: 'Review status', width: 24 },
  { key: 'reviewDate', vi: 'Ngày rà soát', en: 'Review date', width: 13 },
  { key: 'income', vi: 'Thu nhập bình quân/giờ (đồng)', en: 'Income per hour (VND)', width: 14, format: '#,##0' },
  { key: 'hoursBefore', vi: 'Số giờ – trước', en: 'Hours – before', width: 10, format: '#,##0.00' },
  { key: 'onceBefore', vi: 'Chi phí 1 lần – trước (đồng)', en: 'Cost per compliance – before (VND)', width: 16, format: '#,##0' },
  { key: 'perYearBefore', vi: 'Số lần tuân thủ/năm – trước', en: 'Compliances a year – before', width: 14, format: '#,##0.####' },
  { key: 'annualBefore', vi: 'Chi phí/năm – trước (đồng)', en: 'Annual cost – before (VND)', width: 20, format: '#,##0' },
  { key: 'hoursAfter', vi: 'Số giờ – sau', en: 'Hours – after', width: 10, format: '#,##0.00' },
  { key: 'onceAfter', vi: 'Chi phí 1 lần – sau (đồng)', en: 'Cost per compliance – after (VND)', width: 16, format: '#,##0' },
  { key: 'annualAfter', vi: 'Chi phí/năm – sau (đồng)', en: 'Annual cost – after (VND)', width: 20, format: '#,##0' },
  { key: 'saving', vi: 'Chi phí tiết kiệm/năm (đồng)', en: 'Annual saving (VND)', width: 20, format: '#,##0' },
  { key: 'rate', vi: 'Tỷ lệ cắt giảm (%)', en: 'Saving rate (%)', width: 12, format: '0.00' },
  { key: 'plan', vi: 'Phương án đơn giản hóa', en: 'Simplification plan', width: 50 },
];

const text = (value: string | null | undefined) => (value ? neutraliseFormula(value) : '');
const round2 = (x: number | null) => (x === null ? null : Math.round(x * 100) / 100);

const cellsOf = (row: TRow, lang: TLang) => {
  const before: TCostBreakdown | null = row.figures.before;
  const plan = row.figures.plan;
  // After: the plan's breakdown when the plan counts; no change keeps the figures before; abolition is zero.
  const after = row.status === 'REVIEWED_NO_CHANGE' ? before : row.annualAfterVnd === 0 ? null : plan;
  return {
    code: text(row.code),
    name: text(row.name),
    field: text(row.fieldName),
    catalogue: CATALOGUE[row.catalogueStatus][lang],
    status: STATUS[row.status][lang],
    reviewDate: row.reviewDate ?? '',
    income: row.rate?.vndPerHour ?? null,
    hoursBefore: before?.hours ?? null,
    onceBefore: before?.costOnceVnd ?? null,
    perYearBefore: before?.compliancesPerYear ?? null,
    annualBefore: row.annualBeforeVnd,
    hoursAfter: row.annualAfterVnd === null ? null : (after?.hours ?? 0),
    onceAfter: row.annualAfterVnd === null ? null : (after?.costOnceVnd ?? 0),
    annualAfter: row.annualAfterVnd,
    saving: row.savingVnd,
    rate: round2(row.savingRatePct),
    plan: text(row.planNote),
  };
};

/**
 * The per-procedure table of the review as XLSX (one row per procedure, a total row, and a
 * summary sheet). The catalogue has hundreds of procedures, so the workbook is built in memory; text
 * cells that a spreadsheet would run as formulas are neutralised.
 */
export const buildComplianceXlsx = async (rows: readonly TRow[], dashboard: TDashboard, lang: TLang): Promise<Buffer> => {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'congthuong';
  const sheet = workbook.addWorksheet(lang === 'vi' ? 'Chi phí tuân thủ' : 'Compliance cost', { views: [{ state: 'frozen', ySplit: 1, xSplit: 2 }] });
  sheet.columns = COLUMNS.map((c) => ({ header: c[lang], key: c.key, width: c.width, style: c.format ? { numFmt: c.format } : {} }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).alignment = { wrapText: true, vertical: 'middle' };
  for (const row of rows) sheet.addRow(cellsOf(row, lang));
  const total = sheet.addRow({
    name: lang === 'vi' ? 'Tổng cộng (thủ tục đã rà soát có mô hình chi phí)' : 'Total (reviewed procedures with a cost model)',
    annualBefore: dashboard.costs.annualBeforeVnd,
    annualAfter: dashboard.costs.annualAfterVnd,
    saving: dashboard.costs.savingVnd,
    rate: round2(dashboard.costs.savingRatePct),
  });
  total.font = { bold: true };

  const summary = workbook.addWorksheet(lang === 'vi' ? 'Tổng hợp' : 'Summary');
  summary.columns = [
    { header: lang === 'vi' ? 'Chỉ tiêu' : 'Item', key: 'k', width: 48 },
    { header: lang === 'vi' ? 'Giá trị' : 'Value', key: 'v', width: 22, style: { numFmt: '#,##0.##' } },
  ];
  summary.getRow(1).font = { bold: true };
  const line = (vi: string, en: string, v: number | string | null) => summary.addRow({ k: lang === 'vi' ? vi : en, v });
  line('Ngày lập', 'As at', dashboard.at);
  line('Số thủ tục trong danh mục', 'Procedures in the catalogue', dashboard.total);
  line('Số thủ tục đã rà soát', 'Procedures reviewed', dashboard.reviewed);
  line('Tỷ lệ đã rà soát (%)', 'Review coverage (%)', round2(dashboard.coveragePct));
  line('Chi phí tuân thủ/năm trước rà soát (đồng)', 'Annual compliance cost before (VND)', dashboard.costs.annualBeforeVnd);
  line('Chi phí tuân thủ/năm sau rà soát (đồng)', 'Annual compliance cost after (VND)', dashboard.costs.annualAfterVnd);
  line('Chi phí tiết kiệm/năm (đồng)', 'Annual saving (VND)', dashboard.costs.savingVnd);
  line('Tỷ lệ cắt giảm (%)', 'Saving rate (%)', round2(dashboard.costs.savingRatePct));
  line('– trong đó đã thông qua/bãi bỏ (đồng)', '– of which adopted or abolished (VND)', dashboard.achieved.savingVnd);
  line('– trong đó đang đề xuất (đồng)', '– of which proposed (VND)', dashboard.proposed.savingVnd);
  summary.addRow({});
  const head = summary.addRow({ k: lang === 'vi' ? 'Lĩnh vực: đã rà soát / tổng số' : 'Field: reviewed / total', v: lang === 'vi' ? 'Tiết kiệm/năm (đồng)' : 'Annual saving (VND)' });
  head.font = { bold: true };
  for (const f of dashboard.byField) summary.addRow({ k: text(`${lang === 'vi' ? f.fieldName : f.fieldNameEn}: ${f.reviewed}/${f.total}`), v: f.savingVnd });
  return Buffer.from(await workbook.xlsx.writeBuffer());
};
