import type { TDb } from '../../db/client';
import {
  checkTransition,
  EDITABLE_STATUSES,
  REVIEW_TRANSITIONS,
  reviewFigures,
  type TPlanKind,
  type TReviewFigures,
  type TReviewStatus,
} from '../../domain/compliance/review-status';
import { summariseReviews } from '../../domain/compliance/review-summary';
import { checkCostModel, incomeRateAt, type TCostModel } from '../../domain/compliance/standard-cost';
import { AppError, forbidden, notFound } from '../../server/errors';
import type { TRequestContext } from '../../server/request-context';
import { recordAudit } from '../audit/audit.service';
import { hasPermission } from '../auth/auth.policy';
import { todayInVietnam } from '../enterprises/enterprises.service';
import type { TProcedureService } from '../procedures/procedures.service';
import {
  deleteIncomeRate,
  insertIncomeRate,
  insertReviewEvent,
  listCatalogueAt,
  listCostedReviewDates,
  listIncomeRates,
  listReviewEvents,
  listReviews,
  lockIncomeRates,
  lockReview,
  shareIncomeRates,
  updateIncomeRate,
  updateReview,
  type TIncomeRateRow,
  type TReviewRow,
} from './compliance.repo';
import type { TIncomeRateBody, TReviewListQuery, TReviewModelBody, TReviewStatusBody } from './compliance.schemas';

type TIssue = { path: string; message: string };
type TRate = { effectiveFrom: string; vndPerHour: number };

const invalid = (errors: TIssue[]) => new AppError('VALIDATION_ERROR', `${errors[0].path}: ${errors[0].message}`, errors);
const catalogueStatus = (kind: string): 'PUBLIC' | 'AMENDED' | 'ABOLISHED' => (kind === 'ABOLISHED' ? 'ABOLISHED' : kind === 'NEW' ? 'PUBLIC' : 'AMENDED');
const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);
const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .toLowerCase();

/** The figures of a stored review at the income per hour in force at its review date. */
const figuresOf = (review: TReviewRow | undefined, rates: readonly TRate[]): { figures: TReviewFigures; rate: TRate | null } => {
  const rate = review?.reviewDate ? incomeRateAt(rates, review.reviewDate) : null;
  const figures = reviewFigures(
    {
      status: (review?.status ?? 'NOT_REVIEWED') as TReviewStatus,
      before: (review?.beforeModel as TCostModel | null) ?? null,
      planKind: (review?.planKind as TPlanKind | null) ?? null,
      after: (review?.afterModel as TCostModel | null) ?? null,
    },
    rate?.vndPerHour ?? null,
  );
  return { figures, rate };
};

/**
 * Compliance cost and simplification review of every procedure of the catalogue (issue 5 item 6):
 * the standard-cost model before and after a plan (spec §5.3) valued at the dated income per hour,
 * the review status with its transitions, the dashboard and the XLSX export. Writes need
 * procedures.manage and are audited in their transaction.
 */
