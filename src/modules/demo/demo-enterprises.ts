import { stringify } from 'csv-stringify/sync';
import { ENTERPRISE_COLUMN_KEYS, type TEnterpriseColumn } from '../enterprises/enterprise-fields';

/** A small, fast, seeded PRNG (mulberry32): the same seed gives the same demo data. */
export const createRandom = (seed: number) => {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const weighted = <T>(items: readonly (readonly [T, number])[]): T => {
    const total = items.reduce((s, [, w]) => s + w, 0);
    let r = next() * total;
    for (const [item, w] of items) if ((r -= w) < 0) return item;
    return items[items.length - 1][0];
  };
  /** Log-normal draw with the given median and spread. */
  const logNormal = (median: number, sigma: number) => {
    const u = Math.max(next(), 1e-12);
    const v = next();
    return median * Math.exp(sigma * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v));
  };
  return { next, pick, weighted, logNormal };
};

/** VSIC classes with the word that names such a business, and a weight for the Hà Nội mix. */
const ACTIVITIES: readonly (readonly [{ vsic: string; word: string }, number])[] = [
  [{ vsic: '4662', word: 'Thương mại Kim khí' }, 6], [{ vsic: '4659', word: 'Thiết bị Công nghiệp' }, 6], [{ vsic: '4690', word: 'Thương mại Tổng hợp' }, 10],
  [{ vsic: '4711', word: 'Siêu thị' }, 2], [{ vsic: '4719', word: 'Bán lẻ Tiện lợi' }, 3], [{ vsic: '4773', word: 'Mỹ phẩm' }, 2], [{ vsic: '4511', word: 'Ô tô' }, 2],
  [{ vsic: '4632', word: 'Thực phẩm Sạch' }, 4], [{ vsic: '4641', word: 'Dệt may Thời trang' }, 3],
  [{ vsic: '1010', word: 'Chế biến Thực phẩm' }, 2], [{ vsic: '1071', word: 'Bánh kẹo' }, 1], [{ vsic: '1103', word: 'Bia Nước giải khát' }, 0.3],
  [{ vsic: '1410', word: 'May mặc' }, 3], [{ vsic: '1629', word: 'Đồ gỗ Mỹ nghệ' }, 1.5], [{ vsic: '1811', word: 'In ấn Bao bì' }, 1.5],
  [{ vsic: '2220', word: 'Nhựa' }, 1.5], [{ vsic: '2394', word: 'Xi măng' }, 0.2], [{ vsic: '2392', word: 'Gạch Ngói' }, 0.5], [{ vsic: '2511', word: 'Kết cấu Thép' }, 2],
  [{ vsic: '2592', word: 'Cơ khí Chính xác' }, 2], [{ vsic: '2610', word: 'Linh kiện Điện tử' }, 0.8], [{ vsic: '2710', word: 'Thiết bị Điện' }, 0.8],
  [{ vsic: '2930', word: 'Phụ tùng Ô tô' }, 0.5], [{ vsic: '3100', word: 'Nội thất' }, 1.5], [{ vsic: '3320', word: 'Lắp đặt Máy móc' }, 1],
  [{ vsic: '3510', word: 'Năng lượng Điện' }, 0.3], [{ vsic: '3600', word: 'Nước sạch' }, 0.1], [{ vsic: '3821', word: 'Môi trường Xanh' }, 0.4], [{ vsic: '0810', word: 'Khai thác Đá' }, 0.2],
  [{ vsic: '4100', word: 'Xây dựng' }, 8], [{ vsic: '4321', word: 'Lắp đặt Điện' }, 3], [{ vsic: '4933', word: 'Vận tải' }, 4], [{ vsic: '5210', word: 'Kho vận Logistics' }, 2],
  [{ vsic: '5510', word: 'Khách sạn' }, 1.5], [{ vsic: '5610', word: 'Nhà hàng Ẩm thực' }, 3], [{ vsic: '6201', word: 'Công nghệ Phần mềm' }, 4], [{ vsic: '6810', word: 'Bất động sản' }, 3],
  [{ vsic: '7020', word: 'Tư vấn Quản lý' }, 4], [{ vsic: '7110', word: 'Tư vấn Thiết kế' }, 3], [{ vsic: '7310', word: 'Quảng cáo Truyền thông' }, 2], [{ vsic: '7911', word: 'Du lịch Lữ hành' }, 2],
  [{ vsic: '8559', word: 'Giáo dục Đào tạo' }, 2], [{ vsic: '0118', word: 'Nông nghiệp Công nghệ cao' }, 0.5],
];
const PLACES = ['Thăng Long', 'Hà Nội', 'Đông Anh', 'Sóc Sơn', 'Gia Lâm', 'Long Biên', 'Hồng Hà', 'Ba Vì', 'Hà Đông', 'Phú Xuyên', 'Đại Việt', 'Sao Mai', 'Hưng Thịnh', 'Phúc Lộc', 'Bảo Long', 'Trường An', 'Minh Phát', 'Tân Phát', 'An Khánh', 'Nam Tiến', 'Kim Anh', 'Việt Hưng', 'Hòa Bình', 'Thành Công', 'Quang Minh', 'Tây Hồ', 'Vạn Xuân', 'Ngọc Hà', 'Hoàng Long', 'Bình Minh'];
const SURNAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương'];
const MIDDLE = ['Văn', 'Thị', 'Đức', 'Minh', 'Thu', 'Quang', 'Hồng', 'Thanh', 'Ngọc', 'Hữu'];
const GIVEN = ['An', 'Bình', 'Cường', 'Dũng', 'Hà', 'Hải', 'Hương', 'Lan', 'Long', 'Mai', 'Nam', 'Phương', 'Quân', 'Sơn', 'Tâm', 'Thảo', 'Trang', 'Tuấn', 'Việt', 'Yến'];
const STREETS = ['Nguyễn Trãi', 'Giải Phóng', 'Phạm Văn Đồng', 'Láng Hạ', 'Trường Chinh', 'Cầu Giấy', 'Nguyễn Văn Cừ', 'Tây Sơn', 'Lê Văn Lương', 'Kim Mã', 'Xuân Thủy', 'Quang Trung'];
/** Former districts weighted roughly by their number of enterprises (central districts hold most). */
const DISTRICTS: readonly (readonly [{ code: string; name: string }, number])[] = [
  [{ code: '001', name: 'Ba Đình' }, 6], [{ code: '002', name: 'Hoàn Kiếm' }, 6], [{ code: '003', name: 'Tây Hồ' }, 4], [{ code: '004', name: 'Long Biên' }, 6],
  [{ code: '005', name: 'Cầu Giấy' }, 11], [{ code: '006', name: 'Đống Đa' }, 10], [{ code: '007', name: 'Hai Bà Trưng' }, 8], [{ code: '008', name: 'Hoàng Mai' }, 7],
  [{ code: '009', name: 'Thanh Xuân' }, 7], [{ code: '016', name: 'Sóc Sơn' }, 2], [{ code: '017', name: 'Đông Anh' }, 4], [{ code: '018', name: 'Gia Lâm' }, 3],
  [{ code: '019', name: 'Nam Từ Liêm' }, 9], [{ code: '020', name: 'Thanh Trì' }, 3], [{ code: '021', name: 'Bắc Từ Liêm' }, 6], [{ code: '250', name: 'Mê Linh' }, 1.5],
  [{ code: '268', name: 'Hà Đông' }, 6], [{ code: '269', name: 'Sơn Tây' }, 1], [{ code: '271', name: 'Ba Vì' }, 0.6], [{ code: '272', name: 'Phúc Thọ' }, 0.5],
  [{ code: '273', name: 'Đan Phượng' }, 0.8], [{ code: '274', name: 'Hoài Đức' }, 2], [{ code: '275', name: 'Quốc Oai' }, 0.8], [{ code: '276', name: 'Thạch Thất' }, 1],
  [{ code: '277', name: 'Chương Mỹ' }, 1], [{ code: '278', name: 'Thanh Oai' }, 0.8], [{ code: '279', name: 'Thường Tín' }, 1], [{ code: '280', name: 'Phú Xuyên' }, 0.7],
  [{ code: '281', name: 'Ứng Hòa' }, 0.5], [{ code: '282', name: 'Mỹ Đức' }, 0.4],
];

