import { useMemo, useState } from 'react';
import { Button, Card, Col, DatePicker, Flex, Form, Row, Segmented, Select, Table, Tabs, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import {
  getIndex766,
  getOnTime,
  getTt01,
  getTt01Dossiers,
  serviceIndexExportUrl,
  type TChannel,
  type TIndicator766,
  type TOnTimeBy,
  type TOnTimeRow,
  type TStatsFilter,
  type TTt01,
  type TTt01Dossier,
  type TTt01Row,
} from '../../api/service-index';
import { useApiQuery } from '../../api/useApiQuery';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useLocale, useT, type TKey } from '../../i18n/I18nProvider';
import { useFormat } from '../../i18n/useFormat';
import { EChart, type TChartOption } from '../../components/EChart';
import './service-index.css';

type TPreset = 'month' | 'quarter' | 'year' | 'lastYear' | 'custom';
const ISO = 'YYYY-MM-DD';

/** Today in Vietnam (UTC+7), whatever the browser's time zone. */
const vnToday = (): Dayjs => dayjs(new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10));

const presetRange = (preset: Exclude<TPreset, 'custom'>): [Dayjs, Dayjs] => {
  const today = vnToday();
  switch (preset) {
    case 'month':
      return [today.startOf('month'), today];
    case 'quarter': {
      const start = today.month(Math.floor(today.month() / 3) * 3).startOf('month');
      return [start, today];
    }
    case 'year':
      return [today.startOf('year'), today];
    case 'lastYear':
      return [today.subtract(1, 'year').startOf('year'), today.subtract(1, 'year').endOf('year')];
  }
};

const TT01_INDICATORS = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const;
const CLASS_COLORS: Record<string, string> = { EARLY: 'green', ON_TIME: 'blue', LATE: 'red', IN_TIME: 'cyan', OVERDUE: 'volcano', STOPPED: 'default' };