export const createComplianceService = ({ db, procedureService }: { db: TDb; procedureService: Pick<TProcedureService, 'getProcedure' | 'listFields'> }) => {
  const requireManage = (ctx: TRequestContext) => {
    const isTrusted = Boolean(ctx.systemActor) && !ctx.actor;
    if (!isTrusted && (!ctx.actor || !hasPermission(ctx.actor, 'procedures.manage'))) throw forbidden('You may not change the compliance review');
  };

  const loadRates = async (): Promise<(TIncomeRateRow & { updatedByName: string | null })[]> =>
    (await listIncomeRates(db)).map((r) => ({ ...r.rate, updatedByName: r.updatedBy }));

  const presentRate = (r: TIncomeRateRow & { updatedByName: string | null }) => ({
    id: r.id,
    effectiveFrom: r.effectiveFrom,
    vndPerHour: r.vndPerHour,
    basis: r.basis,
    updatedAt: r.updatedAt.toISOString(),
    updatedBy: r.updatedByName,
  });

  const listRates = async () => (await loadRates()).map(presentRate);

  /** Refuses a set of settings that would leave a costed review without an income in force at its date. */
  const assertRatesCoverReviews = async (tx: Parameters<Parameters<TDb['transaction']>[0]>[0], rates: readonly TRate[]) => {
    const orphans = (await listCostedReviewDates(tx)).filter((d) => !incomeRateAt(rates, d.reviewDate));
    if (orphans.length) {
      const dates = orphans.map((o) => o.reviewDate).sort();
      throw new AppError('CONFLICT', `reviews dated ${dates.join(', ')} would have no income-per-hour setting in force; add an earlier setting first`, { path: 'effectiveFrom', reviewDates: dates });
    }
  };

  const createRate = async (ctx: TRequestContext, body: TIncomeRateBody) => {
    requireManage(ctx);
    return db.transaction(async (tx) => {
      const rates = await lockIncomeRates(tx);
      if (rates.some((r) => r.effectiveFrom === body.effectiveFrom)) throw invalid([{ path: 'body.effectiveFrom', message: `a setting effective from ${body.effectiveFrom} already exists; edit it instead` }]);
      const row = await insertIncomeRate(tx, { ...body, createdBy: ctx.actor?.userId ?? null, updatedBy: ctx.actor?.userId ?? null });
      await recordAudit(tx, ctx, { entity: 'compliance_income_rate', entityId: row.id, action: 'compliance.income_rate.create', after: body });
      return presentRate({ ...row, updatedByName: ctx.actor?.displayName ?? null });
    });
  };

  const changeRate = async (ctx: TRequestContext, id: number, body: TIncomeRateBody | null) => {
    requireManage(ctx);
    return db.transaction(async (tx) => {
      const rates = await lockIncomeRates(tx);
      const old = rates.find((r) => r.id === id);
      if (!old) throw notFound(`Income-per-hour setting ${id}`);
      if (body && rates.some((r) => r.id !== id && r.effectiveFrom === body.effectiveFrom))
        throw invalid([{ path: 'body.effectiveFrom', message: `a setting effective from ${body.effectiveFrom} already exists` }]);
      const next = rates.filter((r) => r.id !== id).concat(body ? [{ ...old, ...body }] : []);
      await assertRatesCoverReviews(tx, next);
      const before = { effectiveFrom: old.effectiveFrom, vndPerHour: old.vndPerHour, basis: old.basis };
      if (!body) {
        await deleteIncomeRate(tx, id);
        await recordAudit(tx, ctx, { entity: 'compliance_income_rate', entityId: id, action: 'compliance.income_rate.delete', before });
        return null;
      }
      const row = await updateIncomeRate(tx, id, { ...body, updatedBy: ctx.actor?.userId ?? null, updatedAt: new Date() });
      await recordAudit(tx, ctx, { entity: 'compliance_income_rate', entityId: id, action: 'compliance.income_rate.update', before, after: body });
      return presentRate({ ...row, updatedByName: ctx.actor?.displayName ?? null });
    });
  };

  /** Every procedure of the catalogue at a date with its review and figures. */
  const loadRows = async (at: string) => {
    const [catalogue, reviews, rates] = await Promise.all([listCatalogueAt(db, at), listReviews(db), loadRates()]);
    const byProcedure = new Map(reviews.map((r) => [r.review.procedureId, r]));
    return catalogue.map((entry) => {
      const joined = byProcedure.get(Number(entry.procedure_id));
      const review = joined?.review;
      const { figures, rate } = figuresOf(review, rates);
      const status = (review?.status ?? 'NOT_REVIEWED') as TReviewStatus;
      return { entry, review, joined, status, figures, rate };
    });
  };

  const summaryOf = (row: Awaited<ReturnType<typeof loadRows>>[number], todayVersionId: number | null) => ({
    code: row.entry.code,
    name: row.entry.name,
    fieldCode: row.entry.field_code,
    fieldName: row.entry.field_name,
    catalogueStatus: catalogueStatus(row.entry.change_kind),
    status: row.status,
    reviewDate: row.review?.reviewDate ?? null,
    planKind: (row.review?.planKind as TPlanKind | null) ?? null,
    annualBeforeVnd: row.figures.before?.annualCostVnd ?? null,
    annualAfterVnd: row.figures.annualAfterVnd,
    savingVnd: row.figures.savingVnd,
    savingRatePct: row.figures.savingRatePct,
    statusChangedAt: iso(row.review?.statusChangedAt),
    statusChangedBy: row.joined?.statusChangedBy ?? null,
    needsAbolition: row.entry.latest_change_kind === 'ABOLISHED' && row.status !== 'ABOLISHED',
    versionSuperseded: Boolean(row.review?.versionId && todayVersionId && row.entry.change_kind !== 'ABOLISHED' && row.review.versionId !== todayVersionId),
  });

  const listReviewSummaries = async (query: TReviewListQuery) => {
    const at = query.at ?? todayInVietnam();
    const words = fold(query.q ?? '').split(/\s+/).filter(Boolean);
    const rows = (await loadRows(at)).filter(
      (r) =>
        (!query.field || r.entry.field_code === query.field) &&
        (!query.status || r.status === query.status) &&
        words.every((w) => fold(r.entry.name).includes(w) || r.entry.code.toLowerCase().startsWith(w)),
    );
    return { at, items: rows.map((r) => summaryOf(r, Number(r.entry.version_id))) };
  };

  const getDashboard = async (at = todayInVietnam(), topN = 10) => {
    const rows = await loadRows(at);
    const s = summariseReviews(
      rows.map((r) => ({ code: r.entry.code, name: r.entry.name, fieldCode: r.entry.field_code, status: r.status, figures: r.figures })),
      topN,
    );
    const names = new Map(rows.map((r) => [r.entry.field_code, { vi: r.entry.field_name, en: r.entry.field_name_en }]));
    return {
      at,
      ...s,
      byField: s.byField.map((f) => ({ ...f, fieldName: names.get(f.fieldCode)?.vi ?? f.fieldCode, fieldNameEn: names.get(f.fieldCode)?.en ?? f.fieldCode })),
      needsAbolition: rows.filter((r) => r.entry.latest_change_kind === 'ABOLISHED' && r.status !== 'ABOLISHED').length,
    };
  };

  /** The rows of the XLSX export (every procedure of the catalogue at the date). */
  const listExportRows = async (at = todayInVietnam()) => (await loadRows(at)).map((r) => ({ ...summaryOf(r, Number(r.entry.version_id)), figures: r.figures, rate: r.rate, planNote: r.review?.planNote ?? null }));

  const getReview = async (code: string) => {
    const today = todayInVietnam();
    const { procedure, current, versions } = await procedureService.getProcedure(code, today);
    const last = versions.at(-1);
    const [joined] = await listReviews(db, procedure.id);
    const review = joined?.review;
    const rates = await loadRates();
    const { figures, rate } = figuresOf(review, rates);
    const status = (review?.status ?? 'NOT_REVIEWED') as TReviewStatus;
    const shown = current ?? last;
    const reviewed = review?.versionId ? versions.find((v) => v.version.id === review.versionId) : undefined;
    const inForce = current && current.version.changeKind !== 'ABOLISHED' ? current.version : null;
    const fees = (inForce?.fees ?? []) as { amountVnd: number }[];
    const events = review ? await listReviewEvents(db, review.id) : [];
    return {
      code: procedure.code,
      name: shown?.version.name ?? procedure.code,
      fieldCode: procedure.fieldCode,
      fieldName: procedure.fieldCode,
      catalogueStatus: catalogueStatus(current?.version.changeKind ?? 'NEW'),
      abolishedBy: last && last.version.changeKind === 'ABOLISHED' ? { decision: last.decision.number, effectiveFrom: last.version.effectiveFrom } : null,
      catalogueFeesVnd: fees.reduce((sum, f) => sum + f.amountVnd, 0),
      status,
      allowedTransitions: REVIEW_TRANSITIONS[status].map((t) => ({ to: t.to, noteRequired: t.noteRequired })),
      editable: EDITABLE_STATUSES.includes(status),
      revision: review?.revision ?? null,
      reviewDate: review?.reviewDate ?? null,
      version: reviewed ? { id: reviewed.version.id, effectiveFrom: reviewed.version.effectiveFrom, changeKind: reviewed.version.changeKind, decision: reviewed.decision.number } : null,
      versionSuperseded: Boolean(reviewed && inForce && reviewed.version.id !== inForce.id),
      before: (review?.beforeModel as TCostModel | null) ?? null,
      planKind: (review?.planKind as TPlanKind | null) ?? null,
      after: (review?.afterModel as TCostModel | null) ?? null,
      planNote: review?.planNote ?? null,
      statusNote: review?.statusNote ?? null,
      statusChangedAt: iso(review?.statusChangedAt),
      statusChangedBy: joined?.statusChangedBy ?? events.at(-1)?.actorName ?? null,
      modelUpdatedAt: iso(review?.modelUpdatedAt),
      modelUpdatedBy: joined?.modelUpdatedBy ?? null,
      incomeRate: rate ? { effectiveFrom: rate.effectiveFrom, vndPerHour: rate.vndPerHour } : null,
      figures,
      events: events.map((e) => ({ fromStatus: e.fromStatus, toStatus: e.toStatus, note: e.note, actorName: e.actorName, at: e.at.toISOString() })),
    };
  };

  const withFieldName = async (detail: Awaited<ReturnType<typeof getReview>>) => {
    const field = (await procedureService.listFields()).find((f) => f.code === detail.fieldCode);
    return { ...detail, fieldName: field?.nameVi ?? detail.fieldCode };
  };

  const assertRevision = (review: TReviewRow, expected: number | undefined) => {
    if (expected !== undefined && expected !== review.revision)
      throw new AppError('CONFLICT', `the review was changed meanwhile (revision ${review.revision}, you loaded ${expected}); reload it`, { path: 'body.expectedRevision', revision: review.revision });
  };

  /** Saves the cost models before and after the plan, valued at the review date; all checks before anything is stored. */
  const saveModel = async (ctx: TRequestContext, code: string, body: TReviewModelBody) => {
    requireManage(ctx);
    const errors: TIssue[] = [];
    const today = todayInVietnam();
    if (body.reviewDate > today) errors.push({ path: 'body.reviewDate', message: 'a review cannot be dated in the future' });
    const { procedure, current, versions } = await procedureService.getProcedure(code, body.reviewDate);
    if (!current) errors.push({ path: 'body.reviewDate', message: `${code} was not in force on ${body.reviewDate} (first effective ${versions[0]?.version.effectiveFrom ?? '—'})` });
    else if (current.version.changeKind === 'ABOLISHED') errors.push({ path: 'body.reviewDate', message: `${code} was abolished on ${current.version.effectiveFrom}; date the review before that` });
    const rates = await loadRates();
    if (!incomeRateAt(rates, body.reviewDate)) errors.push({ path: 'body.reviewDate', message: `no income-per-hour setting is in force on ${body.reviewDate}; add one first` });
    for (const e of checkCostModel(body.before)) errors.push({ path: `body.before.${e.path}`, message: e.message });
    if (body.planKind === 'SIMPLIFY' && !body.after) errors.push({ path: 'body.after', message: 'a simplification plan needs the cost model after' });
    if (body.planKind !== 'SIMPLIFY' && body.after) errors.push({ path: body.planKind ? 'body.after' : 'body.planKind', message: body.planKind ? 'must be empty when the plan abolishes the procedure' : 'say what the plan does (SIMPLIFY) for a cost model after' });
    if (body.after) for (const e of checkCostModel(body.after)) errors.push({ path: `body.after.${e.path}`, message: e.message });
    if (errors.length) throw invalid(errors);

    await db.transaction(async (tx) => {
      // Checked again under a share lock: a setting deleted or moved since the check above would leave the review without one.
      if (!incomeRateAt(await shareIncomeRates(tx), body.reviewDate)) throw invalid([{ path: 'body.reviewDate', message: `no income-per-hour setting is in force on ${body.reviewDate}; add one first` }]);
      const review = await lockReview(tx, procedure.id);
      const status = review.status as TReviewStatus;
      if (!EDITABLE_STATUSES.includes(status)) throw new AppError('CONFLICT', `the review is ${status}; ${status === 'ADOPTED' ? 'reopen it (SIMPLIFICATION_PROPOSED) to change the models' : 'it cannot change any more'}`, { path: 'status', status });
      assertRevision(review, body.expectedRevision);
      if (status === 'SIMPLIFICATION_PROPOSED' && !body.planKind) throw invalid([{ path: 'body.planKind', message: 'the review proposes a simplification; keep a plan' }]);
      const next = {
        reviewDate: body.reviewDate,
        versionId: current?.version.id ?? null,
        beforeModel: body.before,
        planKind: body.planKind,
        afterModel: body.after,
        planNote: body.planNote ?? null,
      };
      await updateReview(tx, review.id, { ...next, modelUpdatedBy: ctx.actor?.userId ?? null, modelUpdatedAt: new Date(), revision: review.revision + 1 });
      await recordAudit(tx, ctx, {
        entity: 'compliance_review',
        entityId: code,
        action: 'compliance.model',
        before: review.beforeModel ? { reviewDate: review.reviewDate, versionId: review.versionId, beforeModel: review.beforeModel, planKind: review.planKind, afterModel: review.afterModel, planNote: review.planNote } : null,
        after: next,
      });
    });
    return withFieldName(await getReview(code));
  };

  /** Moves a review to another status (409 naming the allowed ones); who, when and the note are kept. */
  const changeStatus = async (ctx: TRequestContext, code: string, body: TReviewStatusBody) => {
    requireManage(ctx);
    const { procedure, versions } = await procedureService.getProcedure(code, todayInVietnam());
    const last = versions.at(-1);
    const isAbolishedInCatalogue = last?.version.changeKind === 'ABOLISHED';
    await db.transaction(async (tx) => {
      const review = await lockReview(tx, procedure.id);
      assertRevision(review, body.expectedRevision);
      const from = review.status as TReviewStatus;
      const problem = checkTransition(from, body.status, {
        hasBefore: Boolean(review.beforeModel),
        planKind: (review.planKind as TPlanKind | null) ?? null,
        hasAfter: Boolean(review.afterModel),
        isAbolishedInCatalogue,
        note: body.note,
      });
      if (problem?.kind === 'INVALID_TRANSITION') throw new AppError('INVALID_TRANSITION', problem.message, { path: 'body.status', from, to: body.status, allowed: problem.allowed });
      if (problem?.kind === 'NOTE_REQUIRED') throw invalid([{ path: problem.path, message: problem.message }]);
      if (problem) throw new AppError('CONFLICT', problem.message, { path: problem.path, from, to: body.status });
      const abolishingDecision = body.status === 'ABOLISHED' && last ? `${last.decision.number} (${last.version.effectiveFrom})` : review.abolishingDecision;
      const note = body.note?.trim() || null;
      await updateReview(tx, review.id, { status: body.status, statusNote: note, statusChangedBy: ctx.actor?.userId ?? null, statusChangedAt: new Date(), abolishingDecision, revision: review.revision + 1 });
      await insertReviewEvent(tx, { reviewId: review.id, fromStatus: from, toStatus: body.status, note, actorId: ctx.actor?.userId ?? null, actorName: ctx.actor?.displayName ?? ctx.systemActor ?? 'system' });
      await recordAudit(tx, ctx, { entity: 'compliance_review', entityId: code, action: 'compliance.status', before: { status: from }, after: { status: body.status, note, abolishingDecision } });
    });
    return withFieldName(await getReview(code));
  };

  return {
    listRates,
    createRate,
    updateRate: (ctx: TRequestContext, id: number, body: TIncomeRateBody) => changeRate(ctx, id, body),
    deleteRate: async (ctx: TRequestContext, id: number) => void (await changeRate(ctx, id, null)),
    listReviews: listReviewSummaries,
    getReview: async (code: string) => withFieldName(await getReview(code)),
    saveModel,
    changeStatus,
    getDashboard,
    listExportRows,
  };
};

export type TComplianceService = ReturnType<typeof createComplianceService>;
