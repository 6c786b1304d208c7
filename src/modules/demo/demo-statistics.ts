import { tetDate } from '../../domain/calendar/lunar';
import type { TWeightRow } from '../../domain/stats/stats.types';
import { createRandom } from './demo-enterprises';

/** The demo basket: one or two products per VSIC class found among the demo manufacturers. */
export const DEMO_PRODUCTS = [
  { code: 'P0810_STONE', vsic4: '0810', nameVi: 'Đá xây dựng', nameEn: 'Construction stone', unit: 'nghìn m3', base: 3.5, growth: 0.03 },
  { code: 'P1010_MEAT', vsic4: '1010', nameVi: 'Thịt và sản phẩm từ thịt chế biến', nameEn: 'Processed meat', unit: 'tấn', base: 42, growth: 0.06 },
  { code: 'P1071_CAKE', vsic4: '1071', nameVi: 'Bánh, kẹo các loại', nameEn: 'Bakery and confectionery', unit: 'tấn', base: 25, growth: 0.05 },
  { code: 'P1103_BEER', vsic4: '1103', nameVi: 'Bia các loại', nameEn: 'Beer', unit: 'nghìn lít', base: 900, growth: 0.02 },
  { code: 'P1410_APPAREL', vsic4: '1410', nameVi: 'Quần áo may sẵn', nameEn: 'Ready-made garments', unit: 'nghìn cái', base: 28, growth: 0.07 },
  { code: 'P1629_WOODART', vsic4: '1629', nameVi: 'Đồ gỗ mỹ nghệ', nameEn: 'Wooden handicrafts', unit: 'nghìn sản phẩm', base: 6, growth: 0.04 },
  { code: 'P1811_PRINT', vsic4: '1811', nameVi: 'Sản phẩm in', nameEn: 'Printed matter', unit: 'triệu trang', base: 14, growth: 0.01 },
  { code: 'P2220_PLASTIC', vsic4: '2220', nameVi: 'Sản phẩm bằng plastic', nameEn: 'Plastic products', unit: 'tấn', base: 60, growth: 0.08 },
  { code: 'P2392_BRICK', vsic4: '2392', nameVi: 'Gạch xây bằng đất nung', nameEn: 'Fired clay bricks', unit: 'nghìn viên', base: 1800, growth: -0.02 },
  { code: 'P2394_CEMENT', vsic4: '2394', nameVi: 'Xi măng', nameEn: 'Cement', unit: 'nghìn tấn', base: 55, growth: 0.02 },
  { code: 'P2511_STEELSTRUCT', vsic4: '2511', nameVi: 'Cấu kiện thép', nameEn: 'Structural steel', unit: 'tấn', base: 140, growth: 0.07 },
  { code: 'P2592_MECHPART', vsic4: '2592', nameVi: 'Chi tiết cơ khí gia công', nameEn: 'Machined parts', unit: 'nghìn chiếc', base: 38, growth: 0.09 },
  { code: 'P2610_ELECCOMP', vsic4: '2610', nameVi: 'Linh kiện điện tử', nameEn: 'Electronic components', unit: 'triệu chiếc', base: 8, growth: 0.13 },
  { code: 'P2710_MOTOR', vsic4: '2710', nameVi: 'Mô tơ, máy phát, biến thế điện', nameEn: 'Electric motors and transformers', unit: 'chiếc', base: 700, growth: 0.08 },
  { code: 'P2930_AUTOPART', vsic4: '2930', nameVi: 'Phụ tùng, linh kiện ô tô', nameEn: 'Motor vehicle parts', unit: 'nghìn chiếc', base: 20, growth: 0.1 },
  { code: 'P3100_FURNITURE', vsic4: '3100', nameVi: 'Giường, tủ, bàn, ghế', nameEn: 'Furniture', unit: 'chiếc', base: 1500, growth: 0.05 },
  { code: 'P3510_POWER', vsic4: '3510', nameVi: 'Điện sản xuất', nameEn: 'Electricity generated', unit: 'triệu kWh', base: 30, growth: 0.06 },
  { code: 'P3600_WATER', vsic4: '3600', nameVi: 'Nước máy', nameEn: 'Piped water', unit: 'nghìn m3', base: 2600, growth: 0.04 },
  { code: 'P3821_WASTE', vsic4: '3821', nameVi: 'Rác thải không độc hại đã xử lý', nameEn: 'Non-hazardous waste treated', unit: 'tấn', base: 9000, growth: 0.05 },
] as const;

