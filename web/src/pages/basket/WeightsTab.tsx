import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Flex, Input, Modal, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { ApartmentOutlined, CheckCircleOutlined, DownloadOutlined, UploadOutlined, WarningOutlined } from '@ant-design/icons';
import { activateWeightVersion, getWeightTree, importWeights, listWeightVersions, weightsCsvUrl, type TWeightImportResult, type TWeightNode, type TWeightVersion } from '../../api/basket';
import { useApiQuery } from '../../api/useApiQuery';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { useLocale, useT, type TKey } from '../../i18n/I18nProvider';
import { useFormat } from '../../i18n/useFormat';
import { ImportModal } from './ImportModal';
import { monthText, PERIOD_PATTERN } from './shared';

type TTreeRow = TWeightNode & { children?: TTreeRow[] };

const STATUS_COLOR: Record<TWeightVersion['status'], string> = { IN_FORCE: 'green', SCHEDULED: 'blue', SUPERSEDED: 'default' };

/** Flat nodes (parentKey) → nested rows for the tree table. */
const toTree = (nodes: TWeightNode[]): TTreeRow[] => {
  const rows = new Map<string, TTreeRow>(nodes.map((n) => [n.key, { ...n }]));
  const roots: TTreeRow[] = [];
  for (const row of rows.values()) {
    const parent = row.parentKey ? rows.get(row.parentKey) : undefined;
    if (parent) parent.children = [...(parent.children ?? []), row];
    else roots.push(row);
  }
  return roots;
};

