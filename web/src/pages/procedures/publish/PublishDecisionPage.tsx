import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Col, DatePicker, Flex, Form, Input, Row, Select, Spin, Typography, type FormInstance } from 'antd';
import type { FormRule as Rule } from 'antd';
import { ArrowLeftOutlined, DeleteOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { Link, useNavigate } from 'react-router-dom';
import { ApiError } from '../../../api/client';
import { CHANGE_KINDS, getProcedure, PROCEDURE_CODE, publishDecision, type TChangeKind, type TDecisionBody } from '../../../api/procedures';
import { PageHeader } from '../../../components/PageHeader';
import { useErrorText } from '../../../components/errors';
import { useT } from '../../../i18n/I18nProvider';
import { useFormat } from '../../../i18n/useFormat';
import { vietnamTodayDay } from '../../calendar/today';
import { useProcedureFields } from '../labels';
import { ContentEditor } from './ContentEditor';
import { blankContent, fromContentForm, needsContent, toContentForm, type TDecisionForm, type TItemForm } from './contentForm';
import { describePath, issueTranslator, placeIssues, showPlacedIssues, type TPlacedIssue } from './issues';
import { ProcedurePicker } from './ProcedurePicker';

const iso = (value: Dayjs | null | undefined) => (value ? value.format('YYYY-MM-DD') : '');

type TItemProps = {
  form: FormInstance<TDecisionForm>;
  fields: ReturnType<typeof useProcedureFields>;
  name: number;
  count: number;
  issues: TPlacedIssue[];
  onRemove: () => void;
  translate: (message: string) => string;
};

/** One procedure of the decision: kind, code, field (new ones), effective date and, except for an abolition, the content. */
const DecisionItem = ({ form, fields, name, count, issues, onRemove, translate }: TItemProps) => {
  const t = useT();
  const format = useFormat();
  const kind = Form.useWatch<TChangeKind | undefined>(['items', name, 'kind'], form);
  const code = Form.useWatch<string | undefined>(['items', name, 'code'], form);
  const prefilledFor = Form.useWatch<string | undefined>(['items', name, 'prefilledFor'], { form, preserve: true });
  const prefilledFrom = Form.useWatch<string | undefined>(['items', name, 'prefilledFrom'], { form, preserve: true });
  const hasContent = Form.useWatch<unknown>(['items', name, 'content'], { form, preserve: true }) !== undefined;
  const [prefill, setPrefill] = useState<{ loading: boolean; error: unknown }>({ loading: false, error: null });
  const amends = kind === 'AMENDED' || kind === 'REPLACED';

  // A new procedure starts from an empty record; an amended or replaced one from its latest version.
  useEffect(() => {
    if (kind === 'NEW' && !hasContent) form.setFieldValue(['items', name, 'content'], blankContent());
  }, [kind, hasContent, form, name]);
  useEffect(() => {
    if (!amends || !code || !PROCEDURE_CODE.test(code) || code === prefilledFor) return undefined;
    const controller = new AbortController();
    setPrefill({ loading: true, error: null });
    getProcedure(code, undefined, controller.signal).then(
      (detail) => {
        const latest = detail.versions.at(-1);
        if (latest) {
          form.setFieldValue(['items', name, 'content'], toContentForm(latest.content));
          form.setFieldValue(['items', name, 'prefilledFor'], code);
          form.setFieldValue(['items', name, 'prefilledFrom'], latest.effectiveFrom);
        }
        setPrefill({ loading: false, error: null });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setPrefill({ loading: false, error });
      },
    );
    return () => controller.abort();
  }, [amends, code, prefilledFor, form, name]);

  const title = t('procedures.publish.item', { index: name + 1 });
  const codeRules: Rule[] = [
    { required: true, message: t('common.requiredField', { field: t('procedures.publish.code').toLowerCase() }) },
    { pattern: PROCEDURE_CODE, message: t('procedures.publish.errors.codeInvalid') },
    ({ getFieldValue }) => ({
      validator: async (_rule, value: string | undefined) => {
        const items = (getFieldValue('items') as TItemForm[] | undefined) ?? [];
        if (value && items.some((other, i) => i !== name && other?.code?.trim() === value.trim())) throw new Error(t('procedures.publish.errors.duplicateCode'));
      },
    }),
  ];

  return (
    <Card
      className="decision-item"
      data-item={name}
      title={
        <Typography.Title level={3} className="item-title">
          {title}
          {kind && <span className="item-kind"> – {t(`procedures.changeKinds.${kind}`)}</span>}
        </Typography.Title>
      }
      extra={
        count > 1 && (
          <Button danger type="text" icon={<DeleteOutlined />} onClick={onRemove}>
            {t('procedures.publish.removeItem', { index: name + 1 })}
          </Button>
        )
      }
    >
      {issues.length > 0 && (
        <Alert
          type="error"
          showIcon
          className="toolbar"
          title={t('procedures.publish.itemIssues')}
          description={
            <ul className="issue-list">
              {issues.map((issue) => (
                <li key={`${issue.path.join('.')}:${issue.message}`}>
                  {describePath(issue.path, t)}: {translate(issue.message)}
                </li>
              ))}
            </ul>
          }
        />
      )}
      <Row gutter={12}>
        <Col xs={24} md={12} xl={6}>
          <Form.Item name={[name, 'kind']} label={t('procedures.publish.kind')} rules={[{ required: true, message: t('common.requiredSelect', { field: t('procedures.publish.kind').toLowerCase() }) }]}>
            <Select options={CHANGE_KINDS.map((value) => ({ value, label: t(`procedures.changeKinds.${value}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} xl={kind === 'NEW' ? 6 : 12}>
          <Form.Item
            name={[name, 'code']}
            label={t('procedures.publish.code')}
            extra={kind === 'NEW' ? t('procedures.publish.codeHint') : undefined}
            rules={codeRules}
            validateFirst
          >
            {kind === 'NEW' ? <Input maxLength={40} autoComplete="off" /> : <ProcedurePicker />}
          </Form.Item>
        </Col>
        {kind === 'NEW' && (
          <Col xs={24} md={12} xl={6}>
            <Form.Item name={[name, 'fieldCode']} label={t('procedures.publish.field')} rules={[{ required: true, message: t('common.requiredSelect', { field: t('procedures.publish.field').toLowerCase() }) }]}>
              <Select loading={fields.loading} options={fields.items.map((field) => ({ value: field.code, label: fields.fieldName(field.code) }))} />
            </Form.Item>
          </Col>
        )}
        <Col xs={24} md={12} xl={6}>
          <Form.Item
            name={[name, 'effectiveFrom']}
            label={t('procedures.publish.effectiveFrom')}
            dependencies={['signedOn']}
            rules={[
              { required: true, message: t('common.requiredSelect', { field: t('procedures.publish.effectiveFrom').toLowerCase() }) },
              ({ getFieldValue }) => ({
                validator: async (_rule, value: Dayjs | null | undefined) => {
                  const signedOn = getFieldValue('signedOn') as Dayjs | null | undefined;
                  if (value && signedOn && value.isBefore(signedOn, 'day')) throw new Error(t('procedures.publish.errors.effectiveBeforeSigned'));
                },
              }),
            ]}
          >
            <DatePicker className="full-width" format={format.datePickerFormat} />
          </Form.Item>
        </Col>
      </Row>
      {kind === 'ABOLISHED' && <Typography.Paragraph type="secondary">{t('procedures.publish.abolishHint')}</Typography.Paragraph>}
      {amends && prefill.loading && <Spin description={t('procedures.publish.loadingCurrent')} />}
      {amends && prefill.error !== null && <Alert type="warning" showIcon title={t('procedures.publish.prefillFailed')} className="toolbar" />}
      {amends && !code && <Typography.Paragraph type="secondary">{t('procedures.publish.pickFirst')}</Typography.Paragraph>}
      {amends && code && prefilledFor === code && prefilledFrom && (
        <Alert type="info" showIcon className="toolbar" title={t('procedures.publish.prefilled', { date: format.date(prefilledFrom) })} />
      )}
      {needsContent(kind) && hasContent && (!amends || prefilledFor === code) && <ContentEditor item={name} />}
    </Card>
  );
};

/** Records a publication decision of the one-stop desk: new, amended, replaced and abolished procedures, all or nothing. */
const PublishDecisionPage = () => {
  const t = useT();
  const format = useFormat();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<TDecisionForm>();
  const [error, setError] = useState<unknown>(null);
  const [issues, setIssues] = useState<TPlacedIssue[]>([]);
  const [saving, setSaving] = useState(false);
  const fields = useProcedureFields();
  const translate = issueTranslator(t, (value) => format.date(value));

  const submit = async () => {
    const values = form.getFieldsValue(true) as TDecisionForm;
    const body: TDecisionBody = {
      number: values.number.trim(),
      signedOn: iso(values.signedOn),
      issuer: values.issuer.trim(),
      ...(values.note?.trim() ? { note: values.note.trim() } : {}),
      items: values.items.map((item) => ({
        kind: item.kind,
        code: (item.code ?? '').trim(),
        ...(item.kind === 'NEW' && item.fieldCode ? { fieldCode: item.fieldCode } : {}),
        effectiveFrom: iso(item.effectiveFrom),
        ...(needsContent(item.kind) && item.content ? { content: fromContentForm(item.content) } : {}),
      })),
    };
    setSaving(true);
    setError(null);
    setIssues([]);
    try {
      const saved = await publishDecision(body);
      void message.success(t('procedures.publish.published', { number: saved.number }));
      navigate('/procedures/decisions');
    } catch (caught) {
      setError(caught);
      const placed = placeIssues(form, caught);
      setIssues(placed);
      showPlacedIssues(form, placed, translate);
      const first = placed.find((issue) => issue.target === 'field')?.field;
      if (first) form.scrollToField(first, { block: 'center', focus: true });
    } finally {
      setSaving(false);
    }
  };

  const focusIssue = (issue: TPlacedIssue) => {
    if (issue.field) form.scrollToField(issue.field, { block: 'center', focus: true });
    else if (issue.item !== undefined) document.querySelector(`.decision-item[data-item="${issue.item}"]`)?.scrollIntoView({ block: 'start' });
  };

  const initialValues: Partial<TDecisionForm> = {
    signedOn: vietnamTodayDay(),
    issuer: t('procedures.publish.defaultIssuer'),
    items: [{ kind: 'AMENDED', effectiveFrom: vietnamTodayDay() }],
  };

  return (
    <>
      <Link to="/procedures/decisions" className="back-link">
        <ArrowLeftOutlined aria-hidden /> {t('procedures.publish.back')}
      </Link>
      <PageHeader title={t('procedures.publish.title')} />
      <Typography.Paragraph type="secondary">{t('procedures.publish.hint')}</Typography.Paragraph>
      <Form<TDecisionForm>
        form={form}
        name="decision"
        layout="vertical"
        initialValues={initialValues}
        scrollToFirstError={{ block: 'center', focus: true }}
        onFinish={() => void submit()}
        className="decision-form"
      >
        <Card className="toolbar" title={<Typography.Title level={2} className="card-title">{t('procedures.publish.decisionSection')}</Typography.Title>}>
          <Row gutter={12}>
            <Col xs={24} md={12} xl={6}>
              <Form.Item
                name="number"
                label={t('procedures.publish.number')}
                rules={[
                  { required: true, whitespace: true, message: t('common.requiredField', { field: t('procedures.publish.number').toLowerCase() }) },
                  { min: 3, message: t('procedures.publish.numberMin') },
                ]}
                extra={t('procedures.publish.numberHint')}
              >
                <Input maxLength={100} autoComplete="off" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} xl={6}>
              <Form.Item
                name="signedOn"
                label={t('procedures.publish.signedOn')}
                rules={[
                  { required: true, message: t('common.requiredSelect', { field: t('procedures.publish.signedOn').toLowerCase() }) },
                  {
                    validator: async (_rule, value: Dayjs | null | undefined) => {
                      if (value && value.isAfter(vietnamTodayDay(), 'day')) throw new Error(t('procedures.publish.errors.futureSigned'));
                    },
                  },
                ]}
              >
                <DatePicker className="full-width" format={format.datePickerFormat} />
              </Form.Item>
            </Col>
            <Col xs={24} xl={12}>
              <Form.Item
                name="issuer"
                label={t('procedures.publish.issuer')}
                rules={[
                  { required: true, whitespace: true, message: t('common.requiredField', { field: t('procedures.publish.issuer').toLowerCase() }) },
                  { min: 3, message: t('procedures.publish.issuerMin') },
                ]}
              >
                <Input maxLength={300} />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item name="note" label={t('procedures.publish.note')}>
                <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} />
              </Form.Item>
            </Col>
          </Row>
        </Card>

        <Typography.Title level={2} className="card-title">
          {t('procedures.publish.itemsSection')}
        </Typography.Title>
        <Form.List name="items">
          {(items, { add, remove }) => (
            <Flex vertical gap="middle">
              {items.map((item) => (
                <DecisionItem
                  key={item.key}
                  form={form}
                  fields={fields}
                  name={item.name}
                  count={items.length}
                  issues={issues.filter((issue) => issue.target === 'item' && issue.item === item.name)}
                  onRemove={() => {
                    remove(item.name);
                    setIssues([]);
                  }}
                  translate={translate}
                />
              ))}
              <div>
                <Button icon={<PlusOutlined />} onClick={() => add({ kind: 'ABOLISHED', effectiveFrom: form.getFieldValue('signedOn') ?? vietnamTodayDay() })}>
                  {t('procedures.publish.addItem')}
                </Button>
              </div>
            </Flex>
          )}
        </Form.List>

        {error !== null && (
          <Alert
            type="error"
            showIcon
            role="alert"
            className="form-error decision-errors"
            title={errorText(error)}
            description={
              issues.length > 0 ? (
                <ul className="issue-list">
                  {issues.map((issue) => (
                    <li key={`${issue.path.join('.')}:${issue.message}`}>
                      {issue.target === 'decision' && !issue.field ? (
                        <span>
                          {describePath(issue.path, t) || t('procedures.publish.wholeDecision')}: {translate(issue.message)}
                        </span>
                      ) : (
                        <Button type="link" size="small" className="issue-link" onClick={() => focusIssue(issue)}>
                          {describePath(issue.path, t)}: {translate(issue.message)}
                        </Button>
                      )}
                    </li>
                  ))}
                </ul>
              ) : error instanceof ApiError && error.requestId ? (
                t('common.requestId', { id: error.requestId })
              ) : undefined
            }
          />
        )}
        <Flex gap="small" className="form-actions">
          <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={saving}>
            {t('procedures.publish.submit')}
          </Button>
          <Button onClick={() => navigate('/procedures/decisions')}>{t('common.cancel')}</Button>
        </Flex>
      </Form>
    </>
  );
};

export default PublishDecisionPage;

