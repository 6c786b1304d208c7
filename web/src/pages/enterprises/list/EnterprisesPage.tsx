import { useState } from 'react';
import { Alert, Button, Flex, Select, Space, Table, Tooltip, Typography, type TableColumnsType } from 'antd';
import { FileExcelOutlined, FileTextOutlined, PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { enterpriseExportUrl, listEnterprises } from '../../../api/enterprises';
import type { TEnterpriseSort, TEnterpriseSummary, TSortOrder } from '../../../api/types';
import { useApiQuery } from '../../../api/useApiQuery';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { useLocale, useT, type TKey } from '../../../i18n/I18nProvider';
import { useFormat } from '../../../i18n/useFormat';
import { hasPermission, useUser } from '../../../session/SessionProvider';
import { EnterpriseFilters } from '../EnterpriseFilters';
import { EnterpriseFormModal } from '../EnterpriseFormModal';
import { SizeClassTag, StatusTag } from '../EnterpriseTags';
import { PAGE_SIZES, useEnterpriseSearchParams } from '../filters';
import { useEnterpriseReference } from '../useEnterpriseReference';

type TSortChoice = { value: string; sort?: TEnterpriseSort; order: TSortOrder; label: TKey; needsWords?: boolean };
const SORT_CHOICES: TSortChoice[] = [
  { value: 'default', order: 'asc', label: 'enterprises.list.sorts.default' },
  { value: 'relevance', sort: 'relevance', order: 'asc', label: 'enterprises.list.sorts.relevance', needsWords: true },
  { value: 'name-asc', sort: 'name', order: 'asc', label: 'enterprises.list.sorts.nameAsc' },
  { value: 'name-desc', sort: 'name', order: 'desc', label: 'enterprises.list.sorts.nameDesc' },
  { value: 'taxCode-asc', sort: 'taxCode', order: 'asc', label: 'enterprises.list.sorts.taxCodeAsc' },
  { value: 'taxCode-desc', sort: 'taxCode', order: 'desc', label: 'enterprises.list.sorts.taxCodeDesc' },
  { value: 'established-desc', sort: 'established', order: 'desc', label: 'enterprises.list.sorts.establishedDesc' },
  { value: 'established-asc', sort: 'established', order: 'asc', label: 'enterprises.list.sorts.establishedAsc' },
  { value: 'updated-desc', sort: 'updated', order: 'desc', label: 'enterprises.list.sorts.updatedDesc' },
];

const isWordSearch = (q: string | undefined) => Boolean(q && !/^[\d\s-]+$/.test(q));

/** The enterprise list: one search box, filters, sort and paging, all kept in the URL. */
const EnterprisesPage = () => {
  const t = useT();
  const format = useFormat();
  const { locale } = useLocale();
  const user = useUser();
  const navigate = useNavigate();
  const canWrite = hasPermission(user, 'enterprises.write');
  const reference = useEnterpriseReference();
  const { filter, page, pageSize, sort, order, update } = useEnterpriseSearchParams();
  const query = { ...filter, page, pageSize, sort, order: sort ? order : undefined };
  const list = useApiQuery(JSON.stringify(query), (signal) => listEnterprises(query, signal));
  const [creating, setCreating] = useState(false);

  const sortChoice = SORT_CHOICES.find((choice) => choice.sort === sort && (choice.sort ? choice.order === order : true)) ?? SORT_CHOICES[0];
  const data = list.data;
  /** The words the typo-tolerant search used; exports then use them too (the export never searches by similarity). */
  const corrected = data?.fuzzy && data.correctedQuery ? data.correctedQuery : null;
  const exportFilter = corrected ? { ...filter, q: corrected } : filter;
  const totalText = data
    ? t(
        data.totalCapped
          ? // A word search shows the first matches found; a filtered list pages through all of them.
            filter.q && !/^\d[\d-\s]*$/.test(filter.q.trim())
            ? 'enterprises.list.totalCappedSearch'
            : 'enterprises.list.totalCapped'
          : 'enterprises.list.total',
        { total: format.number(data.total) },
      )
    : '';

  const columns: TableColumnsType<TEnterpriseSummary> = [
    { key: 'taxCode', title: t('enterprises.fields.taxCode'), dataIndex: 'taxCode', width: 112, render: (taxCode: string) => <span className="nowrap">{taxCode}</span> },
    {
      key: 'name',
      title: t('enterprises.fields.nameVi'),
      render: (_value, row) => (
        <Flex vertical>
          <Link to={`/enterprises/${row.id}`} className="enterprise-name-link">
            {row.nameVi}
          </Link>
          {row.shortName && (
            <Typography.Text type="secondary" className="small-text">
              {row.shortName}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      key: 'vsicMain',
      title: t('enterprises.list.mainVsic'),
      width: 160,
      render: (_value, row) => {
        const division = reference.divisionOf(row.vsicMain);
        return (
          <Flex vertical>
            <span>{row.vsicMain}</span>
            {division && (
              <Typography.Text type="secondary" className="small-text clamp-2" title={reference.vsicName(division.code)}>
                {reference.vsicName(division.code)}
              </Typography.Text>
            )}
          </Flex>
        );
      },
    },
    { key: 'ownership', title: t('enterprises.fields.ownership'), dataIndex: 'ownership', width: 120, render: (_value, row) => t(`enterprises.ownerships.${row.ownership}`) },
    {
      key: 'sizeClass',
      title: t('enterprises.fields.sizeClass'),
      width: 116,
      render: (_value, row) => (
        <Flex vertical align="start">
          <SizeClassTag sizeClass={row.sizeClass} />
          {row.sizeClass && row.sizeClassYear && (
            <Typography.Text type="secondary" className="small-text">
              {t('enterprises.list.sizeYear', { year: row.sizeClassYear })}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      key: 'area',
      title: t('enterprises.list.area'),
      width: 140,
      render: (_value, row) => {
        const unit = row.unitCode ? (reference.unitName(row.unitCode) ?? row.unitCode) : null;
        const district = row.formerDistrict ? (reference.districtName(row.formerDistrict) ?? row.formerDistrict) : null;
        const zone = reference.zoneName(row.zoneId);
        if (!unit && !district && !zone) return '—';
        return (
          <Flex vertical>
            {unit && <span>{unit}</span>}
            {district && <span className={unit ? 'small-text secondary-text' : undefined}>{district}</span>}
            {zone && <Typography.Text type="secondary" className="small-text">{zone}</Typography.Text>}
          </Flex>
        );
      },
    },
    { key: 'status', title: t('enterprises.fields.status'), dataIndex: 'status', width: 156, render: (_value, row) => <StatusTag status={row.status} /> },
  ];

  return (
    <>
      <PageHeader
        title={t('enterprises.list.title')}
        extra={
          canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('enterprises.list.create')}
            </Button>
          )
        }
      />
      <EnterpriseFilters filter={filter} onChange={(next) => update({ filter: next, sort: sort === 'relevance' && !isWordSearch(next.q) ? null : sort })} reference={reference} idPrefix="enterprise-filter" />
      <Flex wrap gap="small" justify="space-between" align="center" className="toolbar">
        <Typography.Text strong role="status" aria-live="polite" className="list-total">
          {totalText}
        </Typography.Text>
        <Space wrap>
          <label htmlFor="enterprise-sort" className="inline-label">
            {t('enterprises.list.sort')}
          </label>
          <Select
            id="enterprise-sort"
            className="toolbar-select"
            value={sortChoice.value}
            onChange={(value: string) => {
              const choice = SORT_CHOICES.find((item) => item.value === value) ?? SORT_CHOICES[0];
              update({ sort: choice.sort ?? null, order: choice.order });
            }}
            options={SORT_CHOICES.filter((choice) => !choice.needsWords || isWordSearch(filter.q)).map((choice) => ({ value: choice.value, label: t(choice.label) }))}
          />
          <Tooltip title={t('enterprises.list.exportHint')}>
            <Button icon={<FileTextOutlined />} href={enterpriseExportUrl(exportFilter, 'csv', locale)} download>
              {t('enterprises.list.exportCsv')}
            </Button>
          </Tooltip>
          <Tooltip title={t('enterprises.list.exportHint')}>
            <Button icon={<FileExcelOutlined />} href={enterpriseExportUrl(exportFilter, 'xlsx', locale)} download>
              {t('enterprises.list.exportXlsx')}
            </Button>
          </Tooltip>
        </Space>
      </Flex>
      {data?.fuzzy && data.total > 0 && (
        <Alert
          type="warning"
          showIcon
          className="toolbar fuzzy-notice"
          title={t('enterprises.list.fuzzyTitle', { q: filter.q ?? '' })}
          description={`${t('enterprises.list.fuzzyNotice')} ${corrected ? t('enterprises.list.fuzzyCorrected', { q: corrected }) : t('enterprises.list.fuzzyExportExact')}`}
          action={
            corrected ? (
              <Button size="small" onClick={() => update({ filter: { ...filter, q: corrected } })}>
                {t('enterprises.list.useCorrected', { q: corrected })}
              </Button>
            ) : undefined
          }
        />
      )}
      {list.error && <ApiErrorAlert error={list.error} onRetry={list.reload} />}
      <Table<TEnterpriseSummary>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={list.loading}
        scroll={{ x: 960 }}
        tableLayout="fixed"
        locale={{ emptyText: t('enterprises.list.empty') }}
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
      {canWrite && (
        <EnterpriseFormModal
          open={creating}
          enterprise={null}
          reference={reference}
          onClose={() => setCreating(false)}
          onSaved={(saved) => {
            setCreating(false);
            navigate(`/enterprises/${saved.id}`);
          }}
        />
      )}
    </>
  );
};

export default EnterprisesPage;
