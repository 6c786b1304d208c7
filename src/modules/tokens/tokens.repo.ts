import { and, desc, eq } from 'drizzle-orm';
import type { TDbOrTx } from '../../db/client';
import { apiTokens } from '../../db/schema/platform';

export type TApiTokenRow = typeof apiTokens.$inferSelect;

export const findTokensOfUser = (db: TDbOrTx, userId: number) =>
  db.select().from(apiTokens).where(eq(apiTokens.userId, userId)).orderBy(desc(apiTokens.id));

export const findTokenOfUser = async (db: TDbOrTx, userId: number, id: number) =>
  (await db.select().from(apiTokens).where(and(eq(apiTokens.userId, userId), eq(apiTokens.id, id))).limit(1))[0];

export const insertToken = async (db: TDbOrTx, row: typeof apiTokens.$inferInsert) => (await db.insert(apiTokens).values(row).returning())[0];

export const revokeToken = async (db: TDbOrTx, id: number, at: Date) =>
  (await db.update(apiTokens).set({ revokedAt: at }).where(eq(apiTokens.id, id)).returning())[0];
