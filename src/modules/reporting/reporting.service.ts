import { eq } from 'drizzle-orm';
import type { TDb, TDbOrTx } from '../../db/client';
import { enterprises } from '../../db/schema/enterprises';
import { parsePeriod } from '../../domain/stats/stats-periods';
import { RETAIL_COMPONENTS } from '../../domain/stats/stats.types';
import { AppError, forbidden, notFound } from '../../server/errors';
import type { TRequestContext } from '../../server/request-context';
import { recordAudit } from '../audit/audit.service';
import { hasPermission, type TActor } from '../auth/auth.policy';
import { todayInVietnam } from '../enterprises/enterprises.service';
import { OWNERSHIP_GROUP } from '../statistics/statistics.repo';
import type { TStatisticsService } from '../statistics/statistics.service';
import type { TMailService } from '../mail/mail.service';
import { checkHardRules, checkSoftRules, type TRuleIssue } from './reporting-rules';
import {
  acceptCells,
  deleteCell,
  findAcceptedHistory,
  findActiveLockException,
  findCells,
  findForm,
  findEnterpriseUserEmails,
  findHistory,
  findNonReporters,
  findReport,
  insertHistory,
  insertLockException,
  insertReport,
  isInFrame,
  listForms,
  listProducts,
  listReports,
  listTetWindows,
  updateReport,
  upsertCell,
  type TReportKey,
} from './reporting.repo';

const RETAIL_LABELS: Record<string, [string, string]> = {
  RETAIL_GOODS: ['Doanh thu bán lẻ hàng hóa', 'Retail sales of goods'],
  ACCOM_FOOD: ['Doanh thu dịch vụ lưu trú, ăn uống', 'Accommodation and food services'],
  TRAVEL: ['Doanh thu du lịch lữ hành', 'Travel agencies and tour operators'],
  OTHER_SERVICES: ['Doanh thu dịch vụ khác', 'Other consumer services'],
};

const shift = (period: string, months: number) => {
  const t = parsePeriod(period) + months;
  return `${Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, '0')}`;
};

/** Deadline (end of the deadline day, Vietnam time) and lock day of a form's period. */
export const reportDates = (period: string, form: { deadlineDay: number; expiryDays: number }) => {
  const [y, m] = period.split('-').map(Number);
  const monthAfter = Date.UTC(y, m, 1);
  const deadline = new Date(monthAfter + form.deadlineDay * 86400_000 - 7 * 3600_000 - 1);
  const locksAt = new Date(monthAfter + form.expiryDays * 86400_000 - 7 * 3600_000);
  return { deadline, locksAt };
};

type TCellBody = { item: string; value: number; comment?: string | null };

/**
 * Monthly reports: entry by the enterprise (or an officer on its behalf), drafts, submission with
 * hard rules (blocking) and soft rules (warnings that need a comment), acceptance or return by an
 * officer, cell history, period lock with exceptions, completeness. Accepting publishes the values
 * and recomputes the indicators from that month on before answering.
 */
