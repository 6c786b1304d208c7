import { useMemo, useState } from 'react';
import { Button, Card, Col, DatePicker, Flex, Row, Statistic, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { getPetitionStats, petitionStatsCsvUrl, petitionStatsXlsxUrl, type TPetitionGroup, type TPetitionStats } from '../../api/petitions';
import { getPci, type TPetitionCategory } from '../../api/support';
import { useApiQuery } from '../../api/useApiQuery';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { useLocale, useT } from '../../i18n/I18nProvider';
import { useFormat } from '../../i18n/useFormat';
import { EChart, type TChartOption } from '../../components/EChart';
import { useSupportNames } from '../support/labels';

/** Petitions by month received: received, answered on time, late (with open ones past the deadline), transferred out; 5.3 on the right axis. */
const PetitionTrendChart = ({ stats }: { stats: TPetitionStats }) => {
  const t = useT();
  const format = useFormat();
  const option = useMemo<TChartOption>(() => {
    const months = stats.byMonth.map((m) => `${m.key.slice(5, 7)}/${m.key.slice(0, 4)}`);
    const bar = (name: string, color: string, values: number[]) => ({ name, type: 'bar' as const, data: values, itemStyle: { color }, barMaxWidth: 22 });
    return {
      // No animation: the line is revealed left to right and a period change redraws everything.
      animation: false,
      grid: { left: 8, right: 8, top: 48, bottom: 8, containLabel: true },
      legend: { top: 0 },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'category', data: months },
      yAxis: [
        { type: 'value', minInterval: 1, name: t('petitions.stats.received'), nameTextStyle: { align: 'left' } },
        { type: 'value', min: 0, max: 100, name: '%', splitLine: { show: false } },
      ],
      series: [
        bar(t('petitions.stats.received'), '#1456b8', stats.byMonth.map((m) => m.received)),
        bar(t('petitions.onTime'), '#389e0d', stats.byMonth.map((m) => m.onTime)),
        bar(t('petitions.stats.lateAll'), '#cf1322', stats.byMonth.map((m) => m.late + m.overdue)),
        bar(t('petitions.stats.transferredOut'), '#8c8c8c', stats.byMonth.map((m) => m.transferredOut)),
        {
          name: t('petitions.stats.satisfactionLine'),
          type: 'line',
          yAxisIndex: 1,
          connectNulls: false,
          symbolSize: 7,
          itemStyle: { color: '#d48806' },
          data: stats.byMonth.map((m) => m.indicators.satisfactionPct),
          tooltip: { valueFormatter: (v) => (v === null || v === undefined || v === '-' ? '—' : format.percent(Number(v), 1)) },
        },
      ],
    };
  }, [stats, t, format]);
  return <EChart option={option} height={320} label={t('petitions.stats.overTime')} />;
};

