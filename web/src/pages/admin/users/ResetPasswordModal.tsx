import { useEffect, useState } from 'react';
import { Alert, App, Form, Input, Modal } from 'antd';
import { resetUserPassword } from '../../../api/admin';
import type { TAdminUser } from '../../../api/types';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { showFieldErrors } from '../../../components/errors';
import { useT } from '../../../i18n/I18nProvider';
import { MIN_PASSWORD_LENGTH } from '../../account/ChangePasswordForm';

type TResetForm = { newPassword: string; confirm: string };
const FIELDS = ['newPassword'] as const;

/** Sets a new password for a user, who must then change it at the next sign-in. */
export const ResetPasswordModal = ({ user, onClose }: { user: TAdminUser | null; onClose: () => void }) => {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<TResetForm>();
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!user) return;
    setError(null);
    form.resetFields();
  }, [user, form]);

  const submit = async (values: TResetForm) => {
    if (!user) return;
    setSaving(true);
    setError(null);
    try {
      await resetUserPassword(user.id, values.newPassword);
      void message.success(t('users.passwordReset', { username: user.username }));
      onClose();
    } catch (caught) {
      setError(caught);
      showFieldErrors(form, caught, FIELDS);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={user !== null}
      title={user ? t('users.resetTitle', { username: user.username }) : undefined}
      okText={t('users.resetPassword')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      forceRender
    >
      <Alert type="info" showIcon title={t('users.resetHint')} className="form-error" />
      <Form<TResetForm> form={form} layout="vertical" onFinish={(values) => void submit(values)}>
        <Form.Item
          name="newPassword"
          label={t('password.new')}
          extra={t('password.rule')}
          rules={[
            { required: true, message: t('common.requiredField', { field: t('password.new').toLowerCase() }) },
            { min: MIN_PASSWORD_LENGTH, message: t('password.tooShort') },
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
        {error !== null && <ApiErrorAlert error={error} fields={FIELDS} />}
      </Form>
    </Modal>
  );
};
