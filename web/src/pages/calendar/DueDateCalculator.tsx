import { useState } from 'react';
import { Alert, Button, Card, DatePicker, Form, InputNumber, Typography } from 'antd';
import { CalculatorOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { addWorkdays } from '../../api/calendar';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { useT } from '../../i18n/I18nProvider';
import { useFormat } from '../../i18n/useFormat';
import { isoWeekday, vietnamTodayDay } from './today';
import { weekdayKey } from './YearGrid';

type TForm = { start: Dayjs | null; n: number | null };

/** Receipt date + N working days → due date (the receipt day is not counted), by the server's calendar. */
export const DueDateCalculator = ({ onResult }: { onResult?: (dates: string[]) => void }) => {
  const t = useT();
  const format = useFormat();
  const [form] = Form.useForm<TForm>();
  const [result, setResult] = useState<{ start: string; n: number; due: string } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const compute = async (values: TForm) => {
    if (!values.start || values.n === null) return;
    setBusy(true);
    setError(null);
    try {
      const answer = await addWorkdays(values.start.format('YYYY-MM-DD'), values.n);
      setResult(answer);
      onResult?.([answer.start, answer.due]);
    } catch (caught) {
      setResult(null);
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card className="due-calculator" aria-labelledby="due-title">
      <Typography.Title level={2} className="card-title" id="due-title">
        {t('calendar.due.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('calendar.due.hint')}</Typography.Paragraph>
      <Form<TForm>
        form={form}
        name="due"
        layout="inline"
        className="due-form"
        initialValues={{ start: vietnamTodayDay(), n: 5 }}
        onFinish={(values) => void compute(values)}
        onValuesChange={() => setResult(null)}
      >
        <Form.Item name="start" label={t('calendar.due.start')} rules={[{ required: true, message: t('common.requiredSelect', { field: t('calendar.due.start').toLowerCase() }) }]}>
          <DatePicker format={format.datePickerFormat} allowClear={false} />
        </Form.Item>
        <Form.Item name="n" label={t('calendar.due.days')} rules={[{ required: true, message: t('common.requiredField', { field: t('calendar.due.days').toLowerCase() }) }]}>
          <InputNumber min={0} max={3650} precision={0} className="due-days" />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" icon={<CalculatorOutlined />} loading={busy}>
            {t('calendar.due.compute')}
          </Button>
        </Form.Item>
      </Form>
      <div role="status" aria-live="polite" className="due-result">
        {result && (
          <Alert
            type="success"
            showIcon
            title={t('calendar.due.result', { date: format.date(result.due), weekday: t(weekdayKey(isoWeekday(result.due))) })}
            description={t('calendar.due.detail', { start: format.date(result.start), n: format.number(result.n) })}
          />
        )}
      </div>
      {error !== null && <ApiErrorAlert error={error} />}
    </Card>
  );
};
