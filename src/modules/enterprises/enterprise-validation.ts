import { classifySme, getSectorGroupForVsic, parseVndAmount, SmeInputError, type TSmeResult } from '../../domain/sme/sme';
import { isIsoDate, type TRowError } from '../../lib/tabular-file';
import { isKnownVsicCode } from '../reference/vsic';
import {
  ENTERPRISE_STATUSES,
  LEGAL_FORMS,
  OWNERSHIPS,
  readCoded,
  TAX_CODE_PATTERN,
  type TEnterpriseColumn,
  type TEnterpriseStatus,
  type TLegalForm,
  type TOwnership,
} from './enterprise-fields';

/** An enterprise as validated from a form or a file row, ready to store. */
export type TEnterpriseInput = {
  taxCode: string;
  nameVi: string;
  nameIntl: string | null;
  shortName: string | null;
  legalForm: TLegalForm;
  ownership: TOwnership;
  vsicMain: string;
  vsicOther: string[];
  address: string | null;
  unitCode: string | null;
  formerDistrict: string | null;
  zoneId: number | null;
  establishedOn: string | null;
  status: TEnterpriseStatus;
  statusSince: string | null;
};

export type TEnterpriseContacts = { legalRep: string | null; phone: string | null; email: string | null; website: string | null };

export type TFiguresInput = {
  year: number;
  avgInsuredEmployees: string;
  revenueVnd: bigint | null;
  capitalVnd: bigint;
  exportUsd: bigint | null;
  classification: TSmeResult;
};

export type TValidatedRow = { rowNumber: number; enterprise: TEnterpriseInput & TEnterpriseContacts; figures: TFiguresInput | null };

/** What validation needs to know about the database (loaded once per file). */
export type TLookups = {
  /** Commune/ward codes in force today (current administrative units). */
  currentUnitCodes: Set<string>;
  /** District codes valid before the 2025 reform. */
  formerDistrictCodes: Set<string>;
  /** Zones by id and by unaccented name. */
  zonesByKey: Map<string, number>;
  /** Today in Vietnam (YYYY-MM-DD), for "not in the future". */
  today: string;
};

const clean = (v: string | undefined): string | null => (v === undefined || v.trim() === '' ? null : v.trim());

/**
 * Validates one row of an enterprise file (or one form). Every problem is reported with its
 * column; the row is returned only when it has none.
 */
