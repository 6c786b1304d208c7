/**
 * XLSX export of the service index: on-time tables (by procedure, unit, channel, month), the
 * 766 indicators with scores, TT01 scores per agency and per dossier. Text cells are neutralised
 * against formula injection (like the enterprise export).
 */
import ExcelJS from 'exceljs';
import { formatVnTimestamp } from '../../domain/calendar/workdays';
import { neutraliseFormula } from '../enterprises/enterprises-export';
import type { TStatsQuery } from './service-index.schemas';
import type { TServiceIndexService } from './service-index.service';

type TLang = 'vi' | 'en';

const T = {
  vi: {
    byProcedure: 'Đúng hạn - thủ tục',
    byUnit: 'Đúng hạn - đơn vị',
    byChannel: 'Đúng hạn - kênh',
    byMonth: 'Đúng hạn - tháng',
    i766: 'Chỉ số 766',
    tt01Agency: 'TT01 - cơ quan',
    tt01Dossier: 'TT01 - hồ sơ',
    period: 'Kỳ (ngày tiếp nhận)',
    asOf: 'Tính đến',
    onTimeHead: ['Khóa', 'Tên', 'Tiếp nhận', 'Đã giải quyết', 'Trước hạn', 'Đúng hạn', 'Quá hạn', 'Đang giải quyết', 'Còn hạn', 'Đã quá hạn', 'Dừng/rút', 'Tỷ lệ đúng hạn (pháp lý, %)', 'Trễ hạn (Cổng DVCQG)', 'Tỷ lệ đúng hạn (Cổng DVCQG, %)'],
    i766Head: ['Chỉ số', 'Nhóm', 'Áp dụng', 'Lý do không áp dụng', 'Tử số', 'Mẫu số', 'Tỷ lệ (%)', 'Giá trị theo dõi', 'Ngưỡng (%)', 'Điểm tối đa', 'Điểm', 'Trọng số đã kiểm chứng'],
    tt01Head: ['Cơ quan', 'Hồ sơ đánh giá', 'CS1', 'CS2', 'CS3', 'CS4', 'CS5', 'CS6', 'CS7', 'CS8', 'CS9', 'Tổng', 'Số chỉ số có dữ liệu', 'Tổng quy đổi 9 chỉ số', 'Xếp loại'],
    dossierHead: ['Mã hồ sơ', 'Cơ quan', 'Đơn vị', 'Thủ tục', 'Kênh', 'Tiếp nhận', 'Kết thúc', 'Pháp lý', 'Cổng DVCQG', 'CS1', 'CS2', 'CS3', 'CS4', 'CS7', 'Tổng'],
    total: 'Tổng',
    earned: 'Điểm đạt / điểm áp dụng',
    yes: 'có',
    no: 'không',
  },
  en: {
    byProcedure: 'On time - procedure',
    byUnit: 'On time - unit',
    byChannel: 'On time - channel',
    byMonth: 'On time - month',
    i766: 'Index 766',
    tt01Agency: 'TT01 - agency',
    tt01Dossier: 'TT01 - dossier',
    period: 'Period (receipt date)',
    asOf: 'As of',
    onTimeHead: ['Key', 'Name', 'Received', 'Finished', 'Early', 'On time', 'Late', 'In progress', 'In time', 'Overdue', 'Stopped/withdrawn', 'On-time rate (legal, %)', 'Late (national portal)', 'On-time rate (national portal, %)'],
    i766Head: ['Indicator', 'Group', 'Applicable', 'Reason not applicable', 'Numerator', 'Denominator', 'Ratio (%)', 'Monitoring value', 'Threshold (%)', 'Max points', 'Score', 'Weight verified'],
    tt01Head: ['Agency', 'Dossiers evaluated', 'I1', 'I2', 'I3', 'I4', 'I5', 'I6', 'I7', 'I8', 'I9', 'Total', 'Indicators with data', 'Total scaled to 9', 'Rating'],
    dossierHead: ['Dossier code', 'Agency', 'Unit', 'Procedure', 'Channel', 'Received', 'Finished', 'Legal', 'National portal', 'I1', 'I2', 'I3', 'I4', 'I7', 'Total'],
    total: 'Total',
    earned: 'Points earned / applicable',
    yes: 'yes',
    no: 'no',
  },
} as const;

