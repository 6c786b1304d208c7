import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { queryRows, type TDb } from '../../db/client';
import { copyCsvInto, toCopyCsv } from '../../db/copy';
import { reportForms, statsDeflators, statsProducts, statsTetWindows, statsWeights } from '../../db/schema/statistics';
import { parseHolidayCsv } from '../../domain/calendar/holidays';
import { recordAudit, systemContext } from '../audit/audit.service';
import { OWNERSHIP_GROUP } from '../statistics/statistics.repo';
import { createStatisticsService } from '../statistics/statistics.service';
import { buildDemoWeights, createRandom, DEMO_PRODUCTS, demoQuantity, demoValue, monthsBetween } from './demo-statistics';

const REFERENCE_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'reference');

/** The monthly report forms (deadline: day of the month after the period). */
export const DEMO_FORMS = [
  { code: 'IIP_MONTHLY', kind: 'IIP', nameVi: 'Báo cáo sản xuất công nghiệp tháng', nameEn: 'Monthly industrial production report', deadlineDay: 12, expiryDays: 60 },
  { code: 'RETAIL_MONTHLY', kind: 'VALUES', nameVi: 'Báo cáo doanh thu bán lẻ hàng hóa và dịch vụ tiêu dùng tháng', nameEn: 'Monthly retail sales and consumer services report', deadlineDay: 12, expiryDays: 60 },
  { code: 'EXPORT_MONTHLY', kind: 'VALUES', nameVi: 'Báo cáo kim ngạch xuất khẩu tháng', nameEn: 'Monthly export turnover report', deadlineDay: 12, expiryDays: 60 },
  { code: 'WORKFORCE_MONTHLY', kind: 'WORKFORCE', nameVi: 'Báo cáo lao động tháng', nameEn: 'Monthly workforce report', deadlineDay: 12, expiryDays: 60 },
];
/** Months of workforce history in the default demo (productivity: 24 months of index + 12 before). */
const WORKFORCE_MONTHS = 36;

/**
 * Retail and consumer-service component of a VSIC division, as the statistics office groups them:
 * "dịch vụ khác" is real estate, administrative services, education, health, arts and
 * entertainment, and other personal services.
 */
const RETAIL_INDICATOR: Record<string, string> = {
  '45': 'RETAIL_GOODS',
  '47': 'RETAIL_GOODS',
  '55': 'ACCOM_FOOD',
  '56': 'ACCOM_FOOD',
  '79': 'TRAVEL',
  ...Object.fromEntries(['68', '77', '78', '80', '81', '82', '85', '86', '87', '88', '90', '91', '92', '93', '95', '96'].map((d) => [d, 'OTHER_SERVICES'])),
};

/** The last month whose reports are due (the month before today, Vietnam time). */
export const lastReportedMonth = (now = new Date()): string => {
  const vn = new Date(now.getTime() + 7 * 3600_000);
  const index = vn.getUTCFullYear() * 12 + vn.getUTCMonth() - 1;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
};

/**
 * Seeds the statistics demo: basket and two weight versions, deflators, official Tết windows,
 * three monthly forms with their frame (taken from the demo registry), and accepted monthly
 * reports from 2018-01 to the last month (seasonality, Tết and COVID dips, a few missing
 * reports that the engine imputes, the latest month still coming in), then computes every figure.
 */
export type TDemoStatisticsScale = {
  /** Reporters of each form taken from the registry. */
  iipCount: number;
  retailCount: number;
  exportCount: number;
  /** Products per basket class (the benchmark uses 8 × 19 ≈ 150 products). */
  productVariants: number;
  /** Take IIP and retail reporters from any activity (benchmark scale) rather than matching ones. */
  isAnyActivity: boolean;
};
const DEMO_SCALE: TDemoStatisticsScale = { iipCount: 300, retailCount: 300, exportCount: 120, productVariants: 1, isAnyActivity: false };

