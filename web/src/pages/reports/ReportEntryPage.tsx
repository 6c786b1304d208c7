import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Alert, App, Button, Card, Drawer, Flex, Form, Input, InputNumber, Modal, Popconfirm, Space, Switch, Table, Tag, Typography, Upload, type TableColumnsType } from 'antd';
import { CheckOutlined, CloseOutlined, DownloadOutlined, HistoryOutlined, RollbackOutlined, SendOutlined, UploadOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { reportsApi, type TCellIssue, type THistoryEntry, type TImportError, type TReport, type TReportItem, type TReportKey, type TReportStatus } from '../../api/reports';
import { useApiQuery } from '../../api/useApiQuery';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useLocale, useT, type TKey } from '../../i18n/I18nProvider';
import { useFormat } from '../../i18n/useFormat';
import { useUser } from '../../session/SessionProvider';
import { ReportStatusTag, saveUrl, usePeriodText } from './shared';
import './reports.css';

/** Delay between the last keystroke and the automatic draft save. */
const AUTOSAVE_MS = 800;

type TCellState = { value: number | null; comment: string };
type TSaveState = 'idle' | 'dirty' | 'saving' | 'saved' | 'invalid';

const HARD_RULES = ['NEGATIVE', 'NOT_A_NUMBER', 'REQUIRED', 'UNKNOWN_ITEM', 'DUPLICATE'] as const;
const SOFT_RULES = ['RATIO_YOY', 'RATIO_MOM', 'OUTLIER'] as const;
const isHardRule = (rule: string): rule is (typeof HARD_RULES)[number] => (HARD_RULES as readonly string[]).includes(rule);
const isSoftRule = (rule: string): rule is (typeof SOFT_RULES)[number] => (SOFT_RULES as readonly string[]).includes(rule);
const itemOf = (issue: { path: string }) => issue.path.replace(/^cells\./, '');

/** Cell issues of a rejected save/submit (details [{path: "cells.X", rule, message}]). */
const cellIssuesOf = (error: unknown): TCellIssue[] => {
  if (!(error instanceof ApiError) || error.code !== 'VALIDATION_ERROR' || !Array.isArray(error.details)) return [];
  return (error.details as unknown[]).flatMap((d) => {
    const { path, rule, message } = (d ?? {}) as { path?: unknown; rule?: unknown; message?: unknown };
    return typeof path === 'string' && path.startsWith('cells.') ? [{ path, rule: typeof rule === 'string' ? rule : '', message: typeof message === 'string' ? message : '' }] : [];
  });
};
/** Row errors of a rejected template upload (details {errors: [{row, column, message}]}). */
const fileErrorsOf = (error: unknown): TImportError[] => {
  if (!(error instanceof ApiError) || error.code !== 'IMPORT_INVALID') return [];
  const errors = (error.details as { errors?: unknown } | null)?.errors;
  return Array.isArray(errors) ? (errors as TImportError[]) : [];
};
const initialCells = (report: TReport): Record<string, TCellState> => Object.fromEntries(report.items.map((i) => [i.item, { value: i.value, comment: i.comment ?? '' }]));

/**
 * One report of one enterprise and month: entry with automatic draft saves, per-cell errors
 * (hard rules, block submission) and warnings (soft rules, need a comment), submission, the
 * return reason, the XLSX template, the cell history; for officers the review (accept / return).
 */
