import { eq } from 'drizzle-orm';
import type { TDb } from '../../db/client';
import { enterprises } from '../../db/schema/enterprises';
import { classifyUrgency, dueSoonLimit } from '../../domain/cases/deadlines';
import { toEpochMs, type TLegalTime, isWorkingDay } from '../../domain/calendar/workdays';
import { AppError, forbidden, notFound } from '../../server/errors';
import type { TRequestContext } from '../../server/request-context';
import { recordAudit } from '../audit/audit.service';
import type { TActor } from '../auth/auth.policy';
import type { TCalendarService } from '../calendar/calendar.service';
import type { TCaseRow } from '../cases/cases.repo';
import type { TCaseEngine, TCaseWriter, TRoute } from '../cases/cases.service';
import type { TProcedureService } from '../procedures/procedures.service';
import { refreshStatFacts } from '../service-index/service-index.repo';
import {
  acceptsChannel,
  classifyFinish,
  DOSSIER_CODE_RE,
  formatDossierCode,
  formatLegalTimeVi,
  processingTimeFor,
  scoreEvaluation,
  vnDay,
  type TChannel,
  type TEvaluationAnswers,
} from './dossier-rules';
import { buildApologySlipDocx, buildControlSlipDocx, buildReceiptSlipDocx, buildRefusalSlipDocx, buildRegisterDocx, buildSupplementSlipDocx } from './dossier-slips';
import {
  DOSSIER_CASE_TYPE,
  DOSSIER_UNITS,
  dossierCaseType,
  dossierRelationsOf,
  NATIONAL_STATUS,
  NATIONAL_STATUS_LABEL_VI,
  UNIT_NAMES_VI,
  UNIT_OF_FIELD,
  type TDossierState,
  type TDossierTransition,
  type TDossierUnit,
} from './dossier-workflow';
import {
  findApplicantDossiers,
  findDossier,
  findDossierByCode,
  findDossiersWithNames,
  findDueForAlert,
  findEvaluation,
  findFieldName,
  findProcedureById,
  findProcedureNames,
  findRegister,
  findUnitOfficers,
  findUserName,
  findVersionById,
  insertDossier,
  insertEvaluation,
  nextDailySequence,
  updateDossier,
  type TDossierRow,
} from './dossiers.repo';

type TVersion = NonNullable<Awaited<ReturnType<TProcedureService['getProcedure']>>['current']>['version'];

export type TApplicantFields = {
  applicantName?: string;
  applicantIdNumber?: string | null;
  applicantAddress?: string;
  applicantPhone?: string | null;
  applicantEmail?: string | null;
};

export type TDraftInput = TApplicantFields & { procedureCode: string; requestSummary: string };

export type TDeskInput = Required<Pick<TApplicantFields, 'applicantName' | 'applicantAddress'>> &
  TApplicantFields & { procedureCode: string; channel: 'DIRECT' | 'POSTAL'; requestSummary: string; receivedAt?: string; components?: { name: string; originals: number; copies: number }[] };

export type TTransitionBody = {
  transition: TDossierTransition;
  reason?: string;
  attachmentIds?: number[];
  receivedAt?: string;
  unitCode?: TDossierUnit;
  assigneeId?: number;
  stepDays?: number;
  items?: string[];
  feeVnd?: number;
  paidOnline?: boolean;
};

export type TDossierConfig = {
  dossierAgencyCode: string;
  dossierAgencyName: string;
  dossierDueSoonWorkingDays: number;
  dossierPaymentPause: 'NONE' | 'PAUSE' | 'RESTART';
  publicUrl: string | undefined;
  port: number;
};

const PARENT_AUTHORITY = 'UBND THÀNH PHỐ HÀ NỘI';
/** Most dossiers one register (Mẫu 06) lists. */
const REGISTER_MAX = 5000;
/** Journal actions as printed on the control slip (Mẫu 05). */
const ACTION_LABEL_VI: Record<string, string> = {
  submit: 'Nộp hồ sơ trực tuyến',
  receive: 'Tiếp nhận hồ sơ',
  refuse_intake: 'Từ chối tiếp nhận',
  transfer: 'Chuyển xử lý',
  request_supplement: 'Yêu cầu bổ sung hồ sơ',
  complete_supplement: 'Bổ sung hồ sơ',
  request_payment: 'Đề nghị nộp phí, lệ phí',
  confirm_payment: 'Xác nhận nộp phí, lệ phí',
  approve: 'Phê duyệt kết quả',
  refuse: 'Từ chối giải quyết',
  return_result: 'Trả kết quả',
  request_withdrawal: 'Đề nghị rút hồ sơ',
  confirm_withdrawal: 'Xác nhận rút hồ sơ',
  stop: 'Dừng xử lý',
  ASSIGN: 'Giao xử lý',
  TRANSFER: 'Chuyển xử lý',
  RESCHEDULE: 'Xin lỗi và hẹn lại ngày trả kết quả',
};
const PLACE = 'Hà Nội';

/** Parses an instant given by a client; a bad value is a 400 naming the field. */
const parseInstant = (text: string, path: string): Date => {
  try {
    return new Date(toEpochMs(text));
  } catch {
    throw new AppError('VALIDATION_ERROR', `${path}: "${text}" is not a date-time`, [{ path, message: 'not an ISO 8601 date-time' }]);
  }
};

/**
 * One-stop-shop dossiers on the case engine: online drafts and submission, receipt (online or at
 * the desk) with the daily code, processing and transfers, supplements, payment, approval or
 * refusal, return, withdrawal, late handling with one reschedule, slips (Mẫu 01/02/04), the
 * public lookup and the applicant's evaluation.
 */
