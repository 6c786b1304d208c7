import { useState } from 'react';
import { App, Button, Card, Flex, Form, Input, InputNumber, Modal, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { EditOutlined, PlusOutlined, StopOutlined, TeamOutlined, UnlockOutlined, UploadOutlined } from '@ant-design/icons';
import {
  addFrameMember,
  changeFrameMember,
  getFrame,
  grantLockException,
  importFrame,
  listFormSettings,
  listLockExceptions,
  updateFormSettings,
  type TFormSettings,
  type TFormSettingsBody,
  type TFrameMember,
  type TImportResult,
  type TLockException,
} from '../../api/basket';
import { useApiQuery } from '../../api/useApiQuery';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { useLocale, useT } from '../../i18n/I18nProvider';
import { useFormat } from '../../i18n/useFormat';
import { ImportModal } from './ImportModal';
import { ImportCounts, monthText, PERIOD_PATTERN } from './shared';

const PAGE_SIZE = 20;

/** The months a member is expected to report: change them, or end the membership (history is kept). */
type TMonths = { member: TFrameMember; activeFrom: string; activeTo: string };
type TGrant = { member: TFrameMember; period: string; until: string; reason: string };

/** Report form settings (deadline, lock, reminders), the survey frame of each form, and its lock exceptions. */
export const FormsTab = () => {
  const t = useT();
  const format = useFormat();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const [reloadKey, setReloadKey] = useState(0);
  const [formCode, setFormCode] = useState<string | null>(null);
  const [editing, setEditing] = useState<TFormSettings | null>(null);
  const [settings, setSettings] = useState<TFormSettingsBody | null>(null);
  const [q, setQ] = useState('');
  const [activeIn, setActiveIn] = useState('');
  const [page, setPage] = useState(1);
  const [adding, setAdding] = useState<{ taxCode: string; activeFrom: string } | null>(null);
  const [months, setMonths] = useState<TMonths | null>(null);
  const [grant, setGrant] = useState<TGrant | null>(null);
  const [importing, setImporting] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const forms = useApiQuery(`basket:forms:${reloadKey}`, listFormSettings);
  const code = formCode ?? forms.data?.items.find((f) => f.kind === 'IIP')?.code ?? forms.data?.items[0]?.code ?? null;
  const frameQuery = { q, activeIn: PERIOD_PATTERN.test(activeIn) ? activeIn : undefined, page, pageSize: PAGE_SIZE };
  const frame = useApiQuery(`basket:frame:${code}:${JSON.stringify(frameQuery)}:${reloadKey}`, (signal) => getFrame(code ?? '', frameQuery, signal), code !== null);
  const exceptions = useApiQuery(`basket:locks:${code}:${reloadKey}`, (signal) => listLockExceptions(code ?? '', signal), code !== null);
  const formName = (f: TFormSettings) => (locale === 'vi' ? f.nameVi : f.nameEn);
  const current = forms.data?.items.find((f) => f.code === code);

  const run = async (action: () => Promise<{ recomputeMs?: number | null } | unknown>, after: () => void) => {
    setBusy(true);
    setError(null);
    try {
      const result = (await action()) as { recomputeMs?: number | null } | undefined;
      const ms = result?.recomputeMs;
      message.success(t('basket.saved') + (typeof ms === 'number' ? ` ${t('basket.recomputed', { ms: format.number(ms) })}` : ''));
      after();
      setReloadKey((n) => n + 1);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const formColumns: TableColumnsType<TFormSettings> = [
    { key: 'name', title: t('basket.forms.form'), render: (_v, f) => (<span><Typography.Text code>{f.code}</Typography.Text> {formName(f)}</span>) },
    { key: 'deadline', title: t('basket.forms.deadlineDay'), dataIndex: 'deadlineDay', width: 100, align: 'right' },
    { key: 'expiry', title: t('basket.forms.expiryDays'), dataIndex: 'expiryDays', width: 100, align: 'right' },
    { key: 'remind', title: t('basket.forms.reminders'), width: 170, render: (_v, f) => t('basket.forms.remindText', { before: f.remindBeforeDays, after: f.remindAfterDays }) },
    { key: 'frame', title: t('basket.forms.frame'), width: 140, render: (_v, f) => t('basket.forms.frameCount', { active: format.number(f.frameActive), total: format.number(f.frameTotal) }) },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 160,
      render: (_v, f) => (
        <Space wrap>
          <Button size="small" icon={<EditOutlined />} aria-label={t('basket.forms.editOf', { code: f.code })} onClick={() => { setError(null); setEditing(f); setSettings({ deadlineDay: f.deadlineDay, expiryDays: f.expiryDays, remindBeforeDays: f.remindBeforeDays, remindAfterDays: f.remindAfterDays }); }} />
          <Button size="small" icon={<TeamOutlined />} type={f.code === code ? 'primary' : 'default'} onClick={() => { setFormCode(f.code); setPage(1); }}>
            {t('basket.forms.showFrame')}
          </Button>
        </Space>
      ),
    },
  ];

  const frameColumns: TableColumnsType<TFrameMember> = [
    { key: 'taxCode', title: t('basket.frame.taxCode'), dataIndex: 'taxCode', width: 130 },
    { key: 'name', title: t('basket.frame.name'), dataIndex: 'nameVi' },
    { key: 'area', title: t('basket.frame.area'), dataIndex: 'area', width: 90 },
    { key: 'from', title: t('basket.frame.activeFrom'), dataIndex: 'activeFrom', width: 110, render: (p: string) => monthText(p) },
    { key: 'to', title: t('basket.frame.activeTo'), dataIndex: 'activeTo', width: 110, render: (p: string | null) => (p ? monthText(p) : <Tag color="green">{t('basket.frame.open')}</Tag>) },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 150,
      render: (_v, m) => (
        <Space>
          <Button size="small" icon={<EditOutlined />} aria-label={t('basket.frame.monthsOf', { name: m.nameVi })} title={t('basket.frame.months')} onClick={() => { setError(null); setMonths({ member: m, activeFrom: m.activeFrom, activeTo: m.activeTo ?? '' }); }} />
          <Button size="small" icon={<UnlockOutlined />} aria-label={t('basket.locks.grantFor', { name: m.nameVi })} title={t('basket.locks.grant')} onClick={() => { setError(null); setGrant({ member: m, period: '', until: '', reason: '' }); }} />
        </Space>
      ),
    },
  ];

  const lockColumns: TableColumnsType<TLockException> = [
    { key: 'enterprise', title: t('basket.frame.name'), render: (_v, x) => `${x.taxCode} – ${x.nameVi}` },
    { key: 'period', title: t('basket.locks.period'), dataIndex: 'period', width: 100, render: (p: string) => monthText(p) },
    { key: 'until', title: t('basket.locks.until'), dataIndex: 'until', width: 150, render: (d: string, x) => (<span>{format.date(d)} {x.isActive ? <Tag color="green">{t('basket.locks.active')}</Tag> : <Tag>{t('basket.locks.expired')}</Tag>}</span>) },
    { key: 'reason', title: t('basket.locks.reason'), dataIndex: 'reason' },
    { key: 'by', title: t('basket.locks.grantedBy'), width: 170, render: (_v, x) => `${x.grantedBy ?? '—'}, ${format.dateTime(x.grantedAt)}` },
  ];

  return (
    <Flex vertical gap="middle">
      <Card title={<Typography.Title level={2} className="card-title">{t('basket.forms.title')}</Typography.Title>}>
        <Typography.Paragraph type="secondary">{t('basket.forms.help')}</Typography.Paragraph>
        {forms.error && <ApiErrorAlert error={forms.error} onRetry={forms.reload} />}
        <Table<TFormSettings> rowKey="code" size="small" columns={formColumns} dataSource={forms.data?.items ?? []} loading={forms.loading} pagination={false} scroll={{ x: 880 }} />
      </Card>
      {current && (
        <Card
          title={<Typography.Title level={2} className="card-title">{t('basket.frame.title', { form: formName(current) })}</Typography.Title>}
          extra={
            <Space wrap>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => { setError(null); setAdding({ taxCode: '', activeFrom: '' }); }}>
                {t('basket.frame.add')}
              </Button>
              <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
                {t('basket.import.button')}
              </Button>
            </Space>
          }
        >
          <Flex vertical gap="middle">
            <Flex wrap gap="small" align="center">
              <Input.Search allowClear placeholder={t('basket.frame.search')} aria-label={t('basket.frame.search')} style={{ maxWidth: 320 }} onSearch={(value) => { setQ(value); setPage(1); }} />
              <label htmlFor="basket-frame-month">{t('basket.frame.activeIn')}</label>
              <Input id="basket-frame-month" type="month" value={activeIn} style={{ width: 170 }} onChange={(e) => { setActiveIn(e.target.value); setPage(1); }} />
            </Flex>
            {frame.error && <ApiErrorAlert error={frame.error} onRetry={frame.reload} />}
            <Table<TFrameMember>
              rowKey="enterpriseId"
              size="small"
              columns={frameColumns}
              dataSource={frame.data?.items ?? []}
              loading={frame.loading}
              scroll={{ x: 860 }}
              pagination={{ current: page, pageSize: PAGE_SIZE, total: frame.data?.total ?? 0, showSizeChanger: false, onChange: setPage, showTotal: (total) => t('common.totalItems', { total: format.number(total) }) }}
            />
          </Flex>
        </Card>
      )}
      {current && (
        <Card title={<Typography.Title level={2} className="card-title">{t('basket.locks.title')}</Typography.Title>}>
          <Typography.Paragraph type="secondary">{t('basket.locks.help')}</Typography.Paragraph>
          {exceptions.error && <ApiErrorAlert error={exceptions.error} onRetry={exceptions.reload} />}
          <Table<TLockException> rowKey="id" size="small" columns={lockColumns} dataSource={exceptions.data?.items ?? []} loading={exceptions.loading} pagination={{ defaultPageSize: 10, hideOnSinglePage: true }} scroll={{ x: 860 }} />
        </Card>
      )}

      <Modal
        open={editing !== null}
        title={t('basket.forms.editOf', { code: editing?.code ?? '' })}
        onCancel={() => setEditing(null)}
        onOk={() => editing && settings && void run(() => updateFormSettings(editing.code, settings), () => setEditing(null))}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        confirmLoading={busy}
        destroyOnHidden
      >
        {settings && (
          <Form layout="vertical">
            {(
              [
                ['deadlineDay', 'basket.forms.deadlineDayHelp'],
                ['expiryDays', 'basket.forms.expiryDaysHelp'],
                ['remindBeforeDays', 'basket.forms.remindBefore'],
                ['remindAfterDays', 'basket.forms.remindAfter'],
              ] as const
            ).map(([field, label]) => (
              <Form.Item key={field} label={t(label)} htmlFor={`basket-form-${field}`}>
                <InputNumber id={`basket-form-${field}`} min={0} max={400} precision={0} value={settings[field]} onChange={(v) => setSettings({ ...settings, [field]: typeof v === 'number' ? v : 0 })} />
              </Form.Item>
            ))}
          </Form>
        )}
        {error !== null && <ApiErrorAlert error={error} />}
      </Modal>

      <Modal
        open={adding !== null}
        title={t('basket.frame.add')}
        onCancel={() => setAdding(null)}
        onOk={() => code && adding && void run(() => addFrameMember(code, { taxCode: adding.taxCode.trim(), activeFrom: adding.activeFrom, activeTo: null }), () => setAdding(null))}
        okButtonProps={{ disabled: !adding?.taxCode.trim() || !PERIOD_PATTERN.test(adding?.activeFrom ?? '') }}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        confirmLoading={busy}
        destroyOnHidden
      >
        {adding && (
          <Form layout="vertical">
            <Form.Item label={t('basket.frame.taxCode')} htmlFor="basket-frame-tax">
              <Input id="basket-frame-tax" value={adding.taxCode} maxLength={20} onChange={(e) => setAdding({ ...adding, taxCode: e.target.value })} />
            </Form.Item>
            <Form.Item label={t('basket.frame.activeFrom')} htmlFor="basket-frame-from">
              <Input id="basket-frame-from" type="month" value={adding.activeFrom} onChange={(e) => setAdding({ ...adding, activeFrom: e.target.value })} />
            </Form.Item>
          </Form>
        )}
        {error !== null && <ApiErrorAlert error={error} />}
      </Modal>

      <Modal
        open={months !== null}
        title={t('basket.frame.monthsOf', { name: months?.member.nameVi ?? '' })}
        onCancel={() => setMonths(null)}
        onOk={() => code && months && void run(() => changeFrameMember(code, months.member.enterpriseId, { activeFrom: months.activeFrom, activeTo: months.activeTo || null }), () => setMonths(null))}
        okButtonProps={{ disabled: !PERIOD_PATTERN.test(months?.activeFrom ?? '') }}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        confirmLoading={busy}
        destroyOnHidden
      >
        {months && (
          <Form layout="vertical">
            <Typography.Paragraph type="secondary">{t('basket.frame.endHelp')}</Typography.Paragraph>
            <Flex gap="small">
              <Form.Item label={t('basket.frame.activeFrom')} htmlFor="basket-months-from" style={{ flex: 1 }}>
                <Input id="basket-months-from" type="month" value={months.activeFrom} onChange={(e) => setMonths({ ...months, activeFrom: e.target.value })} />
              </Form.Item>
              <Form.Item label={t('basket.frame.activeTo')} htmlFor="basket-months-to" style={{ flex: 1 }}>
                <Input id="basket-months-to" type="month" value={months.activeTo} onChange={(e) => setMonths({ ...months, activeTo: e.target.value })} />
              </Form.Item>
            </Flex>
            <Button icon={<StopOutlined />} onClick={() => setMonths({ ...months, activeTo: new Date(Date.now() + 7 * 3600_000 - 31 * 86_400_000).toISOString().slice(0, 7) })}>
              {t('basket.frame.endLastMonth')}
            </Button>
          </Form>
        )}
        {error !== null && <ApiErrorAlert error={error} />}
      </Modal>

      <Modal
        open={grant !== null}
        title={t('basket.locks.grantFor', { name: grant?.member.nameVi ?? '' })}
        onCancel={() => setGrant(null)}
        onOk={() => code && grant && void run(() => grantLockException({ formCode: code, enterpriseId: grant.member.enterpriseId, period: grant.period, until: grant.until, reason: grant.reason }), () => setGrant(null))}
        okButtonProps={{ disabled: !grant || !PERIOD_PATTERN.test(grant.period) || !grant.until || grant.reason.trim().length < 3 }}
        okText={t('basket.locks.grant')}
        cancelText={t('common.cancel')}
        confirmLoading={busy}
        destroyOnHidden
      >
        {grant && (
          <Form layout="vertical">
            <Flex gap="small">
              <Form.Item label={t('basket.locks.period')} htmlFor="basket-grant-period" style={{ flex: 1 }}>
                <Input id="basket-grant-period" type="month" value={grant.period} onChange={(e) => setGrant({ ...grant, period: e.target.value })} />
              </Form.Item>
              <Form.Item label={t('basket.locks.until')} htmlFor="basket-grant-until" style={{ flex: 1 }}>
                <Input id="basket-grant-until" type="date" value={grant.until} onChange={(e) => setGrant({ ...grant, until: e.target.value })} />
              </Form.Item>
            </Flex>
            <Form.Item label={t('basket.locks.reason')} htmlFor="basket-grant-reason">
              <Input.TextArea id="basket-grant-reason" rows={3} maxLength={1000} value={grant.reason} onChange={(e) => setGrant({ ...grant, reason: e.target.value })} />
            </Form.Item>
          </Form>
        )}
        {error !== null && <ApiErrorAlert error={error} />}
      </Modal>

      {code && (
        <ImportModal<TImportResult>
          open={importing}
          title={t('basket.frame.importTitle', { code })}
          columns="tax_code,active_from,active_to"
          example="0101234567,2025-01,"
          run={importFrame(code)}
          summary={(r) => <ImportCounts result={r} />}
          onClose={() => setImporting(false)}
          onImported={() => setReloadKey((n) => n + 1)}
        />
      )}
    </Flex>
  );
};