const ReportEntryPage = () => {
  const t = useT();
  const { locale } = useLocale();
  const format = useFormat();
  const periodText = usePeriodText();
  const user = useUser();
  const { message } = App.useApp();
  const params = useParams();
  const key: TReportKey = useMemo(() => ({ formCode: params.formCode ?? '', enterpriseId: Number(params.enterpriseId), period: params.period ?? '' }), [params.formCode, params.enterpriseId, params.period]);
  const query = useApiQuery(JSON.stringify(key), (signal) => reportsApi.get(key, signal));
  const report = query.data;

  const [cells, setCells] = useState<Record<string, TCellState>>({});
  const [warnings, setWarnings] = useState<TCellIssue[]>([]);
  const [serverIssues, setServerIssues] = useState<TCellIssue[]>([]);
  const [status, setStatus] = useState<TReportStatus>('NOT_STARTED');
  const [saveState, setSaveState] = useState<TSaveState>('idle');
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const [fileErrors, setFileErrors] = useState<TImportError[]>([]);
  const [showAll, setShowAll] = useState(false);
  const [historyOpen, setHistoryOpen] = useState(false);
  const [returnOpen, setReturnOpen] = useState(false);
  const [busy, setBusy] = useState<'submit' | 'accept' | 'return' | 'upload' | null>(null);
  const [returnForm] = Form.useForm<{ reason: string }>();

  const cellsRef = useRef(cells);
  cellsRef.current = cells;
  const timer = useRef<number | null>(null);
  const inFlight = useRef<Promise<boolean> | null>(null);
  const dirty = useRef(false);

  useEffect(() => {
    if (!report) return;
    setCells(initialCells(report));
    setWarnings(report.warnings);
    setServerIssues([]);
    setStatus(report.status);
    setSaveState('idle');
    dirty.current = false;
  }, [report]);

  const isEditable = Boolean(report?.abilities.canEdit) && status !== 'SUBMITTED';
  const clientErrors = useMemo(() => {
    const out = new Map<string, (typeof HARD_RULES)[number]>();
    for (const [item, c] of Object.entries(cells)) if (c.value !== null && c.value < 0) out.set(item, 'NEGATIVE');
    return out;
  }, [cells]);

  /** Saves the working values now; true when the server holds them. Runs one save at a time. */
  const saveNow = useCallback(async (): Promise<boolean> => {
    if (inFlight.current) await inFlight.current;
    if (!dirty.current) return true;
    const current = cellsRef.current;
    if (Object.values(current).some((c) => c.value !== null && c.value < 0)) {
      setSaveState('invalid');
      return false;
    }
    dirty.current = false;
    setSaveState('saving');
    const run = (async () => {
      try {
        const body = Object.entries(current)
          .filter(([, c]) => c.value !== null)
          .map(([item, c]) => ({ item, value: c.value as number, comment: c.comment.trim() || null }));
        const result = await reportsApi.save(key, body);
        setWarnings(result.warnings);
        setServerIssues([]);
        setStatus(result.report.status);
        setSavedAt(new Date());
        setActionError(null);
        setSaveState(dirty.current ? 'dirty' : 'saved');
        return true;
      } catch (error) {
        const issues = cellIssuesOf(error);
        setServerIssues(issues);
        if (issues.length === 0) setActionError(error);
        setSaveState('invalid');
        return false;
      } finally {
        inFlight.current = null;
      }
    })();
    inFlight.current = run;
    return run;
  }, [key]);

  // Closing or reloading the tab with values not yet saved asks first (the browser's own dialog).
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (dirty.current || inFlight.current) event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, []);

  // Leaving the page saves what is still waiting for the autosave delay.
  const saveRef = useRef(saveNow);
  saveRef.current = saveNow;
  useEffect(
    () => () => {
      if (!timer.current) return;
      window.clearTimeout(timer.current);
      timer.current = null;
      void saveRef.current();
    },
    [],
  );

  const change = (item: string, patch: Partial<TCellState>) => {
    setCells((prev) => ({ ...prev, [item]: { ...(prev[item] ?? { value: null, comment: '' }), ...patch } }));
    dirty.current = true;
    setSaveState('dirty');
    if (timer.current) window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => {
      timer.current = null;
      void saveNow();
    }, AUTOSAVE_MS);
  };

  const flush = async () => {
    if (timer.current) {
      window.clearTimeout(timer.current);
      timer.current = null;
    }
    return saveNow();
  };

  const issuesByItem = useMemo(() => {
    const hard = new Map<string, string>();
    for (const [item, rule] of clientErrors) hard.set(item, rule);
    for (const i of serverIssues) if (!hard.has(itemOf(i))) hard.set(itemOf(i), i.rule);
    const soft = new Map<string, TCellIssue[]>();
    for (const w of warnings) soft.set(itemOf(w), [...(soft.get(itemOf(w)) ?? []), w]);
    return { hard, soft };
  }, [clientErrors, serverIssues, warnings]);
  const uncommented = [...issuesByItem.soft.keys()].filter((item) => cells[item]?.value !== null && cells[item]?.value !== undefined && !cells[item]?.comment.trim());

  const hardText = (item: string, rule: string) => {
    if (isHardRule(rule)) return t(`reports.entry.errors.${rule}`);
    return serverIssues.find((i) => itemOf(i) === item)?.message ?? rule;
  };
  const softText = (item: TReportItem, issue: TCellIssue) => {
    const value = cells[item.item]?.value ?? null;
    const base = issue.rule === 'RATIO_YOY' ? item.sameMonthLastYear : item.previousMonth;
    const ratio = value !== null && base ? format.percent((value / base) * 100, 1) : '';
    return isSoftRule(issue.rule) ? t(`reports.entry.warnings.${issue.rule}`, { ratio }) : issue.message;
  };

  const submit = async () => {
    setActionError(null);
    if (!(await flush())) return;
    const missing = (report?.items ?? []).filter((i) => i.isRequired && (cellsRef.current[i.item]?.value ?? null) === null);
    if (missing.length) {
      setServerIssues(missing.map((i) => ({ path: `cells.${i.item}`, rule: 'REQUIRED', message: '' })));
      return;
    }
    setBusy('submit');
    try {
      const result = await reportsApi.submit(key);
      void message.success(result.isOnTime ? t('reports.entry.submitted') : t('reports.entry.submittedLate'));
      query.reload();
    } catch (error) {
      const issues = cellIssuesOf(error);
      if (issues.some((i) => isSoftRule(i.rule))) setWarnings(issues.filter((i) => isSoftRule(i.rule)));
      else if (issues.length) setServerIssues(issues);
      else setActionError(error);
    } finally {
      setBusy(null);
    }
  };

  const accept = async () => {
    setActionError(null);
    setBusy('accept');
    try {
      const result = await reportsApi.accept(key);
      void message.success(t('reports.entry.review.accepted', { ms: result.recomputeMs }));
      query.reload();
    } catch (error) {
      setActionError(error);
    } finally {
      setBusy(null);
    }
  };

  const sendReturn = async () => {
    const { reason } = await returnForm.validateFields();
    setBusy('return');
    try {
      await reportsApi.return(key, reason.trim());
      void message.success(t('reports.entry.review.returned'));
      setReturnOpen(false);
      returnForm.resetFields();
      query.reload();
    } catch (error) {
      setActionError(error);
      setReturnOpen(false);
    } finally {
      setBusy(null);
    }
  };

  const upload = async (file: File) => {
    setActionError(null);
    setFileErrors([]);
    if (timer.current) window.clearTimeout(timer.current);
    if (inFlight.current) await inFlight.current;
    setBusy('upload');
    try {
      const result = await reportsApi.uploadTemplate(key, file, locale);
      void message.success(t('reports.entry.template.uploaded', { count: result.cells }));
      query.reload();
    } catch (error) {
      const rows = fileErrorsOf(error);
      if (rows.length) setFileErrors(rows);
      else setActionError(error);
    } finally {
      setBusy(null);
    }
  };

  if (!report) {
    return (
      <>
        <PageHeader title={t('reports.my.title')} />
        {query.error ? <ApiErrorAlert error={query.error} onRetry={query.reload} /> : <Card loading />}
      </>
    );
  }

  const formName = locale === 'vi' ? report.form.nameVi : report.form.nameEn;
  const isEnterpriseUser = user.role === 'ENTERPRISE';
  const isIip = report.form.kind === 'IIP';
  const visibleItems = !isIip || showAll ? report.items : report.items.filter((i) => i.isRequired || (cells[i.item]?.value ?? null) !== null || issuesByItem.hard.has(i.item) || i.previousMonth !== null);
  const changeText = (value: number | null, base: number | null) => (value !== null && base ? format.percent((value / base) * 100, 1) : '');
  const hardCount = issuesByItem.hard.size;
  const canSubmit = isEditable && (status === 'DRAFT' || status === 'RETURNED' || status === 'ACCEPTED' || status === 'NOT_STARTED');
  const showReview = report.abilities.canReview && status === 'SUBMITTED';

  const columns: TableColumnsType<TReportItem> = [
    {
      title: t('reports.entry.item'),
      key: 'item',
      render: (_, i) => (
        <Space orientation="vertical" size={0}>
          <span>
            {locale === 'vi' ? i.labelVi : i.labelEn} {i.isRequired && <Tag color="blue">{t('reports.entry.required')}</Tag>}
          </span>
          <Typography.Text type="secondary" className="report-item-code">
            {i.item}
          </Typography.Text>
        </Space>
      ),
    },
    { title: t('reports.entry.unit'), dataIndex: 'unit', width: 110 },
    { title: t('reports.common.previousMonth'), dataIndex: 'previousMonth', width: 120, align: 'right', render: (v: number | null) => format.number(v) },
    { title: t('reports.entry.lastYear'), key: 'lastYear', width: 120, align: 'right', render: (_, i) => format.number(i.sameMonthLastYear) },
    {
      title: t('reports.entry.value'),
      key: 'value',
      width: 210,
      render: (_, i) => {
        const hard = issuesByItem.hard.get(i.item);
        const soft = issuesByItem.soft.get(i.item) ?? [];
        const value = cells[i.item]?.value ?? null;
        return (
          <div className="report-cell">
            <InputNumber
              aria-label={`${t('reports.entry.value')}: ${i.item}`}
              data-item={i.item}
              className="report-value-input"
              value={value}
              disabled={!isEditable}
              status={hard ? 'error' : soft.length && value !== null ? 'warning' : undefined}
              decimalSeparator={locale === 'vi' ? ',' : '.'}
              onChange={(v) => change(i.item, { value: typeof v === 'number' ? v : null })}
            />
            {hard && <div className="report-cell-error">{hardText(i.item, hard)}</div>}
            {value !== null &&
              soft.map((w) => (
                <div key={w.rule} className="report-cell-warning">
                  {softText(i, w)}
                </div>
              ))}
          </div>
        );
      },
    },
    {
      title: t('reports.entry.changes'),
      key: 'changes',
      width: 130,
      align: 'right',
      render: (_, i) => {
        const value = cells[i.item]?.value ?? null;
        return (
          <Space orientation="vertical" size={0} className="report-ratios">
            <span title={t('reports.entry.vsPrevious')}>{changeText(value, i.previousMonth)}</span>
            <Typography.Text type="secondary" title={t('reports.entry.vsLastYear')}>
              {changeText(value, i.sameMonthLastYear)}
            </Typography.Text>
          </Space>
        );
      },
    },
    {
      title: t('reports.entry.comment'),
      key: 'comment',
      width: 260,
      render: (_, i) => {
        const needs = uncommented.includes(i.item);
        return (
          <Input.TextArea
            aria-label={`${t('reports.entry.comment')}: ${i.item}`}
            data-comment={i.item}
            autoSize={{ minRows: 1, maxRows: 4 }}
            maxLength={2000}
            value={cells[i.item]?.comment ?? ''}
            disabled={!isEditable}
            status={needs ? 'warning' : undefined}
            placeholder={needs ? t('reports.entry.commentPlaceholder') : undefined}
            onChange={(e) => change(i.item, { comment: e.target.value })}
          />
        );
      },
    },
  ];

  const saveText: Record<TSaveState, string> = {
    idle: '',
    dirty: t('reports.entry.unsaved'),
    saving: t('reports.entry.saving'),
    saved: savedAt ? t('reports.entry.saved', { time: format.dateTime(savedAt, true) }) : '',
    invalid: t('reports.entry.notSaved'),
  };
  const errorCode = actionError instanceof ApiError ? actionError.code : null;
  const knownCodeText: TKey | null = errorCode === 'PERIOD_LOCKED' ? 'reports.entry.errors.PERIOD_LOCKED' : errorCode === 'NOT_IN_FRAME' ? 'reports.entry.errors.NOT_IN_FRAME' : null;

  return (
    <>
      <PageHeader
        title={t('reports.entry.titleOf', { form: formName, period: periodText(report.period) })}
        extra={<Link to={isEnterpriseUser ? '/reports' : '/reports/review'}>{t('reports.entry.back')}</Link>}
      />
      <Space orientation="vertical" size="middle" className="full-width">
        <Card size="small">
          <Flex wrap gap="middle" align="center" justify="space-between">
            <Space wrap>
              <Typography.Text strong>{report.enterprise.nameVi}</Typography.Text>
              <Typography.Text type="secondary">
                {t('reports.common.taxCode')}: {report.enterprise.taxCode}
              </Typography.Text>
              <ReportStatusTag status={status} />
            </Space>
            <Typography.Text type="secondary">{t('reports.entry.deadlineLine', { deadline: format.date(report.deadline), locks: format.date(report.locksAt) })}</Typography.Text>
          </Flex>
        </Card>

        {status === 'RETURNED' && report.returnReason && (
          <Alert type="error" showIcon className="report-return-reason" title={t('reports.entry.returnedTitle')} description={report.returnReason} />
        )}
        {report.isLocked && <Alert type="warning" showIcon title={t('reports.entry.lockedTitle', { date: format.date(report.locksAt) })} description={t('reports.entry.lockedText')} />}
        {report.lockExceptionUntil && <Alert type="info" showIcon title={t('reports.entry.exceptionText', { date: format.date(report.lockExceptionUntil) })} />}
        {status === 'SUBMITTED' && <Alert type="info" showIcon title={t('reports.entry.submittedInfo', { date: format.dateTime(report.submittedAt) })} />}
        {status === 'ACCEPTED' && isEditable && <Alert type="success" showIcon title={t('reports.entry.acceptedInfo', { revision: report.acceptedRevision ?? 0 })} />}
        {!report.abilities.canEdit && !report.isLocked && !report.abilities.canReview && <Alert type="info" showIcon title={t('reports.entry.readOnly')} />}
        {!isEnterpriseUser && isEditable && <Alert type="info" showIcon title={t('reports.entry.onBehalf', { name: report.enterprise.nameVi })} />}
        {actionError !== null && (knownCodeText ? <Alert type="error" showIcon role="alert" title={t(knownCodeText)} /> : <ApiErrorAlert error={actionError} />)}
        {fileErrors.length > 0 && (
          <Alert
            type="error"
            showIcon
            role="alert"
            title={t('reports.entry.template.errorsTitle')}
            closable
            onClose={() => setFileErrors([])}
            description={
              <Table<TImportError>
                size="small"
                className="report-file-errors"
                rowKey={(e) => `${e.row}|${e.column}|${e.message}`}
                pagination={false}
                dataSource={fileErrors}
                columns={[
                  { title: t('reports.entry.template.row'), dataIndex: 'row', width: 70 },
                  { title: t('reports.entry.template.column'), dataIndex: 'column', width: 170 },
                  { title: t('reports.entry.template.reason'), dataIndex: 'message' },
                ]}
              />
            }
          />
        )}

        <Card size="small">
          <Flex wrap gap="small" align="center" justify="space-between">
            <Space wrap>
              <Button icon={<DownloadOutlined />} onClick={() => saveUrl(reportsApi.templateUrl(key, locale))}>
                {t('reports.entry.template.download')}
              </Button>
              {isEditable && (
                <Upload
                  accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                  showUploadList={false}
                  beforeUpload={(file) => {
                    void upload(file);
                    return false;
                  }}
                >
                  <Button icon={<UploadOutlined />} loading={busy === 'upload'}>
                    {t('reports.entry.template.upload')}
                  </Button>
                </Upload>
              )}
              <Button icon={<HistoryOutlined />} onClick={() => setHistoryOpen(true)}>
                {t('reports.entry.history.open')}
              </Button>
              {isIip && (
                <Space>
                  <Switch size="small" checked={showAll} onChange={setShowAll} aria-label={t('reports.entry.showAll', { count: report.items.length })} />
                  <Typography.Text title={t('reports.entry.showAllHint')}>{t('reports.entry.showAll', { count: report.items.length })}</Typography.Text>
                </Space>
              )}
            </Space>
            <Typography.Text type={saveState === 'invalid' ? 'danger' : 'secondary'} className="report-save-state" aria-live="polite">
              {saveText[saveState]}
            </Typography.Text>
          </Flex>
        </Card>

        <Table<TReportItem> className="report-entry-table" rowKey="item" size="small" columns={columns} dataSource={visibleItems} pagination={false} scroll={{ x: 1100 }} />

        <Card size="small">
          <Flex wrap gap="small" align="center" justify="space-between">
            <Space orientation="vertical" size={0}>
              {hardCount > 0 && <Typography.Text type="danger">{t('reports.entry.blockedErrors', { count: hardCount })}</Typography.Text>}
              {uncommented.length > 0 && <Typography.Text type="warning">{t('reports.entry.blockedComments', { count: uncommented.length })}</Typography.Text>}
              {showReview && warnings.length > 0 && <Typography.Text type="warning">{t('reports.entry.review.warningsCount', { count: warnings.length })}</Typography.Text>}
            </Space>
            <Space wrap>
              {canSubmit && (
                <Popconfirm title={t('reports.entry.submitConfirm')} onConfirm={() => void submit()} okText={t('reports.entry.submit')} cancelText={t('common.cancel')} disabled={hardCount > 0 || uncommented.length > 0}>
                  <Button type="primary" icon={<SendOutlined />} loading={busy === 'submit'} disabled={hardCount > 0 || uncommented.length > 0}>
                    {t('reports.entry.submit')}
                  </Button>
                </Popconfirm>
              )}
              {showReview && (
                <>
                  <Button danger icon={<RollbackOutlined />} onClick={() => setReturnOpen(true)} loading={busy === 'return'}>
                    {t('reports.entry.review.return')}
                  </Button>
                  <Popconfirm title={t('reports.entry.review.acceptConfirm')} onConfirm={() => void accept()} okText={t('reports.entry.review.accept')} cancelText={t('common.cancel')}>
                    <Button type="primary" icon={<CheckOutlined />} loading={busy === 'accept'}>
                      {t('reports.entry.review.accept')}
                    </Button>
                  </Popconfirm>
                </>
              )}
            </Space>
          </Flex>
        </Card>
      </Space>

      <Modal
        open={returnOpen}
        title={t('reports.entry.review.returnTitle')}
        okText={t('reports.entry.review.return')}
        okButtonProps={{ danger: true, icon: <CloseOutlined />, loading: busy === 'return' }}
        cancelText={t('common.cancel')}
        onOk={() => void sendReturn().catch(() => undefined)}
        onCancel={() => setReturnOpen(false)}
        destroyOnHidden
      >
        <Form form={returnForm} layout="vertical" preserve={false}>
          <Form.Item name="reason" label={t('reports.entry.review.reason')} rules={[{ required: true, whitespace: true, min: 3, message: t('reports.entry.review.reasonRequired') }]}>
            <Input.TextArea rows={4} maxLength={2000} placeholder={t('reports.entry.review.reasonPlaceholder')} />
          </Form.Item>
        </Form>
      </Modal>

      <HistoryDrawer open={historyOpen} onClose={() => setHistoryOpen(false)} reportKey={key} items={report.items} />
    </>
  );
};

