import type { ReactNode } from 'react';
import { Button, Checkbox, Col, DatePicker, Divider, Form, Input, InputNumber, Row, Select } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { CHANNELS, FEE_TYPES, IMPLEMENTATION_LEVELS, ONLINE_LEVELS, SUBJECTS, TIME_UNITS } from '../../../api/procedures';
import { useLocale, useT } from '../../../i18n/I18nProvider';
import { useFormat } from '../../../i18n/useFormat';

type TProps = {
  /** The name of the item in the Form.List "items". */
  item: number;
};

const ListTitle = ({ children }: { children: ReactNode }) => (
  <Divider titlePlacement="start" className="form-divider">
    {children}
  </Divider>
);

/** The record fields of a procedure version (ZProcedureContent), nested under items[item].content. */
export const ContentEditor = ({ item }: TProps) => {
  const t = useT();
  const format = useFormat();
  const { locale } = useLocale();
  const base = (...path: (string | number)[]) => [item, 'content', ...path];
  const required = (label: string) => ({ required: true, whitespace: true, message: t('common.requiredField', { field: label.toLowerCase() }) });
  const requiredSelect = (label: string) => ({ required: true, message: t('common.requiredSelect', { field: label.toLowerCase() }) });
  const positive = { type: 'number' as const, min: 0.01, message: t('procedures.publish.positive') };
  const decimalSeparator = locale === 'vi' ? ',' : '.';
  const remove = (label: string, onClick: () => void) => (
    <Button type="text" danger icon={<DeleteOutlined />} aria-label={label} title={label} onClick={onClick} className="row-remove" />
  );

  return (
    <div className="content-editor">
      <ListTitle>{t('procedures.detail.sections.general')}</ListTitle>
      <Row gutter={12}>
        <Col xs={24}>
          <Form.Item
            name={base('name')}
            label={t('procedures.publish.name')}
            rules={[required(t('procedures.publish.name')), { min: 5, message: t('procedures.publish.nameMin') }]}
          >
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={1000} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name={base('implementationLevel')} label={t('procedures.detail.implementationLevel')} rules={[requiredSelect(t('procedures.detail.implementationLevel'))]}>
            <Select options={IMPLEMENTATION_LEVELS.map((value) => ({ value, label: t(`procedures.levels.${value}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name={base('onlineServiceLevel')} label={t('procedures.detail.onlineLevel')} rules={[requiredSelect(t('procedures.detail.onlineLevel'))]}>
            <Select options={ONLINE_LEVELS.map((value) => ({ value, label: t(`procedures.onlineLevelsLong.${value}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name={base('agencies', 'competent')} label={t('procedures.detail.competent')} rules={[required(t('procedures.detail.competent'))]}>
            <Input maxLength={300} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name={base('agencies', 'implementing')} label={t('procedures.detail.implementing')} rules={[required(t('procedures.detail.implementing'))]}>
            <Input maxLength={300} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name={base('agencies', 'delegated')} label={t('procedures.detail.delegated')}>
            <Input maxLength={300} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name={base('agencies', 'coordinating')} label={t('procedures.detail.coordinating')}>
            <Input maxLength={300} />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name={base('subjects')} label={t('procedures.detail.subjects')} rules={[{ required: true, type: 'array', min: 1, message: t('procedures.publish.subjectsRequired') }]}>
            <Select mode="multiple" options={SUBJECTS.map((value) => ({ value, label: t(`procedures.subjects.${value}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name={base('eligibleFullOnline')} valuePropName="checked" className="checkbox-item">
            <Checkbox>{t('procedures.detail.eligibleFullOnline')}</Checkbox>
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name={base('receivedAtOneStop')} valuePropName="checked" className="checkbox-item">
            <Checkbox>{t('procedures.detail.receivedAtOneStop')}</Checkbox>
          </Form.Item>
        </Col>
      </Row>

      <ListTitle>{t('procedures.detail.sections.time')}</ListTitle>
      <Row gutter={12}>
        <Col xs={12} md={6}>
          <Form.Item name={base('processingTime', 'value')} label={t('procedures.publish.timeValue')} rules={[{ required: true, message: t('procedures.publish.positive') }, positive]}>
            <InputNumber className="full-width" min={0} decimalSeparator={decimalSeparator} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name={base('processingTime', 'unit')} label={t('procedures.publish.timeUnit')} rules={[requiredSelect(t('procedures.publish.timeUnit'))]}>
            <Select options={TIME_UNITS.map((value) => ({ value, label: t(`procedures.unitNames.${value}`) }))} />
          </Form.Item>
        </Col>
      </Row>

      <ListTitle>{t('procedures.detail.sections.methods')}</ListTitle>
      <Form.List name={base('methods')} rules={[{ validator: async (_rule, value: unknown[]) => (value?.length ? undefined : Promise.reject(new Error(t('procedures.publish.atLeastOne')))) }]}>
        {(rows, { add, remove: removeRow }, { errors }) => (
          <>
            {rows.map((row, index) => (
              <Row gutter={12} key={row.key} align="top" className={index === 0 ? 'list-row' : 'list-row list-row-follow'}>
                <Col xs={24} lg={8}>
                  <Form.Item name={[row.name, 'channel']} label={t('procedures.detail.channel')} rules={[requiredSelect(t('procedures.detail.channel'))]}>
                    <Select options={CHANNELS.map((value) => ({ value, label: t(`procedures.channels.${value}`) }))} />
                  </Form.Item>
                </Col>
                <Col xs={10} lg={6}>
                  <Form.Item name={[row.name, 'processingTime', 'value']} label={t('procedures.publish.timeValue')} rules={[{ required: true, message: t('procedures.publish.positive') }, positive]}>
                    <InputNumber className="full-width" min={0} decimalSeparator={decimalSeparator} />
                  </Form.Item>
                </Col>
                <Col xs={10} lg={8}>
                  <Form.Item name={[row.name, 'processingTime', 'unit']} label={t('procedures.publish.timeUnit')} rules={[requiredSelect(t('procedures.publish.timeUnit'))]}>
                    <Select options={TIME_UNITS.map((value) => ({ value, label: t(`procedures.unitNames.${value}`) }))} />
                  </Form.Item>
                </Col>
                <Col xs={4} lg={2} className="row-remove-col">
                  {remove(t('procedures.publish.removeRow', { index: row.name + 1 }), () => removeRow(row.name))}
                </Col>
              </Row>
            ))}
            <Form.ErrorList errors={errors} />
            <Button icon={<PlusOutlined />} onClick={() => add({ channel: 'ONLINE', processingTime: { value: 10, unit: 'WORKING_DAY' } })} className="list-add">
              {t('procedures.publish.addMethod')}
            </Button>
          </>
        )}
      </Form.List>

      <ListTitle>{t('procedures.detail.sections.dossier')}</ListTitle>
      <Form.List name={base('dossierComponents')} rules={[{ validator: async (_rule, value: unknown[]) => (value?.length ? undefined : Promise.reject(new Error(t('procedures.publish.atLeastOne')))) }]}>
        {(rows, { add, remove: removeRow }, { errors }) => (
          <>
            {rows.map((row, index) => (
              <Row gutter={12} key={row.key} align="top" className={index === 0 ? 'list-row' : 'list-row list-row-follow'}>
                <Col xs={24} lg={14}>
                  <Form.Item name={[row.name, 'name']} label={t('procedures.detail.component')} rules={[required(t('procedures.detail.component'))]}>
                    <Input maxLength={1000} />
                  </Form.Item>
                </Col>
                <Col xs={10} lg={4}>
                  <Form.Item name={[row.name, 'originals']} label={t('procedures.detail.originals')} rules={[{ required: true, message: t('procedures.publish.count') }]}>
                    <InputNumber className="full-width" min={0} precision={0} />
                  </Form.Item>
                </Col>
                <Col xs={10} lg={4}>
                  <Form.Item name={[row.name, 'copies']} label={t('procedures.detail.copies')} rules={[{ required: true, message: t('procedures.publish.count') }]}>
                    <InputNumber className="full-width" min={0} precision={0} />
                  </Form.Item>
                </Col>
                <Col xs={4} lg={2} className="row-remove-col">
                  {remove(t('procedures.publish.removeRow', { index: row.name + 1 }), () => removeRow(row.name))}
                </Col>
              </Row>
            ))}
            <Form.ErrorList errors={errors} />
            <Button icon={<PlusOutlined />} onClick={() => add({ name: '', originals: 1, copies: 0, reusableFromDatabase: false })} className="list-add">
              {t('procedures.publish.addComponent')}
            </Button>
          </>
        )}
      </Form.List>
      <Form.Item name={base('dossierSets')} label={t('procedures.publish.dossierSets')} layout="horizontal" className="inline-item">
        <InputNumber min={1} precision={0} />
      </Form.Item>

      <ListTitle>{t('procedures.detail.sections.fees')}</ListTitle>
      <Form.List name={base('fees')}>
        {(rows, { add, remove: removeRow }) => (
          <>
            {rows.length === 0 && <p className="secondary-text">{t('procedures.detail.noFees')}</p>}
            {rows.map((row, index) => (
              <Row gutter={12} key={row.key} align="top" className={index === 0 ? 'list-row' : 'list-row list-row-follow'}>
                <Col xs={10} lg={5}>
                  <Form.Item name={[row.name, 'type']} label={t('procedures.detail.feeType')} rules={[requiredSelect(t('procedures.detail.feeType'))]}>
                    <Select options={FEE_TYPES.map((value) => ({ value, label: t(`procedures.feeTypes.${value}`) }))} />
                  </Form.Item>
                </Col>
                <Col xs={14} lg={6}>
                  <Form.Item
                    name={[row.name, 'amountVnd']}
                    label={t('procedures.publish.amountVnd')}
                    rules={[{ required: true, message: t('procedures.publish.count') }]}
                  >
                    <InputNumber<number>
                      className="full-width"
                      min={0}
                      precision={0}
                      formatter={(value) => (value === undefined || value === null || `${value}` === '' ? '' : format.number(Number(value)))}
                      parser={(text) => Number((text ?? '').replace(/\D/g, '') || 0)}
                    />
                  </Form.Item>
                </Col>
                <Col xs={20} lg={11}>
                  <Form.Item name={[row.name, 'legalBasis']} label={t('procedures.detail.feeBasis')}>
                    <Input maxLength={500} />
                  </Form.Item>
                </Col>
                <Col xs={4} lg={2} className="row-remove-col">
                  {remove(t('procedures.publish.removeRow', { index: row.name + 1 }), () => removeRow(row.name))}
                </Col>
              </Row>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add({ type: 'LE_PHI', amountVnd: 0, legalBasis: '', onlineDiscountPct: 0 })} className="list-add">
              {t('procedures.publish.addFee')}
            </Button>
          </>
        )}
      </Form.List>

      <ListTitle>{t('procedures.detail.sections.result')}</ListTitle>
      <Row gutter={12}>
        <Col xs={24} md={16}>
          <Form.Item name={base('result', 'name')} label={t('procedures.detail.resultName')} rules={[required(t('procedures.detail.resultName'))]}>
            <Input maxLength={500} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name={base('result', 'electronicAvailable')} valuePropName="checked" label={<span aria-hidden>&nbsp;</span>} colon={false}>
            <Checkbox>{t('procedures.detail.electronic')}</Checkbox>
          </Form.Item>
        </Col>
      </Row>

      <ListTitle>{t('procedures.detail.sections.legalBasis')}</ListTitle>
      <Form.List name={base('legalBasis')} rules={[{ validator: async (_rule, value: unknown[]) => (value?.length ? undefined : Promise.reject(new Error(t('procedures.publish.atLeastOne')))) }]}>
        {(rows, { add, remove: removeRow }, { errors }) => (
          <>
            {rows.map((row, index) => (
              <Row gutter={12} key={row.key} align="top" className={index === 0 ? 'list-row' : 'list-row list-row-follow'}>
                <Col xs={12} lg={5}>
                  <Form.Item name={[row.name, 'number']} label={t('procedures.detail.legalNumber')} rules={[required(t('procedures.detail.legalNumber'))]}>
                    <Input maxLength={100} />
                  </Form.Item>
                </Col>
                <Col xs={12} lg={6}>
                  <Form.Item name={[row.name, 'date']} label={t('procedures.detail.legalDate')} rules={[requiredSelect(t('procedures.detail.legalDate'))]}>
                    <DatePicker className="full-width" format={format.datePickerFormat} />
                  </Form.Item>
                </Col>
                <Col xs={20} lg={11}>
                  <Form.Item name={[row.name, 'title']} label={t('procedures.detail.legalTitle')} rules={[required(t('procedures.detail.legalTitle'))]}>
                    <Input maxLength={1000} />
                  </Form.Item>
                </Col>
                <Col xs={4} lg={2} className="row-remove-col">
                  {remove(t('procedures.publish.removeRow', { index: row.name + 1 }), () => removeRow(row.name))}
                </Col>
              </Row>
            ))}
            <Form.ErrorList errors={errors} />
            <Button icon={<PlusOutlined />} onClick={() => add({ number: '', title: '', date: null })} className="list-add">
              {t('procedures.publish.addLegal')}
            </Button>
          </>
        )}
      </Form.List>

      <ListTitle>{t('procedures.publish.texts')}</ListTitle>
      <Form.Item name={base('sequence')} label={t('procedures.detail.sections.sequence')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={10000} />
      </Form.Item>
      <Form.Item name={base('requirements')} label={t('procedures.detail.sections.requirements')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={10000} />
      </Form.Item>
    </div>
  );
};
