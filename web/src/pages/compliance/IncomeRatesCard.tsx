import { useState } from 'react';
import { App, Button, DatePicker, Form, Input, InputNumber, Modal, Popconfirm, Space, Table, Typography, type TableColumnsType } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { createIncomeRate, deleteIncomeRate, listIncomeRates, updateIncomeRate, type TIncomeRate } from '../../api/compliance';
import { useApiQuery } from '../../api/useApiQuery';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { showFieldErrors } from '../../components/errors';
import { useT } from '../../i18n/I18nProvider';
import { useFormat } from '../../i18n/useFormat';
import { useComplianceErrorText } from './labels';

type TValues = { effectiveFrom: Dayjs | null; vndPerHour: number | null; basis: string };

/** The dated income-per-hour settings (the cost of a review uses the one in force at its date). */
export const IncomeRatesCard = ({ canManage, onChanged }: { canManage: boolean; onChanged: () => void }) => {
  const t = useT();
  const format = useFormat();
  const { message } = App.useApp();
  const errorText = useComplianceErrorText();
  const rates = useApiQuery('income-rates', listIncomeRates);
  const [editing, setEditing] = useState<TIncomeRate | 'new' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<TValues>();

  const open = (rate: TIncomeRate | 'new') => {
    setError(null);
    setEditing(rate);
    form.setFieldsValue(rate === 'new' ? { effectiveFrom: null, vndPerHour: null, basis: '' } : { effectiveFrom: dayjs(rate.effectiveFrom), vndPerHour: rate.vndPerHour, basis: rate.basis });
  };
  const done = (text: string) => {
    void message.success(text);
    rates.reload();
    onChanged();
  };
  const submit = async (v: TValues) => {
    setBusy(true);
    setError(null);
    const body = { effectiveFrom: dayjs(v.effectiveFrom).format('YYYY-MM-DD'), vndPerHour: Number(v.vndPerHour), basis: v.basis.trim() };
    try {
      if (editing === 'new') await createIncomeRate(body);
      else if (editing) await updateIncomeRate(editing.id, body);
      setEditing(null);
      done(t('compliance.rates.saved'));
    } catch (e) {
      setError(e);
      showFieldErrors(form, e, ['effectiveFrom', 'vndPerHour', 'basis']);
    } finally {
      setBusy(false);
    }
  };
  const remove = async (rate: TIncomeRate) => {
    try {
      await deleteIncomeRate(rate.id);
      done(t('compliance.rates.deleted'));
    } catch (e) {
      void message.error(errorText(e));
    }
  };

  const columns: TableColumnsType<TIncomeRate> = [
    { key: 'from', title: t('compliance.rates.effectiveFrom'), width: 130, render: (_v, r) => format.date(r.effectiveFrom) },
    { key: 'value', title: t('compliance.rates.vndPerHour'), width: 150, align: 'right', render: (_v, r) => format.number(r.vndPerHour) },
    { key: 'basis', title: t('compliance.rates.basis'), dataIndex: 'basis' },
    { key: 'by', title: t('compliance.rates.updated'), width: 200, responsive: ['lg'], render: (_v, r) => `${r.updatedBy ?? t('compliance.rates.system')} · ${format.dateTime(r.updatedAt)}` },
    ...(canManage
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            width: 110,
            render: (_v: unknown, r: TIncomeRate) => (
              <Space>
                <Button size="small" icon={<EditOutlined />} aria-label={t('compliance.rates.edit', { date: format.date(r.effectiveFrom) })} onClick={() => open(r)} />
                <Popconfirm title={t('compliance.rates.confirmDelete')} okText={t('common.yes')} cancelText={t('common.no')} onConfirm={() => void remove(r)}>
                  <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('compliance.rates.delete', { date: format.date(r.effectiveFrom) })} />
                </Popconfirm>
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <Typography.Paragraph type="secondary">{t('compliance.rates.intro')}</Typography.Paragraph>
      {rates.error && <ApiErrorAlert error={rates.error} onRetry={rates.reload} />}
      <Table size="small" rowKey="id" columns={columns} dataSource={rates.data?.items ?? []} loading={rates.loading} pagination={false} />
      {canManage && (
        <Button icon={<PlusOutlined />} onClick={() => open('new')} className="compliance-add-rate">
          {t('compliance.rates.add')}
        </Button>
      )}
      <Modal
        open={editing !== null}
        title={editing === 'new' ? t('compliance.rates.add') : t('compliance.rates.editTitle')}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        confirmLoading={busy}
        onOk={() => form.submit()}
        onCancel={() => setEditing(null)}
        forceRender
      >
        <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
          <Form.Item name="effectiveFrom" label={t('compliance.rates.effectiveFrom')} htmlFor="rate-from" rules={[{ required: true, message: t('common.requiredSelect', { field: t('compliance.rates.effectiveFrom') }) }]}>
            <DatePicker id="rate-from" className="full-width" format={format.datePickerFormat} />
          </Form.Item>
          <Form.Item name="vndPerHour" label={t('compliance.rates.vndPerHour')} htmlFor="rate-value" rules={[{ required: true, message: t('common.requiredField', { field: t('compliance.rates.vndPerHour') }) }]}>
            <InputNumber id="rate-value" min={1} precision={0} step={1000} className="full-width" suffix={t('compliance.rates.unit')} />
          </Form.Item>
          <Form.Item name="basis" label={t('compliance.rates.basis')} htmlFor="rate-basis" rules={[{ required: true, min: 3, message: t('common.requiredField', { field: t('compliance.rates.basis') }) }]}>
            <Input.TextArea id="rate-basis" rows={3} maxLength={1000} />
          </Form.Item>
        </Form>
        {error !== null && <Typography.Text type="danger">{errorText(error)}</Typography.Text>}
      </Modal>
    </>
  );
};
