/**
 * A deterministic history of one-stop dossiers for the demo and the benchmark: receipts on
 * working days over the last months, the three channels, transfers to the handling unit,
 * supplements (restart rule), payments, approvals and refusals, returns, withdrawals, a share of
 * late dossiers (some with the apology reschedule), open dossiers in every queue state (some
 * overdue), and evaluations. Rows are computed in memory with the same domain rules as the live
 * service (deadlines, classification, scores) and written set-wise in one transaction, so a few
 * thousand dossiers take seconds. Idempotent: does nothing when dossiers exist.
 */
import { getTableColumns, getTableName, sql, type Table } from 'drizzle-orm';
import { queryRows, type TDb, type TTx } from '../../db/client';
import { caseEvents, casePauses, cases, caseSteps } from '../../db/schema/cases';
import { dossierCodeCounters, dossierEvaluations, dossiers } from '../../db/schema/dossiers';
import { computeDue } from '../../domain/cases/deadlines';
import { addWorkingDays, getVnDate, isWorkingDay, toEpochMs, type TLegalTime, type TWorkCalendar } from '../../domain/calendar/workdays';
import { recordAudit, systemContext } from '../audit/audit.service';
import { classifyFinish, formatDossierCode, processingTimeFor, scoreEvaluation, type TChannel } from './dossier-rules';
import { DOSSIER_CASE_TYPE, UNIT_OF_FIELD, type TDossierState } from './dossier-workflow';
import { refreshStatFacts } from '../service-index/service-index.repo';

/** Dossiers in the default demo (the benchmark passes 50,000). */
export const DEMO_DOSSIERS = 2000;

