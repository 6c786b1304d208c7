import { and, asc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { TDbOrTx } from '../../db/client';
import { users } from '../../db/schema/platform';

export type TUserRow = typeof users.$inferSelect;
export type TNewUserRow = typeof users.$inferInsert;

/** Finds a user by username, case-insensitively. */
export const findUserByUsername = async (db: TDbOrTx, username: string): Promise<TUserRow | undefined> => {
  const rows = await db.select().from(users).where(sql`lower(${users.username}) = lower(${username})`).limit(1);
  return rows[0];
};

export const findUserById = async (db: TDbOrTx, id: number, { forUpdate = false } = {}): Promise<TUserRow | undefined> => {
  const query = db.select().from(users).where(eq(users.id, id)).limit(1);
  const rows = forUpdate ? await query.for('update') : await query;
  return rows[0];
};

export const insertUser = async (db: TDbOrTx, row: TNewUserRow): Promise<TUserRow> => {
  const rows = await db.insert(users).values(row).returning();
  return rows[0];
};

export const updateUser = async (db: TDbOrTx, id: number, patch: Partial<TNewUserRow>): Promise<TUserRow> => {
  const rows = await db
    .update(users)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(users.id, id))
    .returning();
  return rows[0];
};

export type TUserFilter = { q?: string; role?: string; page: number; pageSize: number };

export const findUsers = async (db: TDbOrTx, filter: TUserFilter) => {
  const where: SQL[] = [];
  if (filter.q) {
    const pattern = `%${filter.q}%`;
    const cond = or(ilike(users.username, pattern), sql`f_unaccent(${users.displayName}) like '%' || f_unaccent(${filter.q}) || '%'`);
    if (cond) where.push(cond);
  }
  if (filter.role) where.push(eq(users.role, filter.role));
  const condition = where.length ? and(...where) : undefined;
  const [items, total] = await Promise.all([
    db
      .select()
      .from(users)
      .where(condition)
      .orderBy(asc(users.username))
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(users).where(condition),
  ]);
  return { items, total: Number(total[0]?.n ?? 0) };
};

export const countActiveAdmins = async (db: TDbOrTx): Promise<number> => {
  const rows = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(and(eq(users.role, 'ADMIN'), eq(users.disabled, false)));
  return Number(rows[0]?.n ?? 0);
};
