import nodemailer from 'nodemailer';

/** Sends one message; the boundary to the outside world (a fake replaces it in tests). */
export type TMailTransport = { send: (message: { from: string; to: string; subject: string; text: string }) => Promise<void> };

/** SMTP transport from an smtp:// or smtps:// URL. */
export const createSmtpTransport = (url: string): TMailTransport => {
  const transporter = nodemailer.createTransport(url);
  return {
    send: async (message) => {
      await transporter.sendMail(message);
    },
  };
};
