import { useEffect, useState } from 'react';
import { App, Col, DatePicker, Divider, Form, Input, Modal, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { ApiError } from '../../api/client';
import { createEnterprise, updateEnterprise } from '../../api/enterprises';
import {
  ENTERPRISE_STATUSES,
  LEGAL_FORMS,
  OWNERSHIPS,
  type TEnterpriseBody,
  type TEnterpriseDetail,
  type TEnterpriseStatus,
  type TLegalForm,
  type TOwnership,
} from '../../api/types';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { showFieldErrors } from '../../components/errors';
import { useT } from '../../i18n/I18nProvider';
import { useFormat } from '../../i18n/useFormat';
import { foldedSearch } from './EnterpriseFilters';
import type { TEnterpriseReference } from './useEnterpriseReference';

type TForm = {
  taxCode: string;
  nameVi: string;
  nameIntl?: string;
  shortName?: string;
  legalForm?: TLegalForm;
  ownership?: TOwnership;
  vsicMain: string;
  vsicOther: string[];
  address?: string;
  unitCode?: string;
  formerDistrict?: string;
  zoneId?: number;
  establishedOn?: Dayjs | null;
  status: TEnterpriseStatus;
  statusSince?: Dayjs | null;
  legalRep?: string;
  phone?: string;
  email?: string;
  website?: string;
};

const FIELDS = [
  'taxCode', 'nameVi', 'nameIntl', 'shortName', 'legalForm', 'ownership', 'vsicMain', 'vsicOther', 'address', 'unitCode',
  'formerDistrict', 'zoneId', 'establishedOn', 'status', 'statusSince', 'legalRep', 'phone', 'email', 'website',
] as const;
export const TAX_CODE_PATTERN = /^\d{10}(-\d{3})?$/;
const VSIC_PATTERN = /^\d{4,5}$/;

const text = (value: string | undefined): string | null => (value?.trim() ? value.trim() : null);
const day = (value: string | null): Dayjs | null => (value ? dayjs(value) : null);

const toBody = (values: TForm): TEnterpriseBody => ({
  taxCode: values.taxCode.trim(),
  nameVi: values.nameVi.trim(),
  nameIntl: text(values.nameIntl),
  shortName: text(values.shortName),
  legalForm: values.legalForm as TLegalForm,
  ownership: values.ownership as TOwnership,
  vsicMain: values.vsicMain.trim(),
  vsicOther: (values.vsicOther ?? []).map((code) => code.trim()).filter(Boolean),
  address: text(values.address),
  unitCode: values.unitCode ?? null,
  formerDistrict: values.formerDistrict ?? null,
  zoneId: values.zoneId ?? null,
  establishedOn: values.establishedOn ? values.establishedOn.format('YYYY-MM-DD') : null,
  status: values.status,
  statusSince: values.statusSince ? values.statusSince.format('YYYY-MM-DD') : null,
  legalRep: text(values.legalRep),
  phone: text(values.phone),
  email: text(values.email),
  website: text(values.website),
});

type TProps = {
  /** The enterprise to edit, or null to register one. */
  enterprise: TEnterpriseDetail | null;
  open: boolean;
  reference: TEnterpriseReference;
  onClose: () => void;
  onSaved: (enterprise: TEnterpriseDetail) => void;
};

/** Registers an enterprise (POST) or edits every field of one (PUT); server field errors shown on the fields. */
export const EnterpriseFormModal = ({ enterprise, open, reference, onClose, onSaved }: TProps) => {
  const t = useT();
  const format = useFormat();
  const { message } = App.useApp();
  const [form] = Form.useForm<TForm>();
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const vsicMain = Form.useWatch('vsicMain', form);

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    form.setFieldsValue(
      enterprise
        ? {
            taxCode: enterprise.taxCode,
            nameVi: enterprise.nameVi,
            nameIntl: enterprise.nameIntl ?? '',
            shortName: enterprise.shortName ?? '',
            legalForm: enterprise.legalForm,
            ownership: enterprise.ownership,
            vsicMain: enterprise.vsicMain,
            vsicOther: enterprise.vsicOther,
            address: enterprise.address ?? '',
            unitCode: enterprise.unitCode ?? undefined,
            formerDistrict: enterprise.formerDistrict ?? undefined,
            zoneId: enterprise.zoneId ?? undefined,
            establishedOn: day(enterprise.establishedOn),
            status: enterprise.status,
            statusSince: day(enterprise.statusSince),
            legalRep: enterprise.legalRep ?? '',
            phone: enterprise.phone ?? '',
            email: enterprise.email ?? '',
            website: enterprise.website ?? '',
          }
        : { status: 'ACTIVE', ownership: 'NON_STATE', vsicOther: [] },
    );
  }, [open, enterprise, form]);

  const submit = async (values: TForm) => {
    setSaving(true);
    setError(null);
    try {
      const body = toBody(values);
      const saved = enterprise ? await updateEnterprise(enterprise.id, body) : await createEnterprise(body);
      void message.success(enterprise ? t('enterprises.form.saved') : t('enterprises.list.created', { name: saved.nameVi }));
      onSaved(saved);
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === 'CONFLICT') {
        form.setFields([{ name: 'taxCode', errors: [t('enterprises.form.taxCodeTaken')] }]);
        setError(null);
      } else {
        setError(caught);
        showFieldErrors(form, caught, FIELDS);
      }
      const firstError = form.getFieldsError().find((field) => field.errors.length > 0);
      if (firstError) form.scrollToField(firstError.name, { block: 'center' });
    } finally {
      setSaving(false);
    }
  };

  const required = (label: string) => ({ required: true, whitespace: true, message: t('common.requiredField', { field: label.toLowerCase() }) });
  const requiredSelect = (label: string) => ({ required: true, message: t('common.requiredSelect', { field: label.toLowerCase() }) });
  const division = reference.divisionOf(VSIC_PATTERN.test(vsicMain ?? '') ? vsicMain : undefined);
  const today = dayjs();
  const pastOnly = (current: Dayjs) => current.isAfter(today, 'day');

  return (
    <Modal
      open={open}
      title={enterprise ? t('enterprises.form.editTitle') : t('enterprises.form.createTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      forceRender
      width={820}
    >
      <Form<TForm> form={form} name="enterprise-form" layout="vertical" scrollToFirstError={{ block: 'center' }} onFinish={(values) => void submit(values)} className="enterprise-form">
        <Divider titlePlacement="start" plain className="form-divider">
          {t('enterprises.form.sectionGeneral')}
        </Divider>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              name="taxCode"
              label={t('enterprises.fields.taxCode')}
              extra={t('enterprises.form.taxCodeHint')}
              rules={[required(t('enterprises.fields.taxCode')), { pattern: TAX_CODE_PATTERN, message: t('enterprises.form.taxCodeInvalid') }]}
            >
              <Input autoComplete="off" inputMode="numeric" maxLength={14} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="status" label={t('enterprises.fields.status')} rules={[requiredSelect(t('enterprises.fields.status'))]}>
              <Select options={ENTERPRISE_STATUSES.map((value) => ({ value, label: t(`enterprises.statuses.${value}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="nameVi" label={t('enterprises.fields.nameVi')} rules={[required(t('enterprises.fields.nameVi')), { max: 500 }]}>
              <Input autoComplete="off" maxLength={500} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="nameIntl" label={t('enterprises.fields.nameIntl')}>
              <Input autoComplete="off" maxLength={500} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="shortName" label={t('enterprises.fields.shortName')}>
              <Input autoComplete="off" maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="legalForm" label={t('enterprises.fields.legalForm')} rules={[requiredSelect(t('enterprises.fields.legalForm'))]}>
              <Select options={LEGAL_FORMS.map((value) => ({ value, label: t(`enterprises.legalForms.${value}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="ownership" label={t('enterprises.fields.ownership')} rules={[requiredSelect(t('enterprises.fields.ownership'))]}>
              <Select options={OWNERSHIPS.map((value) => ({ value, label: t(`enterprises.ownerships.${value}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="vsicMain"
              label={t('enterprises.fields.vsicMain')}
              extra={division ? `${division.code} – ${reference.vsicName(division.code)}` : t('enterprises.form.vsicHint')}
              rules={[required(t('enterprises.fields.vsicMain')), { pattern: VSIC_PATTERN, message: t('enterprises.form.vsicInvalid') }]}
            >
              <Input autoComplete="off" inputMode="numeric" maxLength={5} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="vsicOther"
              label={t('enterprises.fields.vsicOther')}
              extra={t('enterprises.form.vsicOtherHint')}
              rules={[
                {
                  validator: (_rule, value: string[] | undefined) =>
                    (value ?? []).every((code) => VSIC_PATTERN.test(code.trim())) ? Promise.resolve() : Promise.reject(new Error(t('enterprises.form.vsicInvalid'))),
                },
              ]}
            >
              <Select mode="tags" open={false} tokenSeparators={[',', ';', ' ']} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="establishedOn" label={t('enterprises.fields.establishedOn')}>
              <DatePicker className="full-width" format={format.datePickerFormat} disabledDate={pastOnly} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="statusSince" label={t('enterprises.fields.statusSince')}>
              <DatePicker className="full-width" format={format.datePickerFormat} disabledDate={pastOnly} />
            </Form.Item>
          </Col>
        </Row>
        <Divider titlePlacement="start" plain className="form-divider">
          {t('enterprises.form.sectionLocation')}
        </Divider>
        <Row gutter={16}>
          <Col xs={24}>
            <Form.Item name="address" label={t('enterprises.fields.address')}>
              <Input autoComplete="off" maxLength={500} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="unitCode" label={t('enterprises.fields.unitCode')}>
              <Select
                allowClear
                showSearch={foldedSearch}
                disabled={reference.communes.length === 0}
                placeholder={reference.communes.length === 0 ? t('enterprises.filters.noUnits') : undefined}
                options={reference.communes.map((unit) => ({ value: unit.code, label: `${unit.name} (${unit.code})` }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="formerDistrict" label={t('enterprises.fields.formerDistrict')}>
              <Select allowClear showSearch={foldedSearch} options={reference.districts.map((unit) => ({ value: unit.code, label: `${unit.name} (${unit.code})` }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="zoneId" label={t('enterprises.fields.zoneId')}>
              <Select
                allowClear
                showSearch={foldedSearch}
                popupMatchSelectWidth={false}
                options={[...reference.zones].sort((a, b) => a.name.localeCompare(b.name, 'vi')).map((zone) => ({ value: zone.id, label: zone.name }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Divider titlePlacement="start" plain className="form-divider">
          {t('enterprises.form.sectionContact')}
        </Divider>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="legalRep" label={t('enterprises.fields.legalRep')}>
              <Input autoComplete="off" maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="phone" label={t('enterprises.fields.phone')}>
              <Input autoComplete="off" type="tel" maxLength={50} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="email" label={t('enterprises.fields.email')} rules={[{ type: 'email', message: t('enterprises.form.emailInvalid') }]}>
              <Input autoComplete="off" type="email" maxLength={254} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="website" label={t('enterprises.fields.website')}>
              <Input autoComplete="off" maxLength={300} />
            </Form.Item>
          </Col>
        </Row>
        {error !== null && <ApiErrorAlert error={error} fields={FIELDS} />}
      </Form>
    </Modal>
  );
};
