import type { TDb, TDbOrTx } from '../../db/client';
import { enqueueJob } from '../jobs/jobs.repo';
import { findMailById, findMails, insertMail, markMail } from './mail.repo';
import type { TMailTransport } from './mail-transport';

/**
 * Outgoing mail. Every message is written to the outbox in the caller's transaction. With SMTP
 * configured a job sends it; without, it stays in the outbox (status OUTBOX_ONLY) for admins.
 */
export const createMailService = ({ db, transport, from }: { db: TDb; transport: TMailTransport | null; from: string }) => {
  const queueMail = async (tx: TDbOrTx, message: { to: string; subject: string; body: string }): Promise<number> => {
    const id = await insertMail(tx, { ...message, status: transport ? 'QUEUED' : 'OUTBOX_ONLY' });
    if (transport) await enqueueJob(tx, { kind: 'mail.send', payload: { mailId: id } });
    return id;
  };

  /** Job handler: sends one queued message. Throws on failure so the queue retries. */
  const sendQueued = async (mailId: number): Promise<void> => {
    if (!transport) return;
    const mail = await findMailById(db, mailId);
    if (!mail || mail.status === 'SENT') return;
    try {
      await transport.send({ from, to: mail.to, subject: mail.subject, text: mail.body });
      await markMail(db, mailId, { status: 'SENT', sentAt: new Date(), error: null });
    } catch (error) {
      await markMail(db, mailId, { status: 'FAILED', error: error instanceof Error ? error.message : String(error) });
      throw error;
    }
  };

  const listOutbox = (filter: { page: number; pageSize: number }) => findMails(db, filter);

  return { queueMail, sendQueued, listOutbox };
};

export type TMailService = ReturnType<typeof createMailService>;
