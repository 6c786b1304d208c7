import { Button, Col, Form, Input, InputNumber, Row, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useLocale, useT } from '../../i18n/I18nProvider';

type TProps = { name: 'before' | 'after'; disabled: boolean };

/** Whole đồng, grouped by thousands with a space (readable in both languages, parsed back by dropping spaces). */
const vndProps = {
  min: 0,
  step: 10_000,
  precision: 0,
  className: 'full-width',
  suffix: 'đ',
  formatter: (value: number | string | undefined) => String(value ?? '').replace(/\B(?=(\d{3})+(?!\d))/g, ' '),
  parser: (text: string | undefined) => Number((text ?? '').replace(/\s/g, '')),
} as const;

/** Editor of one side of the standard-cost model: steps with hours, fees, consultancy, other costs, subjects and frequency. */
export const ModelEditor = ({ name, disabled }: TProps) => {
  const t = useT();
  const { locale } = useLocale();
  const decimalSeparator = locale === 'vi' ? ',' : '.';
  const id = (field: string) => `${name}-${field}`;
  return (
    <div className={`model-editor model-editor-${name}`}>
      <Typography.Title level={4} className="model-editor-caption">
        {t('compliance.editor.steps')}
      </Typography.Title>
      <Form.List name={[name, 'steps']}>
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, index) => (
              <Space.Compact key={field.key} className="model-step full-width">
                <Form.Item name={[field.name, 'name']} rules={[{ required: true, message: t('compliance.editor.stepNameRequired') }]} className="model-step-name">
                  <Input aria-label={t('compliance.editor.stepName', { n: index + 1 })} placeholder={t('compliance.editor.stepNamePlaceholder')} disabled={disabled} maxLength={300} />
                </Form.Item>
                <Form.Item name={[field.name, 'hours']} rules={[{ required: true, message: t('compliance.editor.hoursRequired') }]} className="model-step-hours">
                  <InputNumber aria-label={t('compliance.editor.stepHours', { n: index + 1 })} min={0} max={10_000} step={0.25} decimalSeparator={decimalSeparator} suffix={t('compliance.editor.hoursUnit')} disabled={disabled} />
                </Form.Item>
                <Button icon={<DeleteOutlined />} aria-label={t('compliance.editor.removeStep', { n: index + 1 })} onClick={() => remove(field.name)} disabled={disabled || fields.length <= 1} />
              </Space.Compact>
            ))}
            {!disabled && (
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '', hours: 1 })} className="model-add">
                {t('compliance.editor.addStep')}
              </Button>
            )}
          </>
        )}
      </Form.List>
      <Row gutter={12} className="model-numbers">
        <Col xs={24} sm={12}>
          <Form.Item label={t('compliance.editor.fees')} name={[name, 'feesVnd']} htmlFor={id('fees')} rules={[{ required: true, message: t('compliance.editor.amountRequired') }]}>
            <InputNumber id={id('fees')} {...vndProps} disabled={disabled} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item label={t('compliance.editor.consultancy')} name={[name, 'consultancyVnd']} htmlFor={id('consultancy')}>
            <InputNumber id={id('consultancy')} {...vndProps} disabled={disabled} />
          </Form.Item>
        </Col>
      </Row>
      <Typography.Text strong>{t('compliance.editor.otherCosts')}</Typography.Text>
      <Form.List name={[name, 'otherCosts']}>
        {(fields, { add, remove }) => (
          <div className="model-other">
            {fields.map((field, index) => (
              <Space.Compact key={field.key} className="model-step full-width">
                <Form.Item name={[field.name, 'name']} rules={[{ required: true, message: t('compliance.editor.costNameRequired') }]} className="model-step-name">
                  <Input aria-label={t('compliance.editor.costName', { n: index + 1 })} placeholder={t('compliance.editor.costNamePlaceholder')} disabled={disabled} maxLength={300} />
                </Form.Item>
                <Form.Item name={[field.name, 'amountVnd']} rules={[{ required: true, message: t('compliance.editor.amountRequired') }]} className="model-step-hours">
                  <InputNumber aria-label={t('compliance.editor.costAmount', { n: index + 1 })} {...vndProps} disabled={disabled} />
                </Form.Item>
                <Button icon={<DeleteOutlined />} aria-label={t('compliance.editor.removeCost', { n: index + 1 })} onClick={() => remove(field.name)} disabled={disabled} />
              </Space.Compact>
            ))}
            {!disabled && (
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '', amountVnd: 0 })} className="model-add">
                {t('compliance.editor.addCost')}
              </Button>
            )}
          </div>
        )}
      </Form.List>
      <Row gutter={12} className="model-numbers">
        <Col xs={24} sm={12}>
          <Form.Item label={t('compliance.editor.subjects')} name={[name, 'subjectsPerYear']} htmlFor={id('subjects')} rules={[{ required: true, message: t('compliance.editor.subjectsRequired') }]}>
            <InputNumber id={id('subjects')} min={0} step={10} precision={0} className="full-width" disabled={disabled} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            label={t('compliance.editor.times')}
            name={[name, 'timesPerYear']}
            htmlFor={id('times')}
            extra={t('compliance.editor.timesHint')}
            rules={[{ required: true, message: t('compliance.editor.timesRequired') }]}
          >
            <InputNumber id={id('times')} min={0.0001} step={0.1} decimalSeparator={decimalSeparator} className="full-width" disabled={disabled} />
          </Form.Item>
        </Col>
      </Row>
    </div>
  );
};
