import type { TDb, TDbOrTx } from '../../db/client';
import { AppError, forbidden, notFound } from '../../server/errors';
import type { TRequestContext } from '../../server/request-context';
import { decodeUtf8Strict, FileFormatError, parseCsvRecords, type TRowError } from '../../lib/tabular-file';
import { recordAudit } from '../audit/audit.service';
import { hasPermission } from '../auth/auth.policy';
import { todayInVietnam } from '../enterprises/enterprises.service';
import { findLowestSubindices, methodologyOfYear, PCI_FIRST_YEAR, PCI_SUBINDICES, SUBINDEX_CODES, weighPetitionsOnSubindices } from './support-pci';
import { buildConferenceMinutesDocx } from './support-minutes-docx';
import * as repo from './support.repo';
import { AGENCY_KINDS, type TActionBody, type TAgencyBody, type TCategoryBody, type TCommitmentBody, type TConferenceBody, type TConferenceCreateBody, type TPciYearBody, type TPlanBody } from './support.schemas';

/** Hà Nội's province code (GSO); the PCI table is kept per province for comparisons later. */
export const HANOI_PROVINCE_CODE = '01';

type TIssue = { path: string; message: string };
const failIf = (issues: TIssue[]) => {
  if (issues.length) throw new AppError('VALIDATION_ERROR', `${issues[0].path}: ${issues[0].message}`, issues);
};
const OPEN_STATUSES = ['OPEN', 'IN_PROGRESS', 'NOT_STARTED'];
const num = (v: string | null) => (v === null ? null : Number(v));

const presentAgency = (a: repo.TAgencyRow, deadlines: { agencyId: number; categoryCode: string; workingDays: number }[]) => ({
  id: a.id,
  code: a.code,
  kind: a.kind as TAgencyBody['kind'],
  name: a.name,
  moduleCode: a.moduleCode,
  adminUnitCode: a.adminUnitCode,
  contactName: a.contactName,
  phone: a.phone,
  email: a.email,
  address: a.address,
  isActive: a.isActive,
  deadlines: deadlines.filter((d) => d.agencyId === a.id).map((d) => ({ category: d.categoryCode, workingDays: d.workingDays })),
});

const presentAction = (row: { action: repo.TActionRow; ownerName: string }, today: string) => ({
  id: row.action.id,
  planId: row.action.planId,
  subindexCode: row.action.subindexCode,
  content: row.action.content,
  owner: { id: row.action.ownerAgencyId, name: row.ownerName },
  deadline: row.action.deadline,
  status: row.action.status as TActionBody['status'],
  progressPct: row.action.progressPct,
  note: row.action.note,
  isOverdue: OPEN_STATUSES.includes(row.action.status) && row.action.deadline < today,
});

const presentCommitment = (row: { commitment: repo.TCommitmentRow; ownerName: string }, today: string) => ({
  id: row.commitment.id,
  conferenceId: row.commitment.conferenceId,
  content: row.commitment.content,
  owner: { id: row.commitment.ownerAgencyId, name: row.ownerName },
  deadline: row.commitment.deadline,
  status: row.commitment.status as TCommitmentBody['status'],
  progressNote: row.commitment.progressNote,
  isOverdue: OPEN_STATUSES.includes(row.commitment.status) && row.commitment.deadline < today,
});

/**
 * Enterprise support: the catalogue of agencies petitions are routed to (with answer deadlines per
 * category), PCI results and improvement plans, and business dialogue conferences with their
 * commitments. Also the functions the petitions module reads (routing, PCI weight, conferences).
 */