const mulberry32 = (seed: number) => () => {
  seed |= 0;
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

type TVersionInfo = { procedureId: number; versionId: number; fieldCode: string; effectiveFrom: string; changeKind: string; name: string; methods: unknown; processingTimeValue: string; processingTimeUnit: string; fee: number; components: unknown };

const REQUESTS = ['Cấp mới giấy phép', 'Cấp lại do hết hạn', 'Cấp theo đề nghị của cơ sở', 'Điều chỉnh nội dung giấy phép', 'Cấp cho chi nhánh mới'];

/**
 * Seeds `count` dossiers ending at `now` (default: the current time). `ownerUserId` receives a
 * share of enterprise 1's online dossiers (the demo enterprise account).
 */
export const seedDemoDossiers = async (
  db: TDb,
  { cal, count = DEMO_DOSSIERS, seed = 766, now = new Date(), agencyCode, ownerUserId, months = 15 }: { cal: TWorkCalendar; count?: number; seed?: number; now?: Date; agencyCode: string; ownerUserId?: number | null; months?: number },
): Promise<number> => {
  if ((await db.select({ id: dossiers.caseId }).from(dossiers).limit(1)).length) return 0;
  const rand = mulberry32(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)];
  const versions = await queryRows<TVersionInfo>(
    db,
    sql`select p.id as "procedureId", v.id as "versionId", p.field_code as "fieldCode", v.effective_from::text as "effectiveFrom", v.change_kind as "changeKind", v.name,
               v.methods, v.processing_time_value::text as "processingTimeValue", v.processing_time_unit as "processingTimeUnit",
               coalesce((select sum((f->>'amountVnd')::bigint) from jsonb_array_elements(v.fees) f), 0)::int as fee, v.dossier_components as components
        from procedures p join procedure_versions v on v.procedure_id = p.id order by p.id, v.effective_from`,
  );
  if (!versions.length) return 0;
  const firms = await queryRows<{ id: number; name: string; address: string | null; tax: string; email: string | null; phone: string | null }>(
    db,
    sql`select id, name_vi as name, address, tax_code as tax, email, phone from enterprises order by id limit 3000`,
  );
  const officers = await queryRows<{ id: number; modules: string[] }>(db, sql`select id, modules from users where role = 'OFFICER' and not disabled order by id`);
  const officerOf = (unit: string) => officers.find((o) => o.modules.includes(unit))?.id ?? null;
  const procedureIds = [...new Set(versions.map((v) => v.procedureId))];
  const inForce = (procedureId: number, day: string) => {
    const v = versions.filter((x) => x.procedureId === procedureId && x.effectiveFrom <= day).at(-1);
    return v && v.changeKind !== 'ABOLISHED' ? v : undefined;
  };

  // Receipt days: working days of the last `months` months up to today.
  const nowMs = now.getTime();
  const today = getVnDate(nowMs);
  const days: string[] = [];
  for (let d = new Date(nowMs - months * 30.4 * 86_400_000); d.getTime() <= nowMs; d = new Date(d.getTime() + 86_400_000)) {
    const iso = getVnDate(d.getTime());
    if (isWorkingDay(cal, iso)) days.push(iso);
  }
  const seqByDay = new Map<string, number>();
  const [{ first }] = await queryRows<{ first: number }>(db, sql`select nextval('cases_id_seq')::int as first`);

  const caseRows: (typeof cases.$inferInsert)[] = [];
  const dossierRows: (typeof dossiers.$inferInsert)[] = [];
  const eventRows: (typeof caseEvents.$inferInsert)[] = [];
  const stepRows: (typeof caseSteps.$inferInsert)[] = [];
  const pauseRows: (typeof casePauses.$inferInsert)[] = [];
  const evaluationRows: (typeof dossierEvaluations.$inferInsert)[] = [];
  const H = 3_600_000;
  const at = (day: string, hour: number) => toEpochMs(`${day}T${String(Math.floor(hour)).padStart(2, '0')}:${String(Math.floor((hour % 1) * 60)).padStart(2, '0')}`);
  const officeHour = () => (rand() < 0.55 ? 7.5 + rand() * 3.8 : 13.6 + rand() * 3.2);
  const actor = { actorId: null, actorName: 'Dữ liệu mẫu' };

  // Days weighted toward recent months (the office got busier), sorted so codes are chronological.
  const receiptDays = Array.from({ length: count }, () => days[Math.min(days.length - 1, Math.floor(Math.sqrt(rand()) * days.length))]).sort();
  for (let i = 0; i < count; i++) {
    const caseId = first + i;
    const day = receiptDays[i];
    let version: TVersionInfo | undefined;
    for (let tries = 0; tries < 10 && !version; tries++) version = inForce(pick(procedureIds), day);
    if (!version) continue;
    const r = rand();
    const channel: TChannel = r < 0.48 ? 'ONLINE' : r < 0.9 ? 'DIRECT' : 'POSTAL';
    const firm = firms.length ? firms[Math.floor(rand() * firms.length)] : undefined;
    const isOwn = ownerUserId && channel === 'ONLINE' && i % 97 === 0;
    const enterprise = isOwn ? firms[0] : firm;
    const receivedMs = Math.min(at(day, officeHour()), nowMs - 60_000);
    const receivedAt = new Date(receivedMs);
    const submittedAt = channel === 'ONLINE' ? new Date(receivedMs - (0.5 + rand() * 20) * H) : receivedAt;
    const limit: TLegalTime = processingTimeFor(version, channel);
    const due = computeDue(cal, { startAt: receivedMs, limit });
    const seq = (seqByDay.get(day) ?? 0) + 1;
    seqByDay.set(day, seq);
    const code = formatDossierCode(agencyCode, day, seq);
    const unit = UNIT_OF_FIELD[version.fieldCode] ?? 'INDUSTRY';
    const handler = officerOf(unit);
    const desk = officerOf('ONE_STOP');

    // Scenario.
    const transferMs = receivedMs + (0.5 + rand() * 6) * H;
    const hasSupplement = rand() < 0.18;
    const supplementStart = transferMs + (2 + rand() * 30) * H;
    const supplementEnd = supplementStart + (24 + rand() * 200) * H;
    let dueMs = due.dueAtMs;
    if (hasSupplement) dueMs = computeDue(cal, { startAt: supplementEnd, limit }).dueAtMs;
    const startOfWork = hasSupplement ? supplementEnd : transferMs;
    const late = rand() < 0.08;
    const finishMs = late ? dueMs + (4 + rand() * 120) * H : startOfWork + rand() * Math.max(H, dueMs - startOfWork);
    const withdrawn = rand() < 0.025;
    const refused = !withdrawn && rand() < 0.05;
    // A small backlog stays open past its due date (overdue in the queues).
    const isStuck = rand() < 0.02;
    const isFinished = !isStuck && finishMs < nowMs - H;
    let state: TDossierState;
    const events: (typeof caseEvents.$inferInsert)[] = [];
    const ev = (ms: number, kind: string, transition: string | null, from: string | null, to: string | null, unitCode: string | null, reason: string | null = null, isPublic = true) =>
      events.push({ caseId, at: new Date(Math.min(ms, nowMs)), kind, transition, fromState: from, toState: to, unitCode, reason, isPublic, ...actor });
    ev(submittedAt.getTime() - 1000, 'OPEN', null, null, channel === 'ONLINE' ? 'DRAFT' : 'SUBMITTED', null, null, false);
    if (channel === 'ONLINE') ev(submittedAt.getTime(), 'TRANSITION', 'submit', 'DRAFT', 'SUBMITTED', null);
    ev(receivedMs, 'TRANSITION', 'receive', 'SUBMITTED', 'RECEIVED', 'ONE_STOP');
    const steps: (typeof caseSteps.$inferInsert)[] = [{ caseId, seq: 1, unitCode: 'ONE_STOP', assigneeId: desk, startedAt: receivedAt, finishedAt: null }];
    const stepLimit = Math.max(1, Math.round(limit.unit === 'WORKING_DAY' ? limit.value - 2 : limit.value));
    const pauses: (typeof casePauses.$inferInsert)[] = [];
    let pausedAt: Date | null = null;
    let closedAt: Date | null = null;
    let outcome: string | null = null;
    let unitNow: string = 'ONE_STOP';
    let assignee = desk;
    let stepDueAt: Date | null = null;
    const d: Partial<typeof dossiers.$inferInsert> = {};
    if (transferMs < nowMs) {
      steps[0].finishedAt = new Date(transferMs);
      stepDueAt = new Date(addStepDue(cal, transferMs, stepLimit));
      steps.push({ caseId, seq: 2, unitCode: unit, assigneeId: handler, startedAt: new Date(transferMs), limitValue: String(stepLimit), limitUnit: 'WORKING_DAY', dueAt: stepDueAt, finishedAt: null });
      ev(transferMs, 'TRANSITION', 'transfer', 'RECEIVED', 'PROCESSING', unit);
      unitNow = unit;
      assignee = handler;
      state = 'PROCESSING';
    } else state = 'RECEIVED';
    if (state === 'PROCESSING' && hasSupplement && supplementStart < nowMs) {
      const done = supplementEnd < nowMs;
      pauses.push({ caseId, kind: 'SUPPLEMENT', rule: 'RESTART', reason: 'Thiếu bản sao giấy chứng nhận đăng ký doanh nghiệp', data: { items: ['Bản sao Giấy chứng nhận đăng ký doanh nghiệp'] }, startedAt: new Date(supplementStart), endedAt: done ? new Date(supplementEnd) : null });
      ev(supplementStart, 'TRANSITION', 'request_supplement', 'PROCESSING', 'SUPPLEMENT_REQUESTED', unit, 'Thiếu bản sao giấy chứng nhận đăng ký doanh nghiệp');
      d.supplementCount = 1;
      if (done) ev(supplementEnd, 'TRANSITION', 'complete_supplement', 'SUPPLEMENT_REQUESTED', 'PROCESSING', unit);
      else {
        state = 'SUPPLEMENT_REQUESTED';
        pausedAt = new Date(supplementStart);
      }
    }
    let rescheduledDueAt: Date | null = null;
    if (late && state === 'PROCESSING' && rand() < 0.6 && dueMs - 30 * H < nowMs) {
      const apologyMs = dueMs - 26 * H;
      rescheduledDueAt = new Date(toEpochMs(`${addWorkingDays(cal, getVnDate(dueMs), 5)}T17:00`));
      events.push({ caseId, at: new Date(Math.min(apologyMs, nowMs)), kind: 'RESCHEDULE', fromState: state, toState: state, unitCode: unit, reason: 'Chờ ý kiến phối hợp của cơ quan liên quan', isPublic: true, data: { to: rescheduledDueAt.toISOString() }, ...actor });
      d.apologyAt = new Date(Math.min(apologyMs, nowMs));
      d.apologyReason = 'Chờ ý kiến phối hợp của cơ quan liên quan';
    }
    if (state === 'PROCESSING' && isFinished) {
      const fin = new Date(finishMs);
      steps[steps.length - 1].finishedAt = fin;
      closedAt = fin;
      if (withdrawn) {
        ev(finishMs - 3 * H, 'TRANSITION', 'request_withdrawal', 'PROCESSING', 'WITHDRAWAL_REQUESTED', unit, 'Doanh nghiệp không còn nhu cầu');
        ev(finishMs, 'TRANSITION', 'confirm_withdrawal', 'WITHDRAWAL_REQUESTED', 'STOPPED', unit);
        state = 'STOPPED';
        outcome = 'WITHDRAWN';
        d.stoppedAt = fin;
      } else {
        if (version.fee > 0 && rand() < 0.7) {
          const payAt = finishMs - (2 + rand() * 10) * H;
          ev(payAt, 'TRANSITION', 'request_payment', 'PROCESSING', 'AWAITING_PAYMENT', unit);
          ev(payAt + H, 'TRANSITION', 'confirm_payment', 'AWAITING_PAYMENT', 'PROCESSING', unit);
          pauses.push({ caseId, kind: 'PAYMENT', rule: 'NONE', startedAt: new Date(payAt), endedAt: new Date(payAt + H) });
          Object.assign(d, { feeVnd: version.fee, paymentRequestedAt: new Date(payAt), paidAt: new Date(payAt + H), paidOnline: channel === 'ONLINE' && rand() < 0.6 });
        }
        ev(finishMs, 'TRANSITION', refused ? 'refuse' : 'approve', 'PROCESSING', 'PROCESSED', unit, refused ? 'Cơ sở chưa đáp ứng điều kiện theo quy định' : null);
        state = 'PROCESSED';
        outcome = refused ? 'REFUSED' : 'APPROVED';
        Object.assign(d, { processedAt: fin, result: outcome, hasEResult: !refused && rand() < 0.7 });
        const returnMs = finishMs + (1 + rand() * 60) * H;
        if (returnMs < nowMs - H && rand() < 0.93) {
          ev(returnMs, 'TRANSITION', 'return_result', 'PROCESSED', 'RETURNED', 'ONE_STOP');
          state = 'RETURNED';
          d.returnedAt = new Date(returnMs);
        }
      }
      const supplements = pauses.filter((p) => p.kind === 'SUPPLEMENT').map((p) => ({ requestedAt: p.startedAt as Date, completedAt: (p.endedAt as Date | null) ?? null }));
      const c = classifyFinish(cal, { receivedAt, dueAt: new Date(dueMs), firstDueAt: new Date(due.dueAtMs), finishedAt: fin, supplements, limit });
      Object.assign(d, { finishedAt: fin, timelinessLegal: c.legal, timelinessPortal: c.portal });
      if ((state === 'RETURNED' || state === 'PROCESSED') && enterprise && rand() < 0.35) {
        const answers = { contactsCount: (rand() < 0.7 ? 0 : rand() < 0.8 ? 1 : 2) as 0 | 1 | 2, agenciesContacted: (rand() < 0.75 ? 'NONE' : rand() < 0.8 ? 'ONE_STOP_ONLY' : 'SEVERAL') as 'NONE' | 'ONE_STOP_ONLY' | 'SEVERAL', hadComplaint: rand() < 0.04, satisfaction: (rand() < 0.82 ? 'SATISFIED' : rand() < 0.7 ? 'NEUTRAL' : 'DISSATISFIED') as 'SATISFIED' | 'NEUTRAL' | 'DISSATISFIED' };
        const scores = scoreEvaluation(answers, { timeliness: c.legal, steps: steps.map((s) => ({ dueAt: (s.dueAt as Date | null) ?? null, finishedAt: (s.finishedAt as Date | null) ?? null })) });
        evaluationRows.push({ caseId, evaluatedAt: new Date(Math.min(nowMs, (d.returnedAt ?? fin).getTime() + 2 * H)), evaluatedBy: isOwn ? ownerUserId : null, ...answers, ...scores });
      }
    } else if (state === 'PROCESSING' && rand() < 0.15 && version.fee > 0) {
      const payAt = Math.max(startOfWork, nowMs - (2 + rand() * 40) * H);
      ev(payAt, 'TRANSITION', 'request_payment', 'PROCESSING', 'AWAITING_PAYMENT', unit);
      pauses.push({ caseId, kind: 'PAYMENT', rule: 'NONE', startedAt: new Date(payAt), endedAt: null });
      Object.assign(d, { feeVnd: version.fee, paymentRequestedAt: new Date(payAt) });
      state = 'AWAITING_PAYMENT';
    }
    caseRows.push({
      id: caseId,
      caseType: DOSSIER_CASE_TYPE,
      state,
      version: events.length,
      title: version.name,
      unitCode: unitNow,
      assigneeId: assignee,
      ownerUserId: isOwn ? ownerUserId : null,
      enterpriseId: channel === 'ONLINE' ? (enterprise?.id ?? null) : null,
      openedAt: new Date(submittedAt.getTime() - 1000),
      deadlineValue: String(limit.value),
      deadlineUnit: limit.unit,
      clockStartedAt: new Date(hasSupplement && pauses.some((p) => p.kind === 'SUPPLEMENT' && p.endedAt) ? supplementEnd : receivedMs),
      firstDueAt: new Date(due.dueAtMs),
      dueAt: new Date(hasSupplement && pauses.some((p) => p.kind === 'SUPPLEMENT' && p.endedAt) ? dueMs : due.dueAtMs),
      rescheduledDueAt,
      rescheduleCount: rescheduledDueAt ? 1 : 0,
      pausedAt,
      stepDueAt: closedAt ? null : stepDueAt,
      closedAt,
      outcome,
      updatedAt: events.at(-1)?.at ?? receivedAt,
      pausedTotalMs: 0,
    });
    dossierRows.push({
      caseId,
      code,
      agencyCode,
      procedureId: version.procedureId,
      procedureVersionId: version.versionId,
      channel,
      enterpriseId: channel === 'ONLINE' ? (enterprise?.id ?? null) : null,
      applicantUserId: isOwn ? ownerUserId : null,
      applicantName: channel === 'ONLINE' || rand() < 0.6 ? (enterprise?.name ?? 'Hộ kinh doanh Nguyễn Văn An') : `Hộ kinh doanh ${pick(['Nguyễn Văn', 'Trần Thị', 'Lê Minh', 'Phạm Quang', 'Hoàng Thu'])} ${pick(['An', 'Bình', 'Cường', 'Dung', 'Hà', 'Lan', 'Minh', 'Phương'])}`,
      applicantIdNumber: enterprise?.tax ?? null,
      applicantAddress: enterprise?.address ?? 'Hà Nội',
      applicantPhone: enterprise?.phone ?? null,
      applicantEmail: enterprise?.email ?? null,
      requestSummary: `${pick(REQUESTS)}: ${version.name}`,
      components: ((version.components ?? []) as { name: string; originals: number; copies: number }[]).map((c) => ({ name: c.name, originals: c.originals, copies: c.copies })),
      submittedAt,
      receivedAt,
      receivedBy: desk,
      feeVnd: version.fee,
      supplementCount: 0,
      paidOnline: false,
      hasEResult: false,
      ...d,
    });
    eventRows.push(...events);
    stepRows.push(...steps);
    pauseRows.push(...pauses);
  }

  await db.transaction(async (tx) => {
    await bulkInsert(tx, cases, caseRows);
    await bulkInsert(tx, dossiers, dossierRows);
    await bulkInsert(tx, caseEvents, eventRows);
    await bulkInsert(tx, caseSteps, stepRows);
    await bulkInsert(tx, casePauses, pauseRows);
    await bulkInsert(tx, dossierEvaluations, evaluationRows);
    const counters = [...seqByDay.entries()].map(([day, lastSeq]) => ({ agencyCode, day, lastSeq }));
    if (counters.length) await tx.insert(dossierCodeCounters).values(counters).onConflictDoUpdate({ target: [dossierCodeCounters.agencyCode, dossierCodeCounters.day], set: { lastSeq: sql`greatest(${dossierCodeCounters.lastSeq}, excluded.last_seq)` } });
    await tx.execute(sql`select setval('cases_id_seq', greatest((select max(id) from cases), 1))`);
    await refreshStatFacts(tx, 'all'); // the statistics' facts of the finished dossiers, set-wise
    await recordAudit(tx, systemContext('demo-seed'), { entity: 'dossier', entityId: null, action: 'dossier.demo', after: { dossiers: caseRows.length, from: receiptDays[0], to: today } });
  });
  // Planner statistics for the bulk-loaded tables (PGlite runs no autovacuum).
  // VACUUM sets the visibility map, so the work-queue counts are index-only scans.
  await db.execute(sql`vacuum analyze cases`);
  await db.execute(sql`analyze dossiers, dossier_stat_facts, dossier_stat_days, dossier_stat_months, case_events, case_steps, case_pauses, dossier_evaluations, dossier_code_counters`);
  return caseRows.length;
};

