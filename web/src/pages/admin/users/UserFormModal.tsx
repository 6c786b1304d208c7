import { useEffect, useState } from 'react';
import { Alert, App, Form, Input, Modal, Select } from 'antd';
import dayjs from 'dayjs';
import { createUser, updateUser, type TUpdateUserInput } from '../../../api/admin';
import { MODULES, ROLES, type TAdminUser, type TModule, type TRole } from '../../../api/types';
import { listUnits } from '../../../api/units';
import { useApiQuery } from '../../../api/useApiQuery';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { showFieldErrors } from '../../../components/errors';
import { useT } from '../../../i18n/I18nProvider';
import { MIN_PASSWORD_LENGTH } from '../../account/ChangePasswordForm';

type TUserForm = {
  username: string;
  displayName: string;
  email?: string;
  role: TRole;
  modules: TModule[];
  unitCodes: string[];
  enterpriseIds: string[];
  password: string;
};

const FIELDS = ['username', 'displayName', 'email', 'role', 'modules', 'unitCodes', 'enterpriseIds', 'password'] as const;
const USERNAME_PATTERN = /^[a-zA-Z0-9._-]{3,64}$/;
const ENTERPRISE_ID_PATTERN = /^[1-9]\d*$/;

/** The scope fields of a role: sectors for officers, areas for area officers, enterprises for enterprise users. */
const scopeOf = (values: TUserForm) => ({
  modules: values.role === 'OFFICER' ? values.modules : [],
  unitCodes: values.role === 'AREA_OFFICER' ? values.unitCodes : [],
  enterpriseIds: values.role === 'ENTERPRISE' ? values.enterpriseIds.map(Number) : [],
});

const sameList = (a: readonly (string | number)[], b: readonly (string | number)[]) => a.length === b.length && a.every((item, index) => item === b[index]);

/** Only the fields that changed (PATCH semantics); a cleared e-mail is sent as null. */
const changesOf = (user: TAdminUser, values: TUserForm): TUpdateUserInput => {
  const scope = scopeOf(values);
  const email = values.email?.trim() ? values.email.trim() : null;
  const changes: TUpdateUserInput = {};
  if (values.displayName.trim() !== user.displayName) changes.displayName = values.displayName.trim();
  if (email !== user.email) changes.email = email;
  if (values.role !== user.role) changes.role = values.role;
  if (!sameList(scope.modules, user.modules)) changes.modules = scope.modules;
  if (!sameList(scope.unitCodes, user.unitCodes)) changes.unitCodes = scope.unitCodes;
  if (!sameList(scope.enterpriseIds, user.enterpriseIds)) changes.enterpriseIds = scope.enterpriseIds;
  return changes;
};

type TProps = {
  /** The user to edit, or null to create one. */
  user: TAdminUser | null;
  open: boolean;
  onClose: () => void;
  onSaved: (user: TAdminUser) => void;
};

