/**
 * The statistics read the finished dossiers from their stat facts and daily aggregates
 * (dossier_stat_facts, dossier_stat_days); here the answers of the API on random dossiers are
 * compared with the per-dossier domain computation (src/domain/service-index) over the same
 * dossiers, before and after changes of finished dossiers (evaluation, component file, officer),
 * and the incrementally kept aggregates with a full rebuild.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq, inArray, sql } from 'drizzle-orm';
import { queryRows } from '../../db/client';
import { caseAttachments, casePauses, cases, caseSteps } from '../../db/schema/cases';
import { dossierEvaluations, dossiers } from '../../db/schema/dossiers';
import { users } from '../../db/schema/platform';
import { procedures } from '../../db/schema/procedures';
import { compute766, count766 } from '../../domain/service-index/index-766';
import { classifyDossiers, summariseOnTime, type TGroupBy } from '../../domain/service-index/timeliness';
import { DEFAULT_TT01_CONFIG, isEvaluated, scoreAgencySums, scoreDossier, sumDossierScores } from '../../domain/service-index/tt01';
import { createCalendarService } from '../calendar/calendar.service';
import { as, createTestApp, login, type TSession, type TTestApp } from '../../../tests/helpers/test-app';
import { findCatalogueAt, findFacts, findSteps, findSupplements, refreshStatFacts } from './service-index.repo';
import { factOfRow, procedureOfRow } from './service-index.service';

const AGENCIES = ['000.20.30.H26', '000.20.31.H26'];
const UNITS = ['QLTM', 'QLCN', 'ONE_STOP'];
const CHANNELS = ['DIRECT', 'ONLINE', 'POSTAL'] as const;
const H = 3_600_000;

/** Deterministic PRNG (mulberry32). */
const prng = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

