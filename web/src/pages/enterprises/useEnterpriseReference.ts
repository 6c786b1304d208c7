import { useMemo } from 'react';
import dayjs from 'dayjs';
import { listVsic, listZones } from '../../api/enterprises';
import type { TUnit, TVsicEntry, TZone } from '../../api/types';
import { listUnits } from '../../api/units';
import { useApiQuery } from '../../api/useApiQuery';
import { useLocale } from '../../i18n/I18nProvider';

/** Former districts are those in force on the last day before the 2025 reform (two-tier government from 2025-07-01). */
export const FORMER_DISTRICTS_AT = '2025-06-30';

export type TEnterpriseReference = {
  sections: TVsicEntry[];
  divisions: TVsicEntry[];
  zones: TZone[];
  districts: TUnit[];
  communes: TUnit[];
  loading: boolean;
  error: unknown;
  /** Name of a VSIC section (letter) or division (2 digits) in the UI language. */
  vsicName: (code: string | null | undefined) => string | undefined;
  /** Name of the division of a VSIC code of 4–5 digits. */
  divisionOf: (code: string | null | undefined) => TVsicEntry | undefined;
  districtName: (code: string | null | undefined) => string | undefined;
  unitName: (code: string | null | undefined) => string | undefined;
  zoneName: (id: number | null | undefined) => string | undefined;
};

/** VSIC sections and divisions, industrial zones, former districts and current communes/wards. */
export const useEnterpriseReference = (): TEnterpriseReference => {
  const { locale } = useLocale();
  const today = dayjs().format('YYYY-MM-DD');
  const vsic = useApiQuery('reference:vsic', listVsic);
  const zones = useApiQuery('reference:zones', listZones);
  const districts = useApiQuery(`units:${FORMER_DISTRICTS_AT}:DISTRICT`, (signal) => listUnits({ at: FORMER_DISTRICTS_AT, level: 'DISTRICT' }, signal));
  const communes = useApiQuery(`units:${today}:COMMUNE`, (signal) => listUnits({ at: today, level: 'COMMUNE' }, signal));

  return useMemo(() => {
    const vsicItems = vsic.data?.items ?? [];
    const vsicByCode = new Map(vsicItems.map((entry) => [entry.code, entry]));
    const districtByCode = new Map((districts.data?.items ?? []).map((unit) => [unit.code, unit.name]));
    const communeByCode = new Map((communes.data?.items ?? []).map((unit) => [unit.code, unit.name]));
    const zoneById = new Map((zones.data?.items ?? []).map((zone) => [zone.id, zone.name]));
    const nameOf = (entry: TVsicEntry | undefined) => (entry ? (locale === 'vi' ? entry.nameVi : entry.nameEn) : undefined);
    return {
      sections: vsicItems.filter((entry) => entry.level === 'SECTION'),
      divisions: vsicItems.filter((entry) => entry.level === 'DIVISION'),
      zones: zones.data?.items ?? [],
      districts: districts.data?.items ?? [],
      communes: communes.data?.items ?? [],
      loading: vsic.loading || zones.loading || districts.loading || communes.loading,
      error: vsic.error ?? zones.error ?? districts.error ?? communes.error,
      vsicName: (code) => (code ? nameOf(vsicByCode.get(code)) : undefined),
      divisionOf: (code) => (code && code.length >= 2 ? vsicByCode.get(code.slice(0, 2)) : undefined),
      districtName: (code) => (code ? districtByCode.get(code) : undefined),
      unitName: (code) => (code ? communeByCode.get(code) : undefined),
      zoneName: (id) => (id ? zoneById.get(id) : undefined),
    };
  }, [locale, vsic.data, zones.data, districts.data, communes.data, vsic.loading, zones.loading, districts.loading, communes.loading, vsic.error, zones.error, districts.error, communes.error]);
};
