import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

const REFERENCE_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'reference');

export type TVsicEntry = { code: string; nameVi: string; nameEn: string; parent: string | null; level: 'SECTION' | 'DIVISION' };

let cache: TVsicEntry[] | undefined;

/** VSIC 2018 sections and divisions shipped in reference/ (all 21 sections, 88 divisions). */
export const listVsic = (): TVsicEntry[] => {
  if (cache) return cache;
  const read = (file: string) =>
    (parse(fs.readFileSync(path.join(REFERENCE_DIR, file), 'utf8'), { columns: true, skip_empty_lines: true }) as Record<string, string>[]).map((r) => ({
      code: r.code,
      nameVi: r.name_vi,
      nameEn: r.name_en,
      parent: r.parent || null,
      level: /^[A-Z]$/.test(r.code) ? ('SECTION' as const) : ('DIVISION' as const),
    }));
  const all = [...read('vsic2018.csv'), ...read('vsic2018-other-sections.csv')];
  cache = all.sort((a, b) => (a.level === b.level ? a.code.localeCompare(b.code) : a.level === 'SECTION' ? -1 : 1));
  return cache;
};

/** The division (2 digits) of a VSIC code and whether it exists in VSIC 2018. */
export const findVsicDivision = (code: string): TVsicEntry | undefined => listVsic().find((e) => e.level === 'DIVISION' && e.code === code.slice(0, 2));

/** A VSIC code written at level 2 to 5 (digits only) whose division exists. */
let divisions: Set<string> | undefined;
export const isKnownVsicCode = (code: string): boolean => {
  divisions ??= new Set(listVsic().filter((e) => e.level === 'DIVISION').map((e) => e.code));
  return /^\d{2,5}$/.test(code) && divisions.has(code.slice(0, 2));
};