describe('service index: aggregates equal the per-dossier domain computation', () => {
  let t: TTestApp;
  let officer: TSession;
  let procedureIds: number[];
  let officerIds: number[];
  const finishedIds: number[] = [];

  /** A random dossier as the dossier module stores it, then its stat facts (as the dossier service does in its transaction). */
  const insertRandom = async (rand: () => number, k: number) => {
    const db = t.database.db;
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
    // Receipts from 2025-03-01 to 2025-08-31, any hour (after office hours and weekends too).
    const receivedMs = Date.parse('2025-03-01T00:00:00+07:00') + Math.floor(rand() * 184 * 24) * H + Math.floor(rand() * 60) * 60_000;
    const dueMs = rand() < 0.08 ? null : receivedMs + Math.floor(3 + rand() * 12) * 24 * H;
    const kind = rand();
    const finished = kind < 0.62;
    const stopped = !finished && kind < 0.72;
    const finishMs = finished || stopped ? receivedMs + Math.floor(rand() * 18 * 24) * H + (rand() < 0.1 ? 0 : H) : null;
    const classOf = (end: number | null) => (end === null || dueMs === null ? 'ON_TIME' : end < dueMs - 24 * H ? 'EARLY' : end <= dueMs ? 'ON_TIME' : 'LATE');
    const stored = rand() < 0.85; // some finished dossiers without stored classes (classified by the domain)
    const result = finished ? (rand() < 0.8 ? 'APPROVED' : 'REFUSED') : null;
    const channel = pick(CHANNELS);
    const unit = pick(UNITS);
    const [c] = await db
      .insert(cases)
      .values({
        caseType: 'DOSSIER',
        state: finished ? 'RETURNED' : stopped ? 'STOPPED' : 'PROCESSING',
        title: `Hồ sơ ngẫu nhiên ${k}`,
        unitCode: unit,
        assigneeId: rand() < 0.2 ? null : pick(officerIds),
        openedAt: new Date(receivedMs),
        deadlineValue: '5',
        deadlineUnit: 'WORKING_DAY',
        clockStartedAt: new Date(receivedMs),
        firstDueAt: dueMs === null ? null : new Date(dueMs),
        dueAt: dueMs === null ? null : new Date(dueMs + (rand() < 0.1 ? 48 * H : 0)),
        closedAt: finishMs === null ? null : new Date(finishMs),
        outcome: result ?? (stopped ? 'WITHDRAWN' : null),
      })
      .returning({ id: cases.id });
    await db.insert(dossiers).values({
      caseId: c.id,
      code: `${pick(AGENCIES)}-R${String(k).padStart(5, '0')}`,
      agencyCode: pick(AGENCIES),
      procedureId: pick(procedureIds),
      channel,
      applicantName: 'Công ty TNHH Ngẫu Nhiên',
      applicantAddress: 'Hà Nội',
      requestSummary: 'Đề nghị',
      components: [],
      submittedAt: new Date(receivedMs),
      receivedAt: new Date(receivedMs),
      processedAt: finished ? new Date(finishMs as number) : null,
      result,
      stoppedAt: stopped ? new Date(finishMs as number) : null,
      finishedAt: finishMs === null ? null : new Date(finishMs),
      timelinessLegal: finished && stored && rand() < 0.9 ? classOf(finishMs) : null,
      timelinessPortal: (finished || stopped) && stored ? pick(['EARLY', 'ON_TIME', 'LATE']) : null,
      supplementCount: 0,
      feeVnd: rand() < 0.4 ? 500_000 : 0,
      paidOnline: rand() < 0.3,
      hasEResult: rand() < 0.4,
    });
    const supplements = Math.floor(rand() * 3 * rand());
    for (let i = 0; i < supplements; i++) {
      const from = receivedMs + (i + 1) * 24 * H;
      const open = !finished && !stopped && i === supplements - 1 && rand() < 0.5;
      await db.insert(casePauses).values({ caseId: c.id, kind: 'SUPPLEMENT', rule: 'RESTART', reason: 'Thiếu', startedAt: new Date(from), endedAt: open ? null : new Date(from + Math.floor(1 + rand() * 72) * H) });
    }
    if (supplements) await db.update(dossiers).set({ supplementCount: supplements }).where(eq(dossiers.caseId, c.id));
    const steps = Math.floor(rand() * 3);
    for (let i = 0; i < steps; i++) {
      const due = receivedMs + (i + 2) * 24 * H;
      await db.insert(caseSteps).values({ caseId: c.id, seq: i + 1, unitCode: unit, startedAt: new Date(receivedMs), dueAt: new Date(due), finishedAt: rand() < 0.2 ? null : new Date(due + Math.floor((rand() - 0.6) * 72) * H) });
    }
    if (finished && rand() < 0.5) {
      await db.insert(dossierEvaluations).values({
        caseId: c.id,
        contactsCount: Math.floor(rand() * 3),
        agenciesContacted: pick(['NONE', 'ONE_STOP_ONLY', 'SEVERAL']),
        hadComplaint: rand() < 0.15,
        satisfaction: pick(['SATISFIED', 'NEUTRAL', 'DISSATISFIED']),
      });
    }
    if (rand() < 0.4) await db.insert(caseAttachments).values({ caseId: c.id, purpose: 'COMPONENT', label: 'Đơn', fileName: 'don.pdf', contentType: 'application/pdf', sizeBytes: 10, sha256: 'a'.repeat(64) });
    await db.transaction((tx) => refreshStatFacts(tx, [c.id]));
    if (finished) finishedIds.push(c.id);
  };

  /** The domain computation over every dossier of the period (facts, supplements and steps loaded per dossier). */
  const domainOf = async (from: string, to: string, filter: { procedureId?: number; unitCode?: string; channel?: string; agencyCode?: string } = {}) => {
    const db = t.database.db;
    const fromAt = `${from}T00:00:00+07:00`;
    const toAt = `${new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)}T00:00:00+07:00`;
    const rows = await findFacts(db, { fromAt, toAt, ...filter }, 'all');
    const ids = rows.map((r) => Number(r.case_id));
    const [pauses, steps] = await Promise.all([findSupplements(db, ids), findSteps(db, ids)]);
    const facts = rows.map((r) =>
      factOfRow(
        r,
        pauses.filter((p) => Number(p.case_id) === Number(r.case_id)),
        steps.filter((s) => Number(s.case_id) === Number(r.case_id)),
      ),
    );
    const cal = await createCalendarService({ db }).getWorkCalendar();
    const classified = classifyDossiers(cal, facts, { asOf: Date.now(), periodEnd: Date.parse(toAt) - 1 });
    const catalogue = (await findCatalogueAt(db, to)).map(procedureOfRow);
    return { cal, classified, catalogue };
  };

  const query = (from: string, to: string, filter: Record<string, string | number>) =>
    `from=${from}&to=${to}${Object.entries(filter)
      .map(([k, v]) => `&${k}=${encodeURIComponent(String(v))}`)
      .join('')}`;

  const compareAll = async (label: string) => {
    const periods: [string, string][] = [
      ['2025-03-01', '2025-08-31'],
      ['2025-04-01', '2025-04-30'],
      ['2025-05-17', '2025-07-03'],
      ['2025-08-31', '2025-08-31'],
    ];
    const filters: Record<string, string | number>[] = [{}, { procedureId: procedureIds[0] }, { unitCode: 'QLTM' }, { channel: 'ONLINE' }, { agencyCode: AGENCIES[1] }];
    for (const [from, to] of periods) {
      for (const filter of filters) {
        const where = `${label} ${from}…${to} ${JSON.stringify(filter)}`;
        const { cal, classified, catalogue } = await domainOf(from, to, filter);
        // On-time tables, every grouping.
        for (const by of ['procedure', 'unit', 'channel', 'month', 'quarter', 'year', 'all'] as TGroupBy[]) {
          const res = await as(t, officer).get(`/api/service-index/on-time?${query(from, to, filter)}&by=${by}`);
          assert.equal(res.statusCode, 200, res.body);
          const api = res.json() as { rows: Record<string, unknown>[]; total: Record<string, unknown> };
          const expected = summariseOnTime(classified, by);
          const strip = ({ label: _label, ...rest }: Record<string, unknown>) => rest;
          assert.deepEqual(api.rows.map(strip), expected.rows.map((r) => strip(r as unknown as Record<string, unknown>)), `${where} on-time by ${by}`);
          assert.deepEqual(strip(api.total), strip(expected.total as unknown as Record<string, unknown>), `${where} on-time total by ${by}`);
        }
        // 766 indicators.
        const i766 = (await as(t, officer).get(`/api/service-index/index-766?${query(from, to, filter)}`)).json() as { indicators: Record<string, unknown>[] };
        const filterProcedure = filter.procedureId;
        const expected766 = compute766({ counts: count766(cal, classified), catalogue: filterProcedure === undefined ? catalogue : catalogue.filter((c) => c.id === filterProcedure) });
        const pickOf = (i: Record<string, unknown>) => [i.id, i.applicable, i.reason, i.numerator, i.denominator, i.ratio, i.value, i.score];
        assert.deepEqual(i766.indicators.map(pickOf), (expected766.indicators as unknown as Record<string, unknown>[]).map(pickOf), `${where} 766`);
        // TT01 per agency.
        const tt01 = (await as(t, officer).get(`/api/service-index/tt01?${query(from, to, filter)}&by=agency`)).json() as { rows: { key: string; dossiers: number; indicators: unknown; total: number | null }[] };
        const agencies = [...new Set(classified.map((c) => String(c.fact.agencyId)))].sort();
        const expectedTt01 = agencies.map((agency) => {
          const mine = classified.filter((c) => String(c.fact.agencyId) === agency);
          const sums = sumDossierScores(
            mine.filter((c) => isEvaluated(c.fact)).map((c) => scoreDossier(c, DEFAULT_TT01_CONFIG)),
            mine,
          );
          const a = scoreAgencySums({ agencyId: agency, sums, catalogue, facts: { level: 'PROVINCE', publication: null, complaints: null } });
          return { key: agency, dossiers: a.dossiers, indicators: a.indicators, total: a.total };
        });
        assert.deepEqual(
          tt01.rows.map((r) => ({ key: r.key, dossiers: r.dossiers, indicators: r.indicators, total: r.total })),
          expectedTt01,
          `${where} TT01`,
        );
        // Per-dossier TT01 table: its total.
        const page = (await as(t, officer).get(`/api/service-index/tt01/dossiers?${query(from, to, filter)}&pageSize=5`)).json() as { total: number };
        assert.equal(page.total, classified.filter((c) => c.fact.outcome === 'APPROVED' || c.fact.outcome === 'REFUSED').length, `${where} TT01 dossiers total`);
      }
    }
  };

  /** The daily and monthly aggregates kept one dossier at a time equal a full rebuild. */
  const assertDaysEqualRebuild = async () => {
    const db = t.database.db;
    const read = async () => [...(await readTable('dossier_stat_days')), ...(await readTable('dossier_stat_months'))];
    const readTable = (table: string) =>
      queryRows<Record<string, unknown>>(
        db,
        sql`select day::text, agency_code, procedure_id, unit_code, channel, assignee_id, received, early, on_time, late, stopped, national_early, national_late,
                   online_qualified, approved, approved_e_result, digitised, e_result, digitised_e_result, fee_dossiers, fee_paid_online, paid_online, dissatisfied,
                   finished_result, handling_days::text, s1, c1, s2, c2, s3, c3, s4, c4, s7, c7, late_no_complaint, online_late
            from ${sql.identifier(table)} order by 1, 2, 3, 4, 5, 6`,
      );
    const kept = await read();
    assert.ok(kept.length > 20);
    assert.ok((await readTable('dossier_stat_months')).length > 10);
    await db.transaction((tx) => refreshStatFacts(tx, 'all'));
    assert.deepEqual(await read(), kept);
  };

  before(async () => {
    t = await createTestApp();
    officer = await login(t, 'canbo.tm');
    const db = t.database.db;
    procedureIds = (await db.select({ id: procedures.id }).from(procedures).where(inArray(procedures.code, ['2.000620.H26', '2.000355.H26']))).map((r) => r.id);
    const more = (await db.select({ id: procedures.id }).from(procedures).limit(5)).map((r) => r.id);
    procedureIds = [...new Set([...procedureIds, ...more])];
    officerIds = (await db.select({ id: users.id }).from(users).where(inArray(users.username, ['canbo.tm', 'canbo.cn']))).map((r) => r.id);
    const rand = prng(20251127);
    for (let k = 0; k < 160; k++) await insertRandom(rand, k);
  });
  after(async () => t.close());

  it('on-time, 766, TT01 per agency and the per-dossier total equal the domain over random dossiers', async () => {
    await compareAll('initial');
  });

  it('after changes of finished dossiers (evaluation, component file, officer) kept in the same transaction', async () => {
    const db = t.database.db;
    const rand = prng(7);
    for (const id of finishedIds.slice(0, 30)) {
      await db.transaction(async (tx) => {
        const existing = await tx.select().from(dossierEvaluations).where(eq(dossierEvaluations.caseId, id));
        if (!existing.length && rand() < 0.6) {
          await tx.insert(dossierEvaluations).values({ caseId: id, contactsCount: 1, agenciesContacted: 'SEVERAL', hadComplaint: rand() < 0.5, satisfaction: 'DISSATISFIED' });
        }
        if (rand() < 0.5) await tx.insert(caseAttachments).values({ caseId: id, purpose: 'COMPONENT', label: 'Bản sao', fileName: 'b.pdf', contentType: 'application/pdf', sizeBytes: 5, sha256: 'b'.repeat(64) });
        if (rand() < 0.5) await tx.update(cases).set({ assigneeId: officerIds[0] }).where(eq(cases.id, id));
        await refreshStatFacts(tx, [id]);
      });
    }
    await compareAll('changed');
    await assertDaysEqualRebuild();
  });
});
