import { useEffect, useState } from 'react';
import { App, Button, Card, Col, DatePicker, Flex, Form, Input, Popconfirm, Row, Select, Typography } from 'antd';
import type { FormRule as Rule } from 'antd';
import { DeleteOutlined, PlusOutlined, RollbackOutlined, SaveOutlined, ThunderboltOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { HOLIDAY_KINDS, revertCalendarYear, saveCalendarYear, type TCalendarEntry, type TCalendarYear, type THolidayKind } from '../../api/calendar';
import { ApiError } from '../../api/client';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { useT } from '../../i18n/I18nProvider';
import { useFormat } from '../../i18n/useFormat';

type TRow = { date: Dayjs | null; kind?: THolidayKind; name: string };
type TForm = { noticeNumber?: string; noticeDate?: Dayjs | null; entries: TRow[] };

const toRows = (entries: TCalendarEntry[]): TRow[] => entries.map((entry) => ({ date: dayjs(entry.date), kind: entry.kind, name: entry.name }));

/** "body.entries.3.date" → ['entries', 3, 'date']; "body.noticeDate" → ['noticeDate']. */
const namePath = (path: string): (string | number)[] =>
  path
    .split('.')
    .filter((part) => part && part !== 'body')
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));

type TProps = { data: TCalendarYear; onChanged: () => void };

/**
 * Enter or correct a year's official notice (administrators): notice number and date, and every
 * day off / swapped day of the year. Saving replaces the year's schedule; "Khôi phục" removes it.
 */
