import type { TDb } from '../../db/client';
import { AppError } from '../../server/errors';
import type { TRequestContext } from '../../server/request-context';
import { decodeUtf8Strict, FileFormatError, isIsoDate, normaliseHeader, parseCsvRecords, type TRowError } from '../../lib/tabular-file';
import { recordAudit } from '../audit/audit.service';
import { findAllUnits, findLineage, findUnitsAt, insertUnit, updateUnit, upsertLineage, type TUnitRow } from './units.repo';

/** Local government has two tiers (province, commune) from this date (Resolution 202/2025/QH15). */
export const TWO_TIER_FROM = '2025-07-01';
export const UNIT_LEVELS = ['PROVINCE', 'DISTRICT', 'COMMUNE'] as const;
export type TUnitLevel = (typeof UNIT_LEVELS)[number];
const LEVEL_RANK: Record<TUnitLevel, number> = { PROVINCE: 1, DISTRICT: 2, COMMUNE: 3 };

const LEVEL_WORDS: Record<string, TUnitLevel> = {
  province: 'PROVINCE', tinh: 'PROVINCE', thanhpho: 'PROVINCE', thanhphotrunguong: 'PROVINCE',
  district: 'DISTRICT', huyen: 'DISTRICT', quan: 'DISTRICT', thixa: 'DISTRICT', thanhphothuoctinh: 'DISTRICT',
  commune: 'COMMUNE', xa: 'COMMUNE', phuong: 'COMMUNE', thitran: 'COMMUNE', dackhu: 'COMMUNE', ward: 'COMMUNE',
};

const COLUMNS = {
  code: ['ma', 'ma don vi', 'unit code'],
  name: ['ten', 'ten don vi', 'unit name'],
  level: ['cap', 'cap hanh chinh'],
  parent: ['parent_code', 'ma cap tren', 'don vi cap tren'],
  valid_from: ['hieu luc tu', 'tu ngay', 'from'],
  valid_to: ['hieu luc den', 'den ngay', 'to'],
  former_codes: ['replaces', 'ma cu', 'don vi cu'],
} as const;
type TColumn = keyof typeof COLUMNS;

export type TUnitImportResult = { dryRun: boolean; inserted: number; updated: number; unchanged: number; lineage: number; errors: TRowError[] };

const overlaps = (a: { validFrom: string; validTo: string | null }, b: { validFrom: string; validTo: string | null }) =>
  a.validFrom <= (b.validTo ?? '9999-12-31') && b.validFrom <= (a.validTo ?? '9999-12-31');

