import { Tooltip } from 'antd';
import { DAY_STATUSES, type TCalendarDay, type TDayStatus } from '../../api/calendar';
import { useT, type TKey } from '../../i18n/I18nProvider';
import { useFormat } from '../../i18n/useFormat';

const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const;
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

export const statusClass = (status: TDayStatus) => `day-${status.toLowerCase().replaceAll('_', '-')}`;

export const monthKey = (month: number) => `calendar.months.${month}` as TKey;
export const weekdayKey = (weekday: number) => `calendar.weekdays.${weekday}` as TKey;
const weekdayShortKey = (weekday: number) => `calendar.weekdaysShort.${weekday}` as TKey;

/** The colour legend of the grid, with the number of days of each status in the year. */
export const Legend = ({ days }: { days: TCalendarDay[] }) => {
  const t = useT();
  const format = useFormat();
  return (
    <ul className="calendar-legend" aria-label={t('calendar.legend')}>
      {DAY_STATUSES.map((status) => (
        <li key={status}>
          <span className={`legend-swatch ${statusClass(status)}`} aria-hidden />
          <span>{t(`calendar.statuses.${status}`)}</span>
          <span className="legend-count">{format.number(days.filter((day) => day.status === status).length)}</span>
        </li>
      ))}
    </ul>
  );
};

type TMonthProps = { month: number; days: TCalendarDay[]; today: string; marked: readonly string[] };

const MonthGrid = ({ month, days, today, marked }: TMonthProps) => {
  const t = useT();
  const format = useFormat();
  const blanks = days.length > 0 ? days[0].weekday - 1 : 0;
  const cells: (TCalendarDay | null)[] = [...Array.from({ length: blanks }, () => null), ...days];
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks = Array.from({ length: cells.length / 7 }, (_, i) => cells.slice(i * 7, i * 7 + 7));

  const label = (day: TCalendarDay) => {
    const base = `${t(weekdayKey(day.weekday))}, ${format.date(day.date)}: ${t(`calendar.statuses.${day.status}`)}`;
    return day.name ? `${base} – ${day.name}` : base;
  };

  return (
    <table className="month-grid" data-month={month}>
      <caption>{t(monthKey(month))}</caption>
      <thead>
        <tr>
          {WEEKDAYS.map((weekday) => (
            <th key={weekday} scope="col" abbr={t(weekdayKey(weekday))}>
              {t(weekdayShortKey(weekday))}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map((week, i) => (
          <tr key={i}>
            {week.map((day, j) => {
              if (!day) return <td key={`blank-${j}`} className="day-blank" />;
              const classes = ['day', statusClass(day.status), day.date === today ? 'day-today' : '', marked.includes(day.date) ? 'day-marked' : ''].filter(Boolean).join(' ');
              const cell = (
                <td
                  key={day.date}
                  className={classes}
                  data-date={day.date}
                  data-status={day.status}
                  aria-label={label(day)}
                  tabIndex={day.name ? 0 : undefined}
                >
                  <span aria-hidden>{Number(day.date.slice(8))}</span>
                </td>
              );
              return day.name ? (
                <Tooltip key={day.date} title={label(day)} trigger={['hover', 'focus']}>
                  {cell}
                </Tooltip>
              ) : (
                cell
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
};

type TProps = { days: TCalendarDay[]; today: string; marked?: readonly string[] };

/** A year as 12 month grids (Monday first), each day coloured by status; named days carry their name as tooltip and accessible label. */
export const YearGrid = ({ days, today, marked = [] }: TProps) => (
  <div className="year-grid">
    {MONTHS.map((month) => (
      <MonthGrid key={month} month={month} days={days.filter((day) => Number(day.date.slice(5, 7)) === month)} today={today} marked={marked} />
    ))}
  </div>
);
