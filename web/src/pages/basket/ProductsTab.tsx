import { useState } from 'react';
import { App, Button, Card, Flex, Form, Input, Modal, Space, Table, Tag, type TableColumnsType } from 'antd';
import { DownloadOutlined, EditOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { basketProductsCsvUrl, createBasketProduct, importBasketProducts, listBasketProducts, updateBasketProduct, type TBasketProduct, type TImportResult } from '../../api/basket';
import { useApiQuery } from '../../api/useApiQuery';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { showFieldErrors } from '../../components/errors';
import { useLocale, useT } from '../../i18n/I18nProvider';
import { useFormat } from '../../i18n/useFormat';
import { ImportModal } from './ImportModal';
import { ImportCounts, periodRange, PERIOD_PATTERN } from './shared';

const FIELDS = ['code', 'nameVi', 'nameEn', 'unit', 'vsic4', 'activeFrom', 'activeTo'] as const;

type TFormValues = { code: string; nameVi: string; nameEn: string; unit: string; vsic4: string; activeFrom?: string; activeTo?: string };

/** The basket: search, add, edit (class checked against the weights), import and export. */
export const ProductsTab = () => {
  const t = useT();
  const format = useFormat();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const [q, setQ] = useState('');
  const [reloadKey, setReloadKey] = useState(0);
  const [editing, setEditing] = useState<TBasketProduct | 'new' | null>(null);
  const [importing, setImporting] = useState(false);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<unknown>(null);
  const [form] = Form.useForm<TFormValues>();
  const products = useApiQuery(`basket:products:${q}:${reloadKey}`, (signal) => listBasketProducts(q, signal));

  const open = (target: TBasketProduct | 'new') => {
    setSaveError(null);
    setEditing(target);
    form.setFieldsValue(
      target === 'new'
        ? { code: '', nameVi: '', nameEn: '', unit: '', vsic4: '', activeFrom: '', activeTo: '' }
        : { ...target, activeFrom: target.activeFrom ?? '', activeTo: target.activeTo ?? '' },
    );
  };

  const save = async (values: TFormValues) => {
    setSaving(true);
    setSaveError(null);
    const body = { nameVi: values.nameVi, nameEn: values.nameEn, unit: values.unit, vsic4: values.vsic4, activeFrom: values.activeFrom || null, activeTo: values.activeTo || null };
    try {
      if (editing === 'new') await createBasketProduct({ ...body, code: values.code });
      else if (editing) {
        const result = await updateBasketProduct(editing.code, body);
        if (result.recomputeMs !== null) message.info(t('basket.recomputed', { ms: format.number(result.recomputeMs) }));
      }
      message.success(t('basket.saved'));
      setEditing(null);
      setReloadKey((n) => n + 1);
    } catch (error) {
      setSaveError(error);
      showFieldErrors(form, error, FIELDS);
    } finally {
      setSaving(false);
    }
  };

  const columns: TableColumnsType<TBasketProduct> = [
    { key: 'code', title: t('basket.products.code'), dataIndex: 'code', width: 170 },
    { key: 'name', title: t('basket.products.name'), render: (_v, p) => (locale === 'vi' ? p.nameVi : p.nameEn) },
    { key: 'unit', title: t('basket.products.unit'), dataIndex: 'unit', width: 130 },
    { key: 'vsic4', title: t('basket.products.vsic4'), dataIndex: 'vsic4', width: 90 },
    { key: 'period', title: t('basket.products.period'), width: 160, render: (_v, p) => periodRange(p.activeFrom, p.activeTo) },
    { key: 'versions', title: t('basket.products.versions'), dataIndex: 'weightVersions', width: 140, render: (versions: number[]) => (versions.length ? versions.map((v) => <Tag key={v}>{v}</Tag>) : <Tag color="orange">{t('basket.products.noWeight')}</Tag>) },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 90,
      render: (_v, p) => <Button size="small" icon={<EditOutlined />} aria-label={t('basket.products.editOf', { code: p.code })} onClick={() => open(p)} />,
    },
  ];

  return (
    <Card>
      <Flex vertical gap="middle">
        <Flex wrap gap="small" justify="space-between">
          <Input.Search allowClear placeholder={t('basket.products.search')} aria-label={t('basket.products.search')} onSearch={(value) => setQ(value)} style={{ maxWidth: 360 }} />
          <Space wrap>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => open('new')}>
              {t('basket.products.add')}
            </Button>
            <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
              {t('basket.import.button')}
            </Button>
            <Button icon={<DownloadOutlined />} href={basketProductsCsvUrl()} download>
              {t('basket.products.export')}
            </Button>
          </Space>
        </Flex>
        {products.error && <ApiErrorAlert error={products.error} onRetry={products.reload} />}
        <Table<TBasketProduct> rowKey="code" size="small" columns={columns} dataSource={products.data?.items ?? []} loading={products.loading} scroll={{ x: 900 }} pagination={{ defaultPageSize: 20, hideOnSinglePage: true }} />
      </Flex>
      <Modal
        open={editing !== null}
        title={editing === 'new' ? t('basket.products.add') : t('basket.products.editOf', { code: editing?.code ?? '' })}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        confirmLoading={saving}
        destroyOnHidden
      >
        <Form<TFormValues> form={form} layout="vertical" onFinish={(values) => void save(values)}>
          <Form.Item name="code" label={t('basket.products.code')} rules={[{ required: true, message: t('common.requiredField', { field: t('basket.products.code') }) }]}>
            <Input disabled={editing !== 'new'} maxLength={40} />
          </Form.Item>
          <Form.Item name="nameVi" label={t('basket.products.nameVi')} rules={[{ required: true, message: t('common.requiredField', { field: t('basket.products.nameVi') }) }]}>
            <Input maxLength={300} />
          </Form.Item>
          <Form.Item name="nameEn" label={t('basket.products.nameEn')} rules={[{ required: true, message: t('common.requiredField', { field: t('basket.products.nameEn') }) }]}>
            <Input maxLength={300} />
          </Form.Item>
          <Flex gap="small">
            <Form.Item name="unit" label={t('basket.products.unit')} rules={[{ required: true, message: t('common.requiredField', { field: t('basket.products.unit') }) }]} style={{ flex: 1 }}>
              <Input maxLength={60} />
            </Form.Item>
            <Form.Item name="vsic4" label={t('basket.products.vsic4')} extra={t('basket.products.vsic4Help')} rules={[{ required: true, pattern: /^\d{4}$/, message: t('basket.products.vsic4Help') }]} style={{ flex: 1 }}>
              <Input maxLength={4} inputMode="numeric" />
            </Form.Item>
          </Flex>
          <Flex gap="small">
            <Form.Item name="activeFrom" label={t('basket.products.activeFrom')} rules={[{ pattern: PERIOD_PATTERN, message: t('basket.monthFormat') }]} style={{ flex: 1 }}>
              <Input type="month" />
            </Form.Item>
            <Form.Item name="activeTo" label={t('basket.products.activeTo')} rules={[{ pattern: PERIOD_PATTERN, message: t('basket.monthFormat') }]} style={{ flex: 1 }}>
              <Input type="month" />
            </Form.Item>
          </Flex>
        </Form>
        {saveError !== null && <ApiErrorAlert error={saveError} fields={FIELDS} />}
      </Modal>
      <ImportModal<TImportResult>
        open={importing}
        title={t('basket.products.importTitle')}
        columns="product_code,name_vi,name_en,unit,vsic4,active_from,active_to"
        example="P1104_WATER,Nước khoáng,Mineral water,nghìn lít,1104,2025-01,"
        run={importBasketProducts}
        summary={(r) => <ImportCounts result={r} />}
        onClose={() => setImporting(false)}
        onImported={() => setReloadKey((n) => n + 1)}
      />
    </Card>
  );
};
