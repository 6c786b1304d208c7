import { Alert, Button, Col, DatePicker, Flex, Form, Input, Row, Select, Table, Typography, type TableColumnsType } from 'antd';
import { ClearOutlined, FileProtectOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import {
  IMPLEMENTATION_LEVELS,
  listProcedures,
  ONLINE_LEVELS,
  PROCEDURE_STATUSES,
  type TProcedureFilter,
  type TProcedureSummary,
} from '../../../api/procedures';
import { useApiQuery } from '../../../api/useApiQuery';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { useT } from '../../../i18n/I18nProvider';
import { useFormat } from '../../../i18n/useFormat';
import { hasProcedureFilter, PAGE_SIZES, useProcedureSearchParams } from '../filters';
import { OnlineLevelTag, ProcedureStatusTag, useProcedureFields, useProcessingTimeText } from '../labels';

const ID = 'procedure-filter';

/** The public catalogue of administrative procedures: search without diacritics, filters and paging kept in the URL. */
const ProceduresPage = () => {
  const t = useT();
  const format = useFormat();
  const timeText = useProcessingTimeText();
  const fields = useProcedureFields();
  const { filter, page, pageSize, update } = useProcedureSearchParams();
  const query = { ...filter, page, pageSize };
  const list = useApiQuery(JSON.stringify(query), (signal) => listProcedures(query, signal));
  const data = list.data;
  const totalText = data ? t('procedures.total', { total: format.number(data.total) }) : '';

  const set = (patch: Partial<TProcedureFilter>) => {
    const next: TProcedureFilter = { ...filter, ...patch };
    for (const name of Object.keys(next) as (keyof TProcedureFilter)[]) if (next[name] === undefined || next[name] === '') delete next[name];
    update({ filter: next });
  };
  const detailLink = (code: string) => `/procedures/${encodeURIComponent(code)}${filter.at ? `?at=${filter.at}` : ''}`;
  const select = { allowClear: true, className: 'full-width', placeholder: t('procedures.filters.any') };

  const columns: TableColumnsType<TProcedureSummary> = [
    { key: 'code', title: t('procedures.columns.code'), dataIndex: 'code', width: 120, render: (code: string) => <span className="nowrap">{code}</span> },
    {
      key: 'name',
      title: t('procedures.columns.name'),
      render: (_value, row) => (
        <>
          <Link to={detailLink(row.code)} className="procedure-name-link">
            {row.name}
          </Link>
          {/* Below 992 px the field and online level columns are hidden: shown under the name instead. */}
          <span className="procedure-sub">
            <span>{fields.fieldName(row.fieldCode, row.fieldName)}</span>
            <OnlineLevelTag level={row.onlineServiceLevel} />
          </span>
        </>
      ),
    },
    { key: 'field', title: t('procedures.columns.field'), width: 150, responsive: ['lg'], render: (_value, row) => fields.fieldName(row.fieldCode, row.fieldName) },
    { key: 'time', title: t('procedures.columns.processingTime'), width: 140, render: (_value, row) => timeText(row.processingTime) },
    { key: 'online', title: t('procedures.columns.onlineLevel'), width: 130, responsive: ['lg'], render: (_value, row) => <OnlineLevelTag level={row.onlineServiceLevel} /> },
    { key: 'status', title: t('procedures.columns.status'), width: 150, render: (_value, row) => <ProcedureStatusTag status={row.status} /> },
  ];

  return (
    <>
      <PageHeader
        title={t('procedures.title')}
        extra={
          <Link to="/procedures/decisions" className="header-link">
            <FileProtectOutlined aria-hidden /> {t('procedures.decisionsLink')}
          </Link>
        }
      />
      <Typography.Paragraph type="secondary" className="page-intro">
        {t('procedures.intro')}
      </Typography.Paragraph>
      <Form layout="vertical" className="filter-form procedure-filters" component="div">
        {fields.error && <Alert type="warning" showIcon title={t('procedures.filters.fieldsUnavailable')} className="form-error" />}
        <Row gutter={12}>
          <Col xs={24} lg={12}>
            <Form.Item label={t('procedures.filters.searchLabel')} htmlFor={`${ID}-q`}>
              <Input.Search
                key={filter.q ?? ''}
                id={`${ID}-q`}
                defaultValue={filter.q}
                placeholder={t('procedures.filters.searchPlaceholder')}
                allowClear
                enterButton={t('common.search')}
                maxLength={200}
                onSearch={(value) => set({ q: value.trim() || undefined })}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12} lg={6}>
            <Form.Item label={t('procedures.filters.field')} htmlFor={`${ID}-field`}>
              <Select
                {...select}
                id={`${ID}-field`}
                value={filter.field}
                loading={fields.loading}
                onChange={(field: string | undefined) => set({ field })}
                options={fields.items.map((field) => ({ value: field.code, label: fields.fieldName(field.code) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12} lg={6}>
            <Form.Item label={t('procedures.filters.status')} htmlFor={`${ID}-status`}>
              <Select
                {...select}
                id={`${ID}-status`}
                value={filter.status}
                onChange={(status) => set({ status })}
                options={PROCEDURE_STATUSES.map((value) => ({ value, label: t(`procedures.statuses.${value}`) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12} lg={6}>
            <Form.Item label={t('procedures.filters.level')} htmlFor={`${ID}-level`}>
              <Select
                {...select}
                id={`${ID}-level`}
                value={filter.level}
                onChange={(level) => set({ level })}
                options={IMPLEMENTATION_LEVELS.map((value) => ({ value, label: t(`procedures.levels.${value}`) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12} lg={6}>
            <Form.Item label={t('procedures.filters.onlineLevel')} htmlFor={`${ID}-onlineLevel`}>
              <Select
                {...select}
                id={`${ID}-onlineLevel`}
                value={filter.onlineLevel}
                onChange={(onlineLevel) => set({ onlineLevel })}
                options={ONLINE_LEVELS.map((value) => ({ value, label: t(`procedures.onlineLevelsLong.${value}`) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12} lg={6}>
            <Form.Item label={t('procedures.filters.at')} htmlFor={`${ID}-at`} extra={t('procedures.filters.atHint')}>
              <DatePicker
                id={`${ID}-at`}
                className="full-width"
                value={filter.at ? dayjs(filter.at) : null}
                format={format.datePickerFormat}
                onChange={(value) => set({ at: value ? value.format('YYYY-MM-DD') : undefined })}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12} lg={6}>
            <Form.Item label={<span aria-hidden>&nbsp;</span>} colon={false}>
              <Button icon={<ClearOutlined />} disabled={!hasProcedureFilter(filter)} onClick={() => update({ filter: {} })}>
                {t('common.reset')}
              </Button>
            </Form.Item>
          </Col>
        </Row>
      </Form>
      <Flex wrap gap="small" justify="space-between" align="center" className="toolbar">
        <Typography.Text strong role="status" aria-live="polite" className="list-total">
          {totalText}
        </Typography.Text>
        {filter.at && <Typography.Text type="secondary">{t('procedures.atNotice', { date: format.date(filter.at) })}</Typography.Text>}
      </Flex>
      {list.error && <ApiErrorAlert error={list.error} onRetry={list.reload} />}
      <Table<TProcedureSummary>
        rowKey="code"
        size="middle"
        className="procedure-table"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={list.loading}
        scroll={{ x: 640 }}
        tableLayout="fixed"
        locale={{ emptyText: t('procedures.empty') }}
        pagination={{
          current: page,
          pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: PAGE_SIZES.map(String),
          showTotal: () => totalText,
          onChange: (nextPage, nextPageSize) => update(nextPageSize !== pageSize ? { page: 1, pageSize: nextPageSize } : { page: nextPage }),
        }}
      />
    </>
  );
};

export default ProceduresPage;
