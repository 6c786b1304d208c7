import { useEffect, useState } from 'react';
import { App, Button, DatePicker, Empty, Flex, Form, Input, InputNumber, Modal, Progress, Select, Space, Table, Typography, type TableColumnsType } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { ACTION_STATUSES, addAction, createPlan, listAgencies, listPlans, updateAction, type TAction, type TActionStatus, type TPci, type TPlan } from '../../../api/support';
import { useApiQuery } from '../../../api/useApiQuery';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { showFieldErrors } from '../../../components/errors';
import { useT } from '../../../i18n/I18nProvider';
import { useFormat } from '../../../i18n/useFormat';
import { ActionStatusTag, isoDate, OverdueTag, useSupportNames } from '../labels';

type TActionForm = { subindexCode: string; content: string; ownerAgencyId: number; deadline: dayjs.Dayjs; status: TActionStatus; progressPct: number; note?: string };
const ACTION_FIELDS = ['subindexCode', 'content', 'ownerAgencyId', 'deadline', 'status', 'progressPct', 'note'] as const;
type TPlanForm = { year: number; title: string; documentRef?: string };
const PLAN_FIELDS = ['year', 'title', 'documentRef'] as const;

/** The PCI improvement plans: actions per sub-index with their lead agency, deadline, status and progress. */
export const PciPlans = ({ pci, canManage }: { pci: TPci; canManage: boolean }) => {
  const t = useT();
  const format = useFormat();
  const names = useSupportNames();
  const { message } = App.useApp();
  const plans = useApiQuery('pci:plans', listPlans);
  const agencies = useApiQuery('support:agencies', listAgencies);
  const [planId, setPlanId] = useState<number | null>(null);
  const [editing, setEditing] = useState<{ action: TAction | null } | null>(null);
  const [creatingPlan, setCreatingPlan] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const [actionForm] = Form.useForm<TActionForm>();
  const [planForm] = Form.useForm<TPlanForm>();

  const items = plans.data?.items ?? [];
  const plan: TPlan | undefined = items.find((p) => p.id === planId) ?? items[0];

  useEffect(() => {
    if (!editing) return;
    setError(null);
    actionForm.resetFields();
    const a = editing.action;
    actionForm.setFieldsValue(
      a
        ? { subindexCode: a.subindexCode, content: a.content, ownerAgencyId: a.owner.id, deadline: dayjs(a.deadline), status: a.status, progressPct: a.progressPct, note: a.note ?? '' }
        : { status: 'NOT_STARTED', progressPct: 0 },
    );
  }, [editing, actionForm]);

  const saveAction = async (values: TActionForm) => {
    if (!plan || !editing) return;
    setSaving(true);
    setError(null);
    try {
      const body = { ...values, content: values.content.trim(), deadline: isoDate(values.deadline), note: values.note?.trim() ? values.note.trim() : null };
      if (editing.action) await updateAction(editing.action.id, body);
      else await addAction(plan.id, body);
      void message.success(t('support.plans.saved'));
      setEditing(null);
      plans.reload();
    } catch (caught) {
      setError(caught);
      showFieldErrors(actionForm, caught, ACTION_FIELDS);
    } finally {
      setSaving(false);
    }
  };

  const savePlan = async (values: TPlanForm) => {
    setSaving(true);
    setError(null);
    try {
      const saved = await createPlan({ year: values.year, title: values.title.trim(), documentRef: values.documentRef?.trim() ? values.documentRef.trim() : null });
      void message.success(t('support.plans.saved'));
      setCreatingPlan(false);
      setPlanId(saved.id);
      plans.reload();
    } catch (caught) {
      setError(caught);
      showFieldErrors(planForm, caught, PLAN_FIELDS);
    } finally {
      setSaving(false);
    }
  };

  const columns: TableColumnsType<TAction> = [
    { key: 'subindex', title: t('support.pci.subindex'), width: 160, render: (_v, a) => names.subindex(pci.subindices, a.subindexCode) },
    { key: 'content', title: t('support.plans.content'), render: (_v, a) => (a.note ? <>{a.content}<br /><Typography.Text type="secondary">{a.note}</Typography.Text></> : a.content) },
    { key: 'owner', title: t('support.plans.owner'), width: 170, render: (_v, a) => a.owner.name },
    {
      key: 'deadline',
      title: t('support.plans.deadline'),
      width: 110,
      render: (_v, a) => (
        <Space direction="vertical" size={2}>
          <span className="support-nowrap">{format.date(a.deadline)}</span>
          {a.isOverdue && <OverdueTag />}
        </Space>
      ),
    },
    { key: 'status', title: t('support.plans.status'), width: 130, render: (_v, a) => <ActionStatusTag status={a.status} /> },
    { key: 'progress', title: t('support.plans.progress'), width: 130, render: (_v, a) => <Progress percent={a.progressPct} size="small" strokeColor={a.isOverdue ? '#cf1322' : undefined} status={a.status === 'DONE' ? 'success' : 'normal'} format={(p) => `${p ?? 0}%`} /> },
    ...(canManage
      ? [
          {
            key: 'edit',
            title: t('common.actions'),
            width: 80,
            render: (_v: unknown, a: TAction) => <Button size="small" icon={<EditOutlined />} aria-label={`${t('support.plans.editAction')}: ${a.content}`} onClick={() => setEditing({ action: a })} />,
          },
        ]
      : []),
  ];

  const done = plan?.actions.filter((a) => a.status === 'DONE').length ?? 0;
  const overdue = plan?.actions.filter((a) => a.isOverdue).length ?? 0;
  const agencyOptions = (agencies.data?.items ?? []).filter((a) => a.isActive).map((a) => ({ value: a.id, label: a.name }));

  return (
    <Flex vertical gap="middle">
      {plans.error && <ApiErrorAlert error={plans.error} onRetry={plans.reload} />}
      <Flex gap="small" wrap align="center" className="support-toolbar">
        <label htmlFor="pci-plan">{t('support.plans.plan')}</label>
        <Select id="pci-plan" style={{ minWidth: 420 }} value={plan?.id} onChange={setPlanId} options={items.map((p) => ({ value: p.id, label: `${p.year} — ${p.title}` }))} loading={plans.loading} />
        {canManage && (
          <>
            <Button icon={<PlusOutlined />} onClick={() => { setError(null); planForm.resetFields(); planForm.setFieldsValue({ year: new Date().getFullYear() }); setCreatingPlan(true); }}>
              {t('support.plans.create')}
            </Button>
            {plan && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ action: null })}>
                {t('support.plans.addAction')}
              </Button>
            )}
          </>
        )}
      </Flex>
      {!plans.loading && !plan && <Empty description={t('support.plans.empty')} />}
      {plan && (
        <>
          <Typography.Text type="secondary">
            {plan.documentRef ? `${plan.documentRef} · ` : ''}
            {t('support.plans.summary', { total: plan.actions.length, done, overdue })}
          </Typography.Text>
          <Table<TAction>
            rowKey="id"
            size="middle"
            className="support-actions-table"
            columns={columns}
            dataSource={plan.actions}
            pagination={false}
            scroll={{ x: 1100 }}
            rowClassName={(a) => (a.isOverdue ? 'support-overdue' : '')}
            locale={{ emptyText: t('support.plans.noActions') }}
          />
        </>
      )}
      <Modal
        open={editing !== null}
        title={editing?.action ? t('support.plans.editAction') : t('support.plans.addAction')}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        confirmLoading={saving}
        onOk={() => actionForm.submit()}
        onCancel={() => setEditing(null)}
        forceRender
        width={640}
      >
        <Form<TActionForm> form={actionForm} layout="vertical" onFinish={(v) => void saveAction(v)}>
          <Form.Item name="subindexCode" label={t('support.pci.subindex')} rules={[{ required: true, message: t('common.requiredSelect', { field: t('support.pci.subindex').toLowerCase() }) }]}>
            <Select options={pci.subindices.map((s) => ({ value: s.code, label: names.subindex(pci.subindices, s.code) }))} />
          </Form.Item>
          <Form.Item name="content" label={t('support.plans.content')} rules={[{ required: true, whitespace: true, min: 5, message: t('common.requiredField', { field: t('support.plans.content').toLowerCase() }) }]}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
          <Form.Item name="ownerAgencyId" label={t('support.plans.owner')} rules={[{ required: true, message: t('common.requiredSelect', { field: t('support.plans.owner').toLowerCase() }) }]}>
            <Select showSearch optionFilterProp="label" options={agencyOptions} />
          </Form.Item>
          <Space wrap size="middle">
            <Form.Item name="deadline" label={t('support.plans.deadline')} rules={[{ required: true, message: t('common.requiredSelect', { field: t('support.plans.deadline').toLowerCase() }) }]}>
              <DatePicker format={format.datePickerFormat} />
            </Form.Item>
            <Form.Item name="status" label={t('support.plans.status')}>
              <Select style={{ width: 180 }} options={ACTION_STATUSES.map((s) => ({ value: s, label: t(`support.actionStatus.${s}`) }))} />
            </Form.Item>
            <Form.Item name="progressPct" label={t('support.plans.progress')}>
              <InputNumber min={0} max={100} />
            </Form.Item>
          </Space>
          <Form.Item name="note" label={t('support.plans.note')}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
          {error !== null && editing !== null && <ApiErrorAlert error={error} fields={ACTION_FIELDS} />}
        </Form>
      </Modal>
      <Modal
        open={creatingPlan}
        title={t('support.plans.createTitle')}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        confirmLoading={saving}
        onOk={() => planForm.submit()}
        onCancel={() => setCreatingPlan(false)}
        forceRender
      >
        <Form<TPlanForm> form={planForm} layout="vertical" onFinish={(v) => void savePlan(v)}>
          <Form.Item name="year" label={t('support.pci.year')} rules={[{ required: true, message: t('common.requiredField', { field: t('support.pci.year').toLowerCase() }) }]}>
            <InputNumber min={2005} max={2100} />
          </Form.Item>
          <Form.Item name="title" label={t('support.plans.titleField')} rules={[{ required: true, whitespace: true, min: 5, message: t('common.requiredField', { field: t('support.plans.titleField').toLowerCase() }) }]}>
            <Input maxLength={500} />
          </Form.Item>
          <Form.Item name="documentRef" label={t('support.plans.documentRef')}>
            <Input maxLength={100} />
          </Form.Item>
          {error !== null && creatingPlan && <ApiErrorAlert error={error} fields={PLAN_FIELDS} />}
        </Form>
      </Modal>
    </Flex>
  );
};