/**
 * Set-wise insert: each batch is one statement with one JSON parameter
 * (`json_populate_recordset`), much faster than building thousands of bound parameters. Every
 * NOT NULL column must be present in the rows (defaults are not applied to absent keys).
 */
const bulkInsert = async <T extends Table>(tx: TTx, table: T, rows: Record<string, unknown>[], batch = 2000): Promise<void> => {
  if (!rows.length) return;
  const columns = getTableColumns(table) as Record<string, { name: string }>;
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const names = keys.map((k) => `"${columns[k].name}"`).join(', ');
  const name = getTableName(table);
  for (let i = 0; i < rows.length; i += batch) {
    const json = JSON.stringify(rows.slice(i, i + batch).map((r) => Object.fromEntries(keys.map((k) => [columns[k].name, r[k] ?? null]))));
    await tx.execute(sql`insert into ${sql.identifier(name)} (${sql.raw(names)}) select ${sql.raw(names)} from json_populate_recordset(null::${sql.identifier(name)}, ${json}::json)`);
  }
};

/** Sub-deadline of a step: `n` working days from its start. */
const addStepDue = (cal: TWorkCalendar, startMs: number, n: number): number => computeDue(cal, { startAt: startMs, limit: { value: n, unit: 'WORKING_DAY' } }).dueAtMs;
