import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { TDbOrTx } from '../../db/client';
import { apiTokens, loginAttempts, sessions, users } from '../../db/schema/platform';

export const insertSession = async (
  db: TDbOrTx,
  row: { tokenHash: string; userId: number; csrfToken: string; ip: string; userAgent: string | null; expiresAt: Date },
): Promise<void> => {
  await db.insert(sessions).values(row);
};

/** A session with its user, when the session exists and has not expired. */
export const findLiveSession = async (db: TDbOrTx, tokenHash: string, now: Date) => {
  const rows = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now)))
    .limit(1);
  return rows[0];
};

export const touchSession = async (db: TDbOrTx, tokenHash: string, now: Date, expiresAt: Date): Promise<void> => {
  await db.update(sessions).set({ lastSeenAt: now, expiresAt }).where(eq(sessions.tokenHash, tokenHash));
};

export const deleteSession = async (db: TDbOrTx, tokenHash: string): Promise<void> => {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
};

export const deleteSessionsOfUser = async (db: TDbOrTx, userId: number, exceptTokenHash?: string): Promise<void> => {
  await db
    .delete(sessions)
    .where(exceptTokenHash ? and(eq(sessions.userId, userId), sql`${sessions.tokenHash} <> ${exceptTokenHash}`) : eq(sessions.userId, userId));
};

export const deleteExpiredSessions = async (db: TDbOrTx, now: Date): Promise<void> => {
  await db.delete(sessions).where(lt(sessions.expiresAt, now));
};

export const insertLoginAttempt = async (db: TDbOrTx, row: { username: string; ip: string; success: boolean }): Promise<void> => {
  await db.insert(loginAttempts).values(row);
};

/** Failed logins from one IP address since a moment (for per-IP rate limiting). */
export const countRecentFailures = async (db: TDbOrTx, ip: string, since: Date): Promise<number> => {
  const rows = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.ip, ip), eq(loginAttempts.success, false), gt(loginAttempts.at, since)));
  return Number(rows[0]?.n ?? 0);
};

/** A personal access token with its user, if not revoked and not expired. */
export const findLiveToken = async (db: TDbOrTx, tokenHash: string, now: Date) => {
  const rows = await db
    .select({ token: apiTokens, user: users })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(
      and(
        eq(apiTokens.tokenHash, tokenHash),
        sql`${apiTokens.revokedAt} is null`,
        sql`(${apiTokens.expiresAt} is null or ${apiTokens.expiresAt} > ${now})`,
      ),
    )
    .limit(1);
  return rows[0];
};

export const markTokenUsed = async (db: TDbOrTx, id: number, now: Date): Promise<void> => {
  await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, id));
};
