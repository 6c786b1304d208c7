import { useEffect, useState } from 'react';
import { Alert, Button, Form, Input, Modal, Select, Typography } from 'antd';
import { createToken } from '../../api/me';
import type { TAccessToken } from '../../api/types';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { showFieldErrors } from '../../components/errors';
import { useT } from '../../i18n/I18nProvider';
import { useFormat } from '../../i18n/useFormat';

type TTokenForm = { name: string; scopes: string[]; expiresInDays: number | 'never' };
const FIELDS = ['name', 'scopes', 'expiresInDays'] as const;
const VALIDITY_DAYS = [30, 90, 180, 365] as const;

type TProps = { open: boolean; permissions: string[]; onClose: () => void; onCreated: (item: TAccessToken) => void };

/** Creates a personal access token; the secret is shown once, with a copy button. */
export const CreateTokenModal = ({ open, permissions, onClose, onCreated }: TProps) => {
  const t = useT();
  const format = useFormat();
  const [form] = Form.useForm<TTokenForm>();
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    setError(null);
    setSecret(null);
    form.resetFields();
  }, [open, form]);

  const submit = async (values: TTokenForm) => {
    setSaving(true);
    setError(null);
    try {
      const created = await createToken({
        name: values.name.trim(),
        scopes: values.scopes,
        expiresInDays: values.expiresInDays === 'never' ? undefined : values.expiresInDays,
      });
      setSecret(created.token);
      onCreated(created.item);
    } catch (caught) {
      setError(caught);
      showFieldErrors(form, caught, FIELDS);
    } finally {
      setSaving(false);
    }
  };

  if (secret) {
    return (
      <Modal
        open={open}
        title={t('tokens.createdTitle')}
        onCancel={onClose}
        footer={
          <Button type="primary" onClick={onClose}>
            {t('common.close')}
          </Button>
        }
      >
        <Alert type="warning" showIcon title={t('tokens.createdWarning')} className="form-error" />
        <Typography.Text strong id="new-token-label">
          {t('tokens.tokenLabel')}
        </Typography.Text>
        <Typography.Paragraph
          className="token-value"
          aria-labelledby="new-token-label"
          copyable={{ text: secret, tooltips: [t('common.copy'), t('common.copied')] }}
        >
          {secret}
        </Typography.Paragraph>
      </Modal>
    );
  }

  return (
    <Modal
      open={open}
      title={t('tokens.createTitle')}
      okText={t('tokens.create')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      forceRender
    >
      <Form<TTokenForm> form={form} layout="vertical" initialValues={{ scopes: [], expiresInDays: 90 }} onFinish={(values) => void submit(values)}>
        <Form.Item name="name" label={t('tokens.name')} rules={[{ required: true, whitespace: true, max: 100, message: t('common.requiredField', { field: t('tokens.name').toLowerCase() }) }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="scopes"
          label={t('tokens.scopes')}
          rules={[{ required: true, type: 'array', min: 1, message: t('common.requiredSelect', { field: t('tokens.scopes').toLowerCase() }) }]}
        >
          <Select mode="multiple" options={permissions.map((permission) => ({ value: permission, label: permission }))} />
        </Form.Item>
        <Form.Item name="expiresInDays" label={t('tokens.expiresIn')}>
          <Select
            options={[
              ...VALIDITY_DAYS.map((days) => ({ value: days, label: t('tokens.days', { days: format.number(days) }) })),
              { value: 'never', label: t('tokens.noExpiry') },
            ]}
          />
        </Form.Item>
        {error !== null && <ApiErrorAlert error={error} fields={FIELDS} />}
      </Form>
    </Modal>
  );
};
