import { Alert } from 'antd';
import { Link } from 'react-router-dom';
import type { TIndicatorDashboard } from '../../api/indicators';
import { useT } from '../../i18n/I18nProvider';
import type { TIndicatorPatch } from './params';
import { capitalize, periodParts, shiftPeriod, usePeriodText } from './periods';

type TProps = {
  dashboard: TIndicatorDashboard;
  comparison: string;
  searchFor: (patch: TIndicatorPatch) => string;
};

/**
 * The "Tết shift" note (statistics spec §7): Tết fell in a different month than a year earlier,
 * so single-month comparisons are distorted; the comparable figure is the year to date at
 * February ("tính chung 2 tháng"), which the link opens.
 */
export const TetNote = ({ dashboard, comparison, searchFor }: TProps) => {
  const t = useT();
  const periodText = usePeriodText();
  const shift = dashboard.tetShift;
  if (!shift) return null;
  const twoMonth = shift.twoMonthPeriod;
  const showing = twoMonth === dashboard.period && comparison === 'YTD';
  return (
    <Alert
      type="warning"
      showIcon
      className="ind-tet"
      title={t('indicators.tet.title')}
      description={
        <>
          <p className="ind-tet-text">
            {t('indicators.tet.body', {
              period: capitalize(periodText.long(dashboard.period)),
              cur: shift.tetDaysCur,
              cmp: shift.tetDaysCmp,
              previous: periodText.long(shiftPeriod(dashboard.period, -12)),
            })}
          </p>
          {twoMonth && (showing ? <p className="ind-tet-text">{t('indicators.tet.shown')}</p> : <Link to={searchFor({ period: twoMonth, comparison: 'YTD' })}>{t('indicators.tet.link', { year: periodParts(twoMonth).year })}</Link>)}
        </>
      }
    />
  );
};
