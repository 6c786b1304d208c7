/**
 * The ten PCI sub-indices of VCCI (domain spec §6.2), in the published order, and the pure rules
 * on scores: which sub-indices are the lowest, and which sub-indices a set of petitions weighs on.
 */
export const PCI_SUBINDICES = [
  { code: 'ENTRY_COSTS', nameVi: 'Gia nhập thị trường', nameEn: 'Entry costs' },
  { code: 'LAND_ACCESS', nameVi: 'Tiếp cận đất đai', nameEn: 'Access to land' },
  { code: 'TRANSPARENCY', nameVi: 'Tính minh bạch', nameEn: 'Transparency' },
  { code: 'TIME_COSTS', nameVi: 'Chi phí thời gian', nameEn: 'Time costs' },
  { code: 'INFORMAL_CHARGES', nameVi: 'Chi phí không chính thức', nameEn: 'Informal charges' },
  { code: 'EQUAL_COMPETITION', nameVi: 'Cạnh tranh bình đẳng', nameEn: 'Policy bias / equal competition' },
  { code: 'PROACTIVITY', nameVi: 'Tính năng động của chính quyền', nameEn: 'Proactivity of the provincial leadership' },
  { code: 'BUSINESS_SUPPORT', nameVi: 'Chính sách hỗ trợ doanh nghiệp', nameEn: 'Business support policy' },
  { code: 'LABOUR_TRAINING', nameVi: 'Đào tạo lao động', nameEn: 'Labour training' },
  { code: 'LEGAL_INSTITUTIONS', nameVi: 'Thiết chế pháp lý và an ninh trật tự', nameEn: 'Legal institutions and law and order' },
] as const;

export type TSubindexCode = (typeof PCI_SUBINDICES)[number]['code'];
export const SUBINDEX_CODES = PCI_SUBINDICES.map((s) => s.code) as [TSubindexCode, ...TSubindexCode[]];

/** PCI surveys started in 2005; the 2021 edition recalibrated the sub-indices (methodology 2021). */
export const PCI_FIRST_YEAR = 2005;
export const methodologyOfYear = (year: number): string => (year >= 2021 ? '2021' : '2006');

/** Petition categories (the petitions module files petitions under these codes). */
export const PETITION_CATEGORIES = ['ADMIN_PROCEDURES', 'LAND_PREMISES', 'TAX', 'ELECTRICITY', 'MARKET_TRADE', 'FINANCE_CREDIT', 'WORKFORCE', 'OTHER'] as const;
export type TPetitionCategory = (typeof PETITION_CATEGORIES)[number];

/**
 * The `count` lowest-scored sub-indices (ties kept together, so more may be returned), ignoring
 * sub-indices without a score.
 */
export const findLowestSubindices = (scores: { code: string; score: number | null }[], count = 3): string[] => {
  const scored = scores.filter((s): s is { code: string; score: number } => s.score !== null).sort((a, b) => a.score - b.score || a.code.localeCompare(b.code));
  if (scored.length === 0) return [];
  const cutoff = scored[Math.min(count, scored.length) - 1].score;
  return scored.filter((s) => s.score <= cutoff).map((s) => s.code);
};

/**
 * How petitions weigh on the sub-indices: for each sub-index, the number of petitions in the
 * categories mapped to it and those categories; sub-indices without petitions are left out.
 * Sorted by petitions, most first, then in the published order.
 */
export const weighPetitionsOnSubindices = (
  counts: { category: string; petitions: number }[],
  mapping: { categoryCode: string; subindexCode: string }[],
): { subindex: TSubindexCode; petitions: number; categories: string[] }[] => {
  const order = new Map<string, number>(SUBINDEX_CODES.map((c, i) => [c, i]));
  const out = new Map<TSubindexCode, { petitions: number; categories: string[] }>();
  for (const { category, petitions } of counts) {
    if (petitions <= 0) continue;
    for (const m of mapping.filter((x) => x.categoryCode === category)) {
      if (!order.has(m.subindexCode)) continue;
      const code = m.subindexCode as TSubindexCode;
      const entry = out.get(code) ?? { petitions: 0, categories: [] };
      entry.petitions += petitions;
      if (!entry.categories.includes(category)) entry.categories.push(category);
      out.set(code, entry);
    }
  }
  return [...out.entries()]
    .map(([subindex, v]) => ({ subindex, ...v }))
    .sort((a, b) => b.petitions - a.petitions || (order.get(a.subindex) ?? 0) - (order.get(b.subindex) ?? 0));
};
