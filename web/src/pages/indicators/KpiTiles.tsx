import type { ReactNode } from 'react';
import { Card, Col, Row, Typography } from 'antd';
import type { TCompleteness, TIndicatorDashboard } from '../../api/indicators';
import { useT } from '../../i18n/I18nProvider';
import { useFormat } from '../../i18n/useFormat';
import { Change, useChangeText } from './Change';
import { capitalize, usePeriodText } from './periods';

type TTile = 'iip' | 'retail' | 'exports';

/**
 * The report form behind a tile. The dashboard does not link forms to tiles: the IIP form is the
 * one of kind IIP, the value forms are told apart by their code (RETAIL_…, EXPORT_…).
 */
const formOf = (tile: TTile, forms: TCompleteness[]): TCompleteness | undefined =>
  forms.find((form) => (tile === 'iip' ? form.kind === 'IIP' : form.kind !== 'IIP' && form.formCode.toUpperCase().includes(tile === 'retail' ? 'RETAIL' : 'EXPORT')));

type TBlockProps = { caption: string; value?: string | null; index: number | null; children?: ReactNode };

/** One comparison of a tile: caption, amount, growth in words, extra lines. */
const Block = ({ caption, value, index, children }: TBlockProps) => {
  const t = useT();
  return (
    <div className="ind-kpi-block">
      <Typography.Text type="secondary" className="ind-kpi-caption">
        {caption}
      </Typography.Text>
      {value !== undefined && <div className="ind-kpi-value">{value ?? '—'}</div>}
      <div>
        <Change index={index} large /> <span className="ind-kpi-vs">{t('indicators.kpi.vsSamePeriod')}</span>
      </div>
      {children}
    </div>
  );
};

type TTileProps = { tile: TTile; title: string; dashboard: TIndicatorDashboard | undefined; imputedShare: number | null | undefined; extra?: string; children: ReactNode };

const Tile = ({ tile, title, dashboard, imputedShare, extra, children }: TTileProps) => {
  const t = useT();
  const format = useFormat();
  const form = dashboard ? formOf(tile, dashboard.completeness) : undefined;
  const coverage = [
    form ? t('indicators.kpi.coverage', { received: format.number(form.received), expected: format.number(form.expected), onTime: format.number(form.onTime) }) : null,
    imputedShare === null || imputedShare === undefined ? null : t('indicators.kpi.imputed', { share: format.percent(imputedShare * 100, 1) }),
  ].filter((part): part is string => part !== null);
  return (
    <Card
      className={`ind-kpi ind-kpi-${tile}`}
      loading={!dashboard}
      title={
        <Typography.Title level={2} className="card-title ind-kpi-title">
          {title}
        </Typography.Title>
      }
    >
      <div className="ind-kpi-blocks">
        <div className="ind-kpi-blocks-inner">{children}</div>
      </div>
      {(coverage.length > 0 || extra) && (
        <Typography.Text type="secondary" className="small-text ind-kpi-coverage">
          {[...coverage, ...(extra ? [extra] : [])].join(' · ')}
        </Typography.Text>
      )}
    </Card>
  );
};

/** IIP, retail sales and exports: the month and the year to date versus the same period. */
export const KpiTiles = ({ dashboard }: { dashboard: TIndicatorDashboard | undefined }) => {
  const t = useT();
  const format = useFormat();
  const periodText = usePeriodText();
  const changeText = useChangeText();
  const period = dashboard?.period;
  const monthCaption = period ? capitalize(periodText.long(period)) : '';
  const ytdCaption = period ? capitalize(periodText.ytd(period)) : '';
  /** Million VND → "603,7 tỷ đồng"; thousand USD → "47,0 triệu USD" (both ÷ 1000). */
  const billionVnd = (millionVnd: number | null) => (millionVnd === null ? null : t('indicators.kpi.billionVnd', { value: format.number(millionVnd / 1000, 1) }));
  const millionUsd = (thousandUsd: number | null) => (thousandUsd === null ? null : t('indicators.kpi.millionUsd', { value: format.number(thousandUsd / 1000, 1) }));
  const indexLine = (index: number | null) =>
    index === null ? null : (
      <Typography.Text type="secondary" className="ind-kpi-line">
        {t('indicators.kpi.index', { value: format.number(index, 2) })}
      </Typography.Text>
    );
  const realLine = (index: number | null) =>
    index === null ? null : (
      <Typography.Text className="ind-kpi-line">
        {t('indicators.kpi.real', { change: changeText(index) })}
      </Typography.Text>
    );
  const iip = dashboard?.iip;
  const retail = dashboard?.retail;
  const exports = dashboard?.exports;
  const weightCoverage = iip?.weightCoverage;

  return (
    <Row gutter={[16, 16]} className="ind-kpi-row">
      <Col xs={24} md={12} lg={8}>
        <Tile
          tile="iip"
          title={t('indicators.kpi.iip')}
          dashboard={dashboard}
          imputedShare={iip?.imputedShare}
          extra={weightCoverage !== null && weightCoverage !== undefined && weightCoverage < 1 ? t('indicators.kpi.weightCoverage', { share: format.percent(weightCoverage * 100, 1) }) : undefined}
        >
          {iip && (
            <>
              <Block caption={monthCaption} index={iip.yoy}>
                {indexLine(iip.yoy)}
                {iip.mom !== null && <Typography.Text className="ind-kpi-line">{t('indicators.kpi.vsPreviousMonth', { change: changeText(iip.mom) })}</Typography.Text>}
              </Block>
              <Block caption={ytdCaption} index={iip.ytd}>
                {indexLine(iip.ytd)}
              </Block>
            </>
          )}
        </Tile>
      </Col>
      <Col xs={24} md={12} lg={8}>
        <Tile tile="retail" title={t('indicators.kpi.retail')} dashboard={dashboard} imputedShare={retail?.imputedShare}>
          {retail && (
            <>
              <Block caption={monthCaption} value={billionVnd(retail.valueCur)} index={retail.yoy}>
                {realLine(retail.realYoy)}
              </Block>
              <Block caption={ytdCaption} value={billionVnd(retail.ytdValue)} index={retail.ytd}>
                {realLine(retail.realYtd)}
              </Block>
            </>
          )}
        </Tile>
      </Col>
      <Col xs={24} lg={8}>
        <Tile tile="exports" title={t('indicators.kpi.exports')} dashboard={dashboard} imputedShare={exports?.imputedShare}>
          {exports && (
            <>
              <Block caption={monthCaption} value={millionUsd(exports.valueCur)} index={exports.yoy} />
              <Block caption={ytdCaption} value={millionUsd(exports.ytdValue)} index={exports.ytd} />
            </>
          )}
        </Tile>
      </Col>
    </Row>
  );
};
