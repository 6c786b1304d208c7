import ExcelJS from 'exceljs';
import type { TDb } from '../../db/client';
import { listZones } from './enterprises.repo';
import { ENTERPRISE_COLUMN_KEYS, ENTERPRISE_COLUMNS, ENTERPRISE_STATUSES, LEGAL_FORMS, OWNERSHIPS } from './enterprise-fields';
import { listVsic } from '../reference/vsic';
import { findUnitsAt } from '../units/units.repo';
import { todayInVietnam } from './enterprises.service';

/**
 * The import template: one data sheet with the column titles, and a hidden "_lists" sheet feeding
 * drop-down lists (legal form, ownership, status, VSIC divisions, units in force, zones).
 */
export const buildEnterpriseTemplate = async (db: TDb, lang: 'vi' | 'en'): Promise<Buffer> => {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'congthuong';
  const sheet = workbook.addWorksheet(lang === 'vi' ? 'DoanhNghiep' : 'Enterprises', { views: [{ state: 'frozen', ySplit: 1 }] });
  const lists = workbook.addWorksheet('_lists', { state: 'veryHidden' });
  sheet.columns = ENTERPRISE_COLUMN_KEYS.map((k) => ({ header: ENTERPRISE_COLUMNS[k][lang], key: k, width: Math.max(14, ENTERPRISE_COLUMNS[k][lang].length + 2) }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).alignment = { wrapText: true, vertical: 'middle' };

  const units = (await findUnitsAt(db, { at: todayInVietnam() })).filter((u) => u.level !== 'PROVINCE');
  const zones = await listZones(db);
  const columns: Record<string, string[]> = {
    legal_form: Object.keys(LEGAL_FORMS),
    ownership: Object.keys(OWNERSHIPS),
    status: Object.keys(ENTERPRISE_STATUSES),
    vsic_main: listVsic().filter((v) => v.level === 'DIVISION').map((v) => `${v.code}00`),
    unit_code: units.map((u) => u.code),
    zone: zones.map((z) => z.name),
  };
  let col = 1;
  for (const [key, values] of Object.entries(columns)) {
    if (values.length === 0) continue;
    lists.getColumn(col).values = [key, ...values];
    const letter = lists.getColumn(col).letter;
    const target = sheet.getColumn(key).letter;
    const isStrict = key !== 'vsic_main';
    const validations = (sheet as unknown as { dataValidations: { add: (range: string, v: ExcelJS.DataValidation) => void } }).dataValidations;
    validations.add(`${target}2:${target}100000`, {
      type: 'list',
      allowBlank: true,
      formulae: [`_lists!$${letter}$2:$${letter}$${values.length + 1}`],
      showErrorMessage: isStrict,
      errorTitle: lang === 'vi' ? 'Giá trị không hợp lệ' : 'Invalid value',
      error: lang === 'vi' ? 'Chọn một giá trị trong danh sách' : 'Pick a value from the list',
    });
    col++;
  }
  sheet.getColumn('tax_code').numFmt = '@';
  sheet.getColumn('established_on').numFmt = '@';
  sheet.addRow({
    tax_code: '0100000000', name_vi: lang === 'vi' ? 'Công ty TNHH Ví dụ (xoá dòng này)' : 'Example Co., Ltd (delete this row)', legal_form: 'TNHH_2TV',
    ownership: 'NON_STATE', vsic_main: '2511', status: 'ACTIVE', year: new Date().getFullYear() - 1, avg_insured_employees: 25, capital_vnd: 15000000000,
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
};
