import { useState } from 'react';
import { Button, Col, DatePicker, Flex, Form, Input, Row, Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { listAudit, type TAuditQuery } from '../../../api/admin';
import type { TAuditEntry } from '../../../api/types';
import { useApiQuery } from '../../../api/useApiQuery';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { useT } from '../../../i18n/I18nProvider';
import { useFormat } from '../../../i18n/useFormat';
import { AuditDiff } from './AuditDiff';

type TFilterForm = { actor?: string; entity?: string; action?: string; period?: [Dayjs | null, Dayjs | null] | null };
const PAGE_SIZE = 20;

const AuditPage = () => {
  const t = useT();
  const format = useFormat();
  const [form] = Form.useForm<TFilterForm>();
  const [query, setQuery] = useState<TAuditQuery>({ page: 1, pageSize: PAGE_SIZE });
  const audit = useApiQuery(JSON.stringify(query), (signal) => listAudit(query, signal));

  const applyFilters = (values: TFilterForm) => {
    const [from, to] = values.period ?? [null, null];
    setQuery((previous) => ({
      page: 1,
      pageSize: previous.pageSize,
      actor: values.actor?.trim() || undefined,
      entity: values.entity?.trim() || undefined,
      action: values.action?.trim() || undefined,
      from: from?.format('YYYY-MM-DD'),
      to: to?.format('YYYY-MM-DD'),
    }));
  };

  const columns: TableColumnsType<TAuditEntry> = [
    { key: 'at', title: t('audit.at'), dataIndex: 'at', width: 180, render: (at: string) => format.dateTime(at, true) },
    {
      key: 'actor',
      title: t('audit.actor'),
      render: (_value, entry) => (entry.actorId === null ? <Typography.Text type="secondary">{entry.actorName || t('audit.system')}</Typography.Text> : entry.actorName),
    },
    { key: 'action', title: t('audit.action'), dataIndex: 'action', render: (action: string) => <Tag color="geekblue">{action}</Tag> },
    { key: 'entity', title: t('audit.entity'), dataIndex: 'entity' },
    { key: 'entityId', title: t('audit.entityId'), dataIndex: 'entityId', render: (id: string | null) => id ?? '—' },
    { key: 'ip', title: t('audit.ip'), dataIndex: 'ip', render: (ip: string | null) => ip ?? '—' },
    {
      key: 'requestId',
      title: t('audit.requestId'),
      dataIndex: 'requestId',
      render: (id: string | null) => (id ? <Typography.Text code copyable={{ text: id }}>{id.slice(0, 8)}</Typography.Text> : '—'),
    },
  ];

  return (
    <>
      <PageHeader title={t('audit.title')} />
      <Form<TFilterForm> form={form} layout="vertical" className="filter-form" onFinish={applyFilters}>
        <Row gutter={16} align="bottom">
          <Col xs={24} md={12} xl={5}>
            <Form.Item name="actor" label={t('audit.actor')}>
              <Input placeholder={t('audit.actorPlaceholder')} allowClear />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={4}>
            <Form.Item name="entity" label={t('audit.entity')}>
              <Input allowClear />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={4}>
            <Form.Item name="action" label={t('audit.action')}>
              <Input allowClear />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={6}>
            <Form.Item name="period" label={t('audit.dateRange')}>
              <DatePicker.RangePicker
                className="full-width"
                format={format.datePickerFormat}
                placeholder={[t('audit.from'), t('audit.to')]}
                allowEmpty={[true, true]}
              />
            </Form.Item>
          </Col>
          <Col xs={24} xl={5}>
            <Form.Item>
              <Flex gap="small">
                <Button type="primary" htmlType="submit">
                  {t('common.search')}
                </Button>
                <Button
                  onClick={() => {
                    form.resetFields();
                    applyFilters({});
                  }}
                >
                  {t('common.reset')}
                </Button>
              </Flex>
            </Form.Item>
          </Col>
        </Row>
      </Form>
      {audit.error && <ApiErrorAlert error={audit.error} onRetry={audit.reload} />}
      <Table<TAuditEntry>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={audit.data?.items ?? []}
        loading={audit.loading}
        scroll={{ x: 960 }}
        expandable={{
          expandedRowRender: (entry) => <AuditDiff entry={entry} />,
          rowExpandable: (entry) => (entry.before ?? entry.after ?? null) !== null,
        }}
        pagination={{
          current: query.page,
          pageSize: query.pageSize,
          total: audit.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('common.totalItems', { total: format.number(total) }),
          onChange: (page, pageSize) => setQuery((previous) => ({ ...previous, page, pageSize })),
        }}
      />
    </>
  );
};

export default AuditPage;
