import { and, asc, eq, isNull, lte, or, gte, sql, type SQL } from 'drizzle-orm';
import type { TDbOrTx } from '../../db/client';
import { adminUnitLineage, adminUnits } from '../../db/schema/platform';

export type TUnitRow = typeof adminUnits.$inferSelect;

/** Units in force at a date, optionally filtered by level or parent. */
export const findUnitsAt = async (db: TDbOrTx, { at, level, parent }: { at: string; level?: string; parent?: string }) => {
  const where: SQL[] = [lte(adminUnits.validFrom, at)];
  const open = or(isNull(adminUnits.validTo), gte(adminUnits.validTo, at));
  if (open) where.push(open);
  if (level) where.push(eq(adminUnits.level, level));
  if (parent) where.push(eq(adminUnits.parentCode, parent));
  return db.select().from(adminUnits).where(and(...where)).orderBy(asc(adminUnits.level), asc(adminUnits.code));
};

export const findAllUnits = (db: TDbOrTx) => db.select().from(adminUnits).orderBy(asc(adminUnits.code), asc(adminUnits.validFrom));

export const insertUnit = async (db: TDbOrTx, row: typeof adminUnits.$inferInsert) => (await db.insert(adminUnits).values(row).returning())[0];

export const updateUnit = async (db: TDbOrTx, id: number, patch: Partial<typeof adminUnits.$inferInsert>) =>
  (await db.update(adminUnits).set(patch).where(eq(adminUnits.id, id)).returning())[0];

export const findLineage = (db: TDbOrTx) =>
  db
    .select({
      oldCode: adminUnitLineage.oldCode,
      newCode: adminUnitLineage.newCode,
      relation: adminUnitLineage.relation,
      effectiveFrom: adminUnitLineage.effectiveFrom,
      oldName: sql<string | null>`(select u.name from admin_units u where u.code = ${adminUnitLineage.oldCode} order by u.valid_from desc limit 1)`,
      newName: sql<string | null>`(select u.name from admin_units u where u.code = ${adminUnitLineage.newCode} order by u.valid_from desc limit 1)`,
    })
    .from(adminUnitLineage)
    .orderBy(asc(adminUnitLineage.oldCode), asc(adminUnitLineage.newCode));

export const upsertLineage = async (db: TDbOrTx, row: typeof adminUnitLineage.$inferInsert) => {
  const inserted = await db.insert(adminUnitLineage).values(row).onConflictDoNothing().returning({ id: adminUnitLineage.id });
  return inserted.length > 0;
};
