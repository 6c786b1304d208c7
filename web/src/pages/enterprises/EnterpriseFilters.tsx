import { Alert, Button, Col, Form, Input, Row, Select } from 'antd';
import { ClearOutlined } from '@ant-design/icons';
import { ENTERPRISE_STATUSES, OWNERSHIPS, SIZE_CLASSES, type TEnterpriseFilter } from '../../api/types';
import { useT } from '../../i18n/I18nProvider';
import { hasFilter } from './filters';
import type { TEnterpriseReference } from './useEnterpriseReference';

/** Lower-case text without Vietnamese diacritics, for type-ahead matching ("dong anh" finds "Đông Anh"). */
export const foldText = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .toLowerCase();

/** showSearch settings of a Select whose option labels are matched without diacritics. */
export const foldedSearch = {
  filterOption: (input: string, option?: { label?: unknown }) => foldText(String(option?.label ?? '')).includes(foldText(input)),
};

type TProps = {
  filter: TEnterpriseFilter;
  onChange: (filter: TEnterpriseFilter) => void;
  reference: TEnterpriseReference;
  /** Prefix of the control ids (labels point at them). */
  idPrefix: string;
};

/** The search box and filters of the enterprise pages (values come from and go to the URL). */
export const EnterpriseFilters = ({ filter, onChange, reference, idPrefix }: TProps) => {
  const t = useT();
  const set = (patch: Partial<TEnterpriseFilter>) => {
    const next: TEnterpriseFilter = { ...filter, ...patch };
    for (const key of Object.keys(next) as (keyof TEnterpriseFilter)[]) if (next[key] === undefined || next[key] === '') delete next[key];
    onChange(next);
  };
  const id = (name: string) => `${idPrefix}-${name}`;
  const divisions = reference.divisions.filter((division) => !filter.section || division.parent === filter.section);
  const vsicLabel = (code: string) => `${code} – ${reference.vsicName(code) ?? ''}`;
  const unitOptions = reference.communes.map((unit) => ({ value: unit.code, label: `${unit.name} (${unit.code})` }));
  if (filter.unit && !unitOptions.some((option) => option.value === filter.unit)) unitOptions.push({ value: filter.unit, label: filter.unit });
  const districtOptions = reference.districts.map((unit) => ({ value: unit.code, label: unit.name }));
  if (filter.formerDistrict && !districtOptions.some((option) => option.value === filter.formerDistrict)) {
    districtOptions.push({ value: filter.formerDistrict, label: filter.formerDistrict });
  }
  const select = { allowClear: true, className: 'full-width', placeholder: t('enterprises.filters.any') };

  return (
    <Form layout="vertical" className="filter-form enterprise-filters" component="div">
      {reference.error !== null && reference.error !== undefined && (
        <Alert type="warning" showIcon title={t('enterprises.filters.referenceUnavailable')} className="form-error" />
      )}
      <Row gutter={12}>
        <Col xs={24} lg={12}>
          <Form.Item label={t('enterprises.filters.searchLabel')} htmlFor={id('q')}>
            <Input.Search
              key={filter.q ?? ''}
              id={id('q')}
              defaultValue={filter.q}
              placeholder={t('enterprises.filters.searchPlaceholder')}
              allowClear
              enterButton={t('common.search')}
              maxLength={200}
              onSearch={(value) => set({ q: value.trim() || undefined })}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} md={8} lg={6}>
          <Form.Item label={t('enterprises.fields.sizeClass')} htmlFor={id('sizeClass')}>
            <Select
              {...select}
              id={id('sizeClass')}
              value={filter.sizeClass}
              onChange={(sizeClass) => set({ sizeClass })}
              options={SIZE_CLASSES.map((value) => ({ value, label: t(`enterprises.sizeClasses.${value}`) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} md={8} lg={6}>
          <Form.Item label={t('enterprises.fields.ownership')} htmlFor={id('ownership')}>
            <Select
              {...select}
              id={id('ownership')}
              value={filter.ownership}
              onChange={(ownership) => set({ ownership })}
              options={OWNERSHIPS.map((value) => ({ value, label: t(`enterprises.ownerships.${value}`) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} md={8} lg={6}>
          <Form.Item label={t('enterprises.filters.section')} htmlFor={id('section')}>
            <Select
              {...select}
              id={id('section')}
              value={filter.section}
              loading={reference.loading}
              showSearch={foldedSearch}
              popupMatchSelectWidth={false}
              classNames={{ popup: { root: 'wide-select-popup' } }}
              onChange={(section: string | undefined) => {
                const keepDivision = filter.division && reference.divisions.some((d) => d.code === filter.division && d.parent === section);
                set({ section, division: keepDivision ? filter.division : undefined });
              }}
              options={reference.sections.map((section) => ({ value: section.code, label: vsicLabel(section.code) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} md={8} lg={6}>
          <Form.Item label={t('enterprises.filters.division')} htmlFor={id('division')}>
            <Select
              {...select}
              id={id('division')}
              value={filter.division}
              loading={reference.loading}
              showSearch={foldedSearch}
              popupMatchSelectWidth={false}
              classNames={{ popup: { root: 'wide-select-popup' } }}
              onChange={(division: string | undefined) => {
                const parent = reference.divisions.find((d) => d.code === division)?.parent ?? undefined;
                set({ division, section: division ? (parent ?? filter.section) : filter.section });
              }}
              options={divisions.map((division) => ({ value: division.code, label: vsicLabel(division.code) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} md={8} lg={6}>
          <Form.Item label={t('enterprises.filters.formerDistrict')} htmlFor={id('formerDistrict')}>
            <Select
              {...select}
              id={id('formerDistrict')}
              value={filter.formerDistrict}
              loading={reference.loading}
              showSearch={foldedSearch}
              onChange={(formerDistrict: string | undefined) => set({ formerDistrict })}
              options={districtOptions}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} md={8} lg={6}>
          <Form.Item label={t('enterprises.filters.unit')} htmlFor={id('unit')}>
            <Select
              {...select}
              id={id('unit')}
              value={filter.unit}
              loading={reference.loading}
              showSearch={foldedSearch}
              disabled={unitOptions.length === 0}
              placeholder={unitOptions.length === 0 && !reference.loading ? t('enterprises.filters.noUnits') : t('enterprises.filters.any')}
              onChange={(unit: string | undefined) => set({ unit })}
              options={unitOptions}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} md={8} lg={6}>
          <Form.Item label={t('enterprises.filters.zone')} htmlFor={id('zone')}>
            <Select
              {...select}
              id={id('zone')}
              value={filter.zone}
              loading={reference.loading}
              showSearch={foldedSearch}
              popupMatchSelectWidth={false}
              onChange={(zone: number | undefined) => set({ zone })}
              options={[...reference.zones].sort((a, b) => a.name.localeCompare(b.name, 'vi')).map((zone) => ({ value: zone.id, label: zone.name }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} md={8} lg={6}>
          <Form.Item label={t('enterprises.fields.status')} htmlFor={id('status')}>
            <Select
              {...select}
              id={id('status')}
              value={filter.status}
              onChange={(status) => set({ status })}
              options={ENTERPRISE_STATUSES.map((value) => ({ value, label: t(`enterprises.statuses.${value}`) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} md={8} lg={6} className="filter-actions">
          <Form.Item label={<span aria-hidden>&nbsp;</span>} colon={false}>
            <Button icon={<ClearOutlined />} disabled={!hasFilter(filter)} onClick={() => onChange({})}>
              {t('common.reset')}
            </Button>
          </Form.Item>
        </Col>
      </Row>
    </Form>
  );
};
