import { useState } from 'react';
import { App, Button, Form, Input } from 'antd';
import { changePassword } from '../../api/auth';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { showFieldErrors } from '../../components/errors';
import { useT } from '../../i18n/I18nProvider';
import { useSession } from '../../session/SessionProvider';

type TPasswordForm = { currentPassword: string; newPassword: string; confirm: string };
const FIELDS = ['currentPassword', 'newPassword'] as const;
export const MIN_PASSWORD_LENGTH = 10;

/** Current + new password (twice). On success the session is reloaded (mustChangePassword is cleared). */
export const ChangePasswordForm = ({ onChanged }: { onChanged?: () => void }) => {
  const t = useT();
  const { message } = App.useApp();
  const { refresh } = useSession();
  const [form] = Form.useForm<TPasswordForm>();
  const [error, setError] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);

  const submit = async (values: TPasswordForm) => {
    setSubmitting(true);
    setError(null);
    try {
      await changePassword(values.currentPassword, values.newPassword);
      form.resetFields();
      void message.success(t('password.changed'));
      await refresh();
      onChanged?.();
    } catch (caught) {
      setError(caught);
      showFieldErrors(form, caught, FIELDS);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Form<TPasswordForm> form={form} layout="vertical" className="password-form" onFinish={(values) => void submit(values)}>
      <Form.Item
        name="currentPassword"
        label={t('password.current')}
        rules={[{ required: true, message: t('common.requiredField', { field: t('password.current').toLowerCase() }) }]}
      >
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label={t('password.new')}
        extra={t('password.rule')}
        dependencies={['currentPassword']}
        rules={[
          { required: true, message: t('common.requiredField', { field: t('password.new').toLowerCase() }) },
          { min: MIN_PASSWORD_LENGTH, message: t('password.tooShort') },
          ({ getFieldValue }) => ({
            validator: (_rule, value: string | undefined) =>
              value && value === getFieldValue('currentPassword') ? Promise.reject(new Error(t('password.sameAsCurrent'))) : Promise.resolve(),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t('password.confirm')}
        dependencies={['newPassword']}
        rules={[
          { required: true, message: t('common.requiredField', { field: t('password.confirm').toLowerCase() }) },
          ({ getFieldValue }) => ({
            validator: (_rule, value: string | undefined) =>
              !value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('password.mismatch'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      {error !== null && (
        <div className="form-error">
          <ApiErrorAlert error={error} fields={FIELDS} />
        </div>
      )}
      <Button type="primary" htmlType="submit" loading={submitting}>
        {t('password.submit')}
      </Button>
    </Form>
  );
};
