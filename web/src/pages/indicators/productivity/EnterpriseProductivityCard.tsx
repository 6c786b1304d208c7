import { useMemo, useRef } from 'react';
import { Alert, Card, Descriptions, Typography } from 'antd';
import { getEnterpriseProductivity } from '../../../api/indicators-drilldown';
import { useApiQuery } from '../../../api/useApiQuery';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { useLocale, useT } from '../../../i18n/I18nProvider';
import { useFormat } from '../../../i18n/useFormat';
import { EMPTY, roundHalfUp } from '../../../../../src/domain/format/format';
import { useEnterpriseReference } from '../../enterprises/useEnterpriseReference';
import { DownloadButtons } from '../Downloads';
import { EChart, type TChartHandle, type TChartOption } from '../../../components/EChart';
import { periodShort } from '../periods';
import '../indicators.css';

const round = (value: number | null | undefined, decimals: number) => (value === null || value === undefined ? null : roundHalfUp(value, decimals));

/**
 * An enterprise's own output per worker over 12 months against the median and the interquartile
 * band of its division (anonymous; withheld when the division has fewer than five enterprises),
 * and the quartile it falls in. Shown to the enterprise itself and to officers; nothing about
 * other enterprises is shown.
 */
export const EnterpriseProductivityCard = ({ enterpriseId }: { enterpriseId: number }) => {
  const t = useT();
  const format = useFormat();
  const { locale } = useLocale();
  const reference = useEnterpriseReference();
  const chart = useRef<TChartHandle>(null);
  const query = useApiQuery(`enterprise-productivity:${enterpriseId}`, (signal) => getEnterpriseProductivity(enterpriseId, undefined, signal));
  const data = query.data?.enterpriseId === enterpriseId ? query.data : undefined;
  const title = t('productivity.enterprise.title');

  const option = useMemo<TChartOption>(() => {
    const history = data?.history ?? [];
    const months = history.map((h) => periodShort(h.period, locale));
    const band = t('productivity.enterprise.band');
    return {
      tooltip: {
        trigger: 'axis',
        formatter: (params) => {
          const list = Array.isArray(params) ? params : [params];
          const month = history[list[0]?.dataIndex ?? 0];
          if (!month) return '';
          const line = (label: string, value: number | null) => `${label}: ${value === null ? EMPTY : format.number(value, 2)}`;
          return [
            periodShort(month.period, locale),
            line(t('productivity.enterprise.own'), month.perWorker),
            line(t('productivity.enterprise.median'), month.median),
            `${band}: ${month.q1 === null || month.q3 === null ? t('productivity.withheldShort') : `${format.number(month.q1, 2)} – ${format.number(month.q3, 2)}`}`,
          ].join('<br/>');
        },
      },
      legend: { top: 0, data: [t('productivity.enterprise.own'), t('productivity.enterprise.median'), band] },
      grid: { left: 56, right: 16, top: 36, bottom: 32 },
      xAxis: { type: 'category', data: months, boundaryGap: false },
      yAxis: { type: 'value', scale: true, name: t('productivity.enterprise.axis') },
      series: [
        // The band: Q1 (invisible base) stacked with Q3 − Q1 (shaded).
        { type: 'line', name: `${band}-base`, stack: 'band', symbol: 'none', lineStyle: { opacity: 0 }, data: history.map((h) => round(h.q1, 3)), tooltip: { show: false } },
        {
          type: 'line',
          name: band,
          stack: 'band',
          symbol: 'none',
          lineStyle: { opacity: 0 },
          areaStyle: { color: 'rgba(22, 119, 255, 0.15)' },
          color: 'rgba(22, 119, 255, 0.35)',
          data: history.map((h) => (h.q1 === null || h.q3 === null ? null : round(h.q3 - h.q1, 3))),
        },
        { type: 'line', name: t('productivity.enterprise.median'), symbol: 'none', lineStyle: { type: 'dashed' }, color: '#1677ff', data: history.map((h) => round(h.median, 3)) },
        { type: 'line', name: t('productivity.enterprise.own'), color: '#d4380d', lineStyle: { width: 3 }, data: history.map((h) => round(h.perWorker, 3)) },
      ],
    };
  }, [data, locale, t, format]);

  const current = data?.current;
  const division = data ? `${data.division} – ${reference.vsicName(data.division) ?? ''}` : EMPTY;

  return (
    <Card
      title={
        <Typography.Title level={2} className="card-title">
          {title}
        </Typography.Title>
      }
      extra={<DownloadButtons fileName={`nang-suat-lao-dong-${enterpriseId}`} title={title} chart={chart} disabled={!data} />}
      loading={query.loading && !data}
      className="ind-card"
    >
      {query.error && <ApiErrorAlert error={query.error} onRetry={query.reload} />}
      {data && current && (
        <>
          <Descriptions
            size="small"
            column={{ xs: 1, md: 2 }}
            items={[
              { key: 'division', label: t('productivity.enterprise.division'), children: division },
              { key: 'period', label: t('productivity.enterprise.period'), children: periodShort(current.period, locale) },
              { key: 'own', label: t('productivity.enterprise.own'), children: format.number(current.perWorker, 2) },
              { key: 'workers', label: t('productivity.workers'), children: format.number(current.workers, 0) },
              {
                key: 'quartile',
                label: t('productivity.enterprise.quartile'),
                children: current.quartile !== null ? <strong>{t('productivity.enterprise.quartileValue', { n: current.quartile })}</strong> : EMPTY,
              },
              { key: 'band', label: t('productivity.enterprise.band'), children: current.q1 !== null && current.q3 !== null ? `${format.number(current.q1, 2)} – ${format.number(current.q3, 2)}` : t('productivity.withheldShort') },
            ]}
          />
          {current.perWorker === null ? (
            <Alert type="info" showIcon className="ind-alert" title={t('productivity.enterprise.noOwn')} />
          ) : current.quartile === null ? (
            <Alert type="info" showIcon className="ind-alert" title={t('productivity.enterprise.withheld')} />
          ) : (
            <Typography.Paragraph className="ind-note">{t(`productivity.enterprise.quartileText${current.quartile}` as 'productivity.enterprise.quartileText1')}</Typography.Paragraph>
          )}
          <EChart ref={chart} option={option} height={280} label={title} />
          <Typography.Paragraph type="secondary" className="ind-note small-text">
            {t('productivity.enterprise.note')}
          </Typography.Paragraph>
        </>
      )}
    </Card>
  );
};