export const createDossierService = ({
  db,
  engine,
  procedureService,
  calendarService,
  config,
}: {
  db: TDb;
  engine: TCaseEngine;
  procedureService: TProcedureService;
  calendarService: TCalendarService;
  config: TDossierConfig;
}) => {
  engine.register({ def: dossierCaseType, relationsOf: (actor, row) => dossierRelationsOf(actor, row) });

  const lookupUrl = (code: string) => `${(config.publicUrl ?? `http://localhost:${config.port}`).replace(/\/$/, '')}/procedures/lookup?code=${encodeURIComponent(code)}`;

  const requireActor = (ctx: TRequestContext): TActor => {
    if (!ctx.actor) throw new AppError('UNAUTHENTICATED', 'Sign in first');
    return ctx.actor;
  };

  /** The case and dossier rows, if the actor may see them (applicant or Department staff); 404 otherwise. */
  const loadVisible = async (ctx: TRequestContext, caseId: number) => {
    const actor = requireActor(ctx);
    const row = await engine.getCase(caseId);
    if (!row || row.caseType !== DOSSIER_CASE_TYPE) throw notFound('Dossier');
    const relations = engine.relationsOf(actor, row);
    if (!relations.has('APPLICANT') && !relations.has('STAFF')) throw notFound('Dossier');
    const dossier = await findDossier(db, caseId);
    if (!dossier) throw notFound('Dossier');
    return { row, dossier, relations, actor };
  };

  /** The procedure and its version in force on a Vietnam day, or a 400/409 naming the problem. */
  const versionInForce = async (procedureCode: string, day: string, path = 'body.procedureCode') => {
    let found;
    try {
      found = await procedureService.getProcedure(procedureCode, day);
    } catch (error) {
      if (error instanceof AppError && error.code === 'NOT_FOUND') throw new AppError('VALIDATION_ERROR', `Unknown procedure ${procedureCode}`, [{ path, message: 'unknown procedure' }]);
      throw error;
    }
    const version = found.current?.version;
    if (!version || version.changeKind === 'ABOLISHED') {
      throw new AppError('CONFLICT', `Procedure ${procedureCode} is not in force on ${day}${version ? ' (abolished)' : ''}`);
    }
    return { procedure: found.procedure, version };
  };

  const notifyApplicant = async (w: TCaseWriter, row: TCaseRow, dossier: TDossierRow, title: string, body: string) => {
    await w.notify({
      caseId: row.id,
      kind: 'DOSSIER',
      title,
      body,
      link: `/dossiers/${row.id}`,
      userIds: dossier.applicantUserId ? [dossier.applicantUserId] : [],
      emails: dossier.applicantUserId ? [] : dossier.applicantEmail ? [dossier.applicantEmail] : [],
    });
  };

  const notifyUnit = async (w: TCaseWriter, row: TCaseRow, unitCode: string, title: string, body: string, assigneeId?: number | null) => {
    const officers = await findUnitOfficers(w.tx, unitCode);
    const ids = assigneeId ? [assigneeId] : officers.map((o) => o.id);
    await w.notify({ caseId: row.id, kind: 'DOSSIER', title, body, link: `/dossiers/${row.id}`, userIds: ids });
  };

  /** Receipt inside the caller's transaction: version in force, code from the daily counter, clock start. */
  const receiveIn = async (w: TCaseWriter, ctx: TRequestContext, row: TCaseRow, dossier: TDossierRow, receivedAt: Date, version: TVersion) => {
    const day = vnDay(receivedAt);
    const limit = processingTimeFor(version, dossier.channel as TChannel);
    const seq = await nextDailySequence(w.tx, dossier.agencyCode, day);
    if (seq > 9999) throw new AppError('CONFLICT', `The daily sequence of ${dossier.agencyCode} on ${day} is exhausted`);
    const code = formatDossierCode(dossier.agencyCode, day, seq);
    const fee = ((version.fees ?? []) as { amountVnd: number }[]).reduce((sum, f) => sum + f.amountVnd, 0);
    const result = await w.transition({ caseId: row.id, transition: 'receive', at: receivedAt, limit, route: { unitCode: 'ONE_STOP', assigneeId: ctx.actor?.userId ?? null }, data: { code } });
    const updated = await updateDossier(w.tx, row.id, { code, receivedAt, receivedBy: ctx.actor?.userId ?? null, procedureVersionId: version.id, feeVnd: fee });
    await recordAudit(w.tx, ctx, { entity: 'dossier', entityId: row.id, action: 'dossier.receive', after: { code, receivedAt, procedureVersionId: version.id, dueAt: result.row.dueAt } });
    await notifyApplicant(w, result.row, updated, `Hồ sơ ${code} đã được tiếp nhận`, `Hồ sơ của bạn đã được tiếp nhận với mã ${code}. Hẹn trả kết quả: ${result.row.dueAt?.toISOString() ?? ''}. Tra cứu: ${lookupUrl(code)}`);
    return { row: result.row, dossier: updated };
  };

  /** Sets the end time (spec §2.3) and both classifications, once. */
  const finishIn = async (w: TCaseWriter, row: TCaseRow, dossier: TDossierRow, at: Date, patch: Partial<TDossierRow>) => {
    const next: Partial<TDossierRow> = { ...patch };
    if (!dossier.finishedAt) {
      const pauses = await w.pauses(row.id);
      const supplements = pauses.filter((p) => p.kind === 'SUPPLEMENT').map((p) => ({ requestedAt: p.startedAt, completedAt: p.endedAt }));
      const limit: TLegalTime | null = row.deadlineValue && row.deadlineUnit ? { value: Number(row.deadlineValue), unit: row.deadlineUnit as TLegalTime['unit'] } : null;
      const c = classifyFinish(w.cal, { receivedAt: dossier.receivedAt, dueAt: row.dueAt, firstDueAt: row.firstDueAt, finishedAt: at, supplements, limit });
      Object.assign(next, { finishedAt: at, timelinessLegal: c.legal, timelinessPortal: c.portal });
    }
    return updateDossier(w.tx, row.id, next);
  };

  /** An enterprise user starts an online dossier (draft) for a procedure in force today that accepts online submission. */
  const createDraft = async (ctx: TRequestContext, input: TDraftInput) => {
    const actor = requireActor(ctx);
    if (actor.role !== 'ENTERPRISE') throw forbidden('Only enterprise accounts submit dossiers online');
    const { procedure, version } = await versionInForce(input.procedureCode, vnDay(new Date()));
    if (!acceptsChannel(version, 'ONLINE') || version.onlineServiceLevel === 'NONE') {
      throw new AppError('VALIDATION_ERROR', `Procedure ${input.procedureCode} cannot be submitted online`, [{ path: 'body.procedureCode', message: 'no online service' }]);
    }
    const enterpriseId = actor.enterpriseIds[0] ?? null;
    const enterprise = enterpriseId ? (await db.select().from(enterprises).where(eq(enterprises.id, enterpriseId)).limit(1))[0] : undefined;
    const applicantName = input.applicantName ?? enterprise?.nameVi ?? actor.displayName;
    const applicantAddress = input.applicantAddress ?? enterprise?.address ?? '';
    if (!applicantAddress.trim()) throw new AppError('VALIDATION_ERROR', 'The applicant address is required', [{ path: 'body.applicantAddress', message: 'required' }]);
    const components = ((version.dossierComponents ?? []) as { name: string; originals: number; copies: number }[]).map((c) => ({ name: c.name, originals: c.originals, copies: c.copies }));
    return engine.run(ctx, async (w) => {
      const row = await w.open({ caseType: DOSSIER_CASE_TYPE, title: version.name, ownerUserId: actor.userId, enterpriseId });
      await insertDossier(w.tx, {
        caseId: row.id,
        agencyCode: config.dossierAgencyCode,
        procedureId: procedure.id,
        channel: 'ONLINE',
        enterpriseId,
        applicantUserId: actor.userId,
        applicantName,
        applicantIdNumber: input.applicantIdNumber ?? enterprise?.taxCode ?? null,
        applicantAddress,
        applicantPhone: input.applicantPhone ?? enterprise?.phone ?? null,
        applicantEmail: input.applicantEmail ?? enterprise?.email ?? null,
        requestSummary: input.requestSummary,
        components,
      });
      await recordAudit(w.tx, ctx, { entity: 'dossier', entityId: row.id, action: 'dossier.draft', after: { procedureCode: procedure.code, requestSummary: input.requestSummary } });
      return row.id;
    });
  };

  /** A dossier received at the desk (counter or post) by a one-stop officer: opened and received at once. */
  const receiveAtDesk = async (ctx: TRequestContext, input: TDeskInput) => {
    const actor = requireActor(ctx);
    if (!dossierRelationsOf(actor, { ownerUserId: null, enterpriseId: null, unitCode: null, assigneeId: null }).has('INTAKE')) throw forbidden('Only one-stop officers receive dossiers');
    const receivedAt = input.receivedAt ? parseInstant(input.receivedAt, 'body.receivedAt') : new Date();
    if (receivedAt.getTime() > Date.now() + 60_000) throw new AppError('VALIDATION_ERROR', 'A dossier cannot be received in the future', [{ path: 'body.receivedAt', message: 'in the future' }]);
    const { procedure, version } = await versionInForce(input.procedureCode, vnDay(receivedAt));
    if (!acceptsChannel(version, input.channel)) throw new AppError('VALIDATION_ERROR', `Procedure ${input.procedureCode} is not offered on channel ${input.channel}`, [{ path: 'body.channel', message: 'not offered' }]);
    const components = input.components ?? ((version.dossierComponents ?? []) as { name: string; originals: number; copies: number }[]).map((c) => ({ name: c.name, originals: c.originals, copies: c.copies }));
    return engine.run(ctx, async (w) => {
      const row = await w.open({ caseType: DOSSIER_CASE_TYPE, title: version.name, state: 'SUBMITTED', at: receivedAt });
      const dossier = await insertDossier(w.tx, {
        caseId: row.id,
        agencyCode: config.dossierAgencyCode,
        procedureId: procedure.id,
        channel: input.channel,
        applicantName: input.applicantName,
        applicantIdNumber: input.applicantIdNumber ?? null,
        applicantAddress: input.applicantAddress,
        applicantPhone: input.applicantPhone ?? null,
        applicantEmail: input.applicantEmail ?? null,
        requestSummary: input.requestSummary,
        components,
        submittedAt: receivedAt,
      });
      const received = await receiveIn(w, ctx, row, dossier, receivedAt, version);
      return received.row.id;
    });
  };

  /** Uploads a file to a dossier: the applicant while drafting or supplementing; staff while it is open. */
  const uploadAttachment = async (ctx: TRequestContext, caseId: number, input: { purpose: string; label?: string; fileName: string; bytes: Buffer }) => {
    const { row, relations } = await loadVisible(ctx, caseId);
    const isApplicant = relations.has('APPLICANT');
    if (isApplicant) {
      const allowed = (row.state === 'DRAFT' && input.purpose === 'COMPONENT') || (row.state === 'SUPPLEMENT_REQUESTED' && input.purpose === 'SUPPLEMENT');
      if (!allowed) throw new AppError('CONFLICT', `In state ${row.state} the applicant cannot add a ${input.purpose} file`);
    } else if (dossierCaseType.finalStates.includes(row.state as TDossierState)) {
      throw new AppError('CONFLICT', 'The dossier is closed');
    }
    const attachment = await engine.run(ctx, async (w) => {
      const a = await w.attach({ caseId, purpose: input.purpose, label: input.label ?? null, fileName: input.fileName, bytes: input.bytes, isPublic: false });
      await refreshStatFacts(w.tx, [caseId]); // a component file makes a finished dossier "digitised" (766 3.5)
      return a;
    });
    return attachment;
  };

  /** Takes a transition on a dossier with its dossier-specific effects, in one transaction. */
  const transition = async (ctx: TRequestContext, caseId: number, body: TTransitionBody) => {
    const { row, dossier } = await loadVisible(ctx, caseId);
    const procedure = await findProcedureById(db, dossier.procedureId);
    if (!procedure) throw notFound('Procedure');
    // Everything read from the pool is read before the transaction opens.
    let receipt: { receivedAt: Date; version: TVersion } | undefined;
    if (body.transition === 'receive' && row.state === 'SUBMITTED') {
      const receivedAt = body.receivedAt ? parseInstant(body.receivedAt, 'body.receivedAt') : new Date();
      if (receivedAt.getTime() > Date.now() + 60_000) throw new AppError('VALIDATION_ERROR', 'A dossier cannot be received in the future', [{ path: 'body.receivedAt', message: 'in the future' }]);
      if (dossier.submittedAt && receivedAt < dossier.submittedAt) throw new AppError('VALIDATION_ERROR', 'The receipt cannot be before the submission', [{ path: 'body.receivedAt', message: 'before submission' }]);
      receipt = { receivedAt, version: (await versionInForce(procedure.code, vnDay(receivedAt), 'body.receivedAt')).version };
    }
    const run = async (w: TCaseWriter): Promise<void> => {
      const base = { caseId, reason: body.reason ?? null, attachmentIds: body.attachmentIds ?? [] };
      const now = new Date();
      switch (body.transition) {
        case 'submit': {
          const components = (await w.attachments(caseId)).filter((a) => a.purpose === 'COMPONENT').map((a) => a.id);
          const r = await w.transition({ ...base, transition: 'submit', attachmentIds: components, unitCode: 'ONE_STOP' });
          const d = await updateDossier(w.tx, caseId, { submittedAt: now });
          await notifyUnit(w, r.row, 'ONE_STOP', 'Hồ sơ trực tuyến mới', `${d.applicantName} đã nộp hồ sơ trực tuyến: ${r.row.title}`);
          return;
        }
        case 'receive': {
          // Not SUBMITTED: let the engine answer 409 with the allowed transitions.
          if (!receipt) {
            await w.transition({ ...base, transition: 'receive' });
            return;
          }
          await receiveIn(w, ctx, row, dossier, receipt.receivedAt, receipt.version);
          return;
        }
        case 'refuse_intake': {
          const r = await w.transition({ ...base, transition: 'refuse_intake' });
          const d = await finishIn(w, r.row, dossier, now, { intakeRefusedAt: now });
          await notifyApplicant(w, r.row, d, 'Hồ sơ không được tiếp nhận', `Hồ sơ ${r.row.title} không được tiếp nhận. Lý do: ${body.reason ?? ''}`);
          return;
        }
        case 'transfer': {
          if (!body.unitCode) throw new AppError('VALIDATION_ERROR', 'A transfer needs the receiving unit', [{ path: 'body.unitCode', message: 'required' }]);
          if (body.assigneeId !== undefined) {
            const officers = await findUnitOfficers(w.tx, body.unitCode);
            if (!officers.some((o) => o.id === body.assigneeId)) throw new AppError('VALIDATION_ERROR', `User ${body.assigneeId} is not an officer of ${body.unitCode}`, [{ path: 'body.assigneeId', message: 'not an officer of the unit' }]);
          }
          const route: TRoute = { unitCode: body.unitCode, assigneeId: body.assigneeId ?? null, stepLimit: body.stepDays ? { value: body.stepDays, unit: 'WORKING_DAY' } : null };
          const r = await w.transition({ ...base, transition: 'transfer', route, data: { unitName: UNIT_NAMES_VI[body.unitCode] } });
          await notifyUnit(w, r.row, body.unitCode, `Hồ sơ ${dossier.code ?? ''} chuyển đến`, `${UNIT_NAMES_VI[body.unitCode]} nhận hồ sơ: ${r.row.title}`, body.assigneeId);
          return;
        }
        case 'request_supplement': {
          const items = (body.items ?? []).map((s) => s.trim()).filter(Boolean);
          const r = await w.transition({ ...base, transition: 'request_supplement', pauseData: { items } });
          const d = await updateDossier(w.tx, caseId, { supplementCount: dossier.supplementCount + 1 });
          await notifyApplicant(w, r.row, d, `Hồ sơ ${dossier.code ?? ''} cần bổ sung`, `Đề nghị bổ sung, hoàn thiện hồ sơ. Lý do: ${body.reason ?? ''}${items.length ? `\n- ${items.join('\n- ')}` : ''}`);
          return;
        }
        case 'complete_supplement': {
          const r = await w.transition({ ...base, transition: 'complete_supplement' });
          await notifyUnit(w, r.row, r.row.unitCode ?? 'ONE_STOP', `Hồ sơ ${dossier.code ?? ''} đã bổ sung`, `Hồ sơ đã được bổ sung; thời hạn giải quyết tính lại đến ${r.row.dueAt?.toISOString() ?? ''}`, r.row.assigneeId);
          return;
        }
        case 'request_payment': {
          const fee = body.feeVnd ?? dossier.feeVnd;
          if (!(fee > 0)) throw new AppError('VALIDATION_ERROR', 'The amount to pay must be positive', [{ path: 'body.feeVnd', message: 'must be > 0' }]);
          const r = await w.transition({ ...base, transition: 'request_payment', pauseRule: config.dossierPaymentPause, data: { feeVnd: fee } });
          const d = await updateDossier(w.tx, caseId, { feeVnd: fee, paymentRequestedAt: now });
          await notifyApplicant(w, r.row, d, `Hồ sơ ${dossier.code ?? ''}: nộp phí, lệ phí`, `Đề nghị nộp ${fee.toLocaleString('vi-VN')} đồng phí, lệ phí để tiếp tục giải quyết hồ sơ.`);
          return;
        }
        case 'confirm_payment': {
          await w.transition({ ...base, transition: 'confirm_payment' });
          await updateDossier(w.tx, caseId, { paidAt: now, paidOnline: body.paidOnline ?? false });
          return;
        }
        case 'approve':
        case 'refuse': {
          const r = await w.transition({ ...base, transition: body.transition });
          const files = await w.attachments(caseId);
          const hasEResult = files.some((f) => f.purpose === 'RESULT' && (body.attachmentIds ?? []).includes(f.id)) || files.some((f) => f.purpose === 'RESULT');
          const d = await finishIn(w, r.row, dossier, now, { processedAt: now, result: body.transition === 'approve' ? 'APPROVED' : 'REFUSED', hasEResult });
          await notifyApplicant(w, r.row, d, `Hồ sơ ${dossier.code ?? ''} đã có kết quả`, body.transition === 'approve' ? 'Hồ sơ đã được giải quyết; mời nhận kết quả.' : `Hồ sơ bị từ chối giải quyết. Lý do: ${body.reason ?? ''}`);
          await notifyUnit(w, r.row, 'ONE_STOP', `Hồ sơ ${dossier.code ?? ''} chờ trả kết quả`, r.row.title);
          return;
        }
        case 'return_result': {
          const r = await w.transition({ ...base, transition: 'return_result' });
          await finishIn(w, r.row, dossier, now, { returnedAt: now });
          return;
        }
        case 'request_withdrawal': {
          const r = await w.transition({ ...base, transition: 'request_withdrawal' });
          await notifyUnit(w, r.row, 'ONE_STOP', `Yêu cầu rút hồ sơ ${dossier.code ?? ''}`, `Lý do: ${body.reason ?? ''}`);
          return;
        }
        case 'confirm_withdrawal':
        case 'stop': {
          const r = await w.transition({ ...base, transition: body.transition });
          const d = await finishIn(w, r.row, dossier, now, { stoppedAt: now });
          await notifyApplicant(w, r.row, d, `Hồ sơ ${dossier.code ?? ''} dừng xử lý`, body.transition === 'stop' ? `Lý do: ${body.reason ?? ''}` : 'Hồ sơ đã được rút theo yêu cầu.');
          return;
        }
      }
    };
    await engine.run(ctx, async (w) => {
      await run(w);
      // The statistics' facts of a finished dossier change in the same transaction.
      await refreshStatFacts(w.tx, [caseId]);
    });
    return getDossier(ctx, caseId);
  };

  /**
   * Late handling (spec §2.4): the apology (Mẫu 04) with a new appointment, at most once; the
   * legal due date and the LATE classification against it are kept.
   */
  const reschedule = async (ctx: TRequestContext, caseId: number, input: { newDueDate: string; reason: string }) => {
    const { row, dossier } = await loadVisible(ctx, caseId);
    const cal = await calendarService.getWorkCalendar();
    if (!isWorkingDay(cal, input.newDueDate)) throw new AppError('VALIDATION_ERROR', `${input.newDueDate} is not a working day`, [{ path: 'body.newDueDate', message: 'not a working day' }]);
    const newDueAt = new Date(toEpochMs(`${input.newDueDate}T17:00:00`));
    await engine.run(ctx, async (w) => {
      const after = await w.reschedule({ caseId, newDueAt, reason: input.reason, relationsAllowed: ['INTAKE', 'HANDLER', 'LEADER'] });
      const d = await updateDossier(w.tx, caseId, { apologyAt: new Date(), apologyReason: input.reason });
      await refreshStatFacts(w.tx, [caseId]);
      await notifyApplicant(w, after, d, `Xin lỗi và hẹn lại ngày trả kết quả hồ sơ ${dossier.code ?? ''}`, `${config.dossierAgencyName} xin lỗi vì hồ sơ chưa được giải quyết đúng hạn (lý do: ${input.reason}). Ngày hẹn trả mới: ${input.newDueDate}.`);
      return row;
    });
    return getDossier(ctx, caseId);
  };

  /** Assigns an open dossier to an officer of the unit handling it (a new step, optional sub-deadline). */
  const assign = async (ctx: TRequestContext, caseId: number, input: { assigneeId: number; stepDays?: number; reason?: string }) => {
    const { row } = await loadVisible(ctx, caseId);
    const unitCode = row.unitCode ?? 'ONE_STOP';
    const officers = await findUnitOfficers(db, unitCode);
    if (!officers.some((o) => o.id === input.assigneeId)) {
      throw new AppError('VALIDATION_ERROR', `User ${input.assigneeId} is not an officer of ${unitCode}`, [{ path: 'body.assigneeId', message: 'not an officer of the unit' }]);
    }
    await engine.run(ctx, async (w) => {
      const after = await w.assign({
        caseId,
        route: { unitCode, assigneeId: input.assigneeId, stepLimit: input.stepDays ? { value: input.stepDays, unit: 'WORKING_DAY' } : null },
        reason: input.reason ?? null,
        relationsAllowed: ['HANDLER', 'LEADER'],
      });
      await w.notify({ caseId, kind: 'DOSSIER', title: `Hồ sơ ${after.title} được giao cho bạn`, body: input.reason ?? after.title, link: `/dossiers/${caseId}`, userIds: [input.assigneeId] });
      await refreshStatFacts(w.tx, [caseId]);
    });
    return getDossier(ctx, caseId);
  };

  const addComment = async (ctx: TRequestContext, caseId: number, input: { visibility: 'INTERNAL' | 'PUBLIC'; body: string }) => {
    const { relations } = await loadVisible(ctx, caseId);
    if (!relations.has('STAFF') && input.visibility === 'INTERNAL') throw forbidden('Applicants write public comments only');
    await engine.run(ctx, (w) => w.comment({ caseId, visibility: input.visibility, body: input.body }));
    return getDossier(ctx, caseId);
  };

  const presentSummary = (row: TCaseRow, d: TDossierRow, procedureName: string | undefined, now: Date, cal: Parameters<typeof classifyUrgency>[0]) => ({
    id: row.id,
    code: d.code,
    state: row.state as TDossierState,
    nationalStatus: NATIONAL_STATUS[row.state as TDossierState],
    title: procedureName ?? row.title,
    applicantName: d.applicantName,
    channel: d.channel,
    unitCode: row.unitCode,
    assigneeId: row.assigneeId,
    submittedAt: d.submittedAt?.toISOString() ?? null,
    receivedAt: d.receivedAt?.toISOString() ?? null,
    dueAt: row.dueAt?.toISOString() ?? null,
    rescheduledDueAt: row.rescheduledDueAt?.toISOString() ?? null,
    stepDueAt: row.stepDueAt?.toISOString() ?? null,
    finishedAt: d.finishedAt?.toISOString() ?? null,
    result: d.result,
    timelinessLegal: d.timelinessLegal,
    timelinessPortal: d.timelinessPortal,
    urgency: row.closedAt ? null : classifyUrgency(cal, { dueAt: row.dueAt ? row.dueAt.getTime() : null, pausedAt: row.pausedAt ? row.pausedAt.getTime() : null, now: now.getTime(), dueSoonWorkingDays: config.dossierDueSoonWorkingDays }),
  });

  /** A dossier with its timeline, files, comments and the transitions the actor may take. */
  const getDossier = async (ctx: TRequestContext, caseId: number) => {
    const { row, dossier, relations, actor } = await loadVisible(ctx, caseId);
    const isStaff = relations.has('STAFF');
    const cal = await calendarService.getWorkCalendar();
    const [timeline, files, comments, evaluation, procedure, version] = await Promise.all([
      engine.timeline(caseId, { publicOnly: !isStaff }),
      engine.attachments(caseId),
      engine.comments(caseId, { publicOnly: !isStaff }),
      findEvaluation(db, caseId),
      findProcedureById(db, dossier.procedureId),
      dossier.procedureVersionId ? findVersionById(db, dossier.procedureVersionId) : Promise.resolve(undefined),
    ]);
    const names = await findProcedureNames(db, [dossier.procedureId]);
    const assigneeName = row.assigneeId ? await findUserName(db, row.assigneeId) : null;
    const supplements = timeline.pauses.filter((p) => p.kind === 'SUPPLEMENT');
    const canAssign = !row.closedAt && row.state !== 'DRAFT' && row.state !== 'SUBMITTED' && (relations.has('HANDLER') || relations.has('LEADER'));
    const canReschedule = !row.closedAt && row.rescheduleCount === 0 && row.dueAt !== null && (relations.has('INTAKE') || relations.has('HANDLER') || relations.has('LEADER'));
    return {
      ...presentSummary(row, dossier, version?.name ?? names[0]?.name, new Date(), cal),
      procedureCode: procedure?.code ?? '',
      suggestedUnitCode: procedure ? (UNIT_OF_FIELD[procedure.fieldCode] ?? null) : null,
      procedureVersionId: dossier.procedureVersionId,
      agencyCode: dossier.agencyCode,
      applicant: {
        name: dossier.applicantName,
        idNumber: dossier.applicantIdNumber,
        address: dossier.applicantAddress,
        phone: dossier.applicantPhone,
        email: dossier.applicantEmail,
      },
      requestSummary: dossier.requestSummary,
      components: dossier.components as { name: string; originals: number; copies: number }[],
      assigneeName,
      firstDueAt: row.firstDueAt?.toISOString() ?? null,
      legalTime: row.deadlineValue && row.deadlineUnit ? { value: Number(row.deadlineValue), unit: row.deadlineUnit } : null,
      feeVnd: dossier.feeVnd,
      paidAt: dossier.paidAt?.toISOString() ?? null,
      supplementCount: dossier.supplementCount,
      apology: dossier.apologyAt ? { at: dossier.apologyAt.toISOString(), reason: dossier.apologyReason ?? '' } : null,
      allowedTransitions: engine.allowedTransitions(actor, row),
      canReschedule,
      canAssign,
      isApplicant: relations.has('APPLICANT'),
      canEvaluate: relations.has('APPLICANT') && (row.state === 'PROCESSED' || row.state === 'RETURNED') && !evaluation,
      slips: {
        receipt: dossier.code !== null,
        supplement: supplements.length > 0,
        apology: dossier.apologyAt !== null,
        refusal: row.state === 'REJECTED_AT_INTAKE' || dossier.result === 'REFUSED',
        control: dossier.code !== null && relations.has('STAFF'),
      },
      events: timeline.events.map((e) => ({
        id: e.id,
        at: e.at.toISOString(),
        kind: e.kind,
        transition: e.transition,
        fromState: e.fromState,
        toState: e.toState,
        actorName: e.actorName,
        unitCode: e.unitCode,
        reason: e.reason,
      })),
      steps: timeline.steps.map((s) => ({ seq: s.seq, unitCode: s.unitCode, startedAt: s.startedAt.toISOString(), dueAt: s.dueAt?.toISOString() ?? null, finishedAt: s.finishedAt?.toISOString() ?? null })),
      pauses: timeline.pauses.map((p) => ({ id: p.id, kind: p.kind, rule: p.rule, reason: p.reason, items: ((p.data as { items?: string[] } | null)?.items ?? []) as string[], startedAt: p.startedAt.toISOString(), endedAt: p.endedAt?.toISOString() ?? null })),
      attachments: files
        .filter((f) => isStaff || f.uploadedBy === actor.userId || f.purpose === 'RESULT')
        .map((f) => ({ id: f.id, purpose: f.purpose, label: f.label, fileName: f.fileName, contentType: f.contentType, sizeBytes: f.sizeBytes, uploadedAt: f.uploadedAt.toISOString() })),
      comments: comments.map((c) => ({ id: c.id, visibility: c.visibility as 'INTERNAL' | 'PUBLIC', body: c.body, authorName: c.authorName, createdAt: c.createdAt.toISOString() })),
      evaluation: evaluation
        ? {
            evaluatedAt: evaluation.evaluatedAt.toISOString(),
            contactsCount: evaluation.contactsCount,
            agenciesContacted: evaluation.agenciesContacted,
            hadComplaint: evaluation.hadComplaint,
            satisfaction: evaluation.satisfaction,
            comment: evaluation.comment,
            scores: { 1: evaluation.score1, 2: evaluation.score2, 3: evaluation.score3, 4: evaluation.score4, 7: evaluation.score7 },
          }
        : null,
    };
  };

  /** The applicant's dossiers, newest first. */
  const listMine = async (ctx: TRequestContext, { page, pageSize }: { page: number; pageSize: number }) => {
    const actor = requireActor(ctx);
    const { rows, total } = await findApplicantDossiers(db, { userId: actor.userId, enterpriseIds: actor.role === 'ENTERPRISE' ? actor.enterpriseIds : [], page, pageSize });
    const names = new Map((await findProcedureNames(db, [...new Set(rows.map((r) => r.dossier.procedureId))])).map((n) => [Number(n.procedure_id), n.name]));
    const cal = await calendarService.getWorkCalendar();
    const now = new Date();
    return { total, items: rows.map((r) => presentSummary(r.case, r.dossier, names.get(r.dossier.procedureId), now, cal)) };
  };

  /**
   * Work queue: open dossiers of the actor's units (or a chosen unit) or assigned to the actor,
   * earliest due first, with counts of overdue and due-soon dossiers.
   */
  const queue = async (ctx: TRequestContext, q: { scope: 'mine' | 'unit'; unit?: TDossierUnit; urgency?: 'OVERDUE' | 'DUE_SOON'; state?: TDossierState; page: number; pageSize: number }) => {
    const actor = requireActor(ctx);
    const seesAll = actor.role === 'ADMIN' || actor.role === 'LEADER';
    const ownUnits = (actor.modules as string[]).filter((m) => (DOSSIER_UNITS as readonly string[]).includes(m));
    if (q.unit && !seesAll && !ownUnits.includes(q.unit)) throw forbidden(`You are not an officer of ${q.unit}`);
    const units = q.scope === 'mine' ? undefined : q.unit ? [q.unit] : seesAll ? [...DOSSIER_UNITS] : ownUnits;
    if (q.scope === 'unit' && units && units.length === 0) return { total: 0, counts: { total: 0, overdue: 0, dueSoon: 0 }, items: [], dueSoonBefore: null };
    const result = await engine.queue({
      caseType: DOSSIER_CASE_TYPE,
      unitCodes: units,
      assigneeId: q.scope === 'mine' ? actor.userId : undefined,
      states: q.state ? [q.state] : undefined,
      urgency: q.urgency,
      dueSoonWorkingDays: config.dossierDueSoonWorkingDays,
      page: q.page,
      pageSize: q.pageSize,
    });
    const ds = new Map((await findDossiersWithNames(db, result.rows.map((r) => r.id))).map((d) => [d.dossier.caseId, d]));
    const items = result.rows.flatMap((r) => {
      const d = ds.get(r.id);
      return d ? [presentSummary(r, d.dossier, d.name, result.now, result.cal)] : [];
    });
    return { total: result.total, counts: result.counts, items, dueSoonBefore: result.dueSoonBefore.toISOString() };
  };

  /** Units and their officers (transfers). */
  const listUnits = async () =>
    Promise.all(DOSSIER_UNITS.map(async (code) => ({ code, nameVi: UNIT_NAMES_VI[code], officers: (await findUnitOfficers(db, code)).map((o) => ({ id: o.id, displayName: o.displayName })) })));

  /**
   * Public lookup by code (spec §2.5): status, current unit, dates and the public history; no
   * personal data (no applicant, no reasons typed by staff, no officer names).
   */
  const lookup = async (code: string) => {
    if (!DOSSIER_CODE_RE.test(code)) {
      throw new AppError('VALIDATION_ERROR', `"${code}" is not a dossier code (expected like 000.00.17.H26-250312-0001)`, [{ path: 'params.code', message: 'malformed dossier code' }]);
    }
    const dossier = await findDossierByCode(db, code);
    const row = dossier ? await engine.getCase(dossier.caseId) : undefined;
    if (!dossier || !row) throw new AppError('NOT_FOUND', `No dossier with code ${code}`);
    const names = await findProcedureNames(db, [dossier.procedureId]);
    const version = dossier.procedureVersionId ? await findVersionById(db, dossier.procedureVersionId) : undefined;
    const procedure = await findProcedureById(db, dossier.procedureId);
    const field = procedure ? await findFieldName(db, procedure.fieldCode) : undefined;
    const { events } = await engine.timeline(row.id, { publicOnly: true });
    const status = NATIONAL_STATUS[row.state as TDossierState];
    return {
      code,
      procedureCode: procedure?.code ?? '',
      procedureName: version?.name ?? names[0]?.name ?? row.title,
      fieldName: field?.nameVi ?? null,
      state: row.state as TDossierState,
      nationalStatus: status,
      statusLabel: status ? NATIONAL_STATUS_LABEL_VI[status] : '',
      unitCode: row.unitCode,
      unitName: row.unitCode && row.unitCode in UNIT_NAMES_VI ? UNIT_NAMES_VI[row.unitCode as TDossierUnit] : null,
      channel: dossier.channel,
      receivedAt: dossier.receivedAt?.toISOString() ?? null,
      dueAt: row.firstDueAt?.toISOString() ?? null,
      currentDueAt: row.dueAt?.toISOString() ?? null,
      rescheduledDueAt: row.rescheduledDueAt?.toISOString() ?? null,
      finishedAt: dossier.finishedAt?.toISOString() ?? null,
      result: dossier.result,
      resultAvailable: row.state === 'PROCESSED' || row.state === 'RETURNED',
      history: events.map((e) => ({
        at: e.at.toISOString(),
        transition: e.transition ?? e.kind,
        state: e.toState,
        nationalStatus: e.toState ? NATIONAL_STATUS[e.toState as TDossierState] : null,
        unitName: e.unitCode && e.unitCode in UNIT_NAMES_VI ? UNIT_NAMES_VI[e.unitCode as TDossierUnit] : null,
      })),
    };
  };

  /** The applicant's evaluation of a processed dossier (once); per-dossier TT01 scores stored with it. */
  const evaluate = async (ctx: TRequestContext, caseId: number, answers: TEvaluationAnswers & { comment?: string }) => {
    const { row, dossier, relations } = await loadVisible(ctx, caseId);
    if (!relations.has('APPLICANT')) throw forbidden('Only the applicant evaluates a dossier');
    if (row.state !== 'PROCESSED' && row.state !== 'RETURNED') throw new AppError('CONFLICT', `A dossier in state ${row.state} cannot be evaluated yet`);
    if (await findEvaluation(db, caseId)) throw new AppError('CONFLICT', 'This dossier was already evaluated');
    const { steps } = await engine.timeline(caseId);
    const scores = scoreEvaluation(answers, { timeliness: (dossier.timelinessLegal as 'EARLY' | 'ON_TIME' | 'LATE' | null) ?? null, steps });
    await engine.run(ctx, async (w) => {
      await insertEvaluation(w.tx, { caseId, evaluatedBy: ctx.actor?.userId ?? null, contactsCount: answers.contactsCount, agenciesContacted: answers.agenciesContacted, hadComplaint: answers.hadComplaint, satisfaction: answers.satisfaction, comment: answers.comment ?? null, ...scores });
      await recordAudit(w.tx, ctx, { entity: 'dossier', entityId: caseId, action: 'dossier.evaluate', after: { ...answers, ...scores } });
      await refreshStatFacts(w.tx, [caseId]);
    });
    return getDossier(ctx, caseId);
  };

  const slipHeader = (number: string, date: Date) => ({ parentAuthority: PARENT_AUTHORITY, authority: config.dossierAgencyName, place: PLACE, date, number });

  /**
   * Mẫu 01, Mẫu 02 (latest supplement request), Mẫu 03 (refusal at intake or after appraisal),
   * Mẫu 04 or Mẫu 05 (control of the process, staff only) as DOCX.
   */
  const buildSlip = async (ctx: TRequestContext, caseId: number, kind: 'receipt' | 'supplement' | 'refusal' | 'apology' | 'control') => {
    const { row, dossier, relations } = await loadVisible(ctx, caseId);
    const version = dossier.procedureVersionId ? await findVersionById(db, dossier.procedureVersionId) : undefined;
    const procedureName = version?.name ?? row.title;
    if (kind === 'refusal') {
      const stage = row.state === 'REJECTED_AT_INTAKE' ? 'INTAKE' : dossier.result === 'REFUSED' ? 'APPRAISAL' : null;
      if (!stage) throw new AppError('CONFLICT', 'The dossier was not refused');
      const { events } = await engine.timeline(caseId);
      const event = [...events].reverse().find((e) => e.transition === (stage === 'INTAKE' ? 'refuse_intake' : 'refuse'));
      const refusedAt = event?.at ?? dossier.intakeRefusedAt ?? dossier.processedAt ?? new Date();
      const bytes = await buildRefusalSlipDocx({
        ...slipHeader(`${dossier.code ? dossier.code.slice(-4) : String(caseId)}/TC`, refusedAt),
        stage,
        code: dossier.code,
        applicantName: dossier.applicantName,
        applicantAddress: dossier.applicantAddress,
        procedureName,
        submittedAt: dossier.submittedAt,
        refusedAt,
        reason: event?.reason ?? '',
        officerName: event?.actorName ?? '',
      });
      return { bytes, fileName: `mau-03-${dossier.code ?? `ho-so-${caseId}`}.docx` };
    }
    if (!dossier.code || !dossier.receivedAt || !row.firstDueAt) throw new AppError('CONFLICT', 'The dossier has not been received yet');
    if (kind === 'control') {
      if (!relations.has('STAFF')) throw forbidden('The control slip is for Department staff');
      const { events } = await engine.timeline(caseId);
      const entries = events
        .filter((e) => e.kind === 'TRANSITION' || e.kind === 'TRANSFER' || e.kind === 'ASSIGN' || e.kind === 'RESCHEDULE')
        .map((e) => {
          const status = e.toState ? NATIONAL_STATUS[e.toState as TDossierState] : undefined;
          const unit = e.unitCode && e.unitCode in UNIT_NAMES_VI ? UNIT_NAMES_VI[e.unitCode as TDossierUnit] : (e.unitCode ?? '');
          const result = [status ? NATIONAL_STATUS_LABEL_VI[status] : '', e.reason ?? ''].filter(Boolean).join(' — ');
          return { at: e.at, action: ACTION_LABEL_VI[e.transition ?? e.kind] ?? e.transition ?? e.kind, actor: e.actorName ?? '', unit, result };
        });
      const bytes = await buildControlSlipDocx({
        ...slipHeader(`${dossier.code.slice(-4)}/KSQT`, new Date()),
        code: dossier.code,
        applicantName: dossier.applicantName,
        procedureName,
        receivedAt: dossier.receivedAt,
        dueAt: row.rescheduledDueAt ?? row.firstDueAt,
        entries,
      });
      return { bytes, fileName: `mau-05-${dossier.code}.docx` };
    }
    const officerName = dossier.receivedBy ? ((await findUserName(db, dossier.receivedBy)) ?? '') : '';
    const number = `${dossier.code.slice(-4)}/${kind === 'receipt' ? 'TNHS' : kind === 'supplement' ? 'YCBS' : 'XL'}`;
    if (kind === 'receipt') {
      const limit = row.deadlineValue && row.deadlineUnit ? { value: Number(row.deadlineValue), unit: row.deadlineUnit as TLegalTime['unit'] } : null;
      const bytes = await buildReceiptSlipDocx({
        ...slipHeader(number, dossier.receivedAt),
        code: dossier.code,
        applicantName: dossier.applicantName,
        applicantAddress: dossier.applicantAddress,
        applicantPhone: dossier.applicantPhone,
        applicantEmail: dossier.applicantEmail,
        procedureName,
        components: dossier.components as { name: string; originals: number; copies: number }[],
        legalTime: limit ? formatLegalTimeVi(limit) : '',
        receivedAt: dossier.receivedAt,
        dueAt: row.firstDueAt,
        collectAt: `Bộ phận Một cửa, ${config.dossierAgencyName}${dossier.channel === 'ONLINE' ? ' hoặc kết quả điện tử trên Cổng dịch vụ công' : ''}`,
        channel: dossier.channel === 'ONLINE' ? 'Trực tuyến' : dossier.channel === 'POSTAL' ? 'Qua dịch vụ bưu chính công ích' : 'Trực tiếp',
        officerName,
        lookupUrl: lookupUrl(dossier.code),
      });
      return { bytes, fileName: `mau-01-${dossier.code}.docx` };
    }
    if (kind === 'supplement') {
      const { pauses, events } = await engine.timeline(caseId);
      const pause = [...pauses].reverse().find((p) => p.kind === 'SUPPLEMENT');
      if (!pause) throw new AppError('CONFLICT', 'No supplement was requested for this dossier');
      const event = events.find((e) => (e.data as { pauseId?: number } | null)?.pauseId === pause.id && e.transition === 'request_supplement');
      const bytes = await buildSupplementSlipDocx({
        ...slipHeader(number, pause.startedAt),
        code: dossier.code,
        applicantName: dossier.applicantName,
        procedureName,
        receivedAt: dossier.receivedAt,
        requestedAt: pause.startedAt,
        reason: pause.reason ?? '',
        items: ((pause.data as { items?: string[] } | null)?.items ?? []) as string[],
        officerName: event?.actorName ?? officerName,
      });
      return { bytes, fileName: `mau-02-${dossier.code}.docx` };
    }
    if (!dossier.apologyAt || !row.rescheduledDueAt) throw new AppError('CONFLICT', 'No apology was issued for this dossier');
    const bytes = await buildApologySlipDocx({
      ...slipHeader(number, dossier.apologyAt),
      code: dossier.code,
      applicantName: dossier.applicantName,
      procedureName,
      receivedAt: dossier.receivedAt,
      dueAt: row.dueAt ?? row.firstDueAt,
      newDueAt: row.rescheduledDueAt,
      reason: dossier.apologyReason ?? '',
      signerTitle: 'GIÁM ĐỐC',
      signerName: '',
    });
    return { bytes, fileName: `mau-04-${dossier.code}.docx` };
  };

  /**
   * Mẫu 06 — the register of dossiers received over a range of Vietnam days (at most 366), of one
   * unit (the unit handling them now) or all; Department staff only; at most REGISTER_MAX rows.
   */
  const buildRegister = async (ctx: TRequestContext, q: { from: string; to: string; unitCode?: TDossierUnit }) => {
    const actor = requireActor(ctx);
    if (!dossierRelationsOf(actor, { ownerUserId: null, enterpriseId: null, unitCode: null, assigneeId: null }).has('STAFF')) throw forbidden('The register is for Department staff');
    const fromMs = Date.parse(`${q.from}T00:00:00+07:00`);
    const toMs = Date.parse(`${q.to}T00:00:00+07:00`);
    if (Number.isNaN(fromMs) || new Date(fromMs + 7 * 3600_000).toISOString().slice(0, 10) !== q.from) throw new AppError('VALIDATION_ERROR', `from: ${q.from} is not a date`, [{ path: 'querystring.from', message: 'not a date' }]);
    if (Number.isNaN(toMs) || new Date(toMs + 7 * 3600_000).toISOString().slice(0, 10) !== q.to) throw new AppError('VALIDATION_ERROR', `to: ${q.to} is not a date`, [{ path: 'querystring.to', message: 'not a date' }]);
    if (toMs < fromMs) throw new AppError('VALIDATION_ERROR', 'to: the end of the range is before its start', [{ path: 'querystring.to', message: 'before from' }]);
    if (toMs - fromMs > 366 * 86_400_000) throw new AppError('VALIDATION_ERROR', 'to: the register covers at most 366 days', [{ path: 'querystring.to', message: 'range too long' }]);
    const rows = await findRegister(db, { fromAt: new Date(fromMs).toISOString(), toAt: new Date(toMs + 86_400_000).toISOString(), unitCode: q.unitCode, limit: REGISTER_MAX + 1 });
    if (rows.length > REGISTER_MAX) throw new AppError('VALIDATION_ERROR', `to: more than ${REGISTER_MAX} dossiers in the range; choose a shorter one`, [{ path: 'querystring.to', message: 'too many dossiers' }]);
    const date = (v: string | Date | null) => (v === null ? null : v instanceof Date ? v : new Date(v));
    const unitName = (code: string | null) => (code && code in UNIT_NAMES_VI ? UNIT_NAMES_VI[code as TDossierUnit] : (code ?? ''));
    const bytes = await buildRegisterDocx({
      ...slipHeader('01/STHS', new Date()),
      unitName: q.unitCode ? UNIT_NAMES_VI[q.unitCode] : null,
      from: q.from,
      to: q.to,
      rows: rows.map((r) => {
        const status = NATIONAL_STATUS[r.state as TDossierState];
        return {
          code: r.code,
          procedureName: r.procedure_name,
          applicant: r.applicant_name,
          contact: [r.applicant_address, r.applicant_phone].filter(Boolean).join('; '),
          receivedAt: date(r.received_at) as Date,
          dueAt: date(r.rescheduled_due_at) ?? date(r.due_at),
          unit: unitName(r.unit_code),
          finishedAt: date(r.finished_at),
          returnedAt: date(r.returned_at),
          note: [status ? NATIONAL_STATUS_LABEL_VI[status] : r.state, r.result === 'REFUSED' ? 'từ chối' : ''].filter(Boolean).join(', '),
        };
      }),
    });
    return { bytes, fileName: `mau-06-so-theo-doi-${q.from}-${q.to}${q.unitCode ? `-${q.unitCode}` : ''}.docx` };
  };

  /** A file of a dossier, for someone who may see it. */
  const downloadAttachment = async (ctx: TRequestContext, caseId: number, attachmentId: number) => {
    const { relations, actor } = await loadVisible(ctx, caseId);
    const found = await engine.readAttachment(caseId, attachmentId);
    if (!found) throw notFound('Attachment');
    if (!relations.has('STAFF') && found.attachment.uploadedBy !== actor.userId && found.attachment.purpose !== 'RESULT') throw notFound('Attachment');
    return found;
  };

  /**
   * Daily alert before the due date (spec §2.4: D-2/D-1 working days, `DOSSIER_DUE_SOON_WORKING_DAYS`):
   * the officer handling each open dossier due in the window (or the unit's officers) is told to
   * finish it or to send the apology (Mẫu 04) at the latest one working day before the due date.
   */
  const runDueAlerts = async (ctx: TRequestContext, now = new Date()) => {
    const cal = await calendarService.getWorkCalendar();
    const rows = await findDueForAlert(db, { from: now, to: new Date(dueSoonLimit(cal, now.getTime(), config.dossierDueSoonWorkingDays)) });
    if (!rows.length) return { alerted: 0 };
    await engine.run(ctx, async (w) => {
      for (const r of rows) {
        const userIds = r.assigneeId ? [r.assigneeId] : (await findUnitOfficers(w.tx, r.unitCode ?? 'ONE_STOP')).map((o) => o.id);
        const due = r.dueAt ? vnDay(r.dueAt) : '';
        await w.notify({
          caseId: r.caseId,
          kind: 'DOSSIER_DUE',
          title: `Hồ sơ ${r.code ?? ''} đến hạn ngày ${due}`,
          body: `${r.title}: hạn trả kết quả ${due}. Nếu không kịp, lập Phiếu xin lỗi và hẹn lại ngày trả (Mẫu 04) chậm nhất 01 ngày làm việc trước hạn.`,
          link: `/dossiers/${r.caseId}`,
          userIds,
        });
      }
    });
    return { alerted: rows.length };
  };

  return { assign, runDueAlerts, createDraft, receiveAtDesk, uploadAttachment, transition, reschedule, addComment, getDossier, listMine, queue, listUnits, lookup, evaluate, buildSlip, buildRegister, downloadAttachment, lookupUrl };
};

export type TDossierService = ReturnType<typeof createDossierService>;