export const createSupportService = ({ db }: { db: TDb }) => {
  const requireManage = (ctx: TRequestContext) => {
    const isTrusted = Boolean(ctx.systemActor) && !ctx.actor;
    if (!isTrusted && (!ctx.actor || !hasPermission(ctx.actor, 'support.manage'))) throw forbidden('You may not manage enterprise support data');
  };

  // Agencies ---------------------------------------------------------------------------------

  const listAgencies = async () => {
    const [rows, deadlines] = await Promise.all([repo.listAgencies(db), repo.listAgencyDeadlines(db)]);
    const order = (kind: string) => AGENCY_KINDS.indexOf(kind as (typeof AGENCY_KINDS)[number]);
    return rows.sort((a, b) => order(a.kind) - order(b.kind) || a.name.localeCompare(b.name, 'vi')).map((a) => presentAgency(a, deadlines));
  };

  const getAgency = async (id: number) => {
    const agency = (await listAgencies()).find((a) => a.id === id);
    if (!agency) throw notFound(`Agency ${id}`);
    return agency;
  };

  const checkAgency = async (body: TAgencyBody, id: number | null) => {
    const issues: TIssue[] = [];
    if (body.kind === 'DIVISION' && !body.moduleCode) issues.push({ path: 'body.moduleCode', message: 'a Department division names its module (INDUSTRY, TRADE, PLANNING_STATS, ONE_STOP)' });
    if (body.kind !== 'DIVISION' && body.moduleCode) issues.push({ path: 'body.moduleCode', message: 'only a Department division has a module' });
    if (body.kind === 'COMMUNE' && !body.adminUnitCode) issues.push({ path: 'body.adminUnitCode', message: "a commune or ward people's committee names its administrative unit" });
    if (body.adminUnitCode && !(await repo.hasAdminUnit(db, body.adminUnitCode))) issues.push({ path: 'body.adminUnitCode', message: `unknown administrative unit "${body.adminUnitCode}"` });
    const same = await repo.findAgencyByCode(db, body.code);
    if (same && same.id !== id) issues.push({ path: 'body.code', message: `the code ${body.code} is already used by "${same.name}"` });
    const seen = new Set<string>();
    body.deadlines.forEach((d, i) => {
      if (seen.has(d.category)) issues.push({ path: `body.deadlines.${i}.category`, message: `${d.category} appears twice` });
      seen.add(d.category);
    });
    failIf(issues);
  };

  const agencyValues = (body: TAgencyBody) => ({
    code: body.code,
    kind: body.kind,
    name: body.name,
    moduleCode: body.moduleCode ?? null,
    adminUnitCode: body.adminUnitCode || null,
    contactName: body.contactName || null,
    phone: body.phone || null,
    email: body.email || null,
    address: body.address || null,
    isActive: body.isActive,
  });

  /** Adds an agency (division or external) with its own category deadlines, audited. */
  const createAgency = async (ctx: TRequestContext, body: TAgencyBody) => {
    requireManage(ctx);
    await checkAgency(body, null);
    const id = await db.transaction(async (tx) => {
      const row = await repo.insertAgency(tx, agencyValues(body));
      await repo.replaceAgencyDeadlines(tx, row.id, body.deadlines);
      await recordAudit(tx, ctx, { entity: 'support_agency', entityId: row.id, action: 'support.agency.create', after: { ...agencyValues(body), deadlines: body.deadlines } });
      return row.id;
    });
    return getAgency(id);
  };

  const updateAgency = async (ctx: TRequestContext, id: number, body: TAgencyBody) => {
    requireManage(ctx);
    const before = await repo.findAgency(db, id);
    if (!before) throw notFound(`Agency ${id}`);
    await checkAgency(body, id);
    const beforeDeadlines = (await repo.listAgencyDeadlines(db)).filter((d) => d.agencyId === id);
    await db.transaction(async (tx) => {
      await repo.updateAgency(tx, id, agencyValues(body));
      await repo.replaceAgencyDeadlines(tx, id, body.deadlines);
      await recordAudit(tx, ctx, { entity: 'support_agency', entityId: id, action: 'support.agency.update', before: presentAgency(before, beforeDeadlines), after: { ...agencyValues(body), deadlines: body.deadlines } });
    });
    return getAgency(id);
  };

  // Petition categories ----------------------------------------------------------------------

  const listCategories = async () => {
    const [rows, agencies, mapping] = await Promise.all([repo.listCategories(db), repo.listAgencies(db), repo.listCategoryPci(db)]);
    return rows.map((c) => {
      const agency = agencies.find((a) => a.id === c.defaultAgencyId);
      return {
        code: c.code,
        nameVi: c.nameVi,
        nameEn: c.nameEn,
        deadlineWorkingDays: c.deadlineWorkingDays,
        defaultAgency: agency ? { id: agency.id, name: agency.name } : null,
        pciSubindices: SUBINDEX_CODES.filter((s) => mapping.some((m) => m.categoryCode === c.code && m.subindexCode === s)),
      };
    });
  };

  /** Sets a category's default deadline, default agency and the PCI sub-indices it weighs on. */
  const updateCategory = async (ctx: TRequestContext, code: string, body: TCategoryBody) => {
    requireManage(ctx);
    const before = (await listCategories()).find((c) => c.code === code);
    if (!before) throw notFound(`Petition category ${code}`);
    const issues: TIssue[] = [];
    if (body.defaultAgencyId !== null) {
      const agency = await repo.findAgency(db, body.defaultAgencyId);
      if (!agency) issues.push({ path: 'body.defaultAgencyId', message: `unknown agency ${body.defaultAgencyId}` });
      else if (!agency.isActive) issues.push({ path: 'body.defaultAgencyId', message: `${agency.name} is inactive` });
    }
    const subindices = [...new Set(body.pciSubindices)];
    if (subindices.length !== body.pciSubindices.length) issues.push({ path: 'body.pciSubindices', message: 'a sub-index appears twice' });
    failIf(issues);
    await db.transaction(async (tx) => {
      await repo.updateCategory(tx, code, { deadlineWorkingDays: body.deadlineWorkingDays, defaultAgencyId: body.defaultAgencyId });
      await repo.replaceCategoryPci(tx, code, subindices);
      await recordAudit(tx, ctx, { entity: 'petition_category', entityId: code, action: 'support.category.update', before, after: body });
    });
    return (await listCategories()).find((c) => c.code === code);
  };

  /**
   * For the petitions module: where a petition of a category goes by default and its answer
   * deadline in working days (the agency's own deadline for the category, else the category's).
   */
  const getPetitionRouting = async (categoryCode: string, agencyId?: number | null, tx: TDbOrTx = db) => {
    const category = await repo.findCategory(tx, categoryCode);
    if (!category) throw new AppError('VALIDATION_ERROR', `unknown petition category "${categoryCode}"`, [{ path: 'body.category', message: `unknown petition category "${categoryCode}"` }]);
    const target = agencyId ?? category.defaultAgencyId;
    const own = target ? await repo.findAgencyDeadline(tx, target, categoryCode) : undefined;
    const mapped = new Set((await repo.listCategoryPci(tx)).filter((m) => m.categoryCode === categoryCode).map((m) => m.subindexCode));
    const mapping = SUBINDEX_CODES.filter((c) => mapped.has(c));
    return { category: category.code, agencyId: target ?? null, deadlineWorkingDays: own?.workingDays ?? category.deadlineWorkingDays, pciSubindices: mapping };
  };

  /** For the petitions module: an agency of the catalogue (null when unknown). */
  const findAgencyRef = async (id: number, tx: TDbOrTx = db) => {
    const a = await repo.findAgency(tx, id);
    return a ? { id: a.id, code: a.code, name: a.name, kind: a.kind, moduleCode: a.moduleCode, isActive: a.isActive } : null;
  };

  /** For the petitions module: which PCI sub-indices petitions counted by category weigh on. */
  const weighOnPci = async (counts: { category: string; petitions: number }[]) => weighPetitionsOnSubindices(counts, await repo.listCategoryPci(db));

  // PCI --------------------------------------------------------------------------------------

  /** Every stored year of the province: composite, rank and sub-indices, with the lowest ones. */
  const getPci = async (provinceCode = HANOI_PROVINCE_CODE) => {
    const results = await repo.listPciResults(db, provinceCode);
    const scores = await repo.listPciScores(db, results.map((r) => r.id));
    const years = results.map((r) => {
      const own = scores.filter((s) => s.resultId === r.id);
      const subindices = SUBINDEX_CODES.map((code) => {
        const s = own.find((x) => x.subindexCode === code);
        return { code, score: s ? num(s.score) : null, rank: s?.rank ?? null };
      });
      return {
        year: r.year,
        composite: num(r.composite),
        rank: r.rank,
        nProvinces: r.nProvinces,
        methodologyVersion: r.methodologyVersion,
        source: r.source,
        subindices,
        // The lowest sub-indices only when all ten are known (a partial year would mislead).
        lowest: subindices.every((s) => s.score !== null) ? findLowestSubindices(subindices) : [],
      };
    });
    return { provinceCode, subindices: PCI_SUBINDICES.map((s) => ({ ...s })), years };
  };

  /** Records (or replaces) the province's PCI of a year; sub-indices not given stay empty. */
  const savePciYear = async (ctx: TRequestContext, year: number, body: TPciYearBody, provinceCode = HANOI_PROVINCE_CODE) => {
    requireManage(ctx);
    const issues: TIssue[] = [];
    const currentYear = Number(todayInVietnam().slice(0, 4));
    if (year > currentYear - 1) issues.push({ path: 'params.year', message: `the PCI of ${year} is published in ${year + 1}; ${year} is in the future or not yet surveyed` });
    if (year < PCI_FIRST_YEAR) issues.push({ path: 'params.year', message: `the PCI started in ${PCI_FIRST_YEAR}` });
    if (body.rank !== null && body.nProvinces !== null && body.rank > body.nProvinces) issues.push({ path: 'body.rank', message: `rank ${body.rank} is beyond the ${body.nProvinces} provinces` });
    const seen = new Set<string>();
    body.subindices.forEach((s, i) => {
      if (seen.has(s.code)) issues.push({ path: `body.subindices.${i}.code`, message: `${s.code} appears twice` });
      seen.add(s.code);
      if (s.rank && body.nProvinces !== null && s.rank > body.nProvinces) issues.push({ path: `body.subindices.${i}.rank`, message: `rank ${s.rank} is beyond the ${body.nProvinces} provinces` });
    });
    failIf(issues);
    const before = (await getPci(provinceCode)).years.find((y) => y.year === year) ?? null;
    await db.transaction(async (tx) => {
      const saved = await repo.upsertPciResult(
        tx,
        {
          provinceCode,
          year,
          composite: body.composite === null ? null : String(body.composite),
          rank: body.rank,
          nProvinces: body.nProvinces,
          methodologyVersion: body.methodologyVersion ?? methodologyOfYear(year),
          source: body.source || null,
          updatedBy: ctx.actor?.userId ?? null,
        },
        body.subindices.map((s) => ({ code: s.code, score: s.score, rank: s.rank ?? null })),
      );
      await recordAudit(tx, ctx, { entity: 'pci_result', entityId: saved.id, action: before ? 'support.pci.update' : 'support.pci.create', before, after: { provinceCode, year, ...body } });
    });
    return (await getPci(provinceCode)).years.find((y) => y.year === year);
  };

  /**
   * Imports PCI figures from CSV: columns year, subindex (a sub-index code, its number 1–10, or
   * TOTAL for the composite), score, rank[, n_provinces, source]. Every row is checked first; a
   * real run replaces the figures of each year in the file (other years untouched), all or nothing.
   */
  const importPci = async (ctx: TRequestContext, input: { bytes: Uint8Array; dryRun: boolean }, provinceCode = HANOI_PROVINCE_CODE) => {
    requireManage(ctx);
    type TCol = 'year' | 'subindex' | 'score' | 'rank' | 'n_provinces' | 'source';
    let parsed;
    try {
      parsed = parseCsvRecords<TCol>(decodeUtf8Strict(input.bytes), {
        aliases: { year: ['nam'], subindex: ['chi so', 'chi so thanh phan', 'sub_index'], score: ['diem'], rank: ['hang', 'xep hang'], n_provinces: ['so tinh'], source: ['nguon'] },
        required: ['year', 'subindex', 'score'],
      });
    } catch (error) {
      if (error instanceof FileFormatError) throw new AppError('IMPORT_INVALID', error.message, { errors: [{ row: null, column: null, message: error.message }] });
      throw error;
    }
    if (parsed.rows.length === 0) throw new AppError('IMPORT_INVALID', 'The file has a header but no data rows');
    const errors: TRowError[] = [];
    const currentYear = Number(todayInVietnam().slice(0, 4));
    const years = new Map<number, TPciYearBody>();
    const seen = new Map<string, number>();
    for (const { rowNumber, values } of parsed.rows) {
      const err = (column: TCol, message: string) => errors.push({ row: rowNumber, column, message });
      const before = errors.length;
      const year = Number(values.year);
      if (!/^\d{4}$/.test(values.year ?? '')) err('year', `"${values.year ?? ''}" is not a year`);
      else if (year > currentYear - 1) err('year', `the PCI of ${year} is published in ${year + 1}; ${year} is in the future or not yet surveyed`);
      else if (year < PCI_FIRST_YEAR) err('year', `the PCI started in ${PCI_FIRST_YEAR}`);
      const raw = (values.subindex ?? '').trim().toUpperCase();
      const code = raw === 'TOTAL' ? 'TOTAL' : /^\d{1,2}$/.test(raw) ? SUBINDEX_CODES[Number(raw) - 1] : SUBINDEX_CODES.find((c) => c === raw);
      if (!code) err('subindex', `unknown sub-index "${values.subindex ?? ''}" (a code like LAND_ACCESS, 1–10, or TOTAL)`);
      const score = values.score === '' || values.score === undefined ? null : Number((values.score ?? '').replace(',', '.'));
      const max = code === 'TOTAL' ? 100 : 10;
      if (score !== null && (!Number.isFinite(score) || score < 0 || score > max)) err('score', `"${values.score}" is not a score between 0 and ${max}`);
      const rank = values.rank ? Number(values.rank) : null;
      if (rank !== null && (!Number.isInteger(rank) || rank < 1 || rank > 100)) err('rank', `"${values.rank}" is not a rank`);
      const n = values.n_provinces ? Number(values.n_provinces) : null;
      if (n !== null && (!Number.isInteger(n) || n < 1 || n > 100)) err('n_provinces', `"${values.n_provinces}" is not a number of provinces`);
      if (rank !== null && n !== null && rank > n) err('rank', `rank ${rank} is beyond the ${n} provinces`);
      const key = `${year}|${code}`;
      if (code && seen.has(key)) err('subindex', `${code} of ${year} is also on row ${seen.get(key)}`);
      if (code) seen.set(key, rowNumber);
      if (errors.length > before || !code) continue;
      const entry = years.get(year) ?? { composite: null, rank: null, nProvinces: null, source: null, subindices: [] };
      if (code === 'TOTAL') Object.assign(entry, { composite: score, rank, nProvinces: n ?? entry.nProvinces, source: values.source || entry.source });
      else entry.subindices.push({ code, score, rank });
      years.set(year, entry);
    }
    const result = { dryRun: input.dryRun, years: [...years.keys()].sort(), rows: parsed.rows.length, errors };
    if (input.dryRun) return result;
    if (errors.length) throw new AppError('IMPORT_INVALID', `${errors.length} error(s) in the file; nothing was stored`, result);
    await db.transaction(async (tx) => {
      for (const [year, body] of years) {
        const saved = await repo.upsertPciResult(
          tx,
          { provinceCode, year, composite: body.composite === null ? null : String(body.composite), rank: body.rank, nProvinces: body.nProvinces, methodologyVersion: methodologyOfYear(year), source: body.source || null, updatedBy: ctx.actor?.userId ?? null },
          body.subindices.map((x) => ({ code: x.code, score: x.score, rank: x.rank ?? null })),
        );
        await recordAudit(tx, ctx, { entity: 'pci_result', entityId: saved.id, action: 'support.pci.import', after: { provinceCode, year, ...body } });
      }
    });
    return result;
  };

  // Action plans ------------------------------------------------------------------------------

  const listPlans = async (year?: number) => {
    const plans = await repo.listPlans(db, year);
    const actions = await repo.listActions(db, plans.map((p) => p.id));
    const today = todayInVietnam();
    return plans.map((p) => ({
      id: p.id,
      year: p.year,
      title: p.title,
      documentRef: p.documentRef,
      actions: actions.filter((a) => a.action.planId === p.id).map((a) => presentAction(a, today)),
    }));
  };
  const getPlan = async (id: number) => {
    const plan = (await listPlans()).find((p) => p.id === id);
    if (!plan) throw notFound(`Action plan ${id}`);
    return plan;
  };

  const createPlan = async (ctx: TRequestContext, body: TPlanBody) => {
    requireManage(ctx);
    const id = await db.transaction(async (tx) => {
      const row = await repo.insertPlan(tx, { year: body.year, title: body.title, documentRef: body.documentRef || null, createdBy: ctx.actor?.userId ?? null });
      await recordAudit(tx, ctx, { entity: 'pci_action_plan', entityId: row.id, action: 'support.plan.create', after: body });
      return row.id;
    });
    return getPlan(id);
  };

  const updatePlan = async (ctx: TRequestContext, id: number, body: TPlanBody) => {
    requireManage(ctx);
    const before = await getPlan(id);
    const issues: TIssue[] = [];
    before.actions.forEach((a) => {
      if (Number(a.deadline.slice(0, 4)) < body.year) issues.push({ path: 'body.year', message: `action ${a.id} is due ${a.deadline}, before ${body.year}` });
    });
    failIf(issues.slice(0, 1));
    await db.transaction(async (tx) => {
      await repo.updatePlan(tx, id, { year: body.year, title: body.title, documentRef: body.documentRef || null });
      await recordAudit(tx, ctx, { entity: 'pci_action_plan', entityId: id, action: 'support.plan.update', before: { year: before.year, title: before.title, documentRef: before.documentRef }, after: body });
    });
    return getPlan(id);
  };

  const checkAction = async (body: TActionBody, planYear: number) => {
    const issues: TIssue[] = [];
    const owner = await repo.findAgency(db, body.ownerAgencyId);
    if (!owner) issues.push({ path: 'body.ownerAgencyId', message: `unknown agency ${body.ownerAgencyId}` });
    else if (!owner.isActive) issues.push({ path: 'body.ownerAgencyId', message: `${owner.name} is inactive` });
    if (Number(body.deadline.slice(0, 4)) < planYear) issues.push({ path: 'body.deadline', message: `must not be before the plan's year ${planYear}` });
    if (body.status === 'DONE' && body.progressPct !== 100) issues.push({ path: 'body.progressPct', message: 'a done action is 100% complete' });
    if (body.status === 'NOT_STARTED' && body.progressPct !== 0) issues.push({ path: 'body.status', message: `an action ${body.progressPct}% complete has started` });
    if (body.progressPct === 100 && body.status !== 'DONE' && body.status !== 'CANCELLED') issues.push({ path: 'body.status', message: 'an action 100% complete is DONE' });
    failIf(issues);
  };
  const actionValues = (body: TActionBody) => ({
    subindexCode: body.subindexCode,
    content: body.content,
    ownerAgencyId: body.ownerAgencyId,
    deadline: body.deadline,
    status: body.status,
    progressPct: body.progressPct,
    note: body.note || null,
  });

  const addAction = async (ctx: TRequestContext, planId: number, body: TActionBody) => {
    requireManage(ctx);
    const plan = await repo.findPlan(db, planId);
    if (!plan) throw notFound(`Action plan ${planId}`);
    await checkAction(body, plan.year);
    await db.transaction(async (tx) => {
      const row = await repo.insertAction(tx, { planId, ...actionValues(body) });
      await recordAudit(tx, ctx, { entity: 'pci_action', entityId: row.id, action: 'support.action.create', after: { planId, ...actionValues(body) } });
    });
    return getPlan(planId);
  };

  const updateAction = async (ctx: TRequestContext, id: number, body: TActionBody) => {
    requireManage(ctx);
    const before = await repo.findAction(db, id);
    if (!before) throw notFound(`Action ${id}`);
    const plan = await repo.findPlan(db, before.planId);
    await checkAction(body, plan?.year ?? 0);
    await db.transaction(async (tx) => {
      await repo.updateAction(tx, id, actionValues(body));
      await recordAudit(tx, ctx, { entity: 'pci_action', entityId: id, action: 'support.action.update', before, after: actionValues(body) });
    });
    return getPlan(before.planId);
  };

  // Conferences -------------------------------------------------------------------------------

  const listConferences = async () => {
    const rows = await repo.listConferences(db, todayInVietnam());
    return rows.map((r) => ({
      id: r.conference.id,
      heldOn: r.conference.heldOn,
      topic: r.conference.topic,
      chair: r.conference.chair,
      location: r.conference.location,
      enterprises: Number(r.enterprises),
      commitments: Number(r.commitments),
      openCommitments: Number(r.openCommitments),
      overdueCommitments: Number(r.overdueCommitments),
    }));
  };

  const getConference = async (id: number) => {
    const c = await repo.findConference(db, id);
    if (!c) throw notFound(`Conference ${id}`);
    const [enterprises, agencies, commitments] = await Promise.all([repo.listConferenceEnterprises(db, id), repo.listConferenceAgencies(db, id), repo.listCommitments(db, id)]);
    const today = todayInVietnam();
    return { id: c.id, heldOn: c.heldOn, topic: c.topic, chair: c.chair, location: c.location, summary: c.summary, enterprises, agencies, commitments: commitments.map((x) => presentCommitment(x, today)) };
  };

  /** For the petitions module: the conference a petition was raised at (null when unknown). */
  const findConferenceRef = async (id: number, tx: TDbOrTx = db) => {
    const c = await repo.findConference(tx, id);
    return c ? { id: c.id, heldOn: c.heldOn, topic: c.topic } : null;
  };

  const checkCommitment = async (body: TCommitmentBody, heldOn: string, at: string, issues: TIssue[]) => {
    const owner = await repo.findAgency(db, body.ownerAgencyId);
    if (!owner) issues.push({ path: `${at}.ownerAgencyId`, message: `unknown agency ${body.ownerAgencyId}` });
    else if (!owner.isActive) issues.push({ path: `${at}.ownerAgencyId`, message: `${owner.name} is inactive` });
    if (body.deadline < heldOn) issues.push({ path: `${at}.deadline`, message: `must not be before the conference date ${heldOn}` });
  };

  const checkConference = async (body: TConferenceBody, issues: TIssue[]) => {
    const enterpriseIds = [...new Set(body.enterpriseIds)];
    const known = new Set(await repo.findEnterpriseIds(db, enterpriseIds));
    body.enterpriseIds.forEach((id, i) => {
      if (!known.has(id)) issues.push({ path: `body.enterpriseIds.${i}`, message: `unknown enterprise ${id}` });
    });
    const agencies = await repo.findAgenciesByIds(db, [...new Set(body.agencyIds)]);
    body.agencyIds.forEach((id, i) => {
      if (!agencies.some((a) => a.id === id)) issues.push({ path: `body.agencyIds.${i}`, message: `unknown agency ${id}` });
    });
    const maxDate = `${Number(todayInVietnam().slice(0, 4)) + 1}-12-31`;
    if (body.heldOn > maxDate) issues.push({ path: 'body.heldOn', message: `too far ahead (after ${maxDate})` });
  };
  const conferenceValues = (body: Pick<TConferenceBody, 'heldOn' | 'topic' | 'chair' | 'location' | 'summary'>) => ({ heldOn: body.heldOn, topic: body.topic, chair: body.chair, location: body.location || null, summary: body.summary || null });

  /** Records a conference with its participants and the commitments made there, all or nothing. */
  const createConference = async (ctx: TRequestContext, body: TConferenceCreateBody) => {
    requireManage(ctx);
    const issues: TIssue[] = [];
    await checkConference(body, issues);
    for (const [i, c] of body.commitments.entries()) await checkCommitment(c, body.heldOn, `body.commitments.${i}`, issues);
    failIf(issues);
    const id = await db.transaction(async (tx) => {
      const row = await repo.insertConference(tx, { ...conferenceValues(body), createdBy: ctx.actor?.userId ?? null });
      await repo.replaceConferenceParticipants(tx, row.id, [...new Set(body.enterpriseIds)], [...new Set(body.agencyIds)]);
      await recordAudit(tx, ctx, { entity: 'dialogue_conference', entityId: row.id, action: 'support.conference.create', after: { ...conferenceValues(body), enterpriseIds: body.enterpriseIds, agencyIds: body.agencyIds } });
      for (const c of body.commitments) {
        const saved = await repo.insertCommitment(tx, { conferenceId: row.id, content: c.content, ownerAgencyId: c.ownerAgencyId, deadline: c.deadline, status: c.status, progressNote: c.progressNote || null });
        await recordAudit(tx, ctx, { entity: 'dialogue_commitment', entityId: saved.id, action: 'support.commitment.create', after: c });
      }
      return row.id;
    });
    return getConference(id);
  };

  const updateConference = async (ctx: TRequestContext, id: number, body: TConferenceBody) => {
    requireManage(ctx);
    const before = await getConference(id);
    const issues: TIssue[] = [];
    await checkConference(body, issues);
    before.commitments.forEach((c) => {
      if (c.deadline < body.heldOn) issues.push({ path: 'body.heldOn', message: `commitment ${c.id} is due ${c.deadline}, before this date` });
    });
    failIf(issues);
    await db.transaction(async (tx) => {
      await repo.updateConference(tx, id, conferenceValues(body));
      await repo.replaceConferenceParticipants(tx, id, [...new Set(body.enterpriseIds)], [...new Set(body.agencyIds)]);
      await recordAudit(tx, ctx, {
        entity: 'dialogue_conference',
        entityId: id,
        action: 'support.conference.update',
        before: { ...conferenceValues(before), enterpriseIds: before.enterprises.map((e) => e.id), agencyIds: before.agencies.map((a) => a.id) },
        after: { ...conferenceValues(body), enterpriseIds: body.enterpriseIds, agencyIds: body.agencyIds },
      });
    });
    return getConference(id);
  };

  const addCommitment = async (ctx: TRequestContext, conferenceId: number, body: TCommitmentBody) => {
    requireManage(ctx);
    const conference = await repo.findConference(db, conferenceId);
    if (!conference) throw notFound(`Conference ${conferenceId}`);
    const issues: TIssue[] = [];
    await checkCommitment(body, conference.heldOn, 'body', issues);
    failIf(issues);
    await db.transaction(async (tx) => {
      const saved = await repo.insertCommitment(tx, { conferenceId, content: body.content, ownerAgencyId: body.ownerAgencyId, deadline: body.deadline, status: body.status, progressNote: body.progressNote || null });
      await recordAudit(tx, ctx, { entity: 'dialogue_commitment', entityId: saved.id, action: 'support.commitment.create', after: { conferenceId, ...body } });
    });
    return getConference(conferenceId);
  };

  const updateCommitment = async (ctx: TRequestContext, id: number, body: TCommitmentBody) => {
    requireManage(ctx);
    const before = await repo.findCommitment(db, id);
    if (!before) throw notFound(`Commitment ${id}`);
    const conference = await repo.findConference(db, before.conferenceId);
    const issues: TIssue[] = [];
    await checkCommitment(body, conference?.heldOn ?? '0000-01-01', 'body', issues);
    failIf(issues);
    await db.transaction(async (tx) => {
      await repo.updateCommitment(tx, id, { content: body.content, ownerAgencyId: body.ownerAgencyId, deadline: body.deadline, status: body.status, progressNote: body.progressNote || null });
      await recordAudit(tx, ctx, { entity: 'dialogue_commitment', entityId: id, action: 'support.commitment.update', before, after: body });
    });
    return getConference(before.conferenceId);
  };

  /** The minutes (BIÊN BẢN) of a conference as an official DOCX (Decree 30/2020 layout). */
  const buildMinutes = async (id: number, options: { number?: string; secretary?: string; date?: Date }) => {
    const c = await getConference(id);
    return buildConferenceMinutesDocx({ conference: c, number: options.number, secretary: options.secretary, date: options.date ?? new Date() });
  };

  return {
    listAgencies,
    createAgency,
    updateAgency,
    listCategories,
    updateCategory,
    getPetitionRouting,
    findAgencyRef,
    weighOnPci,
    getPci,
    savePciYear,
    importPci,
    listPlans,
    createPlan,
    updatePlan,
    addAction,
    updateAction,
    listConferences,
    getConference,
    findConferenceRef,
    createConference,
    updateConference,
    addCommitment,
    updateCommitment,
    buildMinutes,
  };
};

export type TSupportService = ReturnType<typeof createSupportService>;