export const NoticeEditor = ({ data, onChanged }: TProps) => {
  const t = useT();
  const format = useFormat();
  const { message } = App.useApp();
  const [form] = Form.useForm<TForm>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<'save' | 'revert' | null>(null);
  /** Every validation issue of the last answer is shown on its field (the alert then only sums up). */
  const [allOnFields, setAllOnFields] = useState(false);
  const year = data.year;
  const stamp = `${year}:${data.source}:${data.notice?.updatedAt ?? ''}`;

  useEffect(() => {
    setError(null);
    form.resetFields();
    form.setFieldsValue({
      noticeNumber: data.notice?.number ?? '',
      noticeDate: data.notice?.date ? dayjs(data.notice.date) : null,
      entries: toRows(data.entries),
    });
    // Re-initialised only when another year or another saved version of it is shown (`stamp`).
  }, [stamp, form]);

  const sourceText = (value: TCalendarYear['source']) => t(`calendar.sources.${value}`);
  /** Known row messages of the server (English) in the UI language; others as sent. */
  const translate = (text: string) =>
    text === 'not a weekend day' ? t('calendar.editor.swapWorkdayWeekend') : /^not in \d{4}$/.test(text) ? t('calendar.editor.dateNotInYear', { year }) : text;

  const save = async () => {
    const values = form.getFieldsValue(true) as TForm;
    // The server reports row errors by the index of the rows sorted by date: send (and show) them sorted.
    const rows = [...(values.entries ?? [])].sort((a, b) => (a.date && b.date ? a.date.valueOf() - b.date.valueOf() : 0));
    form.setFieldValue('entries', rows);
    setBusy('save');
    setError(null);
    try {
      await saveCalendarYear(year, {
        noticeNumber: values.noticeNumber?.trim() || null,
        noticeDate: values.noticeDate ? values.noticeDate.format('YYYY-MM-DD') : null,
        entries: rows.map((row) => ({ date: row.date ? row.date.format('YYYY-MM-DD') : '', kind: row.kind as THolidayKind, name: row.name.trim() })),
      });
      void message.success(t('calendar.editor.saved', { year }));
      onChanged();
    } catch (caught) {
      setError(caught);
      const issues = caught instanceof ApiError ? caught.validationIssues : [];
      const onFields = issues
        .map((issue) => ({ name: namePath(issue.path), errors: [translate(issue.message)] }))
        .filter((field) => (field.name[0] === 'entries' && field.name.length === 3) || field.name[0] === 'noticeNumber' || field.name[0] === 'noticeDate');
      form.setFields(onFields as Parameters<typeof form.setFields>[0]);
      setAllOnFields(issues.length > 0 && onFields.length === issues.length);
      if (onFields[0]) form.scrollToField(onFields[0].name, { block: 'center', focus: true });
    } finally {
      setBusy(null);
    }
  };

  const revert = async () => {
    setBusy('revert');
    setError(null);
    try {
      const reverted = await revertCalendarYear(year);
      void message.success(t('calendar.editor.reverted', { year, source: sourceText(reverted.source) }));
      onChanged();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(null);
    }
  };

  const inYear = (value: Dayjs) => value.year() !== year;
  const rowRules = (index: number): Record<'date' | 'kind' | 'name', Rule[]> => ({
    date: [
      { required: true, message: t('common.requiredSelect', { field: t('calendar.date').toLowerCase() }) },
      ({ getFieldValue }) => ({
        validator: async (_rule, value: Dayjs | null) => {
          if (!value) return;
          if (value.year() !== year) throw new Error(t('calendar.editor.dateNotInYear', { year }));
          const rows = (getFieldValue('entries') as TRow[] | undefined) ?? [];
          if (rows.some((row, i) => i !== index && row?.date?.isSame(value, 'day'))) throw new Error(t('calendar.editor.duplicateDate'));
        },
      }),
    ],
    kind: [
      { required: true, message: t('common.requiredSelect', { field: t('calendar.kind').toLowerCase() }) },
      ({ getFieldValue }) => ({
        validator: async (_rule, value: THolidayKind | undefined) => {
          const date = getFieldValue(['entries', index, 'date']) as Dayjs | null | undefined;
          if (value === 'swap_workday' && date && date.day() !== 0 && date.day() !== 6) throw new Error(t('calendar.editor.swapWorkdayWeekend'));
        },
      }),
    ],
    name: [{ required: true, whitespace: true, message: t('common.requiredField', { field: t('calendar.name').toLowerCase() }) }],
  });

  return (
    <Card className="notice-editor" aria-labelledby="notice-editor-title">
      <Typography.Title level={2} className="card-title" id="notice-editor-title">
        {t('calendar.editor.title', { year })}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('calendar.editor.hint')}</Typography.Paragraph>
      <Form<TForm> form={form} name="notice" layout="vertical" onFinish={() => void save()} scrollToFirstError={{ block: 'center', focus: true }}>
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item name="noticeNumber" label={t('calendar.noticeNumber')}>
              <Input maxLength={100} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="noticeDate" label={t('calendar.noticeDate')}>
              <DatePicker className="full-width" format={format.datePickerFormat} />
            </Form.Item>
          </Col>
        </Row>
        <Flex wrap gap="small" className="toolbar">
          <Button icon={<ThunderboltOutlined />} onClick={() => form.setFieldValue('entries', toRows(data.ruleEntries))}>
            {t('calendar.editor.prefillRule')}
          </Button>
          <Button onClick={() => form.setFieldValue('entries', toRows(data.entries))}>{t('calendar.editor.prefillCurrent')}</Button>
        </Flex>
        <Form.List name="entries">
          {(rows, { add, remove }) => (
            <>
              {rows.length === 0 && <Typography.Paragraph type="secondary">{t('calendar.editor.noRows')}</Typography.Paragraph>}
              <ol className="entry-rows">
                {rows.map((row, index) => (
                  <li key={row.key} className={index === 0 ? 'entry-row' : 'entry-row list-row-follow'} aria-label={t('calendar.editor.row', { index: row.name + 1 })}>
                    <Row gutter={8} align="top" wrap>
                      <Col xs={12} md={5}>
                        <Form.Item name={[row.name, 'date']} label={t('calendar.date')} rules={rowRules(row.name).date}>
                          <DatePicker
                            className="full-width"
                            format={format.datePickerFormat}
                            disabledDate={inYear}
                            defaultPickerValue={dayjs(`${year}-01-01`)}
                          />
                        </Form.Item>
                      </Col>
                      <Col xs={12} md={7}>
                        <Form.Item name={[row.name, 'kind']} label={t('calendar.kind')} rules={rowRules(row.name).kind} dependencies={[['entries', row.name, 'date']]}>
                          <Select options={HOLIDAY_KINDS.map((value) => ({ value, label: t(`calendar.kinds.${value}`) }))} />
                        </Form.Item>
                      </Col>
                      <Col xs={20} md={10}>
                        <Form.Item name={[row.name, 'name']} label={t('calendar.name')} rules={rowRules(row.name).name}>
                          <Input maxLength={200} />
                        </Form.Item>
                      </Col>
                      <Col xs={4} md={2} className="row-remove-col">
                        <Button
                          type="text"
                          danger
                          icon={<DeleteOutlined />}
                          aria-label={t('calendar.editor.removeRow', { index: row.name + 1 })}
                          title={t('calendar.editor.removeRow', { index: row.name + 1 })}
                          onClick={() => remove(row.name)}
                        />
                      </Col>
                    </Row>
                  </li>
                ))}
              </ol>
              <Button icon={<PlusOutlined />} onClick={() => add({ date: null, kind: undefined, name: '' })} className="list-add">
                {t('calendar.editor.addRow')}
              </Button>
            </>
          )}
        </Form.List>
        {error !== null && (
          <div className="form-error">
            <ApiErrorAlert error={error} fields={allOnFields ? ['noticeNumber', 'noticeDate', 'entries'] : []} />
          </div>
        )}
        <Flex wrap gap="small" className="form-actions">
          <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={busy === 'save'}>
            {t('calendar.editor.save')}
          </Button>
          {data.source === 'ADMIN' && (
            <Popconfirm
              title={t('calendar.editor.revertConfirm', { year })}
              description={t('calendar.editor.revertHint', { year })}
              okText={t('calendar.editor.revert')}
              cancelText={t('common.cancel')}
              onConfirm={() => void revert()}
            >
              <Button icon={<RollbackOutlined />} loading={busy === 'revert'}>
                {t('calendar.editor.revert')}
              </Button>
            </Popconfirm>
          )}
        </Flex>
      </Form>
    </Card>
  );
};
