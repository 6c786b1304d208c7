import { useEffect, useState } from 'react';
import { Alert, Col, Form, Input, InputNumber, Modal, Row, Typography } from 'antd';
import { saveFigures } from '../../../api/enterprises';
import type { TClassification, TEnterpriseFigures } from '../../../api/types';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { showFieldErrors } from '../../../components/errors';
import { useT } from '../../../i18n/I18nProvider';
import { useFormat } from '../../../i18n/useFormat';

type TForm = { year: number; avgInsuredEmployees: string; revenueVnd?: string; capitalVnd: string; exportUsd?: string };
const FIELDS = ['year', 'avgInsuredEmployees', 'revenueVnd', 'capitalVnd', 'exportUsd'] as const;
const INTEGER = /^\d+$/;
const DECIMAL = /^\d+(\.\d+)?$/;
const FIRST_YEAR = 1990;

/** Digits only: separators typed by habit (1.000.000 or 1,000,000 or spaces) are dropped. */
const digitsOnly = (value: string | undefined) => (value ?? '').replace(/[\s.,]/g, '');
/** A decimal number with "." whatever the user typed ("10,5" → "10.5"). */
const decimalOnly = (value: string | undefined) => (value ?? '').replace(/\s/g, '').replace(',', '.');

type TProps = {
  enterpriseId: number;
  figures: TEnterpriseFigures[];
  open: boolean;
  onClose: () => void;
  onSaved: (year: number, classification: TClassification) => void;
};

/** Records one year of figures (PUT figures); the server classifies the enterprise for that year. */
export const FiguresFormModal = ({ enterpriseId, figures, open, onClose, onSaved }: TProps) => {
  const t = useT();
  const format = useFormat();
  const [form] = Form.useForm<TForm>();
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const year = Form.useWatch('year', form);
  const revenue = Form.useWatch('revenueVnd', form);
  const capital = Form.useWatch('capitalVnd', form);
  const exportUsd = Form.useWatch('exportUsd', form);
  const maxYear = new Date().getFullYear();
  const existing = figures.find((row) => row.year === year);

  const fill = (chosen: number) => {
    const row = figures.find((item) => item.year === chosen);
    form.setFieldsValue({
      avgInsuredEmployees: row?.avgInsuredEmployees ?? '',
      revenueVnd: row?.revenueVnd ?? '',
      capitalVnd: row?.capitalVnd ?? '',
      exportUsd: row?.exportUsd ?? '',
    });
  };

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    const defaultYear = maxYear - 1;
    form.setFieldsValue({ year: defaultYear });
    fill(defaultYear);
  }, [open, form]); // Filled once per opening: later changes of `figures` must not overwrite what is being typed.

  const submit = async (values: TForm) => {
    setSaving(true);
    setError(null);
    try {
      const result = await saveFigures(enterpriseId, {
        year: values.year,
        avgInsuredEmployees: decimalOnly(values.avgInsuredEmployees),
        revenueVnd: digitsOnly(values.revenueVnd) || null,
        capitalVnd: digitsOnly(values.capitalVnd),
        exportUsd: digitsOnly(values.exportUsd) || null,
      });
      onSaved(values.year, result);
    } catch (caught) {
      setError(caught);
      showFieldErrors(form, caught, FIELDS);
    } finally {
      setSaving(false);
    }
  };

  const preview = (value: string | undefined, hint: string) => {
    const digits = digitsOnly(value);
    return INTEGER.test(digits) ? `= ${format.decimalText(digits)}` : hint;
  };
  const amountRule = (isRequired: boolean, label: string) => ({
    validator: (_rule: unknown, value: string | undefined) => {
      const digits = digitsOnly(value);
      if (!digits) return isRequired ? Promise.reject(new Error(t('common.requiredField', { field: label.toLowerCase() }))) : Promise.resolve();
      return INTEGER.test(digits) ? Promise.resolve() : Promise.reject(new Error(t('enterprises.figures.integerInvalid')));
    },
  });

  return (
    <Modal
      open={open}
      title={t('enterprises.figures.formTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      forceRender
      width={640}
    >
      <Typography.Paragraph type="secondary">{t('enterprises.figures.formHint')}</Typography.Paragraph>
      <Form<TForm> form={form} name="figures-form" layout="vertical" onFinish={(values) => void submit(values)}>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              name="year"
              label={t('enterprises.fields.year')}
              rules={[
                { required: true, message: t('common.requiredField', { field: t('enterprises.fields.year').toLowerCase() }) },
                { type: 'integer', min: FIRST_YEAR, max: maxYear, message: t('enterprises.figures.yearInvalid', { max: maxYear }) },
              ]}
            >
              <InputNumber
                className="full-width"
                min={FIRST_YEAR}
                max={maxYear}
                precision={0}
                onChange={(value) => {
                  if (typeof value === 'number' && value >= FIRST_YEAR && value <= maxYear) fill(value);
                }}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="avgInsuredEmployees"
              label={t('enterprises.fields.avgInsuredEmployees')}
              required
              extra={t('enterprises.figures.employeesHint')}
              normalize={(value: string) => value.replace(/\s/g, '')}
              rules={[
                {
                  validator: (_rule, value: string | undefined) => {
                    const decimal = decimalOnly(value);
                    if (!decimal) return Promise.reject(new Error(t('common.requiredField', { field: t('enterprises.fields.avgInsuredEmployees').toLowerCase() })));
                    return DECIMAL.test(decimal) ? Promise.resolve() : Promise.reject(new Error(t('enterprises.figures.numberInvalid')));
                  },
                },
              ]}
            >
              <Input inputMode="decimal" autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="revenueVnd" label={t('enterprises.fields.revenueVnd')} extra={preview(revenue, t('enterprises.figures.amountHint'))} rules={[amountRule(false, t('enterprises.fields.revenueVnd'))]}>
              <Input inputMode="numeric" autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="capitalVnd" required label={t('enterprises.fields.capitalVnd')} extra={preview(capital, t('enterprises.figures.amountHint'))} rules={[amountRule(true, t('enterprises.fields.capitalVnd'))]}>
              <Input inputMode="numeric" autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="exportUsd" label={t('enterprises.fields.exportUsd')} extra={preview(exportUsd, t('enterprises.figures.amountHint'))} rules={[amountRule(false, t('enterprises.fields.exportUsd'))]}>
              <Input inputMode="numeric" autoComplete="off" />
            </Form.Item>
          </Col>
        </Row>
        {existing && <Alert type="info" showIcon title={t('enterprises.figures.existingYear', { year: existing.year })} className="form-error" />}
        {error !== null && <ApiErrorAlert error={error} fields={FIELDS} />}
      </Form>
    </Modal>
  );
};