export const seedDemoStatistics = async (db: TDb, { from = '2018-01', to = lastReportedMonth(), seed = 2026, scale = DEMO_SCALE }: { from?: string; to?: string; seed?: number; scale?: TDemoStatisticsScale } = {}): Promise<void> => {
  if ((await db.select({ code: statsProducts.code }).from(statsProducts).limit(1)).length) return;
  const rnd = createRandom(seed);
  const months = monthsBetween(from, to);
  const ctx = systemContext('demo-seed');

  const registry = await queryRows<{ id: number; vsic_main: string; ownership: string; status: string; status_since: string | null; established_on: string | null; export_usd: string | null }>(
    db,
    sql`select e.id, e.vsic_main, e.ownership, e.status, e.status_since::text, e.established_on::text,
               (select f.export_usd::text from enterprise_figures f where f.enterprise_id = e.id order by f.year desc limit 1) as export_usd
        from enterprises e order by e.id`,
  );
  const products = DEMO_PRODUCTS.flatMap((p) =>
    Array.from({ length: scale.productVariants }, (_, v) => (scale.productVariants === 1 ? p : { ...p, code: `${p.code}_${v + 1}`, nameVi: `${p.nameVi} (loại ${v + 1})`, nameEn: `${p.nameEn} (type ${v + 1})` })),
  );
  const classes = new Set<string>(DEMO_PRODUCTS.map((p) => p.vsic4));
  const iipFrame = registry.filter((e) => scale.isAnyActivity || classes.has(e.vsic_main.slice(0, 4))).slice(0, scale.iipCount);
  const retailPool = registry.filter((e) => !iipFrame.includes(e));
  const retailFrame = retailPool.filter((e) => scale.isAnyActivity || RETAIL_INDICATOR[e.vsic_main.slice(0, 2)]).slice(0, scale.retailCount);
  const exportFrame = registry.filter((e) => e.export_usd !== null).slice(0, scale.exportCount);
  /** The product an IIP reporter makes: one of its class, or (benchmark) one by rotation. */
  const productOf = (e: (typeof registry)[number], i: number) =>
    scale.isAnyActivity ? products[i % products.length] : products.filter((p) => p.vsic4 === e.vsic_main.slice(0, 4))[i % scale.productVariants];
  const monthOf = (date: string | null) => (date ? date.slice(0, 7) : null);
  const activeFrom = (e: (typeof registry)[number]) => {
    const established = monthOf(e.established_on);
    return established && established > from ? established : from;
  };
  const activeTo = (e: (typeof registry)[number]) => (e.status === 'DISSOLVED' || e.status === 'BANKRUPT' ? monthOf(e.status_since) : null);

  const producers = new Map<string, number>();
  const levels = new Map<string, number>();
  iipFrame.forEach((e, i) => {
    const product = productOf(e, i);
    if (product) producers.set(product.code, (producers.get(product.code) ?? 0) + 1);
  });

  type TReport = { id: number; form: string; enterprise: number; period: string; status: string; submittedAt: string | null; decidedAt: string | null; cells: [string, number][] };
  const nextId = Number((await queryRows<{ n: number | string }>(db, sql`select coalesce(max(id), 0) + 1 as n from reports`))[0].n);
  const reportsOut: TReport[] = [];
  const push = (form: string, enterprise: number, period: string, cells: [string, number][], isLatest: boolean) => {
    const missing = isLatest ? rnd.next() < 0.15 : rnd.next() < 0.015;
    if (missing) return;
    const [y, m] = period.split('-').map(Number);
    const next = new Date(Date.UTC(y, m, 1));
    const day = 3 + Math.floor(rnd.next() * (rnd.next() < 0.9 ? 9 : 14));
    const submitted = new Date(next.getTime() + (day - 1) * 86400_000 + 3 * 3600_000);
    const isPending = isLatest && rnd.next() < 0.12;
    reportsOut.push({
      id: nextId + reportsOut.length,
      form,
      enterprise,
      period,
      status: isPending ? 'SUBMITTED' : 'ACCEPTED',
      submittedAt: submitted.toISOString(),
      decidedAt: isPending ? null : new Date(submitted.getTime() + 26 * 3600_000).toISOString(),
      cells,
    });
  };

  for (const [i, e] of iipFrame.entries()) {
    const product = productOf(e, i);
    if (!product) continue;
    const level = product.base * Math.exp((rnd.next() - 0.5) * 1.6) * (e.ownership === 'FDI' ? 4 : 1);
    levels.set(product.code, (levels.get(product.code) ?? 0) + level / (producers.get(product.code) ?? 1));
    const growth = product.growth + (rnd.next() - 0.5) * 0.06;
    for (const period of months) {
      if (period < activeFrom(e) || (activeTo(e) && period > (activeTo(e) ?? ''))) continue;
      const quantity = demoQuantity({ level, growth, period, noise: 0.94 + rnd.next() * 0.12 });
      push('IIP_MONTHLY', e.id, period, [[product.code, Math.round(quantity * 100) / 100]], period === to);
    }
  }
  for (const [i, e] of retailFrame.entries()) {
    const indicator = RETAIL_INDICATOR[e.vsic_main.slice(0, 2)] ?? ['RETAIL_GOODS', 'ACCOM_FOOD', 'TRAVEL', 'OTHER_SERVICES'][i % 4];
    const level = 900 * Math.exp((rnd.next() - 0.5) * 2);
    const growth = 0.08 + (rnd.next() - 0.5) * 0.06;
    for (const period of months) {
      if (period < activeFrom(e) || (activeTo(e) && period > (activeTo(e) ?? ''))) continue;
      const value = demoValue({ level, growth, period, noise: 0.95 + rnd.next() * 0.1, isRetail: true });
      push('RETAIL_MONTHLY', e.id, period, [[`${indicator}|${OWNERSHIP_GROUP[e.ownership]}`, Math.round(value * 10) / 10]], period === to);
    }
  }
  for (const e of exportFrame) {
    const level = Math.max(50, Number(e.export_usd) / 12000) * Math.exp((rnd.next() - 0.5) * 0.6);
    const growth = (e.ownership === 'FDI' ? 0.07 : 0.04) + (rnd.next() - 0.5) * 0.06;
    for (const period of months) {
      if (period < activeFrom(e) || (activeTo(e) && period > (activeTo(e) ?? ''))) continue;
      const value = demoValue({ level, growth, period, noise: 0.9 + rnd.next() * 0.2, isRetail: false });
      push('EXPORT_MONTHLY', e.id, period, [[`EXPORT|${OWNERSHIP_GROUP[e.ownership]}`, Math.round(value * 10) / 10]], period === to);
    }
  }

  // Workforce of the industrial reporters (default demo only): a slowly growing headcount, so that
  // output per worker follows production. Drawn last, so the other series stay as they were.
  const workforceMonths = scale.isAnyActivity ? [] : months.slice(-WORKFORCE_MONTHS);
  for (const e of scale.isAnyActivity ? [] : iipFrame) {
    const base = (20 + rnd.next() * 400) * (e.ownership === 'FDI' ? 3 : 1);
    for (const period of workforceMonths) {
      if (period < activeFrom(e) || (activeTo(e) && period > (activeTo(e) ?? ''))) continue;
      const years = (Number(period.slice(0, 4)) - 2024) + Number(period.slice(5, 7)) / 12;
      push('WORKFORCE_MONTHLY', e.id, period, [['WORKERS', Math.max(1, Math.round(base * 1.012 ** years * (0.98 + rnd.next() * 0.04)))]], period === to);
    }
  }

  const tetEntries = parseHolidayCsv(fs.readFileSync(path.join(REFERENCE_DIR, 'holidays-2019-2030.csv'), 'utf8')).filter((h) => h.kind === 'statutory' && /Tết Âm lịch/.test(h.name));
  const tetWindows = new Map<number, { start: string; end: string }>();
  for (const h of tetEntries) {
    const year = Number(h.date.slice(0, 4));
    const w = tetWindows.get(year);
    tetWindows.set(year, { start: w && w.start < h.date ? w.start : h.date, end: w && w.end > h.date ? w.end : h.date });
  }

  await db.transaction(async (tx) => {
    const used = products.filter((p) => producers.has(p.code));
    await tx.insert(statsProducts).values(used.map((p) => ({ code: p.code, nameVi: p.nameVi, nameEn: p.nameEn, unit: p.unit, vsic4: p.vsic4 })));
    const weights = buildDemoWeights(used, producers, levels).filter((w) => w.level !== 'VSIC2' || used.some((p) => p.vsic4.startsWith(w.code)));
    await tx.insert(statsWeights).values(weights.map((w) => ({ version: w.version, validFrom: w.validFrom, scope: w.scope, level: w.level, code: w.code, weight: w.weight, baseAnnualQty: w.baseAnnualQty })));
    await tx.insert(statsDeflators).values(
      months.flatMap((period, i) => ['RETAIL_GOODS', 'ACCOM_FOOD', 'TRAVEL', 'OTHER_SERVICES'].map((indicator, k) => ({ period, indicator, priceIndex: Math.round(100 * (1 + (0.025 + k * 0.004) / 12) ** i * 1000) / 1000 }))),
    );
    await tx.insert(statsTetWindows).values([...tetWindows].map(([year, w]) => ({ year, start: w.start, end: w.end })));
    await tx.insert(reportForms).values(DEMO_FORMS);
    const frameRows = [
      ...iipFrame.map((e) => ['IIP_MONTHLY', e.id, activeFrom(e), activeTo(e)]),
      ...retailFrame.map((e) => ['RETAIL_MONTHLY', e.id, activeFrom(e), activeTo(e)]),
      ...exportFrame.map((e) => ['EXPORT_MONTHLY', e.id, activeFrom(e), activeTo(e)]),
      ...(scale.isAnyActivity || !workforceMonths.length
        ? []
        : iipFrame
            .map((e) => ({ e, start: workforceMonths[0] > activeFrom(e) ? workforceMonths[0] : activeFrom(e) }))
            .filter(({ e, start }) => !activeTo(e) || (activeTo(e) ?? '') >= start)
            .map(({ e, start }) => ['WORKFORCE_MONTHLY', e.id, start, activeTo(e)])),
    ];
    await copyCsvInto(tx, { table: 'report_frame', columns: ['form_code', 'enterprise_id', 'active_from', 'active_to'], csv: toCopyCsv(frameRows) });
    await copyCsvInto(tx, {
      table: 'reports',
      columns: ['id', 'form_code', 'enterprise_id', 'period', 'status', 'revision', 'accepted_revision', 'submitted_at', 'decided_at'],
      csv: toCopyCsv(reportsOut.map((r) => [r.id, r.form, r.enterprise, r.period, r.status, 0, r.status === 'ACCEPTED' ? 0 : null, r.submittedAt, r.decidedAt])),
    });
    await copyCsvInto(tx, {
      table: 'report_cells',
      columns: ['report_id', 'item', 'value', 'accepted_value'],
      csv: toCopyCsv(reportsOut.flatMap((r) => r.cells.map(([item, value]) => [r.id, item, value, r.status === 'ACCEPTED' ? value : null]))),
    });
    await tx.execute(sql`select setval(pg_get_serial_sequence('reports', 'id'), (select max(id) from reports))`);
    await recordAudit(tx, ctx, { entity: 'statistics', entityId: null, action: 'statistics.demo_seed', after: { forms: DEMO_FORMS.length, reports: reportsOut.length, from, to } });
  });
  await db.execute(sql`analyze reports, report_cells`);
  await createStatisticsService({ db }).recompute({ reason: 'demo seed' });
};