/**
 * Generates N enterprises as rows of the import file (deterministic for a seed): Vietnamese
 * names, a Hà Nội-like mix of activities, ownership and legal forms, former districts, zones for
 * some manufacturers, and last year's figures that put about 97% of them among SMEs.
 */
export const generateDemoEnterprises = ({ count, seed = 2026, year, zoneNames = [] }: { count: number; seed?: number; year: number; zoneNames?: string[] }) => {
  const rnd = createRandom(seed);
  const rows: Partial<Record<TEnterpriseColumn, string>>[] = [];
  for (let i = 0; i < count; i++) {
    const activity = rnd.weighted(ACTIVITIES);
    const ownership = rnd.weighted([['NON_STATE', 95], ['FDI', 3.5], ['STATE', 1.5]] as const);
    const legalForm = ownership === 'STATE' ? 'TNHH_1TV' : rnd.weighted([['TNHH_1TV', 35], ['TNHH_2TV', 30], ['CO_PHAN', 25], ['TU_NHAN', 8], ['HOP_DANH', 0.5]] as const);
    const prefix = { TNHH_1TV: 'Công ty TNHH', TNHH_2TV: 'Công ty TNHH', CO_PHAN: 'Công ty Cổ phần', TU_NHAN: 'Doanh nghiệp tư nhân', HOP_DANH: 'Công ty Hợp danh' }[legalForm];
    const place = rnd.pick(PLACES);
    const name = `${prefix} ${activity.word} ${place}${i % 7 === 0 ? ` ${i % 97}` : ''}`;
    const district = rnd.weighted(DISTRICTS);
    const isManufacturing = /^(0[5-9]|[1-3]\d)/.test(activity.vsic);
    const zone = isManufacturing && zoneNames.length && rnd.next() < 0.12 ? rnd.pick(zoneNames) : '';
    const established = `${2000 + Math.floor(rnd.next() * (year - 2000))}-${String(1 + Math.floor(rnd.next() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rnd.next() * 28)).padStart(2, '0')}`;
    const scale = ownership === 'FDI' ? 8 : ownership === 'STATE' ? 12 : 1;
    const employees = Math.max(1, Math.round(rnd.logNormal(6 * scale, 1.25)));
    const revenue = Math.round(rnd.logNormal(4e9 * scale, 1.5) / 1e6) * 1e6;
    const capital = Math.round(rnd.logNormal(3e9 * scale, 1.4) / 1e6) * 1e6;
    const status = rnd.weighted([['ACTIVE', 90], ['SUSPENDED', 6], ['DISSOLVED', 3.5], ['BANKRUPT', 0.5]] as const);
    const rep = `${rnd.pick(SURNAMES)} ${rnd.pick(MIDDLE)} ${rnd.pick(GIVEN)}`;
    rows.push({
      tax_code: `01${String(5_000_000 + i * 7 + (seed % 7)).padStart(8, '0')}`,
      name_vi: name,
      name_intl: ownership === 'FDI' ? `${place.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/gi, 'd')} ${activity.vsic} Co., Ltd` : '',
      legal_form: legalForm,
      ownership,
      vsic_main: activity.vsic,
      address: `Số ${1 + Math.floor(rnd.next() * 300)} đường ${rnd.pick(STREETS)}, ${district.name}, Hà Nội`,
      former_district: district.code,
      zone,
      established_on: established,
      status,
      status_since: status === 'ACTIVE' ? '' : `${year}-0${1 + Math.floor(rnd.next() * 9)}-15`,
      legal_rep: rep,
      phone: `024${String(30000000 + Math.floor(rnd.next() * 69999999)).slice(0, 8)}`,
      year: String(year),
      avg_insured_employees: String(employees),
      revenue_vnd: String(revenue),
      capital_vnd: String(capital),
      export_usd: ownership === 'FDI' || rnd.next() < 0.05 ? String(Math.round(rnd.logNormal(5e5 * scale, 1.2))) : '',
    });
  }
  return rows;
};

/** The generated rows as the CSV the import accepts (header = column codes). */
export const toEnterpriseCsv = (rows: Partial<Record<TEnterpriseColumn, string>>[]): string =>
  stringify([ENTERPRISE_COLUMN_KEYS, ...rows.map((r) => ENTERPRISE_COLUMN_KEYS.map((k) => r[k] ?? ''))]);