/** Statistics of procedure handling: on-time tables, the QĐ 766 indicators and the TT 01/2018 scores. */
const ServiceIndexPage = () => {
  const t = useT();
  const { locale } = useLocale();
  const format = useFormat();
  const [preset, setPreset] = useState<TPreset>('year');
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => presetRange('year'));
  const [channel, setChannel] = useState<TChannel | undefined>(undefined);
  const [by, setBy] = useState<Exclude<TOnTimeBy, 'quarter' | 'year' | 'all'>>('procedure');
  const [tt01By, setTt01By] = useState<TTt01['by']>('agency');
  const [page, setPage] = useState(1);

  const filter: TStatsFilter = useMemo(() => ({ from: range[0].format(ISO), to: range[1].format(ISO), channel }), [range, channel]);
  const key = JSON.stringify(filter);
  const table = useApiQuery(`si-on-time:${key}:${by}`, (signal) => getOnTime(filter, by, signal));
  const months = useApiQuery(`si-months:${key}`, (signal) => getOnTime(filter, 'month', signal));
  const i766 = useApiQuery(`si-766:${key}`, (signal) => getIndex766(filter, signal));
  const tt01 = useApiQuery(`si-tt01:${key}:${tt01By}`, (signal) => getTt01(filter, tt01By, signal));
  const agencies = useApiQuery(`si-tt01-agency:${key}`, (signal) => getTt01(filter, 'agency', signal));
  const dossiers = useApiQuery(`si-tt01-dossiers:${key}:${page}`, (signal) => getTt01Dossiers(filter, page, 20, signal));

  const pct = (ratio: number | null | undefined, decimals = 1) => (ratio === null || ratio === undefined ? '—' : format.percent(ratio * 100, decimals));
  const total = months.data?.total;
  const agency = agencies.data?.rows[0];
  const indicatorName = (id: string) => t(`serviceIndex.i766.names.i${id.replace('.', '_')}` as TKey);

  const choosePreset = (value: TPreset) => {
    setPreset(value);
    if (value !== 'custom') setRange(presetRange(value));
    setPage(1);
  };

  const onTimeColumns: TableColumnsType<TOnTimeRow> = [
    {
      key: 'label',
      title: t(`serviceIndex.tabs.${by}`),
      render: (_v, row) => (by === 'channel' ? t(`serviceIndex.channel.${row.key as TChannel}`) : by === 'unit' && row.key === '' ? t('serviceIndex.columns.noUnit') : row.label),
    },
    { key: 'received', title: t('serviceIndex.columns.received'), dataIndex: 'received', align: 'right', width: 90, render: (v: number) => format.number(v) },
    { key: 'finished', title: t('serviceIndex.columns.finished'), dataIndex: 'finished', align: 'right', width: 100, render: (v: number) => format.number(v) },
    { key: 'early', title: t('serviceIndex.columns.early'), dataIndex: 'early', align: 'right', width: 90, responsive: ['md'], render: (v: number) => format.number(v) },
    { key: 'onTime', title: t('serviceIndex.columns.onTime'), dataIndex: 'onTime', align: 'right', width: 90, responsive: ['md'], render: (v: number) => format.number(v) },
    { key: 'late', title: t('serviceIndex.columns.late'), dataIndex: 'late', align: 'right', width: 80, render: (v: number) => <span className={v > 0 ? 'si-bad' : undefined}>{format.number(v)}</span> },
    { key: 'inProgress', title: t('serviceIndex.columns.inProgress'), dataIndex: 'inProgress', align: 'right', width: 110, responsive: ['lg'], render: (v: number) => format.number(v) },
    { key: 'overdue', title: t('serviceIndex.columns.overdue'), dataIndex: 'overdue', align: 'right', width: 110, responsive: ['lg'], render: (v: number) => <span className={v > 0 ? 'si-bad' : undefined}>{format.number(v)}</span> },
    { key: 'rate', title: t('serviceIndex.columns.rate'), dataIndex: 'onTimeRate', align: 'right', width: 110, render: (v: number | null) => pct(v) },
    { key: 'national', title: t('serviceIndex.columns.nationalRate'), dataIndex: 'nationalOnTimeRate', align: 'right', width: 130, responsive: ['md'], render: (v: number | null) => pct(v) },
  ];

  const i766Columns: TableColumnsType<TIndicator766> = [
    { key: 'id', title: t('serviceIndex.i766.columns.id'), dataIndex: 'id', width: 70 },
    {
      key: 'name',
      title: t('serviceIndex.i766.columns.name'),
      render: (_v, row) => (
        <>
          {indicatorName(row.id)}
          <div className="si-sub">
            <span>{t(`serviceIndex.i766.groups.g${row.group}` as TKey)}</span>
            {!row.weightVerified && row.maxPoints !== null && <Tag className="si-tag">{t('serviceIndex.i766.unverified')}</Tag>}
          </div>
        </>
      ),
    },
    {
      key: 'ratio',
      title: t('serviceIndex.i766.columns.ratio'),
      align: 'right',
      width: 150,
      render: (_v, row) => {
        if (row.reason === 'NOT_SUPPORTED') return <Typography.Text type="secondary">{t('serviceIndex.i766.notSupported')}</Typography.Text>;
        if (row.reason === 'NO_DATA') return <Typography.Text type="secondary">{t('serviceIndex.i766.noData')}</Typography.Text>;
        if (row.id === '2.2' && row.value !== null) return t('serviceIndex.i766.days', { days: format.number(row.value, 2), working: format.number(Number(row.detail?.averageWorkingDays ?? 0), 2) });
        return pct(row.ratio, 2);
      },
    },
    {
      key: 'basis',
      title: t('serviceIndex.i766.columns.basis'),
      align: 'right',
      width: 130,
      responsive: ['lg'],
      render: (_v, row) => (row.applicable && row.id !== '2.2' ? `${format.number(row.numerator)} / ${format.number(row.denominator)}` : ''),
    },
    { key: 'threshold', title: t('serviceIndex.i766.columns.threshold'), align: 'right', width: 90, responsive: ['md'], render: (_v, row) => (row.maxPoints === null ? '' : pct(row.threshold, 0)) },
    { key: 'max', title: t('serviceIndex.i766.columns.maxPoints'), align: 'right', width: 100, render: (_v, row) => (row.maxPoints === null ? t('serviceIndex.i766.monitoring') : format.number(row.maxPoints, 2)) },
    { key: 'score', title: t('serviceIndex.i766.columns.score'), align: 'right', width: 80, render: (_v, row) => <strong>{row.score === null ? '—' : format.number(row.score, 2)}</strong> },
  ];

  const scoreCell = (row: TTt01Row, i: number) => {
    const score = row.indicators[String(i)]?.score ?? null;
    return score === null ? <span className="si-muted">—</span> : format.number(score, 1);
  };
  const tt01Columns: TableColumnsType<TTt01Row> = [
    { key: 'label', title: t('serviceIndex.tt01.columns.name'), dataIndex: 'label', render: (v: string) => v || <span className="si-muted">{t('serviceIndex.tt01.unassigned')}</span> },
    { key: 'dossiers', title: t('serviceIndex.tt01.columns.dossiers'), dataIndex: 'dossiers', align: 'right', width: 100, render: (v: number) => format.number(v) },
    ...TT01_INDICATORS.filter((i) => tt01By !== 'officer' || [1, 2, 3, 4, 7].includes(i)).map((i) => ({
      key: `i${i}`,
      title: <Tooltip title={t(`serviceIndex.tt01.indicators.i${i}` as TKey)}>{`CS${i}`}</Tooltip>,
      align: 'right' as const,
      width: 58,
      render: (_v: unknown, row: TTt01Row) => scoreCell(row, i),
    })),
    { key: 'total', title: t('serviceIndex.tt01.columns.total'), dataIndex: 'total', align: 'right', width: 70, render: (v: number) => <strong>{format.number(v, 1)}</strong> },
    {
      key: 'rating',
      title: t('serviceIndex.tt01.columns.rating'),
      width: 170,
      render: (_v, row) =>
        row.band ? (
          <Tag>{t(`serviceIndex.tt01.band.${row.band}`)}</Tag>
        ) : row.rating ? (
          <span>
            <Tag color={row.rating === 'EXCELLENT' || row.rating === 'GOOD' ? 'green' : row.rating === 'WEAK' ? 'red' : 'gold'}>{t(`serviceIndex.tt01.rating.${row.rating}`)}</Tag>
            <span className="si-muted">{format.number(row.normalisedTotal, 1)}</span>
          </span>
        ) : (
          '—'
        ),
    },
  ];

  const classTag = (value: string) => <Tag color={CLASS_COLORS[value]}>{t(`serviceIndex.classes.${value as 'EARLY'}`)}</Tag>;
  const dossierColumns: TableColumnsType<TTt01Dossier> = [
    { key: 'code', title: t('serviceIndex.tt01.dossierColumns.code'), dataIndex: 'code', render: (v: string | null) => <span className="nowrap">{v ?? '—'}</span> },
    { key: 'procedure', title: t('serviceIndex.tt01.dossierColumns.procedure'), dataIndex: 'procedureCode', responsive: ['lg'] },
    { key: 'channel', title: t('serviceIndex.tt01.dossierColumns.channel'), dataIndex: 'channel', responsive: ['md'], render: (v: TChannel) => t(`serviceIndex.channel.${v}`) },
    { key: 'finished', title: t('serviceIndex.tt01.dossierColumns.finished'), dataIndex: 'finishedAt', responsive: ['md'], render: (v: string | null) => format.dateTime(v) },
    { key: 'legal', title: t('serviceIndex.tt01.dossierColumns.legal'), dataIndex: 'legal', render: classTag },
    { key: 'national', title: t('serviceIndex.tt01.dossierColumns.national'), dataIndex: 'national', responsive: ['md'], render: classTag },
    ...[1, 2, 3, 4, 7].map((i) => ({
      key: `s${i}`,
      title: <Tooltip title={t(`serviceIndex.tt01.indicators.i${i}` as TKey)}>{`CS${i}`}</Tooltip>,
      align: 'right' as const,
      width: 58,
      render: (_v: unknown, row: TTt01Dossier) => (row.scores[String(i)] === null ? <span className="si-muted">—</span> : format.number(row.scores[String(i)])),
    })),
    { key: 'total', title: t('serviceIndex.tt01.dossierColumns.total'), dataIndex: 'total', align: 'right', width: 70, render: (v: number) => <strong>{format.number(v)}</strong> },
  ];

  const chartOption: TChartOption | null = useMemo(() => {
    const rows = months.data?.rows ?? [];
    if (rows.length === 0) return null;
    const series = (name: string, values: number[], color: string) => ({ name, type: 'bar' as const, stack: 'n', data: values, itemStyle: { color }, barMaxWidth: 36 });
    return {
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 48, right: 56, top: 24, bottom: 56 },
      xAxis: { type: 'category', data: rows.map((r) => r.key) },
      yAxis: [
        { type: 'value', minInterval: 1 },
        { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      ],
      series: [
        series(t('serviceIndex.chart.early'), rows.map((r) => r.early), '#52c41a'),
        series(t('serviceIndex.chart.onTime'), rows.map((r) => r.onTime), '#1677ff'),
        series(t('serviceIndex.chart.late'), rows.map((r) => r.late), '#f5222d'),
        series(t('serviceIndex.chart.inProgress'), rows.map((r) => r.inProgress), '#bfbfbf'),
        {
          name: t('serviceIndex.chart.rate'),
          type: 'line' as const,
          yAxisIndex: 1,
          data: rows.map((r) => (r.onTimeRate === null ? null : Math.round(r.onTimeRate * 1000) / 10)),
          itemStyle: { color: '#722ed1' },
        },
      ],
    } as TChartOption;
  }, [months.data, t]);

  const errors = [table.error, months.error, i766.error, tt01.error, dossiers.error].filter((e) => e !== null);

  return (
    <>
      <PageHeader
        title={t('serviceIndex.title')}
        extra={
          <Button icon={<FileExcelOutlined />} href={serviceIndexExportUrl(filter, locale)} download data-testid="si-export">
            {t('serviceIndex.export')}
          </Button>
        }
      />
      <Typography.Paragraph type="secondary" className="page-intro">
        {t('serviceIndex.intro')}
      </Typography.Paragraph>
      <Form layout="vertical" component="div" className="filter-form">
        <Flex wrap gap="middle" align="end">
          <Form.Item label={t('serviceIndex.period.label')}>
            <Segmented<TPreset>
              value={preset}
              onChange={choosePreset}
              options={(['month', 'quarter', 'year', 'lastYear', 'custom'] as const).map((p) => ({ value: p, label: t(`serviceIndex.period.${p}`) }))}
            />
          </Form.Item>
          <Form.Item label={t('serviceIndex.period.custom')} htmlFor="si-range">
            <DatePicker.RangePicker
              id="si-range"
              value={range}
              format={format.datePickerFormat}
              allowClear={false}
              onChange={(value) => {
                if (value && value[0] && value[1]) {
                  setRange([value[0], value[1]]);
                  setPreset('custom');
                  setPage(1);
                }
              }}
            />
          </Form.Item>
          <Form.Item label={t('serviceIndex.tt01.dossierColumns.channel')} htmlFor="si-channel">
            <Select<TChannel | 'ALL'>
              id="si-channel"
              className="si-channel"
              value={channel ?? 'ALL'}
              onChange={(value) => {
                setChannel(value === 'ALL' ? undefined : value);
                setPage(1);
              }}
              options={[{ value: 'ALL', label: t('serviceIndex.channel.all') }, ...(['DIRECT', 'ONLINE', 'POSTAL'] as const).map((c) => ({ value: c, label: t(`serviceIndex.channel.${c}`) }))]}
            />
          </Form.Item>
        </Flex>
      </Form>
      {months.data && (
        <Typography.Paragraph type="secondary" className="small-text">
          {t('serviceIndex.asOf', { at: format.dateTime(months.data.period.asOf) })}
        </Typography.Paragraph>
      )}
      {errors.length > 0 && <ApiErrorAlert error={errors[0]} onRetry={() => [table, months, i766, tt01, dossiers].forEach((q) => q.reload())} />}

      <Row gutter={16} className="si-kpis">
        <Col xs={24} sm={12} xl={6}>
          <Card className="si-kpi" loading={!total} data-testid="si-kpi-received">
            <Typography.Text type="secondary">{t('serviceIndex.kpi.received')}</Typography.Text>
            <div className="si-kpi-value">{format.number(total?.received)}</div>
            <Typography.Text type="secondary" className="small-text">
              {total ? t('serviceIndex.kpi.receivedSub', { finished: format.number(total.finished), inProgress: format.number(total.inProgress), overdue: format.number(total.overdue) }) : ''}
            </Typography.Text>
          </Card>
        </Col>
        <Col xs={24} sm={12} xl={6}>
          <Card className="si-kpi" loading={!total} data-testid="si-kpi-legal">
            <Typography.Text type="secondary">{t('serviceIndex.kpi.legalRate')}</Typography.Text>
            <div className="si-kpi-value">{total?.onTimeRate === null ? t('serviceIndex.kpi.noData') : pct(total?.onTimeRate)}</div>
            <Typography.Text type="secondary" className="small-text">
              {total ? t('serviceIndex.kpi.legalSub', { early: format.number(total.early), onTime: format.number(total.onTime), late: format.number(total.late) }) : ''}
            </Typography.Text>
          </Card>
        </Col>
        <Col xs={24} sm={12} xl={6}>
          <Card className="si-kpi" loading={!total} data-testid="si-kpi-national">
            <Typography.Text type="secondary">{t('serviceIndex.kpi.nationalRate')}</Typography.Text>
            <div className="si-kpi-value">{total?.nationalOnTimeRate === null ? t('serviceIndex.kpi.noData') : pct(total?.nationalOnTimeRate)}</div>
            <Typography.Text type="secondary" className="small-text">
              {total ? t('serviceIndex.kpi.nationalSub', { late: format.number(total.nationalLate) }) : ''}
            </Typography.Text>
          </Card>
        </Col>
        <Col xs={24} sm={12} xl={6}>
          <Card className="si-kpi" loading={!i766.data} data-testid="si-kpi-766">
            <Typography.Text type="secondary">{t('serviceIndex.kpi.index766')}</Typography.Text>
            <div className="si-kpi-value">{i766.data?.normalised === null || i766.data === undefined ? t('serviceIndex.kpi.noData') : `${format.number(i766.data.normalised, 1)}/100`}</div>
            <Typography.Text type="secondary" className="small-text">
              {i766.data ? t('serviceIndex.kpi.index766Sub', { earned: format.number(i766.data.earned, 2), available: format.number(i766.data.available, 2) }) : ''}
              {agency?.rating ? ` · ${t('serviceIndex.kpi.tt01')}: ${t(`serviceIndex.tt01.rating.${agency.rating}`)} (${format.number(agency.normalisedTotal, 1)})` : ''}
            </Typography.Text>
          </Card>
        </Col>
      </Row>

      {chartOption && (
        <Card className="si-card" title={t('serviceIndex.chart.title')}>
          <EChart option={chartOption} height={300} label={t('serviceIndex.chart.label')} />
        </Card>
      )}

      <Card className="si-card">
        <Tabs
          activeKey={by}
          onChange={(value) => setBy(value as typeof by)}
          items={(['procedure', 'unit', 'channel', 'month'] as const).map((k) => ({
            key: k,
            label: t(`serviceIndex.tabs.${k}`),
            children: (
              <Table<TOnTimeRow>
                rowKey="key"
                size="small"
                loading={table.loading}
                columns={onTimeColumns}
                dataSource={table.data?.by === k ? table.data.rows : []}
                pagination={false}
                scroll={{ x: true }}
                summary={() =>
                  table.data && table.data.rows.length > 1 ? (
                    <Table.Summary.Row className="si-total">
                      <Table.Summary.Cell index={0}>{t('serviceIndex.columns.total')}</Table.Summary.Cell>
                      <Table.Summary.Cell index={1} align="right">{format.number(table.data.total.received)}</Table.Summary.Cell>
                      <Table.Summary.Cell index={2} align="right">{format.number(table.data.total.finished)}</Table.Summary.Cell>
                      <Table.Summary.Cell index={3} colSpan={onTimeColumns.length - 5} />
                      <Table.Summary.Cell index={4} align="right">{pct(table.data.total.onTimeRate)}</Table.Summary.Cell>
                      <Table.Summary.Cell index={5} align="right">{pct(table.data.total.nationalOnTimeRate)}</Table.Summary.Cell>
                    </Table.Summary.Row>
                  ) : null
                }
              />
            ),
          }))}
        />
      </Card>

      <Card className="si-card" title={t('serviceIndex.i766.title')} data-testid="si-766">
        <Typography.Paragraph type="secondary" className="small-text">
          {t('serviceIndex.i766.intro')}
        </Typography.Paragraph>
        <Table<TIndicator766>
          rowKey="id"
          size="small"
          loading={i766.loading}
          columns={i766Columns}
          dataSource={i766.data?.indicators ?? []}
          pagination={false}
          rowClassName={(row) => (row.reason === 'NOT_SUPPORTED' ? 'si-row-muted' : '')}
          scroll={{ x: true }}
        />
        {i766.data && (
          <Typography.Paragraph strong className="si-766-total">
            {t('serviceIndex.i766.total', { earned: format.number(i766.data.earned, 2), available: format.number(i766.data.available, 2), normalised: format.number(i766.data.normalised, 1) })}
          </Typography.Paragraph>
        )}
      </Card>

      <Card
        className="si-card"
        title={t('serviceIndex.tt01.title')}
        data-testid="si-tt01"
        extra={
          <Segmented<TTt01['by']>
            value={tt01By}
            onChange={setTt01By}
            options={(['agency', 'unit', 'officer'] as const).map((b) => ({ value: b, label: t(`serviceIndex.tt01.by.${b}`) }))}
          />
        }
      >
        <Typography.Paragraph type="secondary" className="small-text">
          {t('serviceIndex.tt01.intro')}
        </Typography.Paragraph>
        <Table<TTt01Row> rowKey="key" size="small" loading={tt01.loading} columns={tt01Columns} dataSource={tt01.data?.rows ?? []} pagination={false} scroll={{ x: true }} />
        <Typography.Title level={2} className="si-subtitle">
          {t('serviceIndex.tt01.dossiers')}
        </Typography.Title>
        <Table<TTt01Dossier>
          rowKey="caseId"
          size="small"
          loading={dossiers.loading}
          columns={dossierColumns}
          dataSource={dossiers.data?.items ?? []}
          scroll={{ x: true }}
          pagination={{ current: page, pageSize: 20, total: dossiers.data?.total ?? 0, showSizeChanger: false, onChange: setPage }}
        />
      </Card>
    </>
  );
};

export default ServiceIndexPage;