export const createReportingService = ({
  db,
  statisticsService,
  mail,
  clock = () => new Date(),
}: {
  db: TDb;
  statisticsService: Pick<TStatisticsService, 'recompute'>;
  mail: Pick<TMailService, 'queueMail'>;
  clock?: () => Date;
}) => {
  const requireActor = (ctx: TRequestContext): TActor => {
    if (!ctx.actor) throw new AppError('UNAUTHENTICATED', 'Sign in first');
    return ctx.actor;
  };
  const isReviewer = (actor: TActor) => hasPermission(actor, 'reports.review');
  const canRead = (actor: TActor, enterpriseId: number) =>
    actor.role === 'ENTERPRISE' ? actor.enterpriseIds.includes(enterpriseId) : hasPermission(actor, 'reports.read');
  const canWrite = (actor: TActor, enterpriseId: number) => (actor.role === 'ENTERPRISE' ? actor.enterpriseIds.includes(enterpriseId) : isReviewer(actor));

  const loadContext = async (tx: TDbOrTx, k: TReportKey) => {
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(k.period)) throw new AppError('VALIDATION_ERROR', `"${k.period}" is not a period YYYY-MM`, [{ path: 'params.period', message: 'expected YYYY-MM' }]);
    const form = await findForm(tx, k.formCode);
    if (!form) throw notFound(`Form ${k.formCode}`);
    const enterprise = (await tx.select().from(enterprises).where(eq(enterprises.id, k.enterpriseId)).limit(1))[0];
    if (!enterprise) throw notFound('Enterprise');
    const group = OWNERSHIP_GROUP[enterprise.ownership] ?? 'NNN';
    const items = new Map<string, { labelVi: string; labelEn: string; unit: string }>();
    const required: string[] = [];
    if (form.kind === 'IIP') {
      for (const p of await listProducts(tx)) {
        items.set(p.code, { labelVi: p.nameVi, labelEn: p.nameEn, unit: p.unit });
        if (p.vsic4 === enterprise.vsicMain.slice(0, 4)) required.push(p.code);
      }
    } else if (form.kind === 'WORKFORCE') {
      items.set('WORKERS', { labelVi: 'Số lao động bình quân trong tháng', labelEn: 'Average number of workers in the month', unit: 'người' });
      required.push('WORKERS');
    } else if (form.code.startsWith('EXPORT')) {
      items.set(`EXPORT|${group}`, { labelVi: 'Kim ngạch xuất khẩu', labelEn: 'Export turnover', unit: 'nghìn USD' });
      required.push(`EXPORT|${group}`);
    } else {
      for (const c of RETAIL_COMPONENTS) items.set(`${c}|${group}`, { labelVi: RETAIL_LABELS[c][0], labelEn: RETAIL_LABELS[c][1], unit: 'triệu đồng' });
    }
    return { form, enterprise, items, required };
  };

  const lockState = async (tx: TDbOrTx, k: TReportKey, form: { deadlineDay: number; expiryDays: number }) => {
    const now = clock();
    const { deadline, locksAt } = reportDates(k.period, form);
    const exception = now >= locksAt ? await findActiveLockException(tx, k, todayInVietnam()) : undefined;
    return { deadline, locksAt, isLocked: now >= locksAt && !exception, exceptionUntil: exception?.until ?? null };
  };

  const assertWritable = async (tx: TDbOrTx, k: TReportKey, form: { deadlineDay: number; expiryDays: number }) => {
    const currentPeriod = todayInVietnam().slice(0, 7);
    if (k.period >= currentPeriod) throw new AppError('VALIDATION_ERROR', `The period ${k.period} has not ended yet`, [{ path: 'params.period', message: 'in the future' }]);
    const lock = await lockState(tx, k, form);
    if (lock.isLocked) throw new AppError('PERIOD_LOCKED', `The period ${k.period} is locked since ${lock.locksAt.toISOString().slice(0, 10)}; ask the Department for a lock exception`);
    if (!(await isInFrame(tx, k))) throw new AppError('NOT_IN_FRAME', 'This enterprise is not expected to send this form for this period');
  };

  /** A report with its items, values, previous values for context, deadline and lock state. */
  const getReport = async (ctx: TRequestContext, k: TReportKey) => {
    const actor = requireActor(ctx);
    if (!canRead(actor, k.enterpriseId)) throw forbidden('You may only see your own reports');
    const { form, enterprise, items, required } = await loadContext(db, k);
    const report = await findReport(db, k);
    const cells = report ? await findCells(db, report.id) : [];
    const history = await findAcceptedHistory(db, { formCode: k.formCode, enterpriseId: k.enterpriseId, from: shift(k.period, -12) });
    const lock = await lockState(db, k, form);
    return {
      form: { code: form.code, kind: form.kind, nameVi: form.nameVi, nameEn: form.nameEn },
      enterprise: { id: enterprise.id, taxCode: enterprise.taxCode, nameVi: enterprise.nameVi },
      period: k.period,
      status: report?.status ?? 'NOT_STARTED',
      revision: report?.revision ?? 0,
      acceptedRevision: report?.acceptedRevision ?? null,
      returnReason: report?.returnReason ?? null,
      submittedAt: report?.submittedAt?.toISOString() ?? null,
      deadline: lock.deadline.toISOString(),
      locksAt: lock.locksAt.toISOString(),
      isLocked: lock.isLocked,
      lockExceptionUntil: lock.exceptionUntil,
      items: [...items].map(([item, meta]) => {
        const cell = cells.find((c) => c.item === item);
        return {
          item,
          ...meta,
          isRequired: required.includes(item),
          value: cell?.value ?? null,
          acceptedValue: cell?.acceptedValue ?? null,
          comment: cell?.comment ?? null,
          previousMonth: history.get(item)?.get(shift(k.period, -1)) ?? null,
          sameMonthLastYear: history.get(item)?.get(shift(k.period, -12)) ?? null,
        };
      }),
      abilities: { canEdit: canWrite(actor, k.enterpriseId) && !lock.isLocked, canReview: isReviewer(actor) },
      /** Soft-rule warnings of the working values (what the reviewer checks and the comments answer). */
      warnings: issuesToDetails(await softIssues(db, k, cells.map((c) => ({ item: c.item, value: c.value })))),
    };
  };

  const softIssues = async (tx: TDbOrTx, k: TReportKey, cells: { item: string; value: number }[]) =>
    checkSoftRules({ period: k.period, cells, history: await findAcceptedHistory(tx, { formCode: k.formCode, enterpriseId: k.enterpriseId, from: shift(k.period, -24) }), tetWindows: (await listTetWindows(tx)).map((w) => ({ year: w.year, start: w.start, end: w.end })) });

  const issuesToDetails = (issues: TRuleIssue[]) => issues.map((i) => ({ path: `cells.${i.item}`, rule: i.rule, message: i.message }));

  /** Saves the working values (autosave). Values are checked for type and sign; warnings are returned, not enforced. */
  const saveDraft = async (ctx: TRequestContext, k: TReportKey, cells: TCellBody[]) => {
    const actor = requireActor(ctx);
    if (!canWrite(actor, k.enterpriseId)) throw forbidden('You may only fill in your own reports');
    const result = await db.transaction(async (tx) => {
      const { form, items } = await loadContext(tx, k);
      await assertWritable(tx, k, form);
      const hard = checkHardRules(cells, { allowedItems: new Set(items.keys()), requiredItems: [] });
      if (hard.length) throw new AppError('VALIDATION_ERROR', `${hard[0].item}: ${hard[0].message}`, issuesToDetails(hard));
      let report = await findReport(tx, k, { forUpdate: true });
      if (report?.status === 'SUBMITTED' && actor.role === 'ENTERPRISE') throw new AppError('INVALID_TRANSITION', 'The report is submitted and awaits review', { allowed: [] });
      const before = report ? await findCells(tx, report.id) : [];
      report ??= await insertReport(tx, { ...k, status: 'DRAFT' });
      const history = [];
      for (const c of cells) {
        const old = before.find((b) => b.item === c.item);
        if (old && old.value === c.value && (old.comment ?? null) === (c.comment ?? null)) continue;
        await upsertCell(tx, { reportId: report.id, item: c.item, value: c.value, comment: c.comment ?? null });
        history.push({ reportId: report.id, item: c.item, oldValue: old?.value ?? null, newValue: c.value, comment: c.comment ?? null, actorId: actor.userId, actorName: actor.username });
      }
      for (const old of before) {
        if (cells.some((c) => c.item === old.item)) continue;
        await deleteCell(tx, report.id, old.item);
        history.push({ reportId: report.id, item: old.item, oldValue: old.value, newValue: null, comment: null, actorId: actor.userId, actorName: actor.username });
      }
      await insertHistory(tx, history);
      const status = report.status === 'ACCEPTED' || report.status === 'RETURNED' || report.status === 'SUBMITTED' ? 'DRAFT' : report.status;
      const updated = await updateReport(tx, report.id, { status });
      if (history.length) await recordAudit(tx, ctx, { entity: 'report', entityId: report.id, action: 'report.save', before: { status: report.status, cells: before.map((b) => ({ item: b.item, value: b.value })) }, after: { status, cells } });
      return { report: updated, warnings: await softIssues(tx, k, cells) };
    });
    return result;
  };

  /** Submits: hard rules block; every soft-rule warning needs a comment on its cell. */
  const submit = async (ctx: TRequestContext, k: TReportKey) => {
    const actor = requireActor(ctx);
    if (!canWrite(actor, k.enterpriseId)) throw forbidden('You may only submit your own reports');
    return db.transaction(async (tx) => {
      const { form, items, required } = await loadContext(tx, k);
      await assertWritable(tx, k, form);
      const report = await findReport(tx, k, { forUpdate: true });
      if (!report || (report.status !== 'DRAFT' && report.status !== 'RETURNED')) {
        throw new AppError('INVALID_TRANSITION', `A report in state ${report?.status ?? 'NOT_STARTED'} cannot be submitted`, { allowed: ['DRAFT', 'RETURNED'] });
      }
      const cells = await findCells(tx, report.id);
      const hard = checkHardRules(cells.map((c) => ({ item: c.item, value: c.value })), { allowedItems: new Set(items.keys()), requiredItems: required });
      if (cells.length === 0) hard.push({ item: '*', rule: 'REQUIRED', message: 'the report has no values' });
      if (hard.length) throw new AppError('VALIDATION_ERROR', `${hard[0].item}: ${hard[0].message}`, issuesToDetails(hard));
      const warnings = await softIssues(tx, k, cells);
      const uncommented = warnings.filter((w) => !cells.find((c) => c.item === w.item)?.comment?.trim());
      if (uncommented.length) throw new AppError('VALIDATION_ERROR', `Explain the unusual value of ${uncommented[0].item} in a comment: ${uncommented[0].message}`, issuesToDetails(uncommented));
      const now = clock();
      const updated = await updateReport(tx, report.id, { status: 'SUBMITTED', submittedAt: now, returnReason: null });
      await recordAudit(tx, ctx, { entity: 'report', entityId: report.id, action: 'report.submit', before: { status: report.status }, after: { status: 'SUBMITTED', warnings } });
      return { report: updated, warnings, isOnTime: now <= reportDates(k.period, form).deadline };
    });
  };

  /** Accepts a submitted report: its values become the published ones, and the indicators are recomputed from its month. */
  const accept = async (ctx: TRequestContext, k: TReportKey) => {
    const actor = requireActor(ctx);
    if (!isReviewer(actor)) throw forbidden('Only officers accept reports');
    const updated = await db.transaction(async (tx) => {
      await loadContext(tx, k);
      const report = await findReport(tx, k, { forUpdate: true });
      if (!report || report.status !== 'SUBMITTED') throw new AppError('INVALID_TRANSITION', `A report in state ${report?.status ?? 'NOT_STARTED'} cannot be accepted`, { allowed: ['SUBMITTED'] });
      await acceptCells(tx, report.id);
      const acceptedRevision = report.acceptedRevision === null ? 0 : report.acceptedRevision + 1;
      const row = await updateReport(tx, report.id, { status: 'ACCEPTED', acceptedRevision, revision: acceptedRevision, decidedAt: clock(), decidedBy: actor.userId });
      await recordAudit(tx, ctx, { entity: 'report', entityId: report.id, action: 'report.accept', before: { status: report.status, acceptedRevision: report.acceptedRevision }, after: { status: 'ACCEPTED', acceptedRevision } });
      return row;
    });
    const started = performance.now();
    await statisticsService.recompute({ from: k.period, reason: `report ${updated.id} accepted` });
    return { report: updated, recomputeMs: Math.round(performance.now() - started) };
  };

  /** Returns a submitted report to the enterprise with a reason. */
  const returnReport = async (ctx: TRequestContext, k: TReportKey, reason: string) => {
    const actor = requireActor(ctx);
    if (!isReviewer(actor)) throw forbidden('Only officers return reports');
    return db.transaction(async (tx) => {
      const report = await findReport(tx, k, { forUpdate: true });
      if (!report || report.status !== 'SUBMITTED') throw new AppError('INVALID_TRANSITION', `A report in state ${report?.status ?? 'NOT_STARTED'} cannot be returned`, { allowed: ['SUBMITTED'] });
      const row = await updateReport(tx, report.id, { status: 'RETURNED', returnReason: reason, decidedAt: clock(), decidedBy: actor.userId });
      await recordAudit(tx, ctx, { entity: 'report', entityId: report.id, action: 'report.return', before: { status: report.status }, after: { status: 'RETURNED', reason } });
      return row;
    });
  };

  const getCellHistory = async (ctx: TRequestContext, k: TReportKey) => {
    const actor = requireActor(ctx);
    if (!canRead(actor, k.enterpriseId)) throw forbidden('You may only see your own reports');
    const report = await findReport(db, k);
    return report ? findHistory(db, report.id) : [];
  };

  /** An officer reopens a locked period for one enterprise until a date. */
  const grantLockException = async (ctx: TRequestContext, input: TReportKey & { until: string; reason: string }) => {
    const actor = requireActor(ctx);
    if (!isReviewer(actor)) throw forbidden('Only officers grant lock exceptions');
    if (input.until < todayInVietnam()) throw new AppError('VALIDATION_ERROR', 'The exception must last until today or later', [{ path: 'body.until', message: 'in the past' }]);
    return db.transaction(async (tx) => {
      await loadContext(tx, input);
      const row = await insertLockException(tx, { formCode: input.formCode, enterpriseId: input.enterpriseId, period: input.period, until: input.until, reason: input.reason, grantedBy: actor.userId });
      await recordAudit(tx, ctx, { entity: 'report_lock_exception', entityId: row.id, action: 'report.lock_exception', after: input });
      return row;
    });
  };

  const getCompleteness = async (ctx: TRequestContext, f: { formCode: string; period: string }) => {
    const actor = requireActor(ctx);
    if (!hasPermission(actor, 'reports.read')) throw forbidden();
    const form = await findForm(db, f.formCode);
    if (!form) throw notFound(`Form ${f.formCode}`);
    return { form, nonReporters: await findNonReporters(db, f) };
  };

  const list = async (ctx: TRequestContext, f: { formCode?: string; period?: string; status?: string; q?: string; page: number; pageSize: number }) => {
    const actor = requireActor(ctx);
    if (actor.role === 'ENTERPRISE') return listReports(db, { ...f, enterpriseIds: actor.enterpriseIds.length ? actor.enterpriseIds : [-1] });
    if (!hasPermission(actor, 'reports.read')) throw forbidden();
    return listReports(db, f);
  };

  /**
   * Reminders to the enterprises that have not sent a form for a month: one e-mail (or outbox
   * row) per enterprise address and per user of the enterprise, audited. Returns the count.
   */
  const sendReminders = async (ctx: TRequestContext, f: { formCode: string; period: string; kind: 'BEFORE_DEADLINE' | 'AFTER_DEADLINE' }) => {
    const form = await findForm(db, f.formCode);
    if (!form) throw notFound(`Form ${f.formCode}`);
    const { deadline } = reportDates(f.period, form);
    const deadlineText = new Date(deadline.getTime() + 7 * 3600_000).toISOString().slice(0, 10).split('-').reverse().join('/');
    const missing = await findNonReporters(db, f);
    const users = await findEnterpriseUserEmails(db);
    return db.transaction(async (tx) => {
      let sent = 0;
      for (const e of missing) {
        const recipients = new Set([e.email, ...(users.get(e.enterprise_id) ?? [])].filter((x): x is string => Boolean(x)));
        for (const to of recipients) {
          await mail.queueMail(tx, {
            to,
            subject: f.kind === 'BEFORE_DEADLINE' ? `Nhắc nộp ${form.nameVi} kỳ ${f.period}` : `Quá hạn nộp ${form.nameVi} kỳ ${f.period}`,
            body: `Kính gửi ${e.name_vi} (MST ${e.tax_code}),\n\n${
              f.kind === 'BEFORE_DEADLINE'
                ? `Sở Công Thương đề nghị doanh nghiệp gửi ${form.nameVi} kỳ ${f.period} trước ngày ${deadlineText}.`
                : `Đến nay doanh nghiệp chưa gửi ${form.nameVi} kỳ ${f.period} (hạn nộp ngày ${deadlineText}). Đề nghị doanh nghiệp gửi báo cáo sớm.`
            }\n\nTrân trọng,\nSở Công Thương`,
          });
          sent++;
        }
      }
      await recordAudit(tx, ctx, { entity: 'report_reminder', entityId: `${f.formCode}:${f.period}`, action: 'report.remind', after: { ...f, enterprises: missing.length, messages: sent } });
      return { enterprises: missing.length, messages: sent };
    });
  };

  /** The reminders due today for every form: N days before and M days after each period's deadline. */
  const runDueReminders = async (ctx: TRequestContext) => {
    const today = todayInVietnam();
    const results = [];
    for (const form of await listForms(db)) {
      for (const months of [-1, -2]) {
        const period = shift(today.slice(0, 7), months);
        const { deadline } = reportDates(period, form);
        const deadlineDay = new Date(deadline.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
        const dayDiff = Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${deadlineDay}T00:00:00Z`)) / 86400_000);
        const kind = dayDiff === -form.remindBeforeDays ? 'BEFORE_DEADLINE' : dayDiff === form.remindAfterDays ? 'AFTER_DEADLINE' : null;
        if (kind) results.push({ formCode: form.code, period, kind, ...(await sendReminders(ctx, { formCode: form.code, period, kind })) });
      }
    }
    return results;
  };

  return { sendReminders, runDueReminders, listForms: () => listForms(db), getReport, saveDraft, submit, accept, returnReport, getCellHistory, grantLockException, getCompleteness, list };
};

export type TReportingService = ReturnType<typeof createReportingService>;
