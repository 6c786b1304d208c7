import { useEffect, useState } from 'react';
import { Alert, Button, Card, Col, Descriptions, Flex, InputNumber, Row, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router-dom';
import { CALENDAR_MAX_YEAR, CALENDAR_MIN_YEAR, getCalendarYear, type TCalendarEntry, type THolidayKind, type TScheduleSource } from '../../api/calendar';
import { useApiQuery } from '../../api/useApiQuery';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n/I18nProvider';
import { useFormat } from '../../i18n/useFormat';
import { hasPermission, useUser } from '../../session/SessionProvider';
import { DueDateCalculator } from './DueDateCalculator';
import { NoticeEditor } from './NoticeEditor';
import { Legend, weekdayKey, YearGrid } from './YearGrid';
import { isoWeekday, vietnamToday } from './today';
import './calendar.css';

const SOURCE_COLORS: Record<TScheduleSource, string> = { ADMIN: 'blue', OFFICIAL: 'green', RULE: 'orange' };
const KIND_COLORS: Record<THolidayKind, string> = { statutory: 'red', compensatory: 'orange', swap_day_off: 'purple', swap_workday: 'green' };

const validYear = (value: number) => Number.isInteger(value) && value >= CALENDAR_MIN_YEAR && value <= CALENDAR_MAX_YEAR;

/**
 * The working-day calendar of a year: 12 month grids coloured by status, the source of the
 * schedule, its days off and swapped days, a due-date calculator, and (administrators) the
 * editor of the year's official notice.
 */
const CalendarPage = () => {
  const t = useT();
  const format = useFormat();
  const user = useUser();
  const canEdit = hasPermission(user, 'admin.calendar');
  const [params, setParams] = useSearchParams();
  const today = vietnamToday();
  const thisYear = Number(today.slice(0, 4));
  const fromUrl = Number(params.get('year'));
  const year = validYear(fromUrl) ? fromUrl : thisYear;
  const [typed, setTyped] = useState<number | null>(year);
  const [marked, setMarked] = useState<string[]>([]);
  useEffect(() => setTyped(year), [year]);
  const query = useApiQuery(`calendar:${year}`, (signal) => getCalendarYear(year, signal));
  const data = query.data?.year === year ? query.data : undefined;

  const goTo = (next: number) => {
    setTyped(next);
    if (validYear(next) && next !== year) setParams(next === thisYear ? {} : { year: String(next) });
  };

  const entryColumns = [
    { key: 'date', title: t('calendar.date'), width: 110, render: (_value: unknown, row: TCalendarEntry) => <span className="nowrap">{format.date(row.date)}</span> },
    { key: 'weekday', title: t('calendar.weekday'), width: 100, render: (_value: unknown, row: TCalendarEntry) => t(weekdayKey(isoWeekday(row.date))) },
    { key: 'kind', title: t('calendar.kind'), width: 180, render: (_value: unknown, row: TCalendarEntry) => <Tag color={KIND_COLORS[row.kind]}>{t(`calendar.kinds.${row.kind}`)}</Tag> },
    { key: 'name', title: t('calendar.name'), dataIndex: 'name' },
  ];

  return (
    <>
      <PageHeader
        title={t('calendar.title')}
        extra={
          <Space.Compact className="year-picker">
            <Button icon={<LeftOutlined />} aria-label={t('calendar.previousYear')} title={t('calendar.previousYear')} disabled={year <= CALENDAR_MIN_YEAR} onClick={() => goTo(year - 1)} />
            <InputNumber<number>
              aria-label={t('calendar.year')}
              className="year-input"
              min={CALENDAR_MIN_YEAR}
              max={CALENDAR_MAX_YEAR}
              precision={0}
              controls={false}
              value={typed}
              status={typed !== null && !validYear(typed) ? 'error' : undefined}
              onChange={(value) => (value === null ? setTyped(null) : goTo(value))}
              onBlur={() => setTyped(year)}
            />
            <Button icon={<RightOutlined />} aria-label={t('calendar.nextYear')} title={t('calendar.nextYear')} disabled={year >= CALENDAR_MAX_YEAR} onClick={() => goTo(year + 1)} />
          </Space.Compact>
        }
      />
      {query.error && <ApiErrorAlert error={query.error} onRetry={query.reload} />}
      <Flex vertical gap="middle">
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={14}>
            <Card className="calendar-source" aria-labelledby="calendar-source-title">
              <Typography.Title level={2} className="card-title" id="calendar-source-title">
                {t('calendar.source', { year })}
              </Typography.Title>
              {!data ? (
                !query.error && <Skeleton active paragraph={{ rows: 3 }} />
              ) : (
                <Flex vertical gap="small">
                  <div>
                    <Tag color={SOURCE_COLORS[data.source]} className="source-tag" data-source={data.source}>
                      {t(`calendar.sources.${data.source}`)}
                    </Tag>
                  </div>
                  <Typography.Text type="secondary">{t(`calendar.sourceHints.${data.source}`)}</Typography.Text>
                  {data.notice && (
                    <Descriptions
                      size="small"
                      column={1}
                      className="notice-descriptions"
                      items={[
                        { key: 'number', label: t('calendar.noticeNumber'), children: data.notice.number ?? '—' },
                        { key: 'date', label: t('calendar.noticeDate'), children: format.date(data.notice.date) },
                        { key: 'updated', label: t('calendar.noticeUpdatedAt'), children: format.dateTime(data.notice.updatedAt) },
                      ]}
                    />
                  )}
                  <Legend days={data.days} />
                </Flex>
              )}
            </Card>
          </Col>
          <Col xs={24} xl={10}>
            {/* Kept mounted across years: a computed due date stays marked on the grid of its year. */}
            <DueDateCalculator onResult={setMarked} />
          </Col>
        </Row>
        {data && (
          <>
            <Card aria-labelledby="calendar-grid-title">
              <Typography.Title level={2} className="card-title" id="calendar-grid-title">
                {t('calendar.gridTitle', { year })}
              </Typography.Title>
              <Typography.Paragraph type="secondary" className="small-text">
                {t('calendar.gridHint')}
              </Typography.Paragraph>
              <YearGrid days={data.days} today={today} marked={marked} />
            </Card>
            <Card aria-labelledby="calendar-entries-title">
              <Typography.Title level={2} className="card-title" id="calendar-entries-title">
                {t('calendar.entriesTitle', { year })}
              </Typography.Title>
              <Table<TCalendarEntry>
                rowKey="date"
                size="small"
                className="calendar-entries"
                columns={entryColumns}
                dataSource={data.entries}
                pagination={false}
                scroll={{ x: 560 }}
                locale={{ emptyText: t('calendar.entriesEmpty') }}
              />
            </Card>
            {canEdit ? <NoticeEditor data={data} onChanged={query.reload} /> : <Alert type="info" showIcon title={t('calendar.editor.readOnly')} />}
          </>
        )}
      </Flex>
    </>
  );
};

export default CalendarPage;
