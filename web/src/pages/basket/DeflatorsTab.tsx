import { useState } from 'react';
import { App, Button, Card, Flex, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Table, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { DEFLATOR_INDICATORS, deleteDeflator, getDeflators, importDeflators, setDeflator, type TDeflatorIndicator, type TDeflatorTable, type TImportResult } from '../../api/basket';
import { useApiQuery } from '../../api/useApiQuery';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { useT, type TKey } from '../../i18n/I18nProvider';
import { useFormat } from '../../i18n/useFormat';
import { ImportModal } from './ImportModal';
import { ImportCounts, monthText, PERIOD_PATTERN } from './shared';

type TRow = TDeflatorTable['rows'][number];
type TEditing = { period: string; indicator: TDeflatorIndicator; priceIndex: number | null; isNew: boolean };

/** Price indices (CPI groups) per month and indicator, used for growth at comparable prices. */
export const DeflatorsTab = () => {
  const t = useT();
  const format = useFormat();
  const { message } = App.useApp();
  const [year, setYear] = useState<number | undefined>(undefined);
  const [reloadKey, setReloadKey] = useState(0);
  const [editing, setEditing] = useState<TEditing | null>(null);
  const [importing, setImporting] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const table = useApiQuery(`basket:deflators:${year ?? ''}:${reloadKey}`, (signal) => getDeflators(year, signal));
  const indicatorName = (i: string) => t(`basket.deflators.indicators.${i}` as TKey);

  const done = (recomputeMs: number | null) => {
    message.success(t('basket.saved') + (recomputeMs !== null ? ` ${t('basket.recomputed', { ms: format.number(recomputeMs) })}` : ''));
    setEditing(null);
    setReloadKey((n) => n + 1);
  };

  const save = async () => {
    if (!editing || editing.priceIndex === null) return;
    setBusy(true);
    setError(null);
    try {
      done((await setDeflator({ period: editing.period, indicator: editing.indicator, priceIndex: editing.priceIndex })).recomputeMs);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    if (!editing) return;
    setBusy(true);
    try {
      done((await deleteDeflator(editing.indicator, editing.period)).recomputeMs);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const columns: TableColumnsType<TRow> = [
    { key: 'period', title: t('basket.deflators.period'), dataIndex: 'period', width: 110, fixed: 'left', render: (p: string) => monthText(p) },
    ...DEFLATOR_INDICATORS.map((indicator) => ({
      key: indicator,
      title: indicatorName(indicator),
      align: 'right' as const,
      width: 125,
      render: (_v: unknown, row: TRow) => {
        const value = row.values[indicator];
        return (
          <Button
            type="link"
            size="small"
            aria-label={t('basket.deflators.editOf', { indicator: indicatorName(indicator), month: monthText(row.period) })}
            onClick={() => {
              setError(null);
              setEditing({ period: row.period, indicator, priceIndex: value ?? null, isNew: value === undefined });
            }}
          >
            {value === undefined ? '—' : format.number(value, 3)}
          </Button>
        );
      },
    })),
  ];

  return (
    <Card>
      <Flex vertical gap="middle">
        <Flex wrap gap="small" justify="space-between" align="center">
          <Space>
            <label htmlFor="basket-deflator-year">{t('basket.deflators.year')}</label>
            <Select id="basket-deflator-year" value={table.data?.year} style={{ width: 120 }} onChange={setYear} options={(table.data?.years ?? []).map((y) => ({ value: y, label: String(y) }))} />
          </Space>
          <Space wrap>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => { setError(null); setEditing({ period: '', indicator: 'RETAIL_GOODS', priceIndex: null, isNew: true }); }}>
              {t('basket.deflators.add')}
            </Button>
            <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
              {t('basket.import.button')}
            </Button>
          </Space>
        </Flex>
        <Typography.Text type="secondary">{t('basket.deflators.help')}</Typography.Text>
        {table.error && <ApiErrorAlert error={table.error} onRetry={table.reload} />}
        <Table<TRow> rowKey="period" size="small" columns={columns} dataSource={table.data?.rows ?? []} loading={table.loading} pagination={false} scroll={{ x: 860 }} />
      </Flex>
      <Modal
        open={editing !== null}
        title={t('basket.deflators.editTitle')}
        onCancel={() => setEditing(null)}
        footer={
          <Space>
            {editing && !editing.isNew && (
              <Popconfirm title={t('basket.deflators.removeConfirm')} okText={t('common.yes')} cancelText={t('common.no')} onConfirm={() => void remove()}>
                <Button danger disabled={busy}>
                  {t('basket.remove')}
                </Button>
              </Popconfirm>
            )}
            <Button onClick={() => setEditing(null)}>{t('common.cancel')}</Button>
            <Button type="primary" loading={busy} disabled={!editing || !PERIOD_PATTERN.test(editing.period) || editing.priceIndex === null} onClick={() => void save()}>
              {t('common.save')}
            </Button>
          </Space>
        }
        destroyOnHidden
      >
        {editing && (
          <Form layout="vertical">
            <Form.Item label={t('basket.deflators.period')} htmlFor="basket-deflator-period">
              <Input id="basket-deflator-period" type="month" value={editing.period} disabled={!editing.isNew} onChange={(e) => setEditing({ ...editing, period: e.target.value })} />
            </Form.Item>
            <Form.Item label={t('basket.deflators.indicator')} htmlFor="basket-deflator-indicator">
              <Select id="basket-deflator-indicator" value={editing.indicator} disabled={!editing.isNew} onChange={(indicator) => setEditing({ ...editing, indicator })} options={DEFLATOR_INDICATORS.map((i) => ({ value: i, label: indicatorName(i) }))} />
            </Form.Item>
            <Form.Item label={t('basket.deflators.priceIndex')} htmlFor="basket-deflator-value" extra={t('basket.deflators.priceIndexHelp')}>
              <InputNumber id="basket-deflator-value" value={editing.priceIndex} step={0.1} style={{ width: '100%' }} onChange={(v) => setEditing({ ...editing, priceIndex: typeof v === 'number' ? v : null })} />
            </Form.Item>
          </Form>
        )}
        {error !== null && <ApiErrorAlert error={error} />}
      </Modal>
      <ImportModal<TImportResult>
        open={importing}
        title={t('basket.deflators.importTitle')}
        columns="period,indicator,price_index"
        example="2025-01,RETAIL_GOODS,103.2"
        run={importDeflators}
        summary={(r) => <ImportCounts result={r} />}
        onClose={() => setImporting(false)}
        onImported={() => setReloadKey((n) => n + 1)}
      />
    </Card>
  );
};
