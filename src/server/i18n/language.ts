/** The languages of the product: Vietnamese first, English second. */
export type TLanguage = 'vi' | 'en';

export const LANGUAGES: readonly TLanguage[] = ['vi', 'en'];

/**
 * The language of the server's messages for a request, from its Accept-Language header: the
 * listed language (vi or en, any region) with the highest weight wins, ties in header order;
 * `fallback` (Vietnamese unless configured) when the header names neither.
 */
export const resolveLanguage = (header: string | string[] | undefined, fallback: TLanguage = 'vi'): TLanguage => {
  const text = Array.isArray(header) ? header.join(',') : header;
  if (!text) return fallback;
  let best: { lang: TLanguage; q: number } | null = null;
  for (const part of text.split(',')) {
    const [tag, ...params] = part.trim().toLowerCase().split(';');
    const primary = tag.trim().split('-')[0];
    if (primary !== 'vi' && primary !== 'en') continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!Number.isFinite(q) || q <= 0) continue;
    if (!best || q > best.q) best = { lang: primary, q };
  }
  return best?.lang ?? fallback;
};
