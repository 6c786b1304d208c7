import { formatNumber } from '../../domain/format/format';

/** Figures the briefing is written from (published values of one month). */
export type TBriefingFigures = {
  period: string;
  iip: { yoy: number | null; ytd: number | null; mom: number | null };
  sections: { code: string; name: string; yoy: number | null; contribution: number | null }[];
  divisions: { code: string; name: string; yoy: number | null; contribution: number | null }[];
  retail: { value: number | null; yoy: number | null; ytdValue: number | null; ytd: number | null; realYtd: number | null; components: { code: string; value: number | null; yoy: number | null }[] };
  exports: { value: number | null; yoy: number | null; ytdValue: number | null; ytd: number | null; domesticYtd: number | null; domesticYtdIndex: number | null; fdiYtd: number | null; fdiYtdIndex: number | null };
  tetShift: { twoMonthPeriod: string | null } | null;
};

const COMPONENT_NAMES: Record<string, [string, string]> = {
  RETAIL_GOODS: ['doanh thu bán lẻ hàng hóa', 'retail sales of goods'],
  ACCOM_FOOD: ['doanh thu dịch vụ lưu trú, ăn uống', 'accommodation and food services'],
  TRAVEL: ['doanh thu du lịch lữ hành', 'travel services'],
  OTHER_SERVICES: ['doanh thu dịch vụ khác', 'other services'],
};

/** "tăng 7,1%" / "giảm 2,3%" from an index (100 = same period), published with one decimal. */
export const describeGrowth = (index: number | null, locale: 'vi' | 'en', decimals = 1): string => {
  if (index === null) return locale === 'vi' ? 'chưa có số liệu so sánh' : 'no comparison available';
  const growth = index - 100;
  const text = formatNumber(Math.abs(growth), { locale, decimals });
  if (locale === 'vi') return growth >= 0 ? `tăng ${text}%` : `giảm ${text}%`;
  return growth >= 0 ? `up ${text}%` : `down ${text}%`;
};

const money = (value: number | null, divisor: number, locale: 'vi' | 'en') => (value === null ? '…' : formatNumber(value / divisor, { locale, decimals: 1 }));

/**
 * Drafts the monthly briefing in the Department's style: the month and the year to date versus
 * the same period for industrial production (with the sections and divisions that drove it and
 * their contributions), retail sales and its components, and exports (domestic versus
 * foreign-invested), with the Tết note when relevant. Returns paragraphs the officer can edit.
 */
