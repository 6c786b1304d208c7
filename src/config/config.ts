import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const booleanFromEnv = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'], { message: 'expected true or false' })
  .transform((v) => ['true', '1', 'yes', 'on'].includes(v));

/**
 * Every setting the application reads from the environment. Nothing else reads process.env
 * (except the CLI's own flags). Validated once at boot; a bad value stops start-up with a
 * message naming the variable.
 */
const ZEnv = z.object({
  PORT: z.coerce.number({ message: 'expected a port number' }).int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('localhost'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/.+/, 'expected postgres://user:password@host:port/database')
    .optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  PGLITE_SHARED_BUFFERS: z.string().regex(/^\d+(kB|MB|GB)$/, 'must be a size such as 512MB').default('512MB'),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  SMTP_URL: z.string().regex(/^smtps?:\/\/.+/, 'expected smtp://host:port or smtps://user:pass@host:port').optional(),
  MAIL_FROM: z.string().min(3).default('Sở Công Thương <no-reply@congthuong.local>'),
  DEMO_DATA: booleanFromEnv.optional(),
  DEMO_PASSWORD: z.string().min(10, 'must be at least 10 characters').optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_TTL_HOURS: z.coerce.number().positive().max(24 * 30).default(12),
  LOGIN_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(5),
  LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
  LOGIN_IP_MAX_FAILURES: z.coerce.number().int().min(1).max(10000).default(30),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).max(100 * 1024 * 1024).default(1024 * 1024),
  UPLOAD_LIMIT_BYTES: z.coerce.number().int().min(1024).max(1024 * 1024 * 1024).default(50 * 1024 * 1024),
  COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
  TRUST_PROXY: booleanFromEnv.default(false),
  PUBLIC_URL: z.string().url().optional(),
  JOBS_POLL_MS: z.coerce.number().int().min(100).max(600000).default(2000),
  CASE_ATTACHMENT_MAX_BYTES: z.coerce.number().int().min(1024).max(1024 * 1024 * 1024).default(10 * 1024 * 1024),
  CASE_ATTACHMENT_TYPES: z
    .string()
    .regex(/^[a-z0-9]+(,[a-z0-9]+)*$/, 'expected a comma-separated list of file extensions, e.g. pdf,jpg,png,docx')
    .default('pdf,jpg,jpeg,png,docx,xlsx,odt,ods'),
  DOSSIER_AGENCY_CODE: z
    .string()
    .regex(/^\d{3}\.[0-9A-Z]{2}\.[0-9A-Z]{2}\.[A-Z]\d{2}$/, 'expected an agency identifier like 000.00.17.H26')
    .default('000.00.17.H26'),
  DOSSIER_AGENCY_NAME: z.string().min(3).default('Sở Công Thương thành phố Hà Nội'),
  DOSSIER_DUE_SOON_WORKING_DAYS: z.coerce.number().int().min(0).max(30).default(2),
  DOSSIER_PAYMENT_PAUSE: z.enum(['NONE', 'PAUSE', 'RESTART']).default('NONE'),
  SUPPORT_REMINDER_WORKING_DAYS: z.coerce.number().int().min(0).max(30).default(5),
  DEFAULT_LANGUAGE: z.enum(['vi', 'en']).default('vi'),
});

