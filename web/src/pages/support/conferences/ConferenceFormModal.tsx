import { useEffect, useRef, useState } from 'react';
import { App, DatePicker, Form, Input, Modal, Select, Spin } from 'antd';
import dayjs from 'dayjs';
import { listEnterprises } from '../../../api/enterprises';
import { createConference, listAgencies, updateConference, type TConference } from '../../../api/support';
import { useApiQuery } from '../../../api/useApiQuery';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { showFieldErrors } from '../../../components/errors';
import { useT } from '../../../i18n/I18nProvider';
import { useFormat } from '../../../i18n/useFormat';
import { isoDate } from '../labels';

type TForm = { heldOn: dayjs.Dayjs; topic: string; chair: string; location?: string; summary?: string; enterpriseIds: number[]; agencyIds: number[] };
const FIELDS = ['heldOn', 'topic', 'chair', 'location', 'summary', 'enterpriseIds', 'agencyIds'] as const;
type TOption = { value: number; label: string };

/** Enterprises from the registry, searched as the user types (name or tax code). */
const EnterprisePicker = ({ value, onChange, initial }: { value?: number[]; onChange?: (ids: number[]) => void; initial: TOption[] }) => {
  const t = useT();
  const [options, setOptions] = useState<TOption[]>(initial);
  const [searching, setSearching] = useState(false);
  const known = useRef(new Map<number, string>(initial.map((o) => [o.value, o.label])));
  const search = async (q: string) => {
    if (q.trim().length < 2) return;
    setSearching(true);
    try {
      const found = await listEnterprises({ q, page: 1, pageSize: 20 });
      for (const e of found.items) known.current.set(e.id, `${e.nameVi} (${e.taxCode})`);
      const selected = (value ?? []).map((id) => ({ value: id, label: known.current.get(id) ?? String(id) }));
      setOptions([...selected, ...found.items.filter((e) => !(value ?? []).includes(e.id)).map((e) => ({ value: e.id, label: `${e.nameVi} (${e.taxCode})` }))]);
    } finally {
      setSearching(false);
    }
  };
  return (
    <Select<number[]>
      mode="multiple"
      value={value}
      onChange={onChange}
      options={options}
      filterOption={false}
      showSearch
      onSearch={(q) => void search(q)}
      placeholder={t('support.conferences.enterprisesSearch')}
      notFoundContent={searching ? <Spin size="small" /> : null}
      aria-label={t('support.conferences.enterprises')}
    />
  );
};

/** Records a new conference or changes one (participants included). */
export const ConferenceFormModal = ({ conference, onClose, onSaved }: { conference: TConference | null; onClose: () => void; onSaved: (saved: TConference) => void }) => {
  const t = useT();
  const format = useFormat();
  const { message } = App.useApp();
  const [form] = Form.useForm<TForm>();
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const agencies = useApiQuery('support:agencies', listAgencies);

  useEffect(() => {
    form.setFieldsValue(
      conference
        ? {
            heldOn: dayjs(conference.heldOn),
            topic: conference.topic,
            chair: conference.chair,
            location: conference.location ?? '',
            summary: conference.summary ?? '',
            enterpriseIds: conference.enterprises.map((e) => e.id),
            agencyIds: conference.agencies.map((a) => a.id),
          }
        : { enterpriseIds: [], agencyIds: [] },
    );
  }, [form, conference]);

  const submit = async (values: TForm) => {
    setSaving(true);
    setError(null);
    const body = {
      heldOn: isoDate(values.heldOn),
      topic: values.topic.trim(),
      chair: values.chair.trim(),
      location: values.location?.trim() ? values.location.trim() : null,
      summary: values.summary?.trim() ? values.summary.trim() : null,
      enterpriseIds: values.enterpriseIds,
      agencyIds: values.agencyIds,
    };
    try {
      const saved = conference ? await updateConference(conference.id, body) : await createConference({ ...body, commitments: [] });
      void message.success(t('support.conferences.saved'));
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
    <Modal
      open
      title={conference ? t('support.conferences.editTitle') : t('support.conferences.createTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      width={720}
    >
      <Form<TForm> form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item name="heldOn" label={t('support.conferences.heldOn')} rules={[{ required: true, message: t('common.requiredSelect', { field: t('support.conferences.heldOn').toLowerCase() }) }]}>
          <DatePicker format={format.datePickerFormat} />
        </Form.Item>
        <Form.Item name="topic" label={t('support.conferences.topic')} rules={[required(t('support.conferences.topic'))]}>
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item name="chair" label={t('support.conferences.chair')} rules={[required(t('support.conferences.chair'))]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="location" label={t('support.conferences.location')}>
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item name="summary" label={t('support.conferences.summary')}>
          <Input.TextArea rows={3} maxLength={20000} />
        </Form.Item>
        <Form.Item name="enterpriseIds" label={t('support.conferences.enterprises')}>
          <EnterprisePicker initial={(conference?.enterprises ?? []).map((e) => ({ value: e.id, label: `${e.name} (${e.taxCode})` }))} />
        </Form.Item>
        <Form.Item name="agencyIds" label={t('support.conferences.agencies')}>
          <Select mode="multiple" optionFilterProp="label" options={(agencies.data?.items ?? []).map((a) => ({ value: a.id, label: a.name }))} />
        </Form.Item>
        {error !== null && <ApiErrorAlert error={error} fields={FIELDS} />}
      </Form>
    </Modal>
  );
};
