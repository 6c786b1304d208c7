import { useState } from 'react';
import { App, Button, Card, Flex, Form, Input, Modal, Popconfirm, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { EditOutlined, UploadOutlined } from '@ant-design/icons';
import { deleteTetWindow, importTetWindows, listTetYears, setTetWindow, type TImportResult, type TTetYear } from '../../api/basket';
import { useApiQuery } from '../../api/useApiQuery';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { useT } from '../../i18n/I18nProvider';
import { useFormat } from '../../i18n/useFormat';
import { ImportModal } from './ImportModal';
import { ImportCounts } from './shared';

/** The official Tết holiday of each year (overrides the default 7-day window around day 1). */
export const TetTab = () => {
  const t = useT();
  const format = useFormat();
  const { message } = App.useApp();
  const [reloadKey, setReloadKey] = useState(0);
  const [editing, setEditing] = useState<{ year: number; dayOne: string; start: string; end: string; hasOfficial: boolean } | null>(null);
  const [importing, setImporting] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const years = useApiQuery(`basket:tet:${reloadKey}`, listTetYears);
  const range = (start: string | null, end: string | null) => (start && end ? `${format.date(start)} – ${format.date(end)}` : '—');

  const finish = (recomputeMs: number | null) => {
    message.success(t('basket.saved') + (recomputeMs !== null ? ` ${t('basket.recomputed', { ms: format.number(recomputeMs) })}` : ''));
    setEditing(null);
    setReloadKey((n) => n + 1);
  };
  const act = async (action: () => Promise<{ recomputeMs: number | null }>) => {
    setBusy(true);
    setError(null);
    try {
      finish((await action()).recomputeMs);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const columns: TableColumnsType<TTetYear> = [
    { key: 'year', title: t('basket.tet.year'), dataIndex: 'year', width: 80 },
    { key: 'dayOne', title: t('basket.tet.dayOne'), dataIndex: 'dayOne', width: 150, render: (d: string) => format.date(d) },
    { key: 'default', title: t('basket.tet.defaultWindow'), width: 230, render: (_v, y) => <Typography.Text type="secondary">{range(y.defaultStart, y.defaultEnd)}</Typography.Text> },
    {
      key: 'official',
      title: t('basket.tet.officialWindow'),
      render: (_v, y) =>
        y.start && y.end ? (
          <span>
            {range(y.start, y.end)} <Tag>{t('basket.tet.days', { days: Math.round((Date.parse(y.end) - Date.parse(y.start)) / 86_400_000) + 1 })}</Tag>
          </span>
        ) : (
          <Tag>{t('basket.tet.usesDefault')}</Tag>
        ),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 90,
      render: (_v, y) => (
        <Button
          size="small"
          icon={<EditOutlined />}
          aria-label={t('basket.tet.editOf', { year: y.year })}
          onClick={() => {
            setError(null);
            setEditing({ year: y.year, dayOne: y.dayOne, start: y.start ?? y.defaultStart ?? '', end: y.end ?? y.defaultEnd ?? '', hasOfficial: y.start !== null });
          }}
        />
      ),
    },
  ];

  return (
    <Card>
      <Flex vertical gap="middle">
        <Flex wrap gap="small" justify="space-between" align="center">
          <Typography.Text type="secondary">{t('basket.tet.help')}</Typography.Text>
          <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
            {t('basket.import.button')}
          </Button>
        </Flex>
        {years.error && <ApiErrorAlert error={years.error} onRetry={years.reload} />}
        <Table<TTetYear> rowKey="year" size="small" columns={columns} dataSource={years.data?.items ?? []} loading={years.loading} pagination={{ defaultPageSize: 15, hideOnSinglePage: true }} scroll={{ x: 760 }} />
      </Flex>
      <Modal
        open={editing !== null}
        title={t('basket.tet.editOf', { year: editing?.year ?? '' })}
        onCancel={() => setEditing(null)}
        footer={
          <Space>
            {editing?.hasOfficial && (
              <Popconfirm title={t('basket.tet.removeConfirm')} okText={t('common.yes')} cancelText={t('common.no')} onConfirm={() => editing && void act(() => deleteTetWindow(editing.year))}>
                <Button danger disabled={busy}>
                  {t('basket.tet.backToDefault')}
                </Button>
              </Popconfirm>
            )}
            <Button onClick={() => setEditing(null)}>{t('common.cancel')}</Button>
            <Button type="primary" loading={busy} onClick={() => editing && void act(() => setTetWindow(editing.year, { start: editing.start, end: editing.end }))}>
              {t('common.save')}
            </Button>
          </Space>
        }
        destroyOnHidden
      >
        {editing && (
          <Form layout="vertical">
            <Typography.Paragraph>{t('basket.tet.dayOneIs', { date: format.date(editing.dayOne) })}</Typography.Paragraph>
            <Flex gap="small">
              <Form.Item label={t('basket.tet.start')} htmlFor="basket-tet-start" style={{ flex: 1 }}>
                <Input id="basket-tet-start" type="date" value={editing.start} onChange={(e) => setEditing({ ...editing, start: e.target.value })} />
              </Form.Item>
              <Form.Item label={t('basket.tet.end')} htmlFor="basket-tet-end" style={{ flex: 1 }}>
                <Input id="basket-tet-end" type="date" value={editing.end} onChange={(e) => setEditing({ ...editing, end: e.target.value })} />
              </Form.Item>
            </Flex>
          </Form>
        )}
        {error !== null && <ApiErrorAlert error={error} />}
      </Modal>
      <ImportModal<TImportResult>
        open={importing}
        title={t('basket.tet.importTitle')}
        columns="year,start,end"
        example="2025,2025-01-25,2025-02-02"
        run={importTetWindows}
        summary={(r) => <ImportCounts result={r} />}
        onClose={() => setImporting(false)}
        onImported={() => setReloadKey((n) => n + 1)}
      />
    </Card>
  );
};
