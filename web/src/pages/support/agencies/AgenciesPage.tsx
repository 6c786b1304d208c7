import { useEffect, useState } from 'react';
import { App, Button, Form, Input, InputNumber, Modal, Select, Space, Switch, Table, Tabs, Tag, Typography, type TableColumnsType } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { MODULES } from '../../../api/types';
import {
  AGENCY_KINDS,
  createAgency,
  getPci,
  listAgencies,
  listCategories,
  PETITION_CATEGORIES,
  updateAgency,
  updateCategory,
  type TAgency,
  type TAgencyKind,
  type TCategory,
  type TPetitionCategory,
} from '../../../api/support';
import { useApiQuery } from '../../../api/useApiQuery';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { showFieldErrors } from '../../../components/errors';
import { PageHeader } from '../../../components/PageHeader';
import { useT } from '../../../i18n/I18nProvider';
import { hasPermission, useUser } from '../../../session/SessionProvider';
import { useSupportNames } from '../labels';
import '../support.css';

type TAgencyForm = {
  code: string;
  kind: TAgencyKind;
  name: string;
  moduleCode?: string | null;
  adminUnitCode?: string;
  contactName?: string;
  phone?: string;
  email?: string;
  address?: string;
  isActive: boolean;
  deadlines: { category: TPetitionCategory; workingDays: number }[];
};
const AGENCY_FIELDS = ['code', 'kind', 'name', 'moduleCode', 'adminUnitCode', 'contactName', 'phone', 'email', 'address', 'isActive', 'deadlines'] as const;
type TCategoryForm = { deadlineWorkingDays: number; defaultAgencyId: number | null; pciSubindices: string[] };
const CATEGORY_FIELDS = ['deadlineWorkingDays', 'defaultAgencyId', 'pciSubindices'] as const;
const blankToNull = (value: string | null | undefined) => (value && value.trim() ? value.trim() : null);