export const UserFormModal = ({ user, open, onClose, onSaved }: TProps) => {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<TUserForm>();
  const role = Form.useWatch('role', form);
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const today = dayjs().format('YYYY-MM-DD');
  const units = useApiQuery(`units:${today}`, (signal) => listUnits({ at: today }, signal), open && role === 'AREA_OFFICER');
  const unitOptions = (units.data?.items ?? [])
    .filter((unit) => unit.level !== 'PROVINCE')
    .map((unit) => ({ value: unit.code, label: `${unit.name} (${unit.code})` }));

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    form.setFieldsValue(
      user
        ? {
            username: user.username,
            displayName: user.displayName,
            email: user.email ?? '',
            role: user.role,
            modules: user.modules,
            unitCodes: user.unitCodes,
            enterpriseIds: user.enterpriseIds.map(String),
          }
        : { role: 'OFFICER', modules: [], unitCodes: [], enterpriseIds: [] },
    );
  }, [open, user, form]);

  const submit = async (values: TUserForm) => {
    setSaving(true);
    setError(null);
    try {
      const saved = user
        ? await updateUser(user.id, changesOf(user, values))
        : await createUser({
            username: values.username.trim(),
            displayName: values.displayName.trim(),
            email: values.email?.trim() ? values.email.trim() : undefined,
            role: values.role,
            password: values.password,
            ...scopeOf(values),
          });
      void message.success(t(user ? 'users.updated' : 'users.created', { username: saved.username }));
      onSaved(saved);
    } catch (caught) {
      setError(caught);
      showFieldErrors(form, caught, FIELDS);
    } finally {
      setSaving(false);
    }
  };

  const required = (field: string) => ({ required: true, whitespace: true, message: t('common.requiredField', { field: field.toLowerCase() }) });

  return (
    <Modal
      open={open}
      title={user ? t('users.editTitle', { username: user.username }) : t('users.createTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      forceRender
      width={560}
    >
      <Form<TUserForm> form={form} layout="vertical" onFinish={(values) => void submit(values)}>
        <Form.Item
          name="username"
          label={t('users.username')}
          extra={user ? undefined : t('users.usernameRule')}
          rules={user ? [] : [required(t('users.username')), { pattern: USERNAME_PATTERN, message: t('users.usernameRule') }]}
        >
          <Input autoComplete="off" disabled={user !== null} />
        </Form.Item>
        <Form.Item name="displayName" label={t('users.displayName')} rules={[required(t('users.displayName'))]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="email" label={t('users.email')} rules={[{ type: 'email', message: t('users.emailInvalid') }]}>
          <Input type="email" autoComplete="off" />
        </Form.Item>
        <Form.Item name="role" label={t('users.role')} rules={[{ required: true, message: t('common.requiredSelect', { field: t('users.role').toLowerCase() }) }]}>
          <Select options={ROLES.map((value) => ({ value, label: t(`roles.${value}`) }))} />
        </Form.Item>
        {role === 'OFFICER' && (
          <Form.Item
            name="modules"
            label={t('users.modules')}
            rules={[{ required: true, type: 'array', min: 1, message: t('common.requiredSelect', { field: t('users.modules').toLowerCase() }) }]}
          >
            <Select mode="multiple" options={MODULES.map((value) => ({ value, label: t(`modules.${value}`) }))} />
          </Form.Item>
        )}
        {role === 'AREA_OFFICER' && (
          <>
            {units.error && <Alert type="warning" showIcon title={t('users.unitsUnavailable')} className="form-error" />}
            <Form.Item
              name="unitCodes"
              label={t('users.unitCodes')}
              extra={t('users.unitCodesHint')}
              rules={[{ required: true, type: 'array', min: 1, message: t('common.requiredSelect', { field: t('users.unitCodes').toLowerCase() }) }]}
            >
              <Select
                mode="tags"
                loading={units.loading}
                options={unitOptions}
                showSearch={{ optionFilterProp: 'label' }}
              />
            </Form.Item>
          </>
        )}
        {role === 'ENTERPRISE' && (
          <Form.Item
            name="enterpriseIds"
            label={t('users.enterpriseIds')}
            extra={t('users.enterpriseIdsHint')}
            rules={[
              { required: true, type: 'array', min: 1, message: t('common.requiredField', { field: t('users.enterpriseIds').toLowerCase() }) },
              {
                validator: (_rule, value: string[] | undefined) =>
                  (value ?? []).every((id) => ENTERPRISE_ID_PATTERN.test(id)) ? Promise.resolve() : Promise.reject(new Error(t('users.enterpriseIdInvalid'))),
              },
            ]}
          >
            <Select mode="tags" open={false} tokenSeparators={[',', ' ']} />
          </Form.Item>
        )}
        {!user && (
          <Form.Item
            name="password"
            label={t('users.password')}
            extra={t('users.passwordHint')}
            rules={[required(t('users.password')), { min: MIN_PASSWORD_LENGTH, message: t('password.tooShort') }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
        {error !== null && <ApiErrorAlert error={error} fields={FIELDS} />}
      </Form>
    </Modal>
  );
};
