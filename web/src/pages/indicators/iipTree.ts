import type { TIipLevel, TIipRow } from '../../api/indicators';

/** Divisions (first two VSIC digits) of the industrial sections of the IIP. */
export const SECTION_DIVISIONS: Record<string, readonly [number, number]> = { B: [5, 9], C: [10, 33], D: [35, 35], E: [36, 39] };

export const sectionOfDivision = (division: string): string | undefined => {
  const number = Number(division);
  return Object.entries(SECTION_DIVISIONS).find(([, [first, last]]) => number >= first && number <= last)?.[0];
};

/** The level of an openable node code: TOTAL, a section letter, a 2-digit division, a 4-digit class. */
export const levelOfNode = (code: string): TIipLevel => (code === 'TOTAL' ? 'TOTAL' : /^[A-Z]$/.test(code) ? 'SECTION' : /^\d{2}$/.test(code) ? 'VSIC2' : 'VSIC4');

/** The parent of an openable node (null for TOTAL or an unknown division). */
export const parentOf = (code: string): string | null => {
  switch (levelOfNode(code)) {
    case 'TOTAL':
      return null;
    case 'SECTION':
      return 'TOTAL';
    case 'VSIC2':
      return sectionOfDivision(code) ?? null;
    default:
      return code.slice(0, 2);
  }
};

/** TOTAL → … → code. */
export const pathOf = (code: string): string[] => {
  const path = [code];
  for (let parent = parentOf(code); parent !== null; parent = parentOf(parent)) path.unshift(parent);
  return path[0] === 'TOTAL' ? path : ['TOTAL', ...path];
};

/**
 * The product rows of a 4-digit class. The API does not say which class a product belongs to,
 * and product codes do not encode it reliably; as a heuristic a product is placed under a class
 * when its code contains the class's four digits (the demo codes do: P2394_CEMENT → 2394).
 */
const productsOf = (vsic4: string, rows: TIipRow[]): TIipRow[] => rows.filter((row) => row.level === 'PRODUCT' && row.code.includes(vsic4));

/**
 * The children of a node in the tree rows: TOTAL → sections; a section → its divisions (by the
 * division ranges B 05–09, C 10–33, D 35, E 36–39); a division → the classes with its two digits
 * as prefix; a class → its products (heuristic above). Sorted by code.
 */
export const childrenOf = (code: string, rows: TIipRow[]): TIipRow[] => {
  const level = levelOfNode(code);
  const children =
    level === 'TOTAL'
      ? rows.filter((row) => row.level === 'SECTION')
      : level === 'SECTION'
        ? rows.filter((row) => row.level === 'VSIC2' && sectionOfDivision(row.code) === code)
        : level === 'VSIC2'
          ? rows.filter((row) => row.level === 'VSIC4' && row.code.startsWith(code))
          : productsOf(code, rows);
  return [...children].sort((a, b) => a.code.localeCompare(b.code));
};

export const rowOf = (code: string, rows: TIipRow[]): TIipRow | undefined =>
  rows.find((row) => row.code === code && row.level === levelOfNode(code));

/** Every row depth-first from TOTAL with its depth; rows not reached (e.g. unplaced products) come last. */
export const treeOrder = (rows: TIipRow[]): { row: TIipRow; depth: number }[] => {
  const ordered: { row: TIipRow; depth: number }[] = [];
  const seen = new Set<TIipRow>();
  const visit = (row: TIipRow, depth: number) => {
    if (seen.has(row)) return;
    seen.add(row);
    ordered.push({ row, depth });
    if (row.level !== 'PRODUCT') for (const child of childrenOf(row.code, rows)) visit(child, depth + 1);
  };
  const total = rowOf('TOTAL', rows);
  if (total) visit(total, 0);
  else for (const section of childrenOf('TOTAL', rows)) visit(section, 1);
  for (const row of rows) if (!seen.has(row)) ordered.push({ row, depth: 1 });
  return ordered;
};
