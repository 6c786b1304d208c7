import { useEffect, useState } from 'react';
import { App, Col, Form, Input, InputNumber, Modal, Row, Typography } from 'antd';
import { savePciYear, type TPci } from '../../../api/support';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { showFieldErrors } from '../../../components/errors';
import { useT } from '../../../i18n/I18nProvider';
import { useSupportNames } from '../labels';

type TForm = {
  year: number;
  composite: number | null;
  rank: number | null;
  nProvinces: number | null;
  source?: string;
  scores: Record<string, { score: number | null; rank: number | null }>;
};
const FIELDS = ['composite', 'rank', 'nProvinces', 'source'] as const;

/** Enters or corrects the PCI figures of one year (a new year when `year` is null). */
export const PciYearModal = ({ pci, year, onClose, onSaved }: { pci: TPci; year: number | null; onClose: () => void; onSaved: (year: number) => void }) => {
  const t = useT();
  const names = useSupportNames();
  const { message } = App.useApp();
  const [form] = Form.useForm<TForm>();
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const current = pci.years.find((y) => y.year === year);

  useEffect(() => {
    form.setFieldsValue({
      year: year ?? new Date().getFullYear() - 1,
      composite: current?.composite ?? null,
      rank: current?.rank ?? null,
      nProvinces: current?.nProvinces ?? 34,
      source: current?.source ?? '',
      scores: Object.fromEntries(pci.subindices.map((s) => {
        const v = current?.subindices.find((x) => x.code === s.code);
        return [s.code, { score: v?.score ?? null, rank: v?.rank ?? null }];
      })),
    });
  }, [form, current, pci, year]);

  const submit = async (values: TForm) => {
    setSaving(true);
    setError(null);
    try {
      const saved = await savePciYear(values.year, {
        composite: values.composite ?? null,
        rank: values.rank ?? null,
        nProvinces: values.nProvinces ?? null,
        source: values.source?.trim() ? values.source.trim() : null,
        subindices: pci.subindices
          .map((s) => ({ code: s.code, score: values.scores[s.code]?.score ?? null, rank: values.scores[s.code]?.rank ?? null }))
          .filter((s) => s.score !== null || s.rank !== null),
      });
      void message.success(t('support.pci.saved', { year: saved.year }));
      onSaved(saved.year);
    } catch (caught) {
      setError(caught);
      showFieldErrors(form, caught, FIELDS);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={t('support.pci.editTitle', { year: year ?? '' })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      width={720}
    >
      <Form<TForm> form={form} layout="vertical" onFinish={(values) => void submit(values)}>
        <Row gutter={12}>
          <Col span={6}>
            <Form.Item name="year" label={t('support.pci.year')} rules={[{ required: true, message: t('common.requiredField', { field: t('support.pci.year').toLowerCase() }) }]}>
              <InputNumber min={2005} max={2100} disabled={year !== null} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="composite" label={t('support.pci.composite')}>
              <InputNumber min={0} max={100} step={0.01} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="rank" label={t('support.pci.rank')}>
              <InputNumber min={1} max={100} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="nProvinces" label={t('support.pci.nProvinces')}>
              <InputNumber min={1} max={100} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="source" label={t('support.pci.source')}>
          <Input maxLength={500} />
        </Form.Item>
        <Row gutter={12}>
          <Col span={14}>
            <Typography.Text strong>{t('support.pci.subindex')}</Typography.Text>
          </Col>
          <Col span={5}>
            <Typography.Text strong>{t('support.pci.score')}</Typography.Text>
          </Col>
          <Col span={5}>
            <Typography.Text strong>{t('support.pci.subRank')}</Typography.Text>
          </Col>
        </Row>
        {pci.subindices.map((s) => (
          <Row gutter={12} key={s.code} align="middle">
            <Col span={14}>
              <label htmlFor={`pci-score-${s.code}`}>{names.subindex(pci.subindices, s.code)}</label>
            </Col>
            <Col span={5}>
              <Form.Item name={['scores', s.code, 'score']} style={{ marginBottom: 8 }}>
                <InputNumber id={`pci-score-${s.code}`} min={0} max={10} step={0.01} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={5}>
              <Form.Item name={['scores', s.code, 'rank']} style={{ marginBottom: 8 }}>
                <InputNumber aria-label={`${t('support.pci.subRank')} ${names.subindex(pci.subindices, s.code)}`} min={1} max={100} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
        ))}
        {error !== null && <ApiErrorAlert error={error} fields={FIELDS} />}
      </Form>
    </Modal>
  );
};
