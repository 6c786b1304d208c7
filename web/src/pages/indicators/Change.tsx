import { useCallback } from 'react';
import { ArrowDownOutlined, ArrowUpOutlined, MinusOutlined } from '@ant-design/icons';
import { EMPTY, roundHalfUp } from '../../../../src/domain/format/format';
import { useT } from '../../i18n/I18nProvider';
import { useFormat } from '../../i18n/useFormat';

export type TDirection = 'up' | 'down' | 'flat';

/**
 * Published growth of an index ("100 = the comparison period"): index − 100 from the unrounded
 * index, rounded half-up to `decimals` (1 by default) after snapping to 9 decimals (statistics
 * spec §4.6). Null when the index is missing.
 */
export const growthOf = (index: number | null | undefined, decimals = 1): number | null =>
  index === null || index === undefined || !Number.isFinite(index) ? null : roundHalfUp(index - 100, decimals);

export const directionOf = (growth: number): TDirection => (growth > 0 ? 'up' : growth < 0 ? 'down' : 'flat');

/** "tăng 6,5%" / "giảm 2,7%" / "không đổi" (en: "up 6.5%" …) from an index; EMPTY when missing. */
export const useChangeText = (): ((index: number | null | undefined) => string) => {
  const t = useT();
  const format = useFormat();
  return useCallback(
    (index) => {
      const growth = growthOf(index);
      if (growth === null || index === null || index === undefined) return EMPTY;
      const direction = directionOf(growth);
      return direction === 'flat' ? t('indicators.change.flat') : t(`indicators.change.${direction}`, { value: format.percent(Math.abs(index - 100), 1) });
    },
    [t, format],
  );
};

const ICONS: Record<TDirection, typeof ArrowUpOutlined> = { up: ArrowUpOutlined, down: ArrowDownOutlined, flat: MinusOutlined };

/** Growth in words with an arrow and colour (the words carry the meaning, the colour repeats it). */
export const Change = ({ index, large = false }: { index: number | null | undefined; large?: boolean }) => {
  const text = useChangeText()(index);
  const growth = growthOf(index);
  if (growth === null) return <span className="ind-change">{text}</span>;
  const direction = directionOf(growth);
  const Icon = ICONS[direction];
  return (
    <span className={`ind-change ind-${direction}${large ? ' ind-change-large' : ''}`}>
      <Icon aria-hidden /> {text}
    </span>
  );
};

/** Signed growth for a table cell ("+6,5", "-2,7") with an arrow and colour; index − 100 of the unrounded index. */
export const GrowthCell = ({ index }: { index: number | null | undefined }) => {
  const format = useFormat();
  const growth = growthOf(index);
  if (growth === null || index === null || index === undefined) return <>{EMPTY}</>;
  const direction = directionOf(growth);
  const Icon = ICONS[direction];
  return (
    <span className={`ind-change ind-${direction} nowrap`}>
      <Icon aria-hidden className="ind-cell-icon" />
      {`${direction === 'up' ? '+' : ''}${format.number(index - 100, 1)}`}
    </span>
  );
};
