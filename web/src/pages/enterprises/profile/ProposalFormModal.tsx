import { useEffect, useState } from 'react';
import { Alert, Form, Input, Modal, Select, Typography } from 'antd';
import { proposeChanges } from '../../../api/enterprises';
import type { TEnterpriseDetail, TProposalChanges } from '../../../api/types';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { showFieldErrors } from '../../../components/errors';
import { useT } from '../../../i18n/I18nProvider';

type TTextField = 'nameIntl' | 'shortName' | 'address' | 'legalRep' | 'phone' | 'email' | 'website';
type TForm = Record<TTextField, string> & { vsicOther: string[]; note?: string };

const TEXT_FIELDS: { name: TTextField; max: number; type?: string }[] = [
  { name: 'nameIntl', max: 500 },
  { name: 'shortName', max: 200 },
  { name: 'address', max: 500 },
  { name: 'legalRep', max: 200 },
  { name: 'phone', max: 50, type: 'tel' },
  { name: 'email', max: 254, type: 'email' },
  { name: 'website', max: 300 },
];
const FIELDS = [...TEXT_FIELDS.map((field) => field.name), 'vsicOther', 'note', 'changes'] as const;
const VSIC_PATTERN = /^\d{4,5}$/;

/** Only what differs from the record: a cleared text is proposed as null. */
const changesOf = (enterprise: TEnterpriseDetail, values: TForm): TProposalChanges => {
  const changes: TProposalChanges = {};
  for (const { name } of TEXT_FIELDS) {
    const proposed = values[name]?.trim() ? values[name].trim() : null;
    if (proposed !== (enterprise[name] ?? null)) changes[name] = proposed;
  }
  const vsicOther = (values.vsicOther ?? []).map((code) => code.trim()).filter(Boolean);
  if (JSON.stringify(vsicOther) !== JSON.stringify(enterprise.vsicOther)) changes.vsicOther = vsicOther;
  return changes;
};

type TProps = { enterprise: TEnterpriseDetail; open: boolean; onClose: () => void; onSent: () => void };

/** The enterprise proposes changes to the fields it may change; the Department decides. */
export const ProposalFormModal = ({ enterprise, open, onClose, onSent }: TProps) => {
  const t = useT();
  const [form] = Form.useForm<TForm>();
  const [error, setError] = useState<unknown>(null);
  const [nothing, setNothing] = useState(false);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!open) return;
    setError(null);
    setNothing(false);
    form.resetFields();
    form.setFieldsValue({
      nameIntl: enterprise.nameIntl ?? '',
      shortName: enterprise.shortName ?? '',
      address: enterprise.address ?? '',
      legalRep: enterprise.legalRep ?? '',
      phone: enterprise.phone ?? '',
      email: enterprise.email ?? '',
      website: enterprise.website ?? '',
      vsicOther: enterprise.vsicOther,
      note: '',
    });
  }, [open, enterprise, form]);

  const submit = async (values: TForm) => {
    const changes = changesOf(enterprise, values);
    if (Object.keys(changes).length === 0) {
      setNothing(true);
      return;
    }
    setNothing(false);
    setSaving(true);
    setError(null);
    try {
      await proposeChanges(enterprise.id, changes, values.note?.trim() || undefined);
      onSent();
    } catch (caught) {
      setError(caught);
      showFieldErrors(form, caught, FIELDS);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('enterprises.proposals.propose')}
      okText={t('enterprises.proposals.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      forceRender
      width={640}
    >
      <Typography.Paragraph type="secondary">{t('enterprises.proposals.formHint')}</Typography.Paragraph>
      <Form<TForm> form={form} name="proposal-form" layout="vertical" onFinish={(values) => void submit(values)} onValuesChange={() => setNothing(false)}>
        {TEXT_FIELDS.map((field) => (
          <Form.Item
            key={field.name}
            name={field.name}
            label={t(`enterprises.fields.${field.name}`)}
            rules={field.type === 'email' ? [{ type: 'email', message: t('enterprises.form.emailInvalid') }] : []}
          >
            <Input autoComplete="off" maxLength={field.max} type={field.type} />
          </Form.Item>
        ))}
        <Form.Item
          name="vsicOther"
          label={t('enterprises.fields.vsicOther')}
          extra={t('enterprises.form.vsicOtherHint')}
          rules={[
            {
              validator: (_rule, value: string[] | undefined) =>
                (value ?? []).every((code) => VSIC_PATTERN.test(code.trim())) ? Promise.resolve() : Promise.reject(new Error(t('enterprises.form.vsicInvalid'))),
            },
          ]}
        >
          <Select mode="tags" open={false} tokenSeparators={[',', ';', ' ']} />
        </Form.Item>
        <Form.Item name="note" label={t('enterprises.proposals.note')}>
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
        {nothing && <Alert type="warning" showIcon role="alert" title={t('enterprises.proposals.nothingChanged')} className="form-error" />}
        {error !== null && <ApiErrorAlert error={error} fields={FIELDS} />}
      </Form>
    </Modal>
  );
};
