import { Button, DatePicker, Space, Tag } from 'antd';
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { reportsApi, type TReportForm, type TReportStatus } from '../../api/reports';
import { useApiQuery } from '../../api/useApiQuery';
import { useLocale, useT } from '../../i18n/I18nProvider';

const STATUS_COLORS: Record<TReportStatus, string> = { NOT_STARTED: 'default', DRAFT: 'processing', SUBMITTED: 'gold', ACCEPTED: 'success', RETURNED: 'error' };

/** The state of a report as a coloured tag. */
export const ReportStatusTag = ({ status }: { status: TReportStatus }) => {
  const t = useT();
  return (
    <Tag color={STATUS_COLORS[status]} className={`report-status report-status-${status.toLowerCase()}`}>
      {t(`reports.status.${status}`)}
    </Tag>
  );
};

/** A month YYYY-MM shifted by some months. */
export const shiftPeriod = (period: string, months: number): string => {
  const [y, m] = period.split('-').map(Number);
  const index = y * 12 + m - 1 + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
};

/** A period as the user reads it: 10/2026 in Vietnamese, 2026-10 in English. */
export const usePeriodText = (): ((period: string) => string) => {
  const { locale } = useLocale();
  return (period) => (locale === 'vi' ? `${period.slice(5, 7)}/${period.slice(0, 4)}` : period);
};

/** Month picker with previous/next buttons; months after `latest` cannot be chosen. */
export const MonthPicker = ({ id, value, latest, onChange }: { id: string; value: string; latest: string; onChange: (period: string) => void }) => {
  const t = useT();
  const { locale } = useLocale();
  return (
    <Space.Compact>
      <Button icon={<LeftOutlined />} aria-label={t('reports.common.previousMonth')} title={t('reports.common.previousMonth')} onClick={() => onChange(shiftPeriod(value, -1))} />
      <DatePicker
        id={id}
        picker="month"
        value={dayjs(`${value}-01`)}
        format={locale === 'vi' ? 'MM/YYYY' : 'YYYY-MM'}
        allowClear={false}
        disabledDate={(d) => d.format('YYYY-MM') > latest}
        onChange={(d) => {
          if (d) onChange(d.format('YYYY-MM'));
        }}
      />
      <Button icon={<RightOutlined />} aria-label={t('reports.common.nextMonth')} title={t('reports.common.nextMonth')} disabled={value >= latest} onClick={() => onChange(shiftPeriod(value, 1))} />
    </Space.Compact>
  );
};

/** The report forms (code, names, deadline day). */
export const useReportForms = () => useApiQuery<{ items: TReportForm[] }>('report-forms', (signal) => reportsApi.forms(signal));

/** The name of a form in the UI language. */
export const useFormName = () => {
  const { locale } = useLocale();
  return (form: { nameVi: string; nameEn: string } | undefined, fallback = '') => (form ? (locale === 'vi' ? form.nameVi : form.nameEn) : fallback);
};

/** Saves a URL (same-origin download or blob) as a file through a temporary link. */
export const saveUrl = (url: string, fileName?: string): void => {
  const link = document.createElement('a');
  link.href = url;
  if (fileName !== undefined) link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
};
