import { useMemo, useState } from 'react';
import { App, Button, Card, Col, Empty, Flex, Row, Select, Space, Table, Tag, Typography, Upload, type TableColumnsType } from 'antd';
import { EditOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { importPci, type TCategory, type TPci, type TPciYear } from '../../../api/support';
import { ApiError } from '../../../api/client';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { useT } from '../../../i18n/I18nProvider';
import { useFormat } from '../../../i18n/useFormat';
import { EChart, type TChartOption } from '../../../components/EChart';
import { useSupportNames } from '../labels';
import { PciYearModal } from './PciYearModal';

const COLORS = { composite: '#1456b8', rank: '#d46b08', bar: '#8fb3e8', lowest: '#cf1322', line: '#13a8a8' } as const;

/** Row errors of a refused PCI import (details.errors of IMPORT_INVALID). */
const importRows = (error: unknown): { row: number; column: string | null; message: string }[] => {
  if (!(error instanceof ApiError) || typeof error.details !== 'object' || error.details === null) return [];
  const errors = (error.details as { errors?: unknown }).errors;
  return Array.isArray(errors) ? (errors as { row: number; column: string | null; message: string }[]) : [];
};

type TRow = { code: string; name: string; score: number | null; rank: number | null; isLowest: boolean; categories: string[] };

/** The default year: the latest one with all ten sub-indices (so the lowest are known), else the latest. */
const defaultYear = (years: TPciYear[]) => [...years].reverse().find((y) => y.lowest.length > 0)?.year ?? years.at(-1)?.year ?? null;

/** PCI scores: composite and rank trend, the sub-indices of a year with the lowest highlighted, a sub-index trend. */
export const PciScores = ({ pci, categories, canManage, onSaved }: { pci: TPci; categories: TCategory[]; canManage: boolean; onSaved: () => void }) => {
  const t = useT();
  const format = useFormat();
  const names = useSupportNames();
  const [year, setYear] = useState<number | null>(() => defaultYear(pci.years));
  const shown = pci.years.find((y) => y.year === year) ?? null;
  const [trendCode, setTrendCode] = useState<string>(() => shown?.lowest[0] ?? pci.subindices[0]?.code ?? '');
  const [editing, setEditing] = useState<{ year: number | null } | null>(null);
  const [importError, setImportError] = useState<unknown>(null);
  const { message } = App.useApp();
  const upload = async (file: File) => {
    setImportError(null);
    try {
      const r = await importPci(file);
      void message.success(t('support.pci.imported', { years: r.years.join(', ') }));
      onSaved();
    } catch (caught) {
      setImportError(caught);
    }
  };

  const rows: TRow[] = useMemo(
    () =>
      pci.subindices.map((s) => {
        const value = shown?.subindices.find((x) => x.code === s.code);
        return {
          code: s.code,
          name: names.subindex(pci.subindices, s.code),
          score: value?.score ?? null,
          rank: value?.rank ?? null,
          isLowest: shown?.lowest.includes(s.code) ?? false,
          categories: categories.filter((c) => c.pciSubindices.includes(s.code)).map((c) => names.category(categories, c.code)),
        };
      }),
    [pci, shown, categories, names],
  );

  const compositeOption = useMemo<TChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0, left: 0 },
      grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: pci.years.map((y) => String(y.year)) },
      yAxis: [
        { type: 'value', min: (v: { min: number }) => Math.floor(v.min - 2), axisLabel: { formatter: (v: number) => format.number(v) } },
        { type: 'value', inverse: true, min: 1, splitLine: { show: false } },
      ],
      series: [
        { type: 'line', name: t('support.pci.composite'), data: pci.years.map((y) => y.composite), itemStyle: { color: COLORS.composite }, lineStyle: { width: 2.5 }, connectNulls: true, tooltip: { valueFormatter: (v) => format.number(typeof v === 'number' ? v : null, 2) } },
        { type: 'line', name: t('support.pci.rank'), yAxisIndex: 1, data: pci.years.map((y) => y.rank), itemStyle: { color: COLORS.rank }, lineStyle: { type: 'dashed' } },
      ],
    }),
    [pci, t, format],
  );

  const yearOption = useMemo<TChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 16, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', min: 0, max: 10 },
      yAxis: { type: 'category', inverse: true, data: rows.map((r) => r.name), axisLabel: { width: 190, overflow: 'truncate' } },
      series: [
        {
          type: 'bar',
          name: t('support.pci.score'),
          data: rows.map((r) => ({ value: r.score, itemStyle: { color: r.isLowest ? COLORS.lowest : COLORS.bar } })),
          barMaxWidth: 18,
          label: { show: true, position: 'right', formatter: (p: { value: unknown }) => (typeof p.value === 'number' ? format.number(p.value, 2) : '') },
        },
      ],
    }),
    [rows, t, format],
  );

  const trendOption = useMemo<TChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 8, top: 16, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: pci.years.map((y) => String(y.year)) },
      yAxis: { type: 'value', min: 0, max: 10 },
      series: [
        {
          type: 'line',
          name: names.subindex(pci.subindices, trendCode),
          data: pci.years.map((y) => y.subindices.find((s) => s.code === trendCode)?.score ?? null),
          itemStyle: { color: COLORS.line },
          lineStyle: { width: 2.5 },
          symbolSize: 8,
          connectNulls: true,
        },
      ],
    }),
    [pci, trendCode, names],
  );

  const columns: TableColumnsType<TRow> = [
    {
      key: 'name',
      title: t('support.pci.subindex'),
      width: 210,
      render: (_v, row) => (
        <Space wrap size={4}>
          <span className="support-subindex-name">{row.name}</span>
          {row.isLowest && (
            <Tag color="red" className="support-lowest-tag">
              {t('support.pci.lowest')}
            </Tag>
          )}
        </Space>
      ),
    },
    { key: 'score', title: t('support.pci.score'), width: 90, align: 'right', render: (_v, row) => (row.score === null ? t('support.pci.missing') : format.number(row.score, 2)) },
    { key: 'rank', title: t('support.pci.subRank'), width: 80, align: 'right', render: (_v, row) => (row.rank === null ? '—' : row.rank) },
    ...(categories.length ? [{ key: 'categories', title: t('support.pci.categories'), render: (_v: unknown, row: TRow) => row.categories.map((c) => <Tag key={c}>{c}</Tag>) }] : []),
  ];

  const yearColumns: TableColumnsType<TPciYear> = [
    { key: 'year', title: t('support.pci.year'), width: 80, dataIndex: 'year' },
    { key: 'composite', title: t('support.pci.composite'), width: 130, align: 'right', render: (_v, y) => (y.composite === null ? t('support.pci.missing') : format.number(y.composite, 2)) },
    { key: 'rank', title: t('support.pci.rank'), width: 100, align: 'right', render: (_v, y) => (y.rank === null ? '—' : y.nProvinces ? t('support.pci.rankOf', { rank: y.rank, n: y.nProvinces }) : y.rank) },
    { key: 'methodology', title: t('support.pci.methodology', { version: '' }).trim(), width: 130, render: (_v, y) => y.methodologyVersion },
    { key: 'source', title: t('support.pci.source'), render: (_v, y) => y.source ?? '—' },
    ...(canManage
      ? [
          {
            key: 'edit',
            title: t('common.actions'),
            width: 90,
            render: (_v: unknown, y: TPciYear) => (
              <Button size="small" icon={<EditOutlined />} onClick={() => setEditing({ year: y.year })} aria-label={`${t('common.edit')} ${y.year}`}>
                {t('common.edit')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  if (pci.years.length === 0 && !canManage) return <Empty description={t('support.pci.noData')} />;

  return (
    <Flex vertical gap="middle">
      <Card title={<Typography.Title level={2} className="card-title">{t('support.pci.compositeTrend')}</Typography.Title>}>
        <EChart option={compositeOption} height={300} label={t('support.pci.compositeTrend')} />
      </Card>
      <Card
        title={<Typography.Title level={2} className="card-title">{t('support.pci.subindexYear', { year: year ?? '' })}</Typography.Title>}
        extra={
          <Space>
            <label htmlFor="pci-year" className="support-nowrap">
              {t('support.pci.yearSelect')}
            </label>
            <Select id="pci-year" value={year ?? undefined} onChange={setYear} style={{ width: 100 }} options={[...pci.years].reverse().map((y) => ({ value: y.year, label: String(y.year) }))} />
          </Space>
        }
      >
        <Typography.Paragraph type={shown?.lowest.length ? undefined : 'secondary'}>
          {shown?.lowest.length ? t('support.pci.lowestNote', { year: shown.year }) : t('support.pci.noLowest', { year: year ?? '' })}
        </Typography.Paragraph>
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={14}>
            <Table<TRow>
              rowKey="code"
              size="small"
              className="support-pci-table"
              columns={columns}
              dataSource={rows}
              pagination={false}
              rowClassName={(row) => (row.isLowest ? 'support-lowest' : '')}
            />
          </Col>
          <Col xs={24} xl={10}>
            <EChart option={yearOption} height={360} label={t('support.pci.subindexYear', { year: year ?? '' })} />
          </Col>
        </Row>
      </Card>
      <Card
        title={<Typography.Title level={2} className="card-title">{t('support.pci.subindexTrend')}</Typography.Title>}
        extra={
          <Select
            aria-label={t('support.pci.subindex')}
            value={trendCode}
            onChange={setTrendCode}
            style={{ width: 300 }}
            options={pci.subindices.map((s) => ({ value: s.code, label: names.subindex(pci.subindices, s.code) }))}
          />
        }
      >
        <EChart option={trendOption} height={260} label={t('support.pci.subindexTrend')} />
      </Card>
      <Card
        title={<Typography.Title level={2} className="card-title">{t('support.pci.yearsTable')}</Typography.Title>}
        extra={
          canManage && (
            <Space>
              <Upload accept=".csv,text/csv" showUploadList={false} beforeUpload={(file) => { void upload(file); return false; }}>
                <Button icon={<UploadOutlined />}>{t('support.pci.import')}</Button>
              </Upload>
              <Button icon={<PlusOutlined />} onClick={() => setEditing({ year: null })}>
                {t('support.pci.addYear')}
              </Button>
            </Space>
          )
        }
      >
        {importError !== null && (importRows(importError).length ? (
          <Typography.Paragraph type="danger" role="alert">
            {t('support.pci.importErrors')}
            <ul className="issue-list">
              {importRows(importError).map((r) => (
                <li key={`${r.row}:${r.column ?? ''}:${r.message}`}>{t('support.pci.importRow', { row: r.row, column: r.column ?? '—', message: r.message })}</li>
              ))}
            </ul>
          </Typography.Paragraph>
        ) : (
          <ApiErrorAlert error={importError} />
        ))}
        {canManage && <Typography.Paragraph type="secondary">{t('support.pci.importHint')}</Typography.Paragraph>}
        <Table<TPciYear> rowKey="year" size="small" columns={yearColumns} dataSource={[...pci.years].reverse()} pagination={false} scroll={{ x: 700 }} />
      </Card>
      {editing && (
        <PciYearModal
          pci={pci}
          year={editing.year}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            setYear(saved);
            onSaved();
          }}
        />
      )}
    </Flex>
  );
};