export const draftBriefing = (f: TBriefingFigures, locale: 'vi' | 'en'): string[] => {
  const [year, month] = f.period.split('-').map(Number);
  const monthText = locale === 'vi' ? `tháng ${month}/${year}` : `${year}-${String(month).padStart(2, '0')}`;
  const ytdText = locale === 'vi' ? (month === 1 ? 'tháng 1' : `${month} tháng năm ${year}`) : `the first ${month} month(s) of ${year}`;
  const top = [...f.sections].filter((s) => s.contribution !== null).sort((a, b) => Math.abs(b.contribution ?? 0) - Math.abs(a.contribution ?? 0));
  const drivers = [...f.divisions].filter((d) => d.contribution !== null).sort((a, b) => (b.contribution ?? 0) - (a.contribution ?? 0));
  const pp = (x: number | null) => formatNumber(Math.abs(x ?? 0), { locale, decimals: 2 });
  const paragraphs: string[] = [];
  if (locale === 'vi') {
    paragraphs.push(
      `1. Sản xuất công nghiệp: chỉ số sản xuất công nghiệp (IIP) ${monthText} ${describeGrowth(f.iip.yoy, 'vi')} so với cùng kỳ năm trước và ${describeGrowth(f.iip.mom, 'vi')} so với tháng trước; tính chung ${ytdText} ${describeGrowth(f.iip.ytd, 'vi')} so với cùng kỳ.` +
        (top.length ? ` Trong đó, ${top.map((s) => `ngành ${s.name.toLowerCase()} ${describeGrowth(s.yoy, 'vi')} (đóng góp ${(s.contribution ?? 0) >= 0 ? '' : 'âm '}${pp(s.contribution)} điểm phần trăm)`).join('; ')}.` : '') +
        (drivers.length >= 2 ? ` Một số ngành có mức tăng đóng góp lớn: ${drivers.slice(0, 3).map((d) => `${d.name.toLowerCase()} ${describeGrowth(d.yoy, 'vi')}`).join('; ')}.` : ''),
    );
    if (f.tetShift) paragraphs.push(`Lưu ý: Tết Nguyên đán năm nay và năm trước rơi vào các tháng khác nhau nên số liệu so sánh theo tháng chịu ảnh hưởng của số ngày nghỉ Tết; để đánh giá xu hướng nên sử dụng số liệu tính chung 2 tháng đầu năm${f.tetShift.twoMonthPeriod ? ` (kỳ ${f.tetShift.twoMonthPeriod})` : ''}.`);
    paragraphs.push(
      `2. Thương mại: tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng ${monthText} ước đạt ${money(f.retail.value, 1000, 'vi')} tỷ đồng, ${describeGrowth(f.retail.yoy, 'vi')} so với cùng kỳ; tính chung ${ytdText} đạt ${money(f.retail.ytdValue, 1000, 'vi')} tỷ đồng, ${describeGrowth(f.retail.ytd, 'vi')}` +
        (f.retail.realYtd !== null ? ` (loại trừ yếu tố giá ${describeGrowth(f.retail.realYtd, 'vi')})` : '') +
        `. ${f.retail.components
          .filter((c) => c.value !== null)
          .map((c) => `${COMPONENT_NAMES[c.code]?.[0] ?? c.code} đạt ${money(c.value, 1000, 'vi')} tỷ đồng, ${describeGrowth(c.yoy, 'vi')}`)
          .join('; ')
          .replace(/^./, (ch) => ch.toUpperCase())}.`,
    );
    paragraphs.push(
      `3. Xuất khẩu: kim ngạch xuất khẩu ${monthText} ước đạt ${money(f.exports.value, 1000, 'vi')} triệu USD, ${describeGrowth(f.exports.yoy, 'vi')} so với cùng kỳ; tính chung ${ytdText} đạt ${money(f.exports.ytdValue, 1000, 'vi')} triệu USD, ${describeGrowth(f.exports.ytd, 'vi')}, trong đó khu vực kinh tế trong nước đạt ${money(f.exports.domesticYtd, 1000, 'vi')} triệu USD (${describeGrowth(f.exports.domesticYtdIndex, 'vi')}), khu vực có vốn đầu tư nước ngoài đạt ${money(f.exports.fdiYtd, 1000, 'vi')} triệu USD (${describeGrowth(f.exports.fdiYtdIndex, 'vi')}).`,
    );
  } else {
    paragraphs.push(
      `1. Industry: the industrial production index (IIP) for ${monthText} was ${describeGrowth(f.iip.yoy, 'en')} year on year and ${describeGrowth(f.iip.mom, 'en')} month on month; for ${ytdText} it was ${describeGrowth(f.iip.ytd, 'en')} on the same period.` +
        (top.length ? ` By section: ${top.map((s) => `${s.name} ${describeGrowth(s.yoy, 'en')} (${(s.contribution ?? 0) >= 0 ? '+' : '−'}${pp(s.contribution)} points)`).join('; ')}.` : ''),
    );
    if (f.tetShift) paragraphs.push(`Note: the Lunar New Year fell in different months this year and last year, so monthly comparisons are affected by the holiday; use the cumulative figure for the first two months${f.tetShift.twoMonthPeriod ? ` (${f.tetShift.twoMonthPeriod})` : ''}.`);
    paragraphs.push(
      `2. Trade: retail sales of goods and consumer services in ${monthText} were an estimated VND ${money(f.retail.value, 1000, 'en')} billion, ${describeGrowth(f.retail.yoy, 'en')} year on year; for ${ytdText} VND ${money(f.retail.ytdValue, 1000, 'en')} billion, ${describeGrowth(f.retail.ytd, 'en')}${f.retail.realYtd !== null ? ` (${describeGrowth(f.retail.realYtd, 'en')} at constant prices)` : ''}.`,
    );
    paragraphs.push(
      `3. Exports: export turnover in ${monthText} was an estimated USD ${money(f.exports.value, 1000, 'en')} million, ${describeGrowth(f.exports.yoy, 'en')}; for ${ytdText} USD ${money(f.exports.ytdValue, 1000, 'en')} million, ${describeGrowth(f.exports.ytd, 'en')} — domestic sector USD ${money(f.exports.domesticYtd, 1000, 'en')} million, foreign-invested sector USD ${money(f.exports.fdiYtd, 1000, 'en')} million.`,
    );
  }
  return paragraphs;
};
