import { ENTERPRISE_STATUSES, LEGAL_FORMS, OWNERSHIPS, type TEnterpriseStatus, type TLegalForm, type TOwnership } from '../../api/types';
import type { TKey, TTranslate } from '../../i18n/I18nProvider';
import type { TFormat } from '../../i18n/useFormat';
import type { TEnterpriseReference } from './useEnterpriseReference';

const FIELD_LABELS: Record<string, TKey> = {
  taxCode: 'enterprises.fields.taxCode',
  nameVi: 'enterprises.fields.nameVi',
  nameIntl: 'enterprises.fields.nameIntl',
  shortName: 'enterprises.fields.shortName',
  legalForm: 'enterprises.fields.legalForm',
  ownership: 'enterprises.fields.ownership',
  vsicMain: 'enterprises.fields.vsicMain',
  vsicOther: 'enterprises.fields.vsicOther',
  address: 'enterprises.fields.address',
  unitCode: 'enterprises.fields.unitCode',
  formerDistrict: 'enterprises.fields.formerDistrict',
  zoneId: 'enterprises.fields.zoneId',
  establishedOn: 'enterprises.fields.establishedOn',
  status: 'enterprises.fields.status',
  statusSince: 'enterprises.fields.statusSince',
  legalRep: 'enterprises.fields.legalRep',
  phone: 'enterprises.fields.phone',
  email: 'enterprises.fields.email',
  website: 'enterprises.fields.website',
  sizeClass: 'enterprises.fields.sizeClass',
  year: 'enterprises.fields.year',
  avgInsuredEmployees: 'enterprises.fields.avgInsuredEmployees',
  revenueVnd: 'enterprises.fields.revenueVnd',
  capitalVnd: 'enterprises.fields.capitalVnd',
  exportUsd: 'enterprises.fields.exportUsd',
};

/** Fields of an enterprise (and of its yearly figures) in display order, for diffs. */
export const FIELD_ORDER = Object.keys(FIELD_LABELS);

const isEmpty = (value: unknown) => value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
const withCode = (name: string | undefined, code: string) => (name ? `${name} (${code})` : code);

export type TFieldText = {
  label: (field: string) => string;
  /** A stored value as a reader sees it: labels for codes, names for units and zones, formatted dates and numbers. */
  value: (field: string, value: unknown) => string;
};

/** Labels and readable values of enterprise fields (audit diffs, proposals). */
export const makeFieldText = (t: TTranslate, format: TFormat, reference: TEnterpriseReference): TFieldText => ({
  label: (field) => (FIELD_LABELS[field] ? t(FIELD_LABELS[field]) : field),
  value: (field, value) => {
    if (isEmpty(value)) return '—';
    const text = Array.isArray(value) ? value.map(String).join(', ') : typeof value === 'object' ? JSON.stringify(value) : String(value);
    switch (field) {
      case 'legalForm':
        return LEGAL_FORMS.includes(text as TLegalForm) ? t(`enterprises.legalForms.${text as TLegalForm}`) : text;
      case 'ownership':
        return OWNERSHIPS.includes(text as TOwnership) ? t(`enterprises.ownerships.${text as TOwnership}`) : text;
      case 'status':
        return ENTERPRISE_STATUSES.includes(text as TEnterpriseStatus) ? t(`enterprises.statuses.${text as TEnterpriseStatus}`) : text;
      case 'sizeClass':
        return ['MICRO', 'SMALL', 'MEDIUM', 'NOT_SME', 'INVALID_INPUT'].includes(text)
          ? t(`enterprises.sizeClasses.${text as 'MICRO' | 'SMALL' | 'MEDIUM' | 'NOT_SME' | 'INVALID_INPUT'}`)
          : text;
      case 'formerDistrict':
        return withCode(reference.districtName(text), text);
      case 'unitCode':
        return withCode(reference.unitName(text), text);
      case 'zoneId':
        return reference.zoneName(Number(text)) ?? `#${text}`;
      case 'establishedOn':
      case 'statusSince':
        return /^\d{4}-\d{2}-\d{2}$/.test(text) ? format.date(text) : text;
      case 'avgInsuredEmployees':
      case 'revenueVnd':
      case 'capitalVnd':
      case 'exportUsd':
        return format.decimalText(text);
      default:
        return text;
    }
  },
});
