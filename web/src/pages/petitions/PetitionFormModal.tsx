import { useState } from 'react';
import { App, Form, Input, Modal, Select } from 'antd';
import { listEnterprises } from '../../api/enterprises';
import { filePetition, OFFICER_CHANNELS, type TPetition, type TPetitionBody, type TPetitionChannel } from '../../api/petitions';
import { listConferences, PETITION_CATEGORIES, type TPetitionCategory } from '../../api/support';
import { useApiQuery } from '../../api/useApiQuery';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { showFieldErrors } from '../../components/errors';
import { useT } from '../../i18n/I18nProvider';
import { useFormat } from '../../i18n/useFormat';

type TForm = { category: TPetitionCategory; subject: string; content: string; channel?: TPetitionChannel; enterpriseId?: number; conferenceId?: number };
const FIELDS = ['category', 'subject', 'content', 'channel', 'enterpriseId', 'conferenceId'] as const;

/** Files a petition (enterprise) or records one for an enterprise (support officer). */
export const PetitionFormModal = ({ isOfficer, onClose, onSaved }: { isOfficer: boolean; onClose: () => void; onSaved: (p: TPetition) => void }) => {
  const t = useT();
  const format = useFormat();
  const { message } = App.useApp();
  const [form] = Form.useForm<TForm>();
  const channel = Form.useWatch('channel', form);
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const [enterpriseOptions, setEnterpriseOptions] = useState<{ value: number; label: string }[]>([]);
  const conferences = useApiQuery('support:conferences', listConferences, isOfficer);

  const searchEnterprises = async (q: string) => {
    if (q.trim().length < 2) return;
    const found = await listEnterprises({ q, page: 1, pageSize: 20 });
    setEnterpriseOptions(found.items.map((e) => ({ value: e.id, label: `${e.nameVi} (${e.taxCode})` })));
  };

  const submit = async (v: TForm) => {
    setSaving(true);
    setError(null);
    const body: TPetitionBody = { category: v.category, subject: v.subject.trim(), content: v.content.trim() };
    if (isOfficer) Object.assign(body, { channel: v.channel, enterpriseId: v.enterpriseId, conferenceId: v.conferenceId ?? null });
    try {
      const saved = await filePetition(body);
      void message.success(t('petitions.filed', { code: saved.code }));
      onSaved(saved);
    } catch (caught) {
      setError(caught);
      showFieldErrors(form, caught, FIELDS);
    } finally {
      setSaving(false);
    }
  };

  const required = (label: string) => ({ required: true, whitespace: true, message: t('common.requiredField', { field: label.toLowerCase() }) });
  return (
    <Modal open title={isOfficer ? t('petitions.recordTitle') : t('petitions.fileTitle')} okText={t('common.save')} cancelText={t('common.cancel')} confirmLoading={saving} onOk={() => form.submit()} onCancel={onClose} width={680}>
      <Form<TForm> form={form} layout="vertical" onFinish={(v) => void submit(v)} initialValues={{ channel: isOfficer ? 'LETTER' : undefined }}>
        {isOfficer && (
          <>
            <Form.Item name="enterpriseId" label={t('petitions.enterprise')} rules={[{ required: true, message: t('common.requiredSelect', { field: t('petitions.enterprise').toLowerCase() }) }]}>
              <Select showSearch filterOption={false} onSearch={(q) => void searchEnterprises(q)} options={enterpriseOptions} placeholder={t('support.conferences.enterprisesSearch')} />
            </Form.Item>
            <Form.Item name="channel" label={t('petitions.channel')} rules={[{ required: true }]}>
              <Select options={OFFICER_CHANNELS.map((c) => ({ value: c, label: t(`petitions.channels.${c}`) }))} />
            </Form.Item>
            {channel === 'CONFERENCE' && (
              <Form.Item name="conferenceId" label={t('petitions.conference')} rules={[{ required: true, message: t('common.requiredSelect', { field: t('petitions.conference').toLowerCase() }) }]}>
                <Select options={(conferences.data?.items ?? []).map((c) => ({ value: c.id, label: `${format.date(c.heldOn)} — ${c.topic}` }))} />
              </Form.Item>
            )}
          </>
        )}
        <Form.Item name="category" label={t('petitions.category')} rules={[{ required: true, message: t('common.requiredSelect', { field: t('petitions.category').toLowerCase() }) }]}>
          <Select options={PETITION_CATEGORIES.map((c) => ({ value: c, label: t(`petitions.categories.${c}`) }))} />
        </Form.Item>
        <Form.Item name="subject" label={t('petitions.subject')} rules={[required(t('petitions.subject')), { min: 5 }]}>
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item name="content" label={t('petitions.content')} rules={[required(t('petitions.content')), { min: 10 }]}>
          <Input.TextArea rows={5} maxLength={20000} />
        </Form.Item>
        {error !== null && <ApiErrorAlert error={error} fields={FIELDS} />}
      </Form>
    </Modal>
  );
};
