import { Tag } from 'antd';
import type { TReviewStatus } from '../../api/compliance';
import { ApiError } from '../../api/client';
import { useErrorText } from '../../components/errors';
import { useT } from '../../i18n/I18nProvider';
import { useFormat } from '../../i18n/useFormat';

const STATUS_COLORS: Record<TReviewStatus, string> = {
  NOT_REVIEWED: 'default',
  REVIEWED_NO_CHANGE: 'blue',
  SIMPLIFICATION_PROPOSED: 'gold',
  ADOPTED: 'green',
  ABOLISHED: 'red',
};

export const ReviewStatusTag = ({ status }: { status: TReviewStatus }) => {
  const t = useT();
  return (
    <Tag color={STATUS_COLORS[status]} className="review-status-tag" data-status={status}>
      {t(`compliance.statuses.${status}`)}
    </Tag>
  );
};

/** Amounts in đồng: "2.382.750.000 đ" in tables, "2,38 tỷ đồng" / "850,5 triệu đồng" in tiles. */
export const useMoney = () => {
  const t = useT();
  const format = useFormat();
  const full = (vnd: number | null | undefined) => (vnd === null || vnd === undefined ? '—' : t('compliance.money.vnd', { value: format.number(vnd) }));
  const short = (vnd: number | null | undefined) => {
    if (vnd === null || vnd === undefined) return '—';
    const abs = Math.abs(vnd);
    if (abs >= 1e9) return t('compliance.money.billion', { value: format.number(vnd / 1e9, 2) });
    if (abs >= 1e6) return t('compliance.money.million', { value: format.number(vnd / 1e6, 1) });
    return full(vnd);
  };
  const rate = (pct: number | null | undefined) => (pct === null || pct === undefined ? '—' : format.percent(pct, 1));
  return { full, short, rate };
};

/** The server's own sentence for conflicts (it names the allowed transitions or the missing setting). */
export const useComplianceErrorText = () => {
  const errorText = useErrorText();
  return (error: unknown) => (error instanceof ApiError && (error.code === 'INVALID_TRANSITION' || error.code === 'CONFLICT') ? `${errorText(error)} ${error.message}` : errorText(error));
};