export const validateEnterpriseRow = (
  rowNumber: number,
  v: Partial<Record<TEnterpriseColumn, string>>,
  lookups: TLookups,
): { row: TValidatedRow | null; errors: TRowError[] } => {
  const errors: TRowError[] = [];
  const err = (column: TEnterpriseColumn, message: string) => errors.push({ row: rowNumber, column, message });

  const taxCode = clean(v.tax_code) ?? '';
  if (!taxCode) err('tax_code', 'required');
  else if (!TAX_CODE_PATTERN.test(taxCode)) err('tax_code', `"${taxCode}" is not a tax code (10 digits, or 10 digits-3 digits for a dependent unit)`);
  const nameVi = clean(v.name_vi) ?? '';
  if (!nameVi) err('name_vi', 'required');
  else if (nameVi.length > 500) err('name_vi', 'at most 500 characters');
  const legalForm = v.legal_form ? readCoded(LEGAL_FORMS, v.legal_form) : undefined;
  if (!clean(v.legal_form)) err('legal_form', 'required');
  else if (!legalForm) err('legal_form', `"${v.legal_form}" is not a legal form (${Object.keys(LEGAL_FORMS).join(', ')})`);
  const ownership = v.ownership ? readCoded(OWNERSHIPS, v.ownership) : undefined;
  if (!clean(v.ownership)) err('ownership', 'required');
  else if (!ownership) err('ownership', `"${v.ownership}" is not an ownership sector (STATE, NON_STATE, FDI)`);
  const vsicMain = clean(v.vsic_main) ?? '';
  if (!vsicMain) err('vsic_main', 'required');
  else if (!/^\d{4,5}$/.test(vsicMain)) err('vsic_main', `"${vsicMain}" must be a VSIC 2018 code of 4 or 5 digits`);
  else if (!isKnownVsicCode(vsicMain)) err('vsic_main', `"${vsicMain}" is not in VSIC 2018 (unknown division ${vsicMain.slice(0, 2)})`);
  const vsicOther = (clean(v.vsic_other) ?? '').split(/[;,\s]+/).filter(Boolean);
  const badOther = vsicOther.filter((c) => !/^\d{4,5}$/.test(c) || !isKnownVsicCode(c));
  if (badOther.length) err('vsic_other', `not VSIC 2018 codes: ${badOther.join(', ')}`);

  const unitCode = clean(v.unit_code);
  if (unitCode && !lookups.currentUnitCodes.has(unitCode)) err('unit_code', `"${unitCode}" is not an administrative unit in force`);
  const formerDistrict = clean(v.former_district);
  if (formerDistrict && !lookups.formerDistrictCodes.has(formerDistrict)) err('former_district', `"${formerDistrict}" is not a former district code`);
  const zoneRaw = clean(v.zone);
  const zoneId = zoneRaw ? (lookups.zonesByKey.get(zoneKey(zoneRaw)) ?? null) : null;
  if (zoneRaw && zoneId === null) err('zone', `unknown industrial zone or cluster "${zoneRaw}"`);

  const dateField = (column: TEnterpriseColumn, raw: string | undefined): string | null => {
    const value = clean(raw);
    if (value === null) return null;
    if (!isIsoDate(value)) {
      err(column, `"${value}" is not a date YYYY-MM-DD`);
      return null;
    }
    if (value > lookups.today) err(column, `${value} is in the future`);
    return value;
  };
  const establishedOn = dateField('established_on', v.established_on);
  const statusSince = dateField('status_since', v.status_since);
  const status = clean(v.status) ? readCoded(ENTERPRISE_STATUSES, v.status ?? '') : 'ACTIVE';
  if (!status) err('status', `"${v.status}" is not a status (ACTIVE, SUSPENDED, DISSOLVED, BANKRUPT)`);
  const email = clean(v.email);
  if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) err('email', `"${email}" is not an e-mail address`);

  let figures: TFiguresInput | null = null;
  const yearRaw = clean(v.year);
  const hasFigures = [v.avg_insured_employees, v.revenue_vnd, v.capital_vnd, v.export_usd].some((x) => clean(x) !== null);
  if (yearRaw || hasFigures) {
    const year = Number(yearRaw);
    const thisYear = Number(lookups.today.slice(0, 4));
    if (!yearRaw) err('year', 'required when figures are given');
    else if (!/^\d{4}$/.test(yearRaw) || year < 1990 || year > thisYear) err('year', `"${yearRaw}" must be a year between 1990 and ${thisYear}`);
    const employees = clean(v.avg_insured_employees);
    if (employees === null) err('avg_insured_employees', 'required when figures are given');
    else if (!/^\d+([.,]\d+)?$/.test(employees)) err('avg_insured_employees', `"${employees}" must be a non-negative number`);
    const money = (column: TEnterpriseColumn, raw: string | undefined, required: boolean): bigint | null => {
      const value = clean(raw);
      if (value === null) {
        if (required) err(column, 'required when figures are given');
        return null;
      }
      try {
        const amount = parseVndAmount(/^\d{1,3}([.\s]\d{3})+$/.test(value) ? value.replace(/[.\s]/g, '') : value);
        if (amount === null || amount < 0n) {
          err(column, `"${value}" must be a non-negative whole amount`);
          return null;
        }
        return amount;
      } catch {
        err(column, `"${value}" must be a non-negative whole amount`);
        return null;
      }
    };
    const revenueVnd = money('revenue_vnd', v.revenue_vnd, false);
    const capitalVnd = money('capital_vnd', v.capital_vnd, true);
    const exportUsd = money('export_usd', v.export_usd, false);
    if (errors.length === 0 && employees !== null && capitalVnd !== null && vsicMain) {
      try {
        const classification = classifySme({
          sectorGroup: getSectorGroupForVsic(vsicMain),
          avgInsuredEmployees: employees.replace(',', '.'),
          revenueVnd,
          capitalVnd,
          onDate: `${year}-12-31`,
        });
        figures = { year, avgInsuredEmployees: employees.replace(',', '.'), revenueVnd, capitalVnd, exportUsd, classification };
      } catch (error) {
        if (error instanceof SmeInputError) err('avg_insured_employees', error.message);
        else throw error;
      }
    }
  }

  if (errors.length || !legalForm || !ownership || !status) return { row: null, errors };
  return {
    errors,
    row: {
      rowNumber,
      enterprise: {
        taxCode,
        nameVi: nameVi.normalize('NFC'),
        nameIntl: clean(v.name_intl),
        shortName: clean(v.short_name),
        legalForm,
        ownership,
        vsicMain,
        vsicOther,
        address: clean(v.address)?.normalize('NFC') ?? null,
        unitCode,
        formerDistrict,
        zoneId,
        establishedOn,
        status,
        statusSince,
        legalRep: clean(v.legal_rep),
        phone: clean(v.phone),
        email,
        website: clean(v.website),
      },
      figures,
    },
  };
};

/** Zone lookup key: id or unaccented lower-case name. */
export const zoneKey = (raw: string): string =>
  raw
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