/** Weight versions (base years): status, start month, scopes; a version as its tree; import; activation from a month. */
export const WeightsTab = () => {
  const t = useT();
  const format = useFormat();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const [reloadKey, setReloadKey] = useState(0);
  const [selected, setSelected] = useState<number | null>(null);
  const [scope, setScope] = useState('ALL');
  const [importing, setImporting] = useState(false);
  const [activating, setActivating] = useState<TWeightVersion | null>(null);
  const [validFrom, setValidFrom] = useState('');
  const [activateError, setActivateError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const versions = useApiQuery(`basket:weights:${reloadKey}`, listWeightVersions);
  const version = selected ?? versions.data?.items.find((v) => v.status === 'IN_FORCE')?.version ?? versions.data?.items[0]?.version ?? null;
  const tree = useApiQuery(`basket:tree:${version}:${scope}:${reloadKey}`, (signal) => getWeightTree(version ?? 0, scope, signal), version !== null);
  const rows = useMemo(() => toTree(tree.data?.nodes ?? []), [tree.data]);

  const activate = async () => {
    if (!activating) return;
    setBusy(true);
    setActivateError(null);
    try {
      const result = await activateWeightVersion(activating.version, validFrom);
      message.success(t('basket.weights.activated', { version: activating.version, month: monthText(validFrom) }) + (result.recomputeMs !== null ? ` ${t('basket.recomputed', { ms: format.number(result.recomputeMs) })}` : ''));
      setActivating(null);
      setReloadKey((n) => n + 1);
    } catch (error) {
      setActivateError(error);
    } finally {
      setBusy(false);
    }
  };

  const versionColumns: TableColumnsType<TWeightVersion> = [
    { key: 'version', title: t('basket.weights.version'), dataIndex: 'version', width: 110 },
    { key: 'validFrom', title: t('basket.weights.validFrom'), dataIndex: 'validFrom', width: 130, render: (p: string) => monthText(p) },
    { key: 'status', title: t('basket.weights.status'), dataIndex: 'status', width: 140, render: (s: TWeightVersion['status']) => <Tag color={STATUS_COLOR[s]}>{t(`basket.weights.statuses.${s}` as TKey)}</Tag> },
    {
      key: 'scopes',
      title: t('basket.weights.scopes'),
      render: (_v, v) => (
        <Flex vertical gap={2}>
          {v.scopes.map((s) => (
            <span key={s.scope}>
              <Typography.Text strong>{s.scope === 'ALL' ? t('basket.weights.province') : s.scope}</Typography.Text>
              {': '}
              {t('basket.weights.counts', { products: s.counts.PRODUCT, classes: s.counts.VSIC4, divisions: s.counts.VSIC2, sections: s.counts.SECTION })}
            </span>
          ))}
        </Flex>
      ),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 280,
      render: (_v, v) => (
        <Space wrap>
          <Button size="small" icon={<ApartmentOutlined />} type={v.version === version ? 'primary' : 'default'} onClick={() => { setSelected(v.version); setScope('ALL'); }}>
            {t('basket.weights.viewTree')}
          </Button>
          <Button size="small" icon={<CheckCircleOutlined />} onClick={() => { setActivating(v); setValidFrom(v.validFrom); setActivateError(null); }}>
            {t('basket.weights.activate')}
          </Button>
          <Button size="small" icon={<DownloadOutlined />} href={weightsCsvUrl(v.version)} download aria-label={t('basket.weights.exportOf', { version: v.version })} title={t('basket.weights.exportOf', { version: v.version })} />
        </Space>
      ),
    },
  ];

  const levelText = (level: TWeightNode['level']) => t(`basket.weights.levels.${level}` as TKey);
  const treeColumns: TableColumnsType<TTreeRow> = [
    {
      key: 'node',
      title: t('basket.weights.node'),
      width: 520,
      render: (_v, n) => (
        <span>
          <Typography.Text code>{n.code}</Typography.Text> {locale === 'vi' ? n.nameVi : n.nameEn}
          {n.unit && <Typography.Text type="secondary"> ({n.unit})</Typography.Text>}
        </span>
      ),
    },
    { key: 'level', title: t('basket.weights.level'), dataIndex: 'level', width: 110, render: (level: TWeightNode['level']) => levelText(level) },
    {
      key: 'weight',
      title: t('basket.weights.weight'),
      dataIndex: 'weight',
      width: 150,
      align: 'right',
      render: (w: number | null, n) =>
        n.level === 'TOTAL' ? '' : w === null ? (
          <Tag color={n.hasData ? 'red' : 'orange'} icon={<WarningOutlined />}>
            {t('basket.weights.missing')}
          </Tag>
        ) : (
          <span title={n.isInherited ? t('basket.weights.inherited') : undefined}>
            {format.number(w, w % 1 === 0 ? 0 : 2)}
            {n.isInherited && ' *'}
          </span>
        ),
    },
    { key: 'share', title: t('basket.weights.share'), dataIndex: 'share', width: 110, align: 'right', render: (s: number | null) => (s === null ? '' : format.percent(s * 100, 1)) },
    { key: 'base', title: t('basket.weights.baseQty'), dataIndex: 'baseAnnualQty', width: 150, align: 'right', render: (q: number | null) => (q === null ? '' : format.number(q, 1)) },
    { key: 'data', title: t('basket.weights.hasData'), dataIndex: 'hasData', width: 100, render: (d: boolean) => (d ? t('common.yes') : t('common.no')) },
  ];

  return (
    <Flex vertical gap="middle">
      <Card
        title={<Typography.Title level={2} className="card-title">{t('basket.weights.versionsTitle')}</Typography.Title>}
        extra={
          <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
            {t('basket.weights.import')}
          </Button>
        }
      >
        <Typography.Paragraph type="secondary">{t('basket.weights.help')}</Typography.Paragraph>
        {versions.error && <ApiErrorAlert error={versions.error} onRetry={versions.reload} />}
        <Table<TWeightVersion> rowKey="version" size="small" columns={versionColumns} dataSource={versions.data?.items ?? []} loading={versions.loading} pagination={false} scroll={{ x: 860 }} />
      </Card>
      {version !== null && (
        <Card
          title={<Typography.Title level={2} className="card-title">{t('basket.weights.treeTitle', { version })}</Typography.Title>}
          extra={
            <Space>
              <label htmlFor="basket-scope">{t('basket.weights.scope')}</label>
              <Select
                id="basket-scope"
                value={scope}
                style={{ minWidth: 160 }}
                onChange={setScope}
                options={(tree.data?.scopes ?? ['ALL']).map((s) => ({ value: s, label: s === 'ALL' ? t('basket.weights.province') : s }))}
              />
            </Space>
          }
        >
          {tree.error && <ApiErrorAlert error={tree.error} onRetry={tree.reload} />}
          {tree.data && tree.data.unweighted.length > 0 && <Alert type="error" showIcon title={t('basket.weights.gaps', { nodes: tree.data.unweighted.join(', ') })} style={{ marginBottom: 12 }} />}
          <Typography.Paragraph type="secondary">{t('basket.weights.treeHelp')}</Typography.Paragraph>
          {rows.length > 0 && (
            <Table<TTreeRow>
              key={`${version}:${scope}`}
              rowKey="key"
              size="small"
              columns={treeColumns}
              dataSource={rows}
              loading={tree.loading}
              pagination={false}
              expandable={{ defaultExpandedRowKeys: ['TOTAL:TOTAL', ...rows.flatMap((r) => (r.children ?? []).map((c) => c.key))] }}
              scroll={{ x: 900 }}
            />
          )}
        </Card>
      )}
      <ImportModal<TWeightImportResult>
        open={importing}
        title={t('basket.weights.import')}
        columns="version,valid_from,scope,level,code,weight,base_annual_qty"
        example="2025,2026-01,ALL,SECTION,C,104000,"
        run={importWeights}
        summary={(r) => (
          <ul className="issue-list">
            {r.versions.map((v) => (
              <li key={`${v.version}:${v.scope}`}>{t('basket.weights.importLine', { version: v.version, scope: v.scope === 'ALL' ? t('basket.weights.province') : v.scope, month: monthText(v.validFrom), rows: v.rows, replaced: v.replacedRows })}</li>
            ))}
          </ul>
        )}
        onClose={() => setImporting(false)}
        onImported={() => setReloadKey((n) => n + 1)}
      />
      <Modal
        open={activating !== null}
        title={t('basket.weights.activateTitle', { version: activating?.version ?? '' })}
        onCancel={() => setActivating(null)}
        onOk={() => void activate()}
        okButtonProps={{ disabled: !PERIOD_PATTERN.test(validFrom) }}
        okText={t('basket.weights.activate')}
        cancelText={t('common.cancel')}
        confirmLoading={busy}
        destroyOnHidden
      >
        <Flex vertical gap="small">
          <Typography.Paragraph>{t('basket.weights.activateHelp')}</Typography.Paragraph>
          <label htmlFor="basket-valid-from">{t('basket.weights.validFrom')}</label>
          <Input id="basket-valid-from" type="month" value={validFrom} onChange={(e) => setValidFrom(e.target.value)} style={{ maxWidth: 220 }} />
          {activateError !== null && <ApiErrorAlert error={activateError} />}
        </Flex>
      </Modal>
    </Flex>
  );
};
