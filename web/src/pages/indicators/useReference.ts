import { useMemo } from 'react';
import { getVsicReference } from '../../api/indicators';
import { listUnits } from '../../api/units';
import { useApiQuery } from '../../api/useApiQuery';
import { useLocale } from '../../i18n/I18nProvider';

/** The breakdown areas are the districts in force before the 2025 reform (two-tier government from 2025-07-01). */
const FORMER_DISTRICTS_AT = '2025-06-30';

export type TIndicatorReference = {
  /** Name of a VSIC section (letter) or division (2 digits) in the UI language. */
  vsicName: (code: string) => string | undefined;
  /** Name of a former district. */
  areaName: (code: string) => string | undefined;
  error: unknown;
  reload: () => void;
};

/** VSIC section and division names, and former district names, for the tables of the page. */
export const useIndicatorReference = (): TIndicatorReference => {
  const { locale } = useLocale();
  const vsic = useApiQuery('indicators:reference:vsic', getVsicReference);
  const districts = useApiQuery(`units:${FORMER_DISTRICTS_AT}:DISTRICT`, (signal) => listUnits({ at: FORMER_DISTRICTS_AT, level: 'DISTRICT' }, signal));
  const vsicData = vsic.data;
  const districtData = districts.data;
  const error = vsic.error ?? districts.error;
  const { reload: reloadVsic } = vsic;
  const { reload: reloadDistricts } = districts;
  return useMemo(() => {
    const vsicByCode = new Map((vsicData?.items ?? []).map((entry) => [entry.code, locale === 'vi' ? entry.nameVi : entry.nameEn]));
    const areaByCode = new Map((districtData?.items ?? []).map((unit) => [unit.code, unit.name]));
    return {
      vsicName: (code) => vsicByCode.get(code),
      areaName: (code) => areaByCode.get(code),
      error,
      reload: () => {
        reloadVsic();
        reloadDistricts();
      },
    };
  }, [locale, vsicData, districtData, error, reloadVsic, reloadDistricts]);
};