/** Petition statistics of a period: indicators 5.1–5.3, by category and agency, and the PCI sub-indices they weigh on. */
export const PetitionStats = () => {
  const t = useT();
  const { locale } = useLocale();
  const format = useFormat();
  const names = useSupportNames();
  // Days are Vietnam days (UTC+7), as the server counts them, whatever the browser's time zone.
  const [range, setRange] = useState<[dayjs.Dayjs, dayjs.Dayjs]>(() => {
    const today = dayjs(new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10));
    return [today.startOf('year'), today];
  });
  const query = { from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') };
  const stats = useApiQuery(`petitions:stats:${JSON.stringify(query)}`, (signal) => getPetitionStats(query, signal));
  const pci = useApiQuery('pci', getPci);
  const s = stats.data;

  const columns = (keyTitle: string, label: (g: TPetitionGroup) => string): TableColumnsType<TPetitionGroup> => [
    { key: 'name', title: keyTitle, width: 200, render: (_v, g) => label(g) },
    { key: 'received', title: t('petitions.stats.received'), width: 85, align: 'right', render: (_v, g) => format.number(g.received) },
    { key: 'answered', title: t('petitions.stats.answered'), width: 85, align: 'right', render: (_v, g) => format.number(g.answered) },
    { key: 'onTime', title: t('petitions.onTime'), width: 95, align: 'right', render: (_v, g) => format.number(g.onTime) },
    { key: 'late', title: t('petitions.late'), width: 95, align: 'right', render: (_v, g) => format.number(g.late) },
    { key: 'overdue', title: t('support.overdue'), width: 85, align: 'right', render: (_v, g) => (g.overdue ? <Tag color="red">{format.number(g.overdue)}</Tag> : '0') },
    { key: 'satisfied', title: t('petitions.satisfied'), width: 85, align: 'right', render: (_v, g) => format.number(g.satisfied) },
    { key: 'unsatisfied', title: t('petitions.unsatisfied'), width: 95, align: 'right', render: (_v, g) => format.number(g.unsatisfied) },
    { key: 'transferredOut', title: t('petitions.stats.transferredOut'), width: 95, align: 'right', render: (_v, g) => format.number(g.transferredOut) },
  ];

  return (
    <Flex vertical gap="middle">
      <Flex gap="small" wrap align="center">
        <DatePicker.RangePicker
          aria-label={t('petitions.stats.period')}
          value={range}
          format={format.datePickerFormat}
          allowClear={false}
          onChange={(v) => {
            if (v && v[0] && v[1]) setRange([v[0], v[1]]);
          }}
        />
        <Button icon={<DownloadOutlined />} href={petitionStatsCsvUrl(query)} download>
          {t('petitions.stats.export')}
        </Button>
        <Button icon={<DownloadOutlined />} href={petitionStatsXlsxUrl(query, locale)} download>
          {t('petitions.stats.exportXlsx')}
        </Button>
      </Flex>
      {stats.error && <ApiErrorAlert error={stats.error} onRetry={stats.reload} />}
      {s && (
        <>
          <Row gutter={[16, 16]}>
            <Col xs={24} md={6}>
              <Card>
                <Statistic title={t('petitions.stats.total')} value={s.total} formatter={(v) => format.number(Number(v))} />
                <Typography.Text type="secondary" className="small-text petition-transferred-total">{`${t('petitions.stats.transferredOut')}: ${format.number(s.transferredOut)}`}</Typography.Text>
              </Card>
            </Col>
            <Col xs={24} md={6}>
              <Card><Statistic title={t('petitions.stats.i51')} value={s.indicators.classifiedPct ?? '—'} formatter={(v) => (typeof v === 'number' ? format.percent(v, 1) : String(v))} /></Card>
            </Col>
            <Col xs={24} md={6}>
              <Card><Statistic title={t('petitions.stats.i52')} value={s.indicators.onTimePct ?? '—'} formatter={(v) => (typeof v === 'number' ? format.percent(v, 1) : String(v))} /></Card>
            </Col>
            <Col xs={24} md={6}>
              <Card><Statistic title={t('petitions.stats.i53')} value={s.indicators.satisfactionPct ?? '—'} formatter={(v) => (typeof v === 'number' ? format.percent(v, 1) : String(v))} /></Card>
            </Col>
          </Row>
          <Card className="petition-trend" title={<Typography.Title level={2} className="card-title">{t('petitions.stats.overTime')}</Typography.Title>}>
            <PetitionTrendChart stats={s} />
            <Typography.Text type="secondary" className="small-text">
              {t('petitions.stats.chartNote')}
            </Typography.Text>
          </Card>
          <Card title={<Typography.Title level={2} className="card-title">{t('petitions.stats.byCategory')}</Typography.Title>}>
            <Table<TPetitionGroup> rowKey="key" size="small" pagination={false} scroll={{ x: 920 }} columns={columns(t('petitions.category'), (g) => t(`petitions.categories.${g.key as TPetitionCategory}`))} dataSource={s.byCategory} />
          </Card>
          <Card title={<Typography.Title level={2} className="card-title">{t('petitions.stats.byAgency')}</Typography.Title>}>
            <Table<TPetitionGroup> rowKey="key" size="small" pagination={false} scroll={{ x: 920 }} columns={columns(t('petitions.agency'), (g) => g.name || t('petitions.stats.unrouted'))} dataSource={s.byAgency} />
          </Card>
          <Card title={<Typography.Title level={2} className="card-title">{t('petitions.stats.pci')}</Typography.Title>}>
            <Table
              rowKey="subindex"
              size="small"
              pagination={false}
              dataSource={s.pci}
              columns={[
                { key: 'subindex', title: t('support.pci.subindex'), render: (_v, w) => names.subindex(pci.data?.subindices ?? [], w.subindex) },
                { key: 'petitions', title: t('petitions.stats.received'), width: 120, align: 'right', render: (_v, w) => format.number(w.petitions) },
                { key: 'categories', title: t('petitions.category'), render: (_v, w) => w.categories.map((c) => <Tag key={c}>{t(`petitions.categories.${c as TPetitionCategory}`)}</Tag>) },
              ]}
            />
          </Card>
        </>
      )}
    </Flex>
  );
};