/** Every change of every cell (newest first), with the comments. */
const HistoryDrawer = ({ open, onClose, reportKey, items }: { open: boolean; onClose: () => void; reportKey: TReportKey; items: TReportItem[] }) => {
  const t = useT();
  const { locale } = useLocale();
  const format = useFormat();
  const query = useApiQuery(`history:${JSON.stringify(reportKey)}:${open}`, (signal) => reportsApi.history(reportKey, signal), open);
  const label = (item: string) => {
    const found = items.find((i) => i.item === item);
    return found ? (locale === 'vi' ? found.labelVi : found.labelEn) : item;
  };
  return (
    <Drawer open={open} onClose={onClose} title={t('reports.entry.history.title')} size="large">
      {query.error && <ApiErrorAlert error={query.error} onRetry={query.reload} />}
      <Table<THistoryEntry>
        size="small"
        className="report-history"
        loading={query.loading}
        rowKey={(h, index) => `${h.at}|${h.item}|${index ?? 0}`}
        dataSource={query.data?.items ?? []}
        locale={{ emptyText: t('reports.entry.history.empty') }}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          { title: t('reports.entry.history.at'), dataIndex: 'at', width: 150, render: (v: string) => format.dateTime(v) },
          { title: t('reports.entry.item'), dataIndex: 'item', render: (v: string) => label(v) },
          { title: t('reports.entry.history.change'), key: 'change', width: 170, render: (_, h) => `${format.number(h.oldValue)} → ${format.number(h.newValue)}` },
          { title: t('reports.entry.comment'), dataIndex: 'comment' },
          { title: t('reports.entry.history.actor'), dataIndex: 'actorName', width: 110 },
        ]}
      />
    </Drawer>
  );
};

export default ReportEntryPage;