const cell = (v: string | number | boolean | null | undefined): string | number | null => {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  return neutraliseFormula(v);
};
const pct = (r: number | null): number | null => (r === null ? null : Math.round(r * 10000) / 100);

/** Builds the workbook of the period and filters. */
export const buildServiceIndexXlsx = async (service: TServiceIndexService, q: TStatsQuery, lang: TLang): Promise<Buffer> => {
  const t = T[lang];
  const [byProcedure, byUnit, byChannel, byMonth, i766, tt01] = await Promise.all([
    service.getOnTime({ ...q, by: 'procedure' }),
    service.getOnTime({ ...q, by: 'unit' }),
    service.getOnTime({ ...q, by: 'channel' }),
    service.getOnTime({ ...q, by: 'month' }),
    service.get766(q),
    service.getTt01({ ...q, by: 'agency' }),
  ]);
  const period = service.resolvePeriod(q);
  const dossiers = await service.loadScoredDossiers(period);
  const codes = new Map((await service.catalogueAt(period)).map((c) => [c.id, c.code]));

  const wb = new ExcelJS.Workbook();
  wb.creator = 'congthuong';
  const header = (ws: ExcelJS.Worksheet, head: readonly string[]) => {
    ws.addRow([t.period, `${q.from} – ${q.to}`, t.asOf, byProcedure.period.asOf]);
    ws.addRow([]);
    const row = ws.addRow([...head]);
    row.font = { bold: true };
    ws.views = [{ state: 'frozen', ySplit: 3 }];
  };

  const onTimeSheet = (name: string, data: typeof byProcedure) => {
    const ws = wb.addWorksheet(name);
    header(ws, t.onTimeHead);
    for (const r of [...data.rows, { ...data.total, key: t.total, label: '' }]) {
      ws.addRow([cell(r.key), cell(r.label), r.received, r.finished, r.early, r.onTime, r.late, r.inProgress, r.inTime, r.overdue, r.stopped, pct(r.onTimeRate), r.nationalLate, pct(r.nationalOnTimeRate)].map((v) => (typeof v === 'string' ? cell(v) : v)));
    }
    ws.getColumn(2).width = 60;
  };
  onTimeSheet(t.byProcedure, byProcedure);
  onTimeSheet(t.byUnit, byUnit);
  onTimeSheet(t.byChannel, byChannel);
  onTimeSheet(t.byMonth, byMonth);

  const ws766 = wb.addWorksheet(t.i766);
  header(ws766, t.i766Head);
  for (const i of i766.indicators) {
    ws766.addRow([cell(i.id), i.group, i.applicable ? t.yes : t.no, cell(i.reason), i.numerator, i.denominator, pct(i.ratio), i.value, pct(i.threshold), i.maxPoints === null ? null : Math.round(i.maxPoints * 100) / 100, i.score, i.weightVerified ? t.yes : t.no]);
  }
  ws766.addRow([]);
  ws766.addRow([t.earned, i766.earned, i766.available, i766.normalised]);

  const wsAgency = wb.addWorksheet(t.tt01Agency);
  header(wsAgency, t.tt01Head);
  for (const r of tt01.rows) {
    const indicators = r.indicators as Record<string, { score: number | null } | undefined>;
    const s = (k: number) => indicators[String(k)]?.score ?? null;
    wsAgency.addRow([cell(r.label), r.dossiers, s(1), s(2), s(3), s(4), s(5), s(6), s(7), s(8), s(9), r.total, r.scored, r.normalisedTotal, cell(r.rating)]);
  }

  const wsDossier = wb.addWorksheet(t.tt01Dossier);
  header(wsDossier, t.dossierHead);
  for (const { row, item, scores } of dossiers) {
    wsDossier.addRow([
      cell(row.code),
      cell(row.agency_code),
      cell(row.unit_code),
      cell(codes.get(Number(row.procedure_id)) ?? String(row.procedure_id)),
      cell(row.channel),
      cell(formatVnTimestamp(item.fact.receivedAt).slice(0, 16).replace('T', ' ')),
      cell(item.fact.endAt === null ? null : formatVnTimestamp(item.fact.endAt).slice(0, 16).replace('T', ' ')),
      cell(item.legal),
      cell(item.national),
      scores.scores[1],
      scores.scores[2],
      scores.scores[3],
      scores.scores[4],
      scores.scores[7],
      scores.total,
    ]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
};
