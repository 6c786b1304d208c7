import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Card, Col, DatePicker, Descriptions, Empty, Flex, Form, Input, Modal, Radio, Row, Spin, Timeline, Typography } from 'antd';
import { ArrowLeftOutlined, CopyOutlined, SaveOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { Link, useParams } from 'react-router-dom';
import { computeCost, computeSaving, incomeRateAt } from '../../../../src/domain/compliance/standard-cost';
import {
  changeReviewStatus,
  getReview,
  listIncomeRates,
  saveReviewModel,
  type TCostModel,
  type TPlanKind,
  type TReviewDetail,
  type TReviewStatus,
} from '../../api/compliance';
import { useApiQuery } from '../../api/useApiQuery';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n/I18nProvider';
import { useFormat } from '../../i18n/useFormat';
import { hasPermission, useUser } from '../../session/SessionProvider';
import { vietnamToday, vietnamTodayDay } from '../calendar/today';
import { ProcedureStatusTag } from '../procedures/labels';
import { CostTable } from './CostTable';
import { ModelEditor } from './ModelEditor';
import { ReviewStatusTag, useComplianceErrorText, useMoney } from './labels';
import './compliance.css';

type TFormValues = { reviewDate: Dayjs | null; before: TCostModel; planKind: TPlanKind | 'NONE'; after: TCostModel | null; planNote: string };

const emptyModel = (feesVnd: number): TCostModel => ({ steps: [{ name: '', hours: 1 }], feesVnd, consultancyVnd: 0, otherCosts: [], subjectsPerYear: 0, timesPerYear: 1 });

const initialValues = (d: TReviewDetail): TFormValues => ({
  reviewDate: d.reviewDate ? dayjs(d.reviewDate) : vietnamTodayDay(),
  before: d.before ?? emptyModel(d.catalogueFeesVnd),
  planKind: d.planKind ?? 'NONE',
  after: d.after,
  planNote: d.planNote ?? '',
});

/** Form values → a model the shared formula accepts (null while a required number is missing). */
const completeModel = (m: Partial<TCostModel> | null | undefined): TCostModel | null => {
  if (!m || !Array.isArray(m.steps) || m.steps.length === 0) return null;
  if (m.steps.some((s) => typeof s?.hours !== 'number' || s.hours < 0)) return null;
  if (typeof m.feesVnd !== 'number' || typeof m.subjectsPerYear !== 'number' || typeof m.timesPerYear !== 'number' || m.timesPerYear <= 0) return null;
  return {
    steps: m.steps.map((s) => ({ name: s.name ?? '', hours: s.hours })),
    feesVnd: m.feesVnd,
    consultancyVnd: m.consultancyVnd ?? 0,
    otherCosts: (m.otherCosts ?? []).filter((c) => typeof c?.amountVnd === 'number').map((c) => ({ name: c.name ?? '', amountVnd: c.amountVnd })),
    subjectsPerYear: m.subjectsPerYear,
    timesPerYear: m.timesPerYear,
  };
};

/** Moves the review to another status, with a note (required where the rule says so). */
const TransitionModal = ({ detail, target, onClose, onDone }: { detail: TReviewDetail; target: { to: TReviewStatus; noteRequired: boolean } | null; onClose: () => void; onDone: (d: TReviewDetail) => void }) => {
  const t = useT();
  const errorText = useComplianceErrorText();
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    setNote('');
    setError(null);
  }, [target]);
  if (!target) return null;
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      onDone(await changeReviewStatus(detail.code, { status: target.to, note: note.trim() || undefined, expectedRevision: detail.revision ?? undefined }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={t('compliance.review.transitionTitle', { status: t(`compliance.statuses.${target.to}`) })}
      okText={t('compliance.review.confirm')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={onClose}
      okButtonProps={{ disabled: target.noteRequired && !note.trim() }}
    >
      <Typography.Paragraph type="secondary">{t(`compliance.transitionHints.${target.to}`)}</Typography.Paragraph>
      <Form layout="vertical" component="div">
        <Form.Item label={t('compliance.review.note')} required={target.noteRequired} htmlFor="transition-note" extra={target.noteRequired ? t('compliance.review.noteRequired') : undefined}>
          <Input.TextArea id="transition-note" rows={3} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
        </Form.Item>
      </Form>
      {error !== null && <Alert type="error" showIcon title={errorText(error)} />}
    </Modal>
  );
};

/** The review of one procedure: cost models before and after the plan (live figures), status actions and history. */
const ReviewPage = () => {
  const t = useT();
  const format = useFormat();
  const money = useMoney();
  const { message } = App.useApp();
  const errorText = useComplianceErrorText();
  const user = useUser();
  const canManage = hasPermission(user, 'procedures.manage');
  const code = useParams().code ?? '';
  const [generation, setGeneration] = useState(0);
  const review = useApiQuery(`review:${code}:${generation}`, (signal) => getReview(code, signal));
  const rates = useApiQuery('income-rates', listIncomeRates);
  const [form] = Form.useForm<TFormValues>();
  const [saveError, setSaveError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const [target, setTarget] = useState<{ to: TReviewStatus; noteRequired: boolean } | null>(null);
  const detail = review.data;

  useEffect(() => {
    if (detail) form.setFieldsValue(initialValues(detail));
  }, [detail, form]);

  const values = Form.useWatch([], form) as Partial<TFormValues> | undefined;
  const reviewDate = values?.reviewDate ? dayjs(values.reviewDate).format('YYYY-MM-DD') : null;
  const rate = reviewDate && rates.data ? incomeRateAt(rates.data.items, reviewDate) : null;
  const planKind = values?.planKind ?? 'NONE';
  const preview = useMemo(() => {
    const before = completeModel(values?.before);
    const after = planKind === 'SIMPLIFY' ? completeModel(values?.after) : null;
    if (!rate || !before) return null;
    const b = computeCost(before, rate.vndPerHour);
    const a = after ? computeCost(after, rate.vndPerHour) : null;
    const annualAfter = planKind === 'ABOLISH' ? 0 : planKind === 'NONE' ? b.annualCostVnd : (a?.annualCostVnd ?? null);
    return { b, a, saving: annualAfter === null ? null : computeSaving(b.annualCostVnd, annualAfter) };
  }, [values, rate, planKind]);

  if (review.error && !detail) return <ApiErrorAlert error={review.error} onRetry={review.reload} />;
  if (!detail) return <Spin className="page-spin" />;
  const editable = canManage && detail.editable;

  const save = async (v: TFormValues) => {
    setSaving(true);
    setSaveError(null);
    try {
      const saved = await saveReviewModel(code, {
        reviewDate: dayjs(v.reviewDate).format('YYYY-MM-DD'),
        before: completeModel(v.before) ?? v.before,
        planKind: v.planKind === 'NONE' ? null : v.planKind,
        after: v.planKind === 'SIMPLIFY' ? (completeModel(v.after) ?? v.after) : null,
        planNote: v.planNote?.trim() || null,
        expectedRevision: detail.revision ?? undefined,
      });
      void message.success(t('compliance.review.saved'));
      setGeneration((n) => n + 1);
      form.setFieldsValue(initialValues(saved));
    } catch (e) {
      setSaveError(e);
    } finally {
      setSaving(false);
    }
  };

  const afterLabel = planKind === 'ABOLISH' ? t('compliance.cost.afterAbolish') : planKind === 'NONE' ? t('compliance.cost.afterNoChange') : t('compliance.cost.after');

  return (
    <>
      <PageHeader
        title={detail.name}
        extra={
          <Flex gap="middle" wrap>
            <Link to="/compliance" className="header-link">
              <ArrowLeftOutlined aria-hidden /> {t('compliance.review.back')}
            </Link>
            <Link to={`/procedures/${encodeURIComponent(detail.code)}`} className="header-link">
              {t('compliance.review.catalogueLink')}
            </Link>
          </Flex>
        }
      />
      <Card className="compliance-card">
        <Descriptions size="small" column={{ xs: 1, lg: 2 }}>
          <Descriptions.Item label={t('compliance.columns.code')}>{detail.code}</Descriptions.Item>
          <Descriptions.Item label={t('compliance.columns.field')}>{detail.fieldName}</Descriptions.Item>
          <Descriptions.Item label={t('compliance.columns.catalogueStatus')}>
            <ProcedureStatusTag status={detail.catalogueStatus} />
          </Descriptions.Item>
          <Descriptions.Item label={t('compliance.columns.status')}>
            <ReviewStatusTag status={detail.status} />
          </Descriptions.Item>
          <Descriptions.Item label={t('compliance.review.version')}>
            {detail.version ? t('compliance.review.versionText', { date: format.date(detail.version.effectiveFrom), decision: detail.version.decision }) : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('compliance.review.lastChange')}>
            {detail.statusChangedAt ? t('compliance.review.byAt', { who: detail.statusChangedBy ?? '—', at: format.dateTime(detail.statusChangedAt) }) : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('compliance.review.modelUpdated')}>
            {detail.modelUpdatedAt ? t('compliance.review.byAt', { who: detail.modelUpdatedBy ?? t('compliance.rates.system'), at: format.dateTime(detail.modelUpdatedAt) }) : '—'}
          </Descriptions.Item>
        </Descriptions>
        {detail.abolishedBy && detail.status !== 'ABOLISHED' && (
          <Alert type="warning" showIcon className="compliance-alert" title={t('compliance.review.abolishedInCatalogue', { decision: detail.abolishedBy.decision, date: format.date(detail.abolishedBy.effectiveFrom) })} />
        )}
        {detail.versionSuperseded && <Alert type="info" showIcon className="compliance-alert" title={t('compliance.review.superseded')} />}
        {detail.statusNote && (
          <Typography.Paragraph className="compliance-status-note">
            <Typography.Text strong>{t('compliance.review.note')}: </Typography.Text>
            {detail.statusNote}
          </Typography.Paragraph>
        )}
        {canManage && (
          <Flex gap="small" wrap className="compliance-actions">
            {/* Abolition follows the catalogue: offered only once a decision abolishing the procedure is recorded there. */}
            {detail.allowedTransitions.filter((tr) => tr.to !== 'ABOLISHED' || detail.abolishedBy).map((tr) => (
              <Button key={tr.to} onClick={() => setTarget(tr)} type={tr.to === 'ADOPTED' || tr.to === 'REVIEWED_NO_CHANGE' ? 'primary' : 'default'} danger={tr.to === 'ABOLISHED'}>
                {t(`compliance.actions.${tr.to}`)}
              </Button>
            ))}
            {detail.allowedTransitions.length === 0 && <Typography.Text type="secondary">{t('compliance.review.final')}</Typography.Text>}
          </Flex>
        )}
      </Card>

      <Form form={form} layout="vertical" onFinish={(v) => void save(v)} disabled={!editable} className="compliance-form">
        {canManage && !detail.editable && <Alert type="info" showIcon className="compliance-alert" title={t('compliance.review.frozen')} />}
        <Card className="compliance-card">
          <Row gutter={16} align="bottom">
            <Col xs={24} md={8}>
              <Form.Item label={t('compliance.review.reviewDate')} name="reviewDate" htmlFor="review-date" rules={[{ required: true, message: t('compliance.review.reviewDateRequired') }]}>
                <DatePicker id="review-date" className="full-width" format={format.datePickerFormat} disabledDate={(d) => d.format('YYYY-MM-DD') > vietnamToday()} />
              </Form.Item>
            </Col>
            <Col xs={24} md={16}>
              <Form.Item label={t('compliance.review.income')}>
                {rate ? (
                  <Typography.Text data-testid="income-rate">{t('compliance.review.incomeText', { value: format.number(rate.vndPerHour), date: format.date(rate.effectiveFrom) })}</Typography.Text>
                ) : (
                  <Typography.Text type="danger">{t('compliance.review.noIncome')}</Typography.Text>
                )}
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <Row gutter={16}>
          <Col xs={24} xl={12}>
            <Card className="compliance-card" title={<Typography.Title level={2} className="card-title">{t('compliance.cost.before')}</Typography.Title>}>
              <ModelEditor name="before" disabled={!editable} />
            </Card>
          </Col>
          <Col xs={24} xl={12}>
            <Card className="compliance-card" title={<Typography.Title level={2} className="card-title">{t('compliance.review.plan')}</Typography.Title>}>
              <Form.Item name="planKind" label={t('compliance.review.planKind')}>
                <Radio.Group
                  optionType="button"
                  options={(['NONE', 'SIMPLIFY', 'ABOLISH'] as const).map((k) => ({ value: k, label: t(`compliance.planKinds.${k}`) }))}
                  onChange={(e) => {
                    if (e.target.value === 'SIMPLIFY' && !form.getFieldValue('after')) form.setFieldValue('after', structuredClone(form.getFieldValue('before')));
                  }}
                />
              </Form.Item>
              {planKind === 'SIMPLIFY' && (
                <>
                  {editable && (
                    <Button icon={<CopyOutlined />} size="small" className="model-copy" onClick={() => form.setFieldValue('after', structuredClone(form.getFieldValue('before')))}>
                      {t('compliance.review.copyBefore')}
                    </Button>
                  )}
                  <ModelEditor name="after" disabled={!editable} />
                </>
              )}
              {planKind === 'ABOLISH' && <Typography.Paragraph type="secondary">{t('compliance.review.abolishPlanHint')}</Typography.Paragraph>}
              {planKind === 'NONE' && <Typography.Paragraph type="secondary">{t('compliance.review.noPlanHint')}</Typography.Paragraph>}
              <Form.Item name="planNote" label={t('compliance.review.planNote')} htmlFor="plan-note">
                <Input.TextArea id="plan-note" rows={3} maxLength={4000} placeholder={t('compliance.review.planNotePlaceholder')} />
              </Form.Item>
            </Card>
          </Col>
        </Row>
        <Card className="compliance-card" title={<Typography.Title level={2} className="card-title">{t('compliance.review.results')}</Typography.Title>}>
          {preview ? (
            <>
              <CostTable before={preview.b} after={planKind === 'ABOLISH' ? 'ZERO' : planKind === 'NONE' ? preview.b : preview.a} afterLabel={afterLabel} />
              <Flex gap="large" wrap className="compliance-saving" data-testid="saving">
                <span>
                  {t('compliance.review.saving')}: <strong>{money.full(preview.saving?.savingVnd ?? null)}</strong>
                </span>
                <span>
                  {t('compliance.review.savingRate')}: <strong>{money.rate(preview.saving?.savingRatePct ?? null)}</strong>
                </span>
              </Flex>
              <Typography.Text type="secondary" className="small-text">
                {t('compliance.review.formula')}
              </Typography.Text>
            </>
          ) : (
            <Empty description={t('compliance.review.noPreview')} />
          )}
        </Card>
        {saveError !== null && (
          <div className="compliance-alert">
            <ApiErrorAlert error={saveError} />
            <Typography.Text type="danger">{errorText(saveError)}</Typography.Text>
          </div>
        )}
        {editable && (
          <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={saving} className="compliance-save">
            {t('compliance.review.save')}
          </Button>
        )}
      </Form>

      <Card className="compliance-card" title={<Typography.Title level={2} className="card-title">{t('compliance.review.history')}</Typography.Title>}>
        {detail.events.length === 0 ? (
          <Typography.Text type="secondary">{t('compliance.review.noHistory')}</Typography.Text>
        ) : (
          <Timeline
            items={detail.events.map((e) => ({
              key: e.at,
              content: (
                <>
                  <ReviewStatusTag status={e.toStatus} />{' '}
                  <Typography.Text type="secondary">{t('compliance.review.byAt', { who: e.actorName, at: format.dateTime(e.at) })}</Typography.Text>
                  {e.note && <div>{e.note}</div>}
                </>
              ),
            }))}
          />
        )}
      </Card>
      <TransitionModal
        detail={detail}
        target={target}
        onClose={() => setTarget(null)}
        onDone={() => {
          setTarget(null);
          void message.success(t('compliance.review.statusChanged'));
          setGeneration((n) => n + 1);
        }}
      />
    </>
  );
};

export default ReviewPage;