export type TConfig = Readonly<{
  port: number;
  host: string;
  database: { kind: 'pglite'; dataDir: string; sharedBuffers: string } | { kind: 'postgres'; url: string };
  dataDir: string;
  filesDir: string;
  sessionSecret: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  isEmailConfigured: boolean;
  demoData: boolean;
  demoPassword: string | undefined;
  logLevel: z.infer<typeof ZEnv>['LOG_LEVEL'];
  sessionTtlHours: number;
  loginMaxAttempts: number;
  loginLockMinutes: number;
  loginIpMaxFailures: number;
  bodyLimitBytes: number;
  uploadLimitBytes: number;
  cookieSecure: 'auto' | 'true' | 'false';
  trustProxy: boolean;
  publicUrl: string | undefined;
  /** Language of server messages for a request whose Accept-Language names neither vi nor en. */
  defaultLanguage: 'vi' | 'en';
  jobsPollMs: number;
  /** Case attachments: size limit and allowed file extensions. */
  caseAttachmentMaxBytes: number;
  caseAttachmentTypes: string[];
  /** One-stop dossiers: receiving agency identifier (first part of the dossier code) and name. */
  dossierAgencyCode: string;
  dossierAgencyName: string;
  dossierDueSoonWorkingDays: number;
  /** Effect of a pending payment (status 6) on the clock: not a pause by default (spec §2.2 step 7). */
  dossierPaymentPause: 'NONE' | 'PAUSE' | 'RESTART';
  /** Reminders of conference commitments and PCI actions: due within this many working days (or overdue). */
  supportReminderWorkingDays: number;
}>;

/** Raised when the environment holds an invalid value; the message names each variable. */
export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const readOrCreateSecret = (dataDir: string): string => {
  const file = path.join(dataDir, 'session-secret');
  if (fs.existsSync(file)) {
    const secret = fs.readFileSync(file, 'utf8').trim();
    if (secret.length >= 32) return secret;
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  fs.writeFileSync(file, secret + '\n', { mode: 0o600 });
  return secret;
};

/**
 * Parses and validates the environment. Empty strings count as unset.
 * With no SESSION_SECRET a random one is generated once and kept in DATA_DIR/session-secret.
 */
export const loadConfig = (env: NodeJS.ProcessEnv = process.env): TConfig => {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = ZEnv.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const name = String(issue.path[0] ?? '?');
        return `${name}: ${issue.message} (got ${JSON.stringify(cleaned[name] ?? null)})`;
      }),
    );
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.DATA_DIR);
  const database = e.DATABASE_URL
    ? ({ kind: 'postgres', url: e.DATABASE_URL } as const)
    : ({ kind: 'pglite', dataDir: path.join(dataDir, 'pglite'), sharedBuffers: e.PGLITE_SHARED_BUFFERS } as const);
  return {
    port: e.PORT,
    host: e.HOST,
    database,
    dataDir,
    filesDir: path.join(dataDir, 'files'),
    sessionSecret: e.SESSION_SECRET ?? readOrCreateSecret(dataDir),
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    isEmailConfigured: Boolean(e.SMTP_URL),
    demoData: e.DEMO_DATA ?? database.kind === 'pglite',
    demoPassword: e.DEMO_PASSWORD,
    logLevel: e.LOG_LEVEL,
    sessionTtlHours: e.SESSION_TTL_HOURS,
    loginMaxAttempts: e.LOGIN_MAX_ATTEMPTS,
    loginLockMinutes: e.LOGIN_LOCK_MINUTES,
    loginIpMaxFailures: e.LOGIN_IP_MAX_FAILURES,
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    uploadLimitBytes: e.UPLOAD_LIMIT_BYTES,
    cookieSecure: e.COOKIE_SECURE,
    trustProxy: e.TRUST_PROXY,
    publicUrl: e.PUBLIC_URL,
    jobsPollMs: e.JOBS_POLL_MS,
    caseAttachmentMaxBytes: e.CASE_ATTACHMENT_MAX_BYTES,
    caseAttachmentTypes: e.CASE_ATTACHMENT_TYPES.split(','),
    dossierAgencyCode: e.DOSSIER_AGENCY_CODE,
    dossierAgencyName: e.DOSSIER_AGENCY_NAME,
    dossierDueSoonWorkingDays: e.DOSSIER_DUE_SOON_WORKING_DAYS,
    dossierPaymentPause: e.DOSSIER_PAYMENT_PAUSE,
    supportReminderWorkingDays: e.SUPPORT_REMINDER_WORKING_DAYS,
    defaultLanguage: e.DEFAULT_LANGUAGE,
  };
};
