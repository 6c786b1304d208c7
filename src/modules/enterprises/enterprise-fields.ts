import { normaliseHeader } from '../../lib/tabular-file';

/** Legal forms (Law on Enterprises 2020) with their Vietnamese and English labels. */
export const LEGAL_FORMS = {
  TNHH_1TV: { vi: 'Công ty TNHH một thành viên', en: 'Single-member limited liability company' },
  TNHH_2TV: { vi: 'Công ty TNHH hai thành viên trở lên', en: 'Multi-member limited liability company' },
  CO_PHAN: { vi: 'Công ty cổ phần', en: 'Joint-stock company' },
  HOP_DANH: { vi: 'Công ty hợp danh', en: 'Partnership' },
  TU_NHAN: { vi: 'Doanh nghiệp tư nhân', en: 'Private enterprise' },
  DON_VI_PHU_THUOC: { vi: 'Chi nhánh, đơn vị phụ thuộc', en: 'Branch or dependent unit' },
} as const;
export type TLegalForm = keyof typeof LEGAL_FORMS;

/** Ownership sectors used by the statistics (state, non-state, foreign-invested). */
export const OWNERSHIPS = {
  STATE: { vi: 'Nhà nước', en: 'State' },
  NON_STATE: { vi: 'Ngoài nhà nước', en: 'Non-state' },
  FDI: { vi: 'Có vốn đầu tư nước ngoài', en: 'Foreign-invested' },
} as const;
export type TOwnership = keyof typeof OWNERSHIPS;

export const ENTERPRISE_STATUSES = {
  ACTIVE: { vi: 'Đang hoạt động', en: 'Active' },
  SUSPENDED: { vi: 'Tạm ngừng kinh doanh', en: 'Suspended' },
  DISSOLVED: { vi: 'Giải thể', en: 'Dissolved' },
  BANKRUPT: { vi: 'Phá sản', en: 'Bankrupt' },
} as const;
export type TEnterpriseStatus = keyof typeof ENTERPRISE_STATUSES;

export const SIZE_CLASSES = {
  MICRO: { vi: 'Siêu nhỏ', en: 'Micro' },
  SMALL: { vi: 'Nhỏ', en: 'Small' },
  MEDIUM: { vi: 'Vừa', en: 'Medium' },
  NOT_SME: { vi: 'Không phải DNNVV', en: 'Not SME' },
} as const;

const codedIndexes = new WeakMap<object, Map<string, string>>();

/** Reads a code or its Vietnamese/English label (case and diacritics ignored). */
export const readCoded = <T extends string>(table: Record<T, { vi: string; en: string }>, raw: string): T | undefined => {
  let index = codedIndexes.get(table);
  if (!index) {
    index = new Map();
    for (const code of Object.keys(table) as T[]) {
      for (const label of [code, table[code].vi, table[code].en]) index.set(normaliseHeader(label), code);
    }
    codedIndexes.set(table, index);
  }
  const direct = (table as Record<string, unknown>)[raw] ? raw : undefined;
  return (direct ?? index.get(normaliseHeader(raw))) as T | undefined;
};

/** The columns of the enterprise file (import, export and template), with accepted header spellings. */
export const ENTERPRISE_COLUMNS = {
  tax_code: { vi: 'Mã số thuế', en: 'Tax code', aliases: ['mst', 'ma so doanh nghiep'] },
  name_vi: { vi: 'Tên doanh nghiệp', en: 'Name', aliases: ['ten', 'ten tieng viet', 'name vi'] },
  name_intl: { vi: 'Tên quốc tế', en: 'International name', aliases: ['ten nuoc ngoai', 'ten tieng anh', 'name en'] },
  short_name: { vi: 'Tên viết tắt', en: 'Short name', aliases: [] },
  legal_form: { vi: 'Loại hình doanh nghiệp', en: 'Legal form', aliases: ['loai hinh'] },
  ownership: { vi: 'Khu vực sở hữu', en: 'Ownership', aliases: ['so huu', 'thanh phan kinh te'] },
  vsic_main: { vi: 'Ngành kinh doanh chính (VSIC)', en: 'Main VSIC line', aliases: ['nganh chinh', 'ma nganh chinh', 'vsic'] },
  vsic_other: { vi: 'Ngành khác (VSIC; cách nhau bởi ;)', en: 'Other VSIC lines', aliases: ['nganh khac'] },
  address: { vi: 'Địa chỉ', en: 'Address', aliases: ['dia chi tru so'] },
  unit_code: { vi: 'Mã xã/phường', en: 'Commune/ward code', aliases: ['ma don vi hanh chinh', 'unit'] },
  former_district: { vi: 'Mã quận/huyện cũ', en: 'Former district code', aliases: ['quan huyen cu', 'former district'] },
  zone: { vi: 'KCN/CCN', en: 'Industrial zone or cluster', aliases: ['khu cong nghiep', 'cum cong nghiep'] },
  established_on: { vi: 'Ngày thành lập', en: 'Established on', aliases: ['ngay cap', 'established'] },
  status: { vi: 'Trạng thái', en: 'Status', aliases: ['tinh trang'] },
  status_since: { vi: 'Ngày đổi trạng thái', en: 'Status since', aliases: [] },
  legal_rep: { vi: 'Người đại diện theo pháp luật', en: 'Legal representative', aliases: ['nguoi dai dien'] },
  phone: { vi: 'Điện thoại', en: 'Phone', aliases: ['so dien thoai'] },
  email: { vi: 'Email', en: 'E-mail', aliases: ['thu dien tu'] },
  website: { vi: 'Website', en: 'Website', aliases: [] },
  year: { vi: 'Năm số liệu', en: 'Figures year', aliases: ['nam'] },
  avg_insured_employees: { vi: 'Lao động đóng BHXH bình quân', en: 'Average insured employees', aliases: ['lao dong', 'so lao dong'] },
  revenue_vnd: { vi: 'Tổng doanh thu (đồng)', en: 'Revenue (VND)', aliases: ['doanh thu'] },
  capital_vnd: { vi: 'Tổng nguồn vốn (đồng)', en: 'Total capital (VND)', aliases: ['nguon von', 'von'] },
  export_usd: { vi: 'Giá trị xuất khẩu (USD)', en: 'Export value (USD)', aliases: ['xuat khau'] },
} as const;
export type TEnterpriseColumn = keyof typeof ENTERPRISE_COLUMNS;
export const ENTERPRISE_COLUMN_KEYS = Object.keys(ENTERPRISE_COLUMNS) as TEnterpriseColumn[];

/** Header aliases for parseCsvRecords: the code, the Vietnamese and English titles and extra spellings. */
export const ENTERPRISE_HEADER_ALIASES = Object.fromEntries(
  ENTERPRISE_COLUMN_KEYS.map((k) => [k, [ENTERPRISE_COLUMNS[k].vi, ENTERPRISE_COLUMNS[k].en, ...ENTERPRISE_COLUMNS[k].aliases]]),
) as Record<TEnterpriseColumn, string[]>;

/** 10 digits, or 10 digits + "-" + 3 digits for a dependent unit. */
export const TAX_CODE_PATTERN = /^\d{10}(-\d{3})?$/;
