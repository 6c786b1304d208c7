import ExcelJS from 'exceljs';
import type { TStatisticsService } from '../statistics/statistics.service';
import { listVsic } from '../reference/vsic';
import { buildOfficialReportDocx } from './briefing-docx';
import { draftBriefing, type TBriefingFigures } from './briefing-text';

const SECTION_NAMES: Record<string, [string, string]> = {
  B: ['Khai khoáng', 'Mining and quarrying'],
  C: ['Công nghiệp chế biến, chế tạo', 'Manufacturing'],
  D: ['Sản xuất và phân phối điện', 'Electricity and gas supply'],
  E: ['Cung cấp nước, xử lý rác thải, nước thải', 'Water supply and waste management'],
};

/**
 * The monthly briefing: figures gathered from the published indicators, a drafted Vietnamese
 * (or English) narrative the officer edits, exported as an official BÁO CÁO (DOCX, Decree 30)
 * with an XLSX annex of the tables.
 */
export const createBriefingService = ({ statisticsService }: { statisticsService: Pick<TStatisticsService, 'getDashboard' | 'getIipTable' | 'getValueTable'> }) => {
  const gatherFigures = async (period?: string, locale: 'vi' | 'en' = 'vi'): Promise<TBriefingFigures> => {
    const dashboard = await statisticsService.getDashboard(period);
    const [tree, values] = await Promise.all([
      statisticsService.getIipTable({ period: dashboard.period, comparison: 'YOY', scope: 'ALL' }),
      statisticsService.getValueTable({ period: dashboard.period, scope: 'ALL' }),
    ]);
    const divisionNames = new Map(listVsic().map((v) => [v.code, locale === 'vi' ? v.nameVi : v.nameEn]));
    const value = (indicator: string, grp: string, comparison: string) => values.rows.find((r) => r.indicator === indicator && r.grp === grp && r.comparison === comparison);
    const sum = (...xs: (number | null | undefined)[]) => (xs.every((x) => x === null || x === undefined) ? null : xs.reduce<number>((s, x) => s + (x ?? 0), 0));
    const domesticCur = sum(value('EXPORT', 'NN', 'YTD')?.valueCur, value('EXPORT', 'NNN', 'YTD')?.valueCur);
    const domesticCmp = sum(value('EXPORT', 'NN', 'YTD')?.valueCmp, value('EXPORT', 'NNN', 'YTD')?.valueCmp);
    return {
      period: dashboard.period,
      iip: { yoy: dashboard.iip.yoy, ytd: dashboard.iip.ytd, mom: dashboard.iip.mom },
      sections: tree.rows.filter((r) => r.level === 'SECTION').map((r) => ({ code: r.code, name: SECTION_NAMES[r.code]?.[locale === 'vi' ? 0 : 1] ?? r.code, yoy: r.index, contribution: r.contribTotalPp })),
      divisions: tree.rows.filter((r) => r.level === 'VSIC2').map((r) => ({ code: r.code, name: divisionNames.get(r.code) ?? r.code, yoy: r.index, contribution: r.contribTotalPp })),
      retail: {
        value: dashboard.retail.valueCur,
        yoy: dashboard.retail.yoy,
        ytdValue: dashboard.retail.ytdValue,
        ytd: dashboard.retail.ytd,
        realYtd: dashboard.retail.realYtd,
        components: ['RETAIL_GOODS', 'ACCOM_FOOD', 'TRAVEL', 'OTHER_SERVICES'].map((code) => ({ code, value: value(code, 'ALL', 'YOY')?.valueCur ?? null, yoy: value(code, 'ALL', 'YOY')?.index ?? null })),
      },
      exports: {
        value: dashboard.exports.valueCur,
        yoy: dashboard.exports.yoy,
        ytdValue: dashboard.exports.ytdValue,
        ytd: dashboard.exports.ytd,
        domesticYtd: domesticCur,
        domesticYtdIndex: domesticCur !== null && domesticCmp ? (100 * domesticCur) / domesticCmp : null,
        fdiYtd: value('EXPORT', 'FDI', 'YTD')?.valueCur ?? null,
        fdiYtdIndex: value('EXPORT', 'FDI', 'YTD')?.index ?? null,
      },
      tetShift: dashboard.tetShift ? { twoMonthPeriod: dashboard.tetShift.twoMonthPeriod } : null,
    };
  };

  const getDraft = async (period: string | undefined, locale: 'vi' | 'en') => {
    const figures = await gatherFigures(period, locale);
    return { period: figures.period, paragraphs: draftBriefing(figures, locale), figures };
  };

  /** The official report (DOCX) from the edited paragraphs. */
  const buildDocx = async (input: { period: string; number: string; paragraphs: string[]; signerName: string; signerTitle: string; signingAuthority: string; date?: Date }) => {
    const [year, month] = input.period.split('-').map(Number);
    return buildOfficialReportDocx({
      parentAuthority: 'UBND thành phố Hà Nội',
      authority: 'Sở Công Thương',
      number: input.number,
      place: 'Hà Nội',
      date: input.date ?? new Date(),
      title: 'Báo cáo',
      summary: `Tình hình sản xuất công nghiệp, thương mại và xuất khẩu tháng ${month} năm ${year}`,
      paragraphs: input.paragraphs,
      signingAuthority: input.signingAuthority,
      signerTitle: input.signerTitle,
      signerName: input.signerName,
      recipients: ['UBND Thành phố (để báo cáo)', 'Bộ Công Thương (để báo cáo)', 'Thống kê thành phố Hà Nội', 'Ban Giám đốc Sở'],
      archive: 'VT, KHTC',
    });
  };

  /** The annex: IIP by section and division, retail components, exports by ownership group. */
  const buildAnnex = async (period?: string) => {
    const dashboard = await statisticsService.getDashboard(period);
    const [tree, values] = await Promise.all([
      statisticsService.getIipTable({ period: dashboard.period, comparison: 'YOY', scope: 'ALL' }),
      statisticsService.getValueTable({ period: dashboard.period, scope: 'ALL' }),
    ]);
    const ytd = await statisticsService.getIipTable({ period: dashboard.period, comparison: 'YTD', scope: 'ALL' });
    const names = new Map(listVsic().map((v) => [v.code, v.nameVi]));
    const workbook = new ExcelJS.Workbook();
    const iip = workbook.addWorksheet('Bieu 1 - IIP');
    iip.addRow([`Biểu 1. Chỉ số sản xuất công nghiệp tháng ${dashboard.period} (%)`]).font = { bold: true };
    iip.addRow(['Mã', 'Ngành', 'So với cùng kỳ', 'Lũy kế so với cùng kỳ', 'Đóng góp (điểm %)']).font = { bold: true };
    for (const r of tree.rows.filter((x) => x.level === 'TOTAL' || x.level === 'SECTION' || x.level === 'VSIC2')) {
      const y = ytd.rows.find((x) => x.level === r.level && x.code === r.code);
      iip.addRow([r.code, r.level === 'TOTAL' ? 'Toàn ngành công nghiệp' : (SECTION_NAMES[r.code]?.[0] ?? names.get(r.code) ?? r.code), r.index, y?.index ?? null, r.contribTotalPp]);
    }
    const retail = workbook.addWorksheet('Bieu 2 - Ban le');
    retail.addRow([`Biểu 2. Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng tháng ${dashboard.period} (triệu đồng)`]).font = { bold: true };
    retail.addRow(['Chỉ tiêu', 'Khu vực', 'So sánh', 'Kỳ này', 'Kỳ so sánh', 'Chỉ số (%)', 'Chỉ số loại trừ giá (%)']).font = { bold: true };
    for (const r of values.rows.filter((x) => x.indicator !== 'EXPORT')) retail.addRow([r.indicator, r.grp, r.comparison, r.valueCur, r.valueCmp, r.index, r.realIndex]);
    const exp = workbook.addWorksheet('Bieu 3 - Xuat khau');
    exp.addRow([`Biểu 3. Kim ngạch xuất khẩu tháng ${dashboard.period} (nghìn USD)`]).font = { bold: true };
    exp.addRow(['Khu vực', 'So sánh', 'Kỳ này', 'Kỳ so sánh', 'Chỉ số (%)']).font = { bold: true };
    for (const r of values.rows.filter((x) => x.indicator === 'EXPORT')) exp.addRow([r.grp, r.comparison, r.valueCur, r.valueCmp, r.index]);
    for (const ws of [iip, retail, exp]) ws.columns.forEach((c) => (c.width = 18));
    return Buffer.from(await workbook.xlsx.writeBuffer());
  };

  return { getDraft, buildDocx, buildAnnex };
};

export type TBriefingService = ReturnType<typeof createBriefingService>;
