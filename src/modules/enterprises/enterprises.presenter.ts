import type { TEnterpriseRow, TFiguresRow } from './enterprises.repo';
import type { TEnterpriseStatus, TLegalForm, TOwnership } from './enterprise-fields';

type TSize = 'MICRO' | 'SMALL' | 'MEDIUM' | 'NOT_SME';

/** A row of the enterprise list. */
export const presentEnterpriseSummary = (e: TEnterpriseRow) => ({
  id: e.id,
  taxCode: e.taxCode,
  nameVi: e.nameVi,
  shortName: e.shortName,
  legalForm: e.legalForm as TLegalForm,
  ownership: e.ownership as TOwnership,
  vsicMain: e.vsicMain,
  unitCode: e.unitCode,
  formerDistrict: e.formerDistrict,
  zoneId: e.zoneId,
  status: e.status as TEnterpriseStatus,
  sizeClass: (e.sizeClass as TSize | null) ?? null,
  sizeClassYear: e.sizeClassYear,
});

export const presentFigures = (f: TFiguresRow) => ({
  year: f.year,
  avgInsuredEmployees: String(f.avgInsuredEmployees),
  revenueVnd: f.revenueVnd === null ? null : String(f.revenueVnd),
  capitalVnd: String(f.capitalVnd),
  exportUsd: f.exportUsd === null ? null : String(f.exportUsd),
  sizeClass: f.sizeClass,
  sectorGroup: f.sectorGroup,
  ruleVersion: f.ruleVersion,
  reason: f.reason,
});

/** The enterprise profile with its yearly figures and what the viewer may do. */
export const presentEnterpriseDetail = (e: TEnterpriseRow, figures: TFiguresRow[], abilities: { canEdit: boolean; canPropose: boolean }) => ({
  ...presentEnterpriseSummary(e),
  nameIntl: e.nameIntl,
  vsicOther: e.vsicOther,
  address: e.address,
  establishedOn: e.establishedOn,
  statusSince: e.statusSince,
  legalRep: e.legalRep,
  phone: e.phone,
  email: e.email,
  website: e.website,
  createdAt: e.createdAt.toISOString(),
  updatedAt: e.updatedAt.toISOString(),
  figures: figures.map(presentFigures),
  abilities,
});

/** The fields kept in the audit trail for an enterprise (stable, no derived columns). */
export const presentEnterpriseForAudit = (e: Pick<TEnterpriseRow, 'taxCode' | 'nameVi' | 'nameIntl' | 'shortName' | 'legalForm' | 'ownership' | 'vsicMain' | 'vsicOther' | 'address' | 'unitCode' | 'formerDistrict' | 'zoneId' | 'establishedOn' | 'status' | 'statusSince' | 'legalRep' | 'phone' | 'email' | 'website'>) => ({
  taxCode: e.taxCode,
  nameVi: e.nameVi,
  nameIntl: e.nameIntl,
  shortName: e.shortName,
  legalForm: e.legalForm,
  ownership: e.ownership,
  vsicMain: e.vsicMain,
  vsicOther: e.vsicOther,
  address: e.address,
  unitCode: e.unitCode,
  formerDistrict: e.formerDistrict,
  zoneId: e.zoneId,
  establishedOn: e.establishedOn,
  status: e.status,
  statusSince: e.statusSince,
  legalRep: e.legalRep,
  phone: e.phone,
  email: e.email,
  website: e.website,
});
