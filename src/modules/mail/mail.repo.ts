import { desc, eq, sql } from 'drizzle-orm';
import type { TDbOrTx } from '../../db/client';
import { mailOutbox } from '../../db/schema/platform';

export const insertMail = async (db: TDbOrTx, row: { to: string; subject: string; body: string; status: string }) => {
  const rows = await db.insert(mailOutbox).values(row).returning({ id: mailOutbox.id });
  return rows[0].id;
};

export const findMailById = async (db: TDbOrTx, id: number) => (await db.select().from(mailOutbox).where(eq(mailOutbox.id, id)).limit(1))[0];

export const markMail = async (db: TDbOrTx, id: number, patch: { status: string; error?: string | null; sentAt?: Date | null }) => {
  await db.update(mailOutbox).set(patch).where(eq(mailOutbox.id, id));
};

export const findMails = async (db: TDbOrTx, { page, pageSize }: { page: number; pageSize: number }) => {
  const [items, total] = await Promise.all([
    db.select().from(mailOutbox).orderBy(desc(mailOutbox.id)).limit(pageSize).offset((page - 1) * pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(mailOutbox),
  ]);
  return { items, total: Number(total[0]?.n ?? 0) };
};