/** The agencies petitions are routed to and the petition categories (deadline, default agency, PCI sub-indices). */
const AgenciesPage = () => {
  const t = useT();
  const names = useSupportNames();
  const { message } = App.useApp();
  const canManage = hasPermission(useUser(), 'support.manage');
  const agencies = useApiQuery('support:agencies', listAgencies);
  const categories = useApiQuery('support:categories', listCategories);
  const pci = useApiQuery('pci', getPci);
  const [editingAgency, setEditingAgency] = useState<{ agency: TAgency | null } | null>(null);
  const [editingCategory, setEditingCategory] = useState<TCategory | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const [agencyForm] = Form.useForm<TAgencyForm>();
  const [categoryForm] = Form.useForm<TCategoryForm>();
  const kind = Form.useWatch('kind', agencyForm);
  const subindices = pci.data?.subindices ?? [];
  const categoryList = categories.data?.items ?? [];

  useEffect(() => {
    if (!editingAgency) return;
    setError(null);
    agencyForm.resetFields();
    const a = editingAgency.agency;
    agencyForm.setFieldsValue(
      a
        ? { ...a, adminUnitCode: a.adminUnitCode ?? '', contactName: a.contactName ?? '', phone: a.phone ?? '', email: a.email ?? '', address: a.address ?? '' }
        : { kind: 'CITY_DEPARTMENT', isActive: true, deadlines: [] },
    );
  }, [editingAgency, agencyForm]);

  useEffect(() => {
    if (!editingCategory) return;
    setError(null);
    categoryForm.setFieldsValue({ deadlineWorkingDays: editingCategory.deadlineWorkingDays, defaultAgencyId: editingCategory.defaultAgency?.id ?? null, pciSubindices: editingCategory.pciSubindices });
  }, [editingCategory, categoryForm]);

  const saveAgency = async (v: TAgencyForm) => {
    if (!editingAgency) return;
    setSaving(true);
    setError(null);
    try {
      const body = {
        code: v.code.trim().toUpperCase(),
        kind: v.kind,
        name: v.name.trim(),
        moduleCode: v.kind === 'DIVISION' ? (v.moduleCode ?? null) : null,
        adminUnitCode: v.kind === 'COMMUNE' ? blankToNull(v.adminUnitCode) : null,
        contactName: blankToNull(v.contactName),
        phone: blankToNull(v.phone),
        email: blankToNull(v.email),
        address: blankToNull(v.address),
        isActive: v.isActive,
        deadlines: v.deadlines ?? [],
      };
      const saved = editingAgency.agency ? await updateAgency(editingAgency.agency.id, body) : await createAgency(body);
      void message.success(t('support.agencies.saved', { name: saved.name }));
      setEditingAgency(null);
      agencies.reload();
    } catch (caught) {
      setError(caught);
      showFieldErrors(agencyForm, caught, AGENCY_FIELDS);
    } finally {
      setSaving(false);
    }
  };

  const saveCategory = async (v: TCategoryForm) => {
    if (!editingCategory) return;
    setSaving(true);
    setError(null);
    try {
      const saved = await updateCategory(editingCategory.code, { deadlineWorkingDays: v.deadlineWorkingDays, defaultAgencyId: v.defaultAgencyId ?? null, pciSubindices: v.pciSubindices ?? [] });
      void message.success(t('support.agencies.categorySaved', { name: names.category(categoryList, saved.code) }));
      setEditingCategory(null);
      categories.reload();
    } catch (caught) {
      setError(caught);
      showFieldErrors(categoryForm, caught, CATEGORY_FIELDS);
    } finally {
      setSaving(false);
    }
  };

  const agencyColumns: TableColumnsType<TAgency> = [
    { key: 'code', title: t('support.agencies.code'), width: 110, dataIndex: 'code' },
    { key: 'name', title: t('support.agencies.name'), render: (_v, a) => (a.isActive ? a.name : <Typography.Text delete>{a.name}</Typography.Text>) },
    { key: 'kind', title: t('support.agencies.kind'), width: 170, render: (_v, a) => t(`support.kinds.${a.kind}`) },
    { key: 'contact', title: t('support.agencies.contact'), width: 180, render: (_v, a) => [a.contactName, a.phone, a.email].filter(Boolean).join(' · ') || '—' },
    {
      key: 'deadlines',
      title: t('support.agencies.ownDeadlines'),
      width: 230,
      render: (_v, a) => (a.deadlines.length ? a.deadlines.map((d) => <Tag key={d.category}>{`${names.category(categoryList, d.category)}: ${t('support.workingDays', { days: d.workingDays })}`}</Tag>) : '—'),
    },
    ...(canManage
      ? [{ key: 'edit', title: t('common.actions'), width: 80, render: (_v: unknown, a: TAgency) => <Button size="small" icon={<EditOutlined />} aria-label={t('support.agencies.editTitle', { name: a.name })} onClick={() => setEditingAgency({ agency: a })} /> }]
      : []),
  ];

  const categoryColumns: TableColumnsType<TCategory> = [
    { key: 'name', title: t('support.agencies.category'), width: 220, render: (_v, c) => names.category(categoryList, c.code) },
    { key: 'deadline', title: t('support.agencies.deadline'), width: 160, render: (_v, c) => t('support.workingDays', { days: c.deadlineWorkingDays }) },
    { key: 'agency', title: t('support.agencies.defaultAgency'), width: 260, render: (_v, c) => c.defaultAgency?.name ?? '—' },
    { key: 'pci', title: t('support.agencies.pciSubindices'), render: (_v, c) => c.pciSubindices.map((s) => <Tag key={s} color="blue">{names.subindex(subindices, s)}</Tag>) },
    ...(canManage
      ? [{ key: 'edit', title: t('common.actions'), width: 80, render: (_v: unknown, c: TCategory) => <Button size="small" icon={<EditOutlined />} aria-label={t('support.agencies.categoryTitle', { name: names.category(categoryList, c.code) })} onClick={() => setEditingCategory(c)} /> }]
      : []),
  ];

  const agencyOptions = (agencies.data?.items ?? []).filter((a) => a.isActive).map((a) => ({ value: a.id, label: a.name }));
  return (
    <>
      <PageHeader title={t('support.agencies.title')} />
      <Typography.Paragraph type="secondary">{t('support.agencies.intro')}</Typography.Paragraph>
      {(agencies.error || categories.error) && <ApiErrorAlert error={agencies.error ?? categories.error} onRetry={() => { agencies.reload(); categories.reload(); }} />}
      <Tabs
        items={[
          {
            key: 'agencies',
            label: t('support.agencies.tabAgencies'),
            children: (
              <>
                {canManage && (
                  <Button type="primary" icon={<PlusOutlined />} className="support-toolbar" onClick={() => setEditingAgency({ agency: null })}>
                    {t('support.agencies.create')}
                  </Button>
                )}
                <Table<TAgency> rowKey="id" size="middle" columns={agencyColumns} dataSource={agencies.data?.items ?? []} loading={agencies.loading} scroll={{ x: 1000 }} pagination={false} locale={{ emptyText: t('support.agencies.empty') }} />
              </>
            ),
          },
          {
            key: 'categories',
            label: t('support.agencies.tabCategories'),
            children: <Table<TCategory> rowKey="code" size="middle" columns={categoryColumns} dataSource={categoryList} loading={categories.loading} scroll={{ x: 900 }} pagination={false} />,
          },
        ]}
      />
      <Modal
        open={editingAgency !== null}
        title={editingAgency?.agency ? t('support.agencies.editTitle', { name: editingAgency.agency.name }) : t('support.agencies.createTitle')}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        confirmLoading={saving}
        onOk={() => agencyForm.submit()}
        onCancel={() => setEditingAgency(null)}
        forceRender
        width={680}
      >
        <Form<TAgencyForm> form={agencyForm} layout="vertical" onFinish={(v) => void saveAgency(v)}>
          <Space wrap size="middle" align="start">
            <Form.Item name="code" label={t('support.agencies.code')} rules={[{ required: true, pattern: /^[A-Za-z0-9][A-Za-z0-9_.-]{1,31}$/, message: t('common.requiredField', { field: t('support.agencies.code').toLowerCase() }) }]}>
              <Input maxLength={32} style={{ width: 160 }} />
            </Form.Item>
            <Form.Item name="kind" label={t('support.agencies.kind')} rules={[{ required: true }]}>
              <Select style={{ width: 260 }} options={AGENCY_KINDS.map((k) => ({ value: k, label: t(`support.kinds.${k}`) }))} />
            </Form.Item>
            <Form.Item name="isActive" label={t('support.agencies.active')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Space>
          <Form.Item name="name" label={t('support.agencies.name')} rules={[{ required: true, whitespace: true, min: 3, message: t('common.requiredField', { field: t('support.agencies.name').toLowerCase() }) }]}>
            <Input maxLength={300} />
          </Form.Item>
          {kind === 'DIVISION' && (
            <Form.Item name="moduleCode" label={t('support.agencies.module')} rules={[{ required: true, message: t('common.requiredSelect', { field: t('support.agencies.module').toLowerCase() }) }]}>
              <Select options={MODULES.map((m) => ({ value: m, label: t(`modules.${m}`) }))} />
            </Form.Item>
          )}
          {kind === 'COMMUNE' && (
            <Form.Item name="adminUnitCode" label={t('support.agencies.adminUnit')} rules={[{ required: true, whitespace: true, message: t('common.requiredField', { field: t('support.agencies.adminUnit').toLowerCase() }) }]}>
              <Input maxLength={32} style={{ width: 160 }} />
            </Form.Item>
          )}
          <Space wrap size="middle">
            <Form.Item name="contactName" label={t('support.agencies.contactName')}>
              <Input maxLength={200} style={{ width: 260 }} />
            </Form.Item>
            <Form.Item name="phone" label={t('support.agencies.phone')}>
              <Input maxLength={20} style={{ width: 160 }} />
            </Form.Item>
            <Form.Item name="email" label={t('support.agencies.email')} rules={[{ type: 'email' }]}>
              <Input maxLength={200} style={{ width: 200 }} />
            </Form.Item>
          </Space>
          <Form.Item name="address" label={t('support.agencies.address')}>
            <Input maxLength={500} />
          </Form.Item>
          <Typography.Text strong>{t('support.agencies.ownDeadlines')}</Typography.Text>
          <Form.List name="deadlines">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field) => (
                  <Space key={field.key} align="baseline">
                    <Form.Item name={[field.name, 'category']} rules={[{ required: true }]}>
                      <Select aria-label={t('support.agencies.deadlineCategory')} style={{ width: 280 }} options={PETITION_CATEGORIES.map((c) => ({ value: c, label: names.category(categoryList, c) }))} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'workingDays']} rules={[{ required: true }]}>
                      <InputNumber aria-label={t('support.agencies.deadlineDays')} min={1} max={90} addonAfter={t('support.workingDays', { days: '' }).trim()} />
                    </Form.Item>
                    <Button icon={<DeleteOutlined />} aria-label={t('common.cancel')} onClick={() => remove(field.name)} />
                  </Space>
                ))}
                <div>
                  <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ workingDays: 15 })}>
                    {t('support.agencies.addDeadline')}
                  </Button>
                </div>
              </>
            )}
          </Form.List>
          {error !== null && editingAgency !== null && <ApiErrorAlert error={error} fields={AGENCY_FIELDS} />}
        </Form>
      </Modal>
      <Modal
        open={editingCategory !== null}
        title={editingCategory ? t('support.agencies.categoryTitle', { name: names.category(categoryList, editingCategory.code) }) : ''}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        confirmLoading={saving}
        onOk={() => categoryForm.submit()}
        onCancel={() => setEditingCategory(null)}
        forceRender
        width={620}
      >
        <Form<TCategoryForm> form={categoryForm} layout="vertical" onFinish={(v) => void saveCategory(v)}>
          <Form.Item name="deadlineWorkingDays" label={t('support.agencies.deadline')} rules={[{ required: true }]}>
            <InputNumber min={1} max={90} addonAfter={t('support.workingDays', { days: '' }).trim()} />
          </Form.Item>
          <Form.Item name="defaultAgencyId" label={t('support.agencies.defaultAgency')}>
            <Select allowClear showSearch optionFilterProp="label" options={agencyOptions} />
          </Form.Item>
          <Form.Item name="pciSubindices" label={t('support.agencies.pciSubindices')}>
            <Select mode="multiple" options={subindices.map((s) => ({ value: s.code, label: names.subindex(subindices, s.code) }))} />
          </Form.Item>
          {error !== null && editingCategory !== null && <ApiErrorAlert error={error} fields={CATEGORY_FIELDS} />}
        </Form>
      </Modal>
    </>
  );
};

export default AgenciesPage;
