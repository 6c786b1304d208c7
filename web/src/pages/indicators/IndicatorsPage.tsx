import { Alert, Button, DatePicker, Flex, Select, Space, Typography } from 'antd';
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import { getIndicatorDashboard, type TIipComparison } from '../../api/indicators';
import { useApiQuery } from '../../api/useApiQuery';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useLocale, useT } from '../../i18n/I18nProvider';
import { useFormat } from '../../i18n/useFormat';
import { Breakdown } from './Breakdown';
import { IipTable } from './IipTable';
import { KpiTiles } from './KpiTiles';
import { COMPARISONS, useIndicatorParams, valueComparisonOf } from './params';
import { capitalize, FIRST_PERIOD, isQuarterEnd, shiftPeriod, usePeriodText } from './periods';
import { Summary } from './Summary';
import { TetNote } from './TetNote';
import { TrendCharts } from './TrendCharts';
import { ValuesTables } from './ValuesTables';
import { useIndicatorReference } from './useReference';
import { ProductivitySection } from './productivity/ProductivitySection';
import { hasPermission, useUser } from '../../session/SessionProvider';
import './indicators.css';

/**
 * Economic indicators of the city (public figures, every signed-in user): KPI tiles, Tết note,
 * drafted summary, 24-month trends, the IIP by industry with drill-down, retail components,
 * exports by sector, breakdowns by area and sector. Month and comparison live in the URL.
 */
const IndicatorsPage = () => {
  const t = useT();
  const format = useFormat();
  const { locale } = useLocale();
  const periodText = usePeriodText();
  const { period: urlPeriod, comparison, node, update, searchFor } = useIndicatorParams();
  const reference = useIndicatorReference();
  const canReadReports = hasPermission(useUser(), 'reports.read');

  // The latest month with figures (the default month, and the end of the month picker).
  const latest = useApiQuery('indicators:dashboard:latest', (signal) => getIndicatorDashboard(undefined, signal));
  const chosen = useApiQuery(`indicators:dashboard:${urlPeriod ?? ''}`, (signal) => getIndicatorDashboard(urlPeriod, signal), urlPeriod !== undefined);
  const query = urlPeriod ? chosen : latest;
  const latestPeriod = latest.data?.period;
  const period = urlPeriod ?? latestPeriod;
  // The previous month's data stays in the query while the next loads: show it only when it matches.
  const dashboard = query.data && query.data.period === period ? query.data : undefined;
  const empty =
    dashboard !== undefined &&
    dashboard.iip.yoy === null &&
    dashboard.iip.ytd === null &&
    dashboard.retail.valueCur === null &&
    dashboard.exports.valueCur === null;
  const fileName = `${t('indicators.fileName')}-${period ?? ''}`;
  const valueComparison = valueComparisonOf(comparison);

  const outOfRange = (date: dayjs.Dayjs) => {
    const month = date.format('YYYY-MM');
    return month < FIRST_PERIOD || (latestPeriod !== undefined && month > latestPeriod);
  };

  const toolbar = (
    <Flex wrap gap="small" align="center" className="ind-toolbar">
      <label htmlFor="ind-period" className="inline-label">
        {t('indicators.period')}
      </label>
      <Space.Compact>
        <Button
          icon={<LeftOutlined />}
          aria-label={t('indicators.previousMonth')}
          title={t('indicators.previousMonth')}
          disabled={!period || period <= FIRST_PERIOD}
          onClick={() => period && update({ period: shiftPeriod(period, -1) })}
        />
        <DatePicker
          id="ind-period"
          picker="month"
          className="ind-period-picker"
          value={period ? dayjs(`${period}-01`) : null}
          format={locale === 'vi' ? 'MM/YYYY' : 'YYYY-MM'}
          allowClear={false}
          disabledDate={outOfRange}
          onChange={(date) => {
            if (date) update({ period: date.format('YYYY-MM') });
          }}
        />
        <Button
          icon={<RightOutlined />}
          aria-label={t('indicators.nextMonth')}
          title={t('indicators.nextMonth')}
          disabled={!period || !latestPeriod || period >= latestPeriod}
          onClick={() => period && update({ period: shiftPeriod(period, 1) })}
        />
      </Space.Compact>
      {latestPeriod && period !== latestPeriod && (
        <Button onClick={() => update({ period: latestPeriod })}>{t('indicators.latest')}</Button>
      )}
      <label htmlFor="ind-comparison" className="inline-label ind-comparison-label">
        {t('indicators.comparison')}
      </label>
      <Select<TIipComparison>
        id="ind-comparison"
        className="ind-comparison"
        value={comparison}
        popupMatchSelectWidth={false}
        onChange={(next) => update({ comparison: next })}
        options={COMPARISONS.map((value) => ({
          value,
          label: t(`indicators.comparisons.${value}`),
          disabled: value === 'QOY' && period !== undefined && !isQuarterEnd(period),
        }))}
      />
    </Flex>
  );

  return (
    <>
      <PageHeader title={t('indicators.title')} extra={toolbar} />
      {query.error && <ApiErrorAlert error={query.error} onRetry={query.reload} />}
      <Flex vertical gap="middle" aria-busy={query.loading}>
        {dashboard && period && (
          <Typography.Text type="secondary" className="ind-asof">
            {[
              capitalize(periodText.long(period)),
              dashboard.dataAsOf ? t('indicators.dataAsOf', { time: format.dateTime(dashboard.dataAsOf) }) : null,
              dashboard.computedAt ? t('indicators.computedAt', { time: format.dateTime(dashboard.computedAt) }) : null,
            ]
              .filter(Boolean)
              .join(' · ')}
          </Typography.Text>
        )}
        {dashboard && <TetNote dashboard={dashboard} comparison={comparison} searchFor={searchFor} />}
        {empty && period && (
          <Alert
            type="warning"
            showIcon
            title={t('indicators.noData', { period: periodText.long(period) })}
            action={latestPeriod && latestPeriod !== period ? <Link to={searchFor({ period: latestPeriod })}>{t('indicators.showLatest')}</Link> : undefined}
          />
        )}
        <KpiTiles dashboard={dashboard} />
        <Summary dashboard={dashboard} />
        {period && (
          <>
            <TrendCharts period={period} fileName={fileName} />
            <IipTable period={period} comparison={comparison} node={node} searchFor={searchFor} reference={reference} fileName={fileName} />
            {valueComparison !== comparison && <Alert type="info" showIcon title={t('indicators.baseOnlyIip')} />}
            <ValuesTables period={period} comparison={valueComparison} fileName={fileName} />
            <Breakdown period={period} comparison={valueComparison} reference={reference} fileName={fileName} />
            {canReadReports && <ProductivitySection period={period} reference={reference} fileName={fileName} />}
          </>
        )}
      </Flex>
    </>
  );
};

export default IndicatorsPage;