/** Administrative units: the hierarchy in force at a date, the 2025 crosswalk, and CSV import. */
export const createUnitService = ({ db }: { db: TDb }) => {
  const listUnitsAt = (query: { at: string; level?: TUnitLevel; parent?: string }) => findUnitsAt(db, query);
  const listLineage = () => findLineage(db);

  /**
   * Imports units from CSV (code, name, level, parent, valid_from, valid_to[, former_codes]).
   * Validates every row first; a real run stores all rows or none, upserting by (code, valid_from).
   */
  const importUnits = async (ctx: TRequestContext, input: { bytes: Uint8Array; dryRun: boolean }): Promise<TUnitImportResult> => {
    let parsed;
    try {
      parsed = parseCsvRecords<TColumn>(decodeUtf8Strict(input.bytes), {
        aliases: Object.fromEntries(Object.entries(COLUMNS).map(([k, v]) => [k, [...v]])) as unknown as Record<TColumn, string[]>,
        required: ['code', 'name', 'level', 'valid_from'],
      });
    } catch (error) {
      if (error instanceof FileFormatError) throw new AppError('IMPORT_INVALID', error.message, { errors: [{ row: null, column: null, message: error.message }] });
      throw error;
    }
    if (parsed.rows.length === 0) throw new AppError('IMPORT_INVALID', 'The file has a header but no data rows');
    const existing = await findAllUnits(db);
    const errors: TRowError[] = [];
    type TCandidate = { row: number; code: string; name: string; level: TUnitLevel; parentCode: string | null; validFrom: string; validTo: string | null; former: string[] };
    const candidates: TCandidate[] = [];
    const seen = new Map<string, number>();

    for (const { rowNumber, values } of parsed.rows) {
      const err = (column: TColumn | null, message: string) => errors.push({ row: rowNumber, column, message });
      const code = values.code ?? '';
      const name = values.name ?? '';
      const levelRaw = values.level ?? '';
      const level = (UNIT_LEVELS as readonly string[]).includes(levelRaw.toUpperCase())
        ? (levelRaw.toUpperCase() as TUnitLevel)
        : LEVEL_WORDS[normaliseHeader(levelRaw)];
      const validFrom = values.valid_from ?? '';
      const validTo = values.valid_to ? values.valid_to : null;
      const before = errors.length;
      if (!code) err('code', 'required');
      else if (!/^[0-9A-Za-z._-]{1,32}$/.test(code)) err('code', 'letters, digits, dot, underscore or hyphen, at most 32');
      if (!name) err('name', 'required');
      else if (name.length > 200) err('name', 'at most 200 characters');
      if (!level) err('level', `"${levelRaw}" is not a level; expected PROVINCE, DISTRICT or COMMUNE (or tỉnh/huyện/xã…)`);
      if (!isIsoDate(validFrom)) err('valid_from', `"${validFrom}" is not a date YYYY-MM-DD`);
      if (validTo !== null && !isIsoDate(validTo)) err('valid_to', `"${validTo}" is not a date YYYY-MM-DD`);
      if (validTo !== null && isIsoDate(validFrom) && isIsoDate(validTo) && validTo < validFrom) err('valid_to', 'must not be before valid_from');
      if (level === 'DISTRICT' && isIsoDate(validFrom) && validFrom >= TWO_TIER_FROM) {
        err('level', `no district level from ${TWO_TIER_FROM} (two-tier local government)`);
      }
      if (level && level !== 'PROVINCE' && !values.parent) err('parent', 'required for a district or commune');
      const key = `${code}|${validFrom}`;
      if (seen.has(key)) err('code', `duplicate of row ${seen.get(key)} (same code and valid_from)`);
      seen.set(key, rowNumber);
      if (errors.length > before || !level) continue;
      candidates.push({
        row: rowNumber,
        code,
        name,
        level,
        parentCode: level === 'PROVINCE' ? null : (values.parent ?? null),
        validFrom,
        validTo,
        former: (values.former_codes ?? '').split(/[;,\s]+/).filter(Boolean),
      });
    }

    // Parents and former codes may refer to units in the file or already stored.
    const all = [...existing.map((u) => ({ ...u, level: u.level as TUnitLevel })), ...candidates];
    for (const c of candidates) {
      if (c.parentCode) {
        const parents = all.filter((u) => u.code === c.parentCode);
        if (parents.length === 0) {
          errors.push({ row: c.row, column: 'parent', message: `unknown unit "${c.parentCode}"` });
        } else {
          const inForce = parents.find((p) => overlaps(p, c));
          if (!inForce) errors.push({ row: c.row, column: 'parent', message: `"${c.parentCode}" is not in force during ${c.validFrom}..${c.validTo ?? ''}` });
          else if (LEVEL_RANK[inForce.level] >= LEVEL_RANK[c.level]) {
            errors.push({ row: c.row, column: 'parent', message: `a ${c.level} cannot be under a ${inForce.level}` });
          } else if (c.level === 'COMMUNE' && c.validFrom >= TWO_TIER_FROM && inForce.level !== 'PROVINCE') {
            errors.push({ row: c.row, column: 'parent', message: `from ${TWO_TIER_FROM} a commune or ward belongs directly to the province` });
          }
        }
      }
      for (const old of c.former) {
        if (!all.some((u) => u.code === old)) errors.push({ row: c.row, column: 'former_codes', message: `unknown former unit "${old}"` });
      }
    }

    const plan = candidates.map((c) => {
      const current = existing.find((u) => u.code === c.code && u.validFrom === c.validFrom);
      const isSame = current && current.name === c.name && current.level === c.level && current.parentCode === c.parentCode && current.validTo === c.validTo;
      return { c, current, kind: !current ? ('insert' as const) : isSame ? ('same' as const) : ('update' as const) };
    });
    const counts = {
      inserted: plan.filter((p) => p.kind === 'insert').length,
      updated: plan.filter((p) => p.kind === 'update').length,
      unchanged: plan.filter((p) => p.kind === 'same').length,
    };
    const links = candidates.flatMap((c) => c.former.map((old) => ({ old, next: c.code, from: c.validFrom })));
    const result: TUnitImportResult = { dryRun: input.dryRun, ...counts, lineage: links.length, errors: errors.sort((a, b) => a.row - b.row) };
    if (input.dryRun) return result;
    if (errors.length) {
      throw new AppError('IMPORT_INVALID', `${errors.length} error(s) in the file; nothing was stored`, result);
    }

    await db.transaction(async (tx) => {
      for (const p of plan) {
        const values = { code: p.c.code, name: p.c.name, level: p.c.level, parentCode: p.c.parentCode, validFrom: p.c.validFrom, validTo: p.c.validTo, source: 'import' };
        if (p.kind === 'insert') {
          const row = await insertUnit(tx, values);
          await recordAudit(tx, ctx, { entity: 'admin_unit', entityId: row.id, action: 'unit.create', after: values });
        } else if (p.kind === 'update' && p.current) {
          await updateUnit(tx, p.current.id, values);
          await recordAudit(tx, ctx, { entity: 'admin_unit', entityId: p.current.id, action: 'unit.update', before: unitForAudit(p.current), after: values });
        }
      }
      const targetsPerOld = new Map<string, number>();
      for (const l of links) targetsPerOld.set(l.old, (targetsPerOld.get(l.old) ?? 0) + 1);
      for (const l of links) {
        const relation = (targetsPerOld.get(l.old) ?? 0) > 1 ? 'split_to' : 'merged_into';
        if (await upsertLineage(tx, { oldCode: l.old, newCode: l.next, relation, effectiveFrom: l.from })) {
          await recordAudit(tx, ctx, { entity: 'admin_unit_lineage', entityId: `${l.old}>${l.next}`, action: 'unit.lineage', after: { ...l, relation } });
        }
      }
    });
    return result;
  };

  return { listUnitsAt, listLineage, importUnits };
};

const unitForAudit = (u: TUnitRow) => ({ code: u.code, name: u.name, level: u.level, parentCode: u.parentCode, validFrom: u.validFrom, validTo: u.validTo });

export type TUnitService = ReturnType<typeof createUnitService>;