/** Value-added weights of divisions and sections (VND billion, demo), two base years. */
const DIVISION_WEIGHTS: Record<string, [number, number]> = {
  '08': [900, 800], '10': [5200, 6100], '11': [7400, 6900], '14': [6100, 6600], '16': [1300, 1200], '18': [2100, 1900], '22': [3900, 4700],
  '23': [5600, 5100], '25': [6800, 8200], '26': [9500, 14200], '27': [4300, 5600], '29': [3600, 4800], '31': [1900, 2200], '35': [6400, 8100],
  '36': [1700, 1900], '38': [800, 1100],
};
const SECTION_WEIGHTS: Record<string, [number, number]> = { B: [1100, 950], C: [88000, 104000], D: [7600, 9500], E: [2900, 3400] };

const SEASON = [0.93, 0.86, 1.0, 1.0, 1.02, 1.02, 1.01, 1.03, 1.02, 1.04, 1.05, 1.09];
const RETAIL_SEASON = [1.04, 1.02, 0.96, 0.96, 0.98, 0.98, 0.99, 1.0, 0.99, 1.0, 1.02, 1.08];

/** Months between two periods (YYYY-MM). */
export const monthsBetween = (from: string, to: string): string[] => {
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number);
  const [ty, tm] = to.split('-').map(Number);
  while (y < ty || (y === ty && m <= tm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
};

/** Calendar effects of the demo series: Tết (lunar new year month down, month before up) and the COVID-19 months in Hà Nội. */
const calendarFactor = (period: string, { isRetail }: { isRetail: boolean }): number => {
  const [y, m] = period.split('-').map(Number);
  const tet = tetDate(y);
  const tetMonth = Number(tet.slice(5, 7));
  let factor = 1;
  if (m === tetMonth) factor *= isRetail ? 1.1 : 0.8;
  if (m === tetMonth - 1) factor *= isRetail ? 1.06 : 1.07;
  if (period === '2020-04') factor *= isRetail ? 0.78 : 0.84;
  if (period === '2021-08' || period === '2021-09') factor *= isRetail ? 0.72 : 0.86;
  return factor;
};

/** Monthly quantity of one product at one enterprise (deterministic: same inputs, same number). */
export const demoQuantity = ({ level, growth, period, noise }: { level: number; growth: number; period: string; noise: number }): number => {
  const [y, m] = period.split('-').map(Number);
  const years = y - 2018 + (m - 1) / 12;
  return Math.max(0, level * (1 + growth) ** years * SEASON[m - 1] * calendarFactor(period, { isRetail: false }) * noise);
};

/** Monthly value (million VND or thousand USD) of a retail or export reporter. */
export const demoValue = ({ level, growth, period, noise, isRetail }: { level: number; growth: number; period: string; noise: number; isRetail: boolean }): number => {
  const [y, m] = period.split('-').map(Number);
  const years = y - 2018 + (m - 1) / 12;
  return Math.max(0, level * (1 + growth) ** years * (isRetail ? RETAIL_SEASON[m - 1] : SEASON[m - 1]) * calendarFactor(period, { isRetail }) * noise);
};

/**
 * Weights of the demo basket: base year 2015 (valid from 2017-01) and base year 2020 (valid from
 * 2023-01), so re-basing and BASE_LINKED are visible in the demo. Product weights follow the
 * basket's size; base annual quantities are the basket's expected base-year output.
 */
export const buildDemoWeights = (
  products: readonly { code: string; vsic4: string; base: number; growth: number }[],
  producersPerProduct: Map<string, number>,
  averageLevel: Map<string, number>,
): TWeightRow[] => {
  const rows: TWeightRow[] = [];
  for (const [version, validFrom, k] of [[2015, '2017-01', 0], [2020, '2023-01', 1]] as const) {
    const classes = new Set<string>();
    for (const p of products) {
      const producers = producersPerProduct.get(p.code) ?? 0;
      if (producers === 0) continue;
      const years = version - 2018;
      const annual = (averageLevel.get(p.code) ?? p.base) * producers * 12 * (1 + p.growth) ** years;
      rows.push({ version, validFrom, scope: 'ALL', level: 'PRODUCT', code: p.code, weight: Math.round(annual * (5 + (p.code.length % 7))) / 10, baseAnnualQty: Math.round(annual * 10) / 10 });
      if (!classes.has(p.vsic4)) rows.push({ version, validFrom, scope: 'ALL', level: 'VSIC4', code: p.vsic4, weight: Math.round(DIVISION_WEIGHTS[p.vsic4.slice(0, 2)]?.[k] ?? 500) / 2, baseAnnualQty: null });
      classes.add(p.vsic4);
    }
    for (const [division, w] of Object.entries(DIVISION_WEIGHTS)) rows.push({ version, validFrom, scope: 'ALL', level: 'VSIC2', code: division, weight: w[k], baseAnnualQty: null });
    for (const [section, w] of Object.entries(SECTION_WEIGHTS)) rows.push({ version, validFrom, scope: 'ALL', level: 'SECTION', code: section, weight: w[k], baseAnnualQty: null });
  }
  return rows;
};

export { createRandom };
