import { useState } from 'react';
import { Button, Card, Col, DatePicker, Flex, Row, Statistic, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { getPetitionStats, petitionStatsCsvUrl, type TPetitionGroup } from '../../api/petitions';
import { getPci, type TPetitionCategory } from '../../api/support';
import { useApiQuery } from '../../api/useApiQuery';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { useT } from '../../i18n/I18nProvider';
import { useFormat } from '../../i18n/useFormat';
import { useSupportNames } from '../support/labels';

/** Petition statistics of a period: indicators 5.1–5.3, by category and agency, and the PCI sub-indices they weigh on. */
export const PetitionStats = () => {
  const t = useT();
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
    { key: 'name', title: keyTitle, render: (_v, g) => label(g) },
    { key: 'received', title: t('petitions.stats.received'), width: 100, align: 'right', render: (_v, g) => format.number(g.received) },
    { key: 'answered', title: t('petitions.stats.answered'), width: 100, align: 'right', render: (_v, g) => format.number(g.answered) },
    { key: 'onTime', title: t('petitions.onTime'), width: 120, align: 'right', render: (_v, g) => format.number(g.onTime) },
    { key: 'late', title: t('petitions.late'), width: 120, align: 'right', render: (_v, g) => format.number(g.late) },
    { key: 'overdue', title: t('support.overdue'), width: 100, align: 'right', render: (_v, g) => (g.overdue ? <Tag color="red">{format.number(g.overdue)}</Tag> : '0') },
    { key: 'satisfied', title: t('petitions.satisfied'), width: 100, align: 'right', render: (_v, g) => format.number(g.satisfied) },
    { key: 'unsatisfied', title: t('petitions.unsatisfied'), width: 130, align: 'right', render: (_v, g) => format.number(g.unsatisfied) },
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
      </Flex>
      {stats.error && <ApiErrorAlert error={stats.error} onRetry={stats.reload} />}
      {s && (
        <>
          <Row gutter={[16, 16]}>
            <Col xs={24} md={6}>
              <Card><Statistic title={t('petitions.stats.total')} value={s.total} formatter={(v) => format.number(Number(v))} /></Card>
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
          <Card title={<Typography.Title level={2} className="card-title">{t('petitions.stats.byCategory')}</Typography.Title>}>
            <Table<TPetitionGroup> rowKey="key" size="small" pagination={false} scroll={{ x: 900 }} columns={columns(t('petitions.category'), (g) => t(`petitions.categories.${g.key as TPetitionCategory}`))} dataSource={s.byCategory} />
          </Card>
          <Card title={<Typography.Title level={2} className="card-title">{t('petitions.stats.byAgency')}</Typography.Title>}>
            <Table<TPetitionGroup> rowKey="key" size="small" pagination={false} scroll={{ x: 900 }} columns={columns(t('petitions.agency'), (g) => g.name || t('petitions.stats.unrouted'))} dataSource={s.byAgency} />
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
