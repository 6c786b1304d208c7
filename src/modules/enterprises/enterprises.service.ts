import { sql } from 'drizzle-orm';
import type { TDb, TDbOrTx } from '../../db/client';
import { queryRows } from '../../db/client';
import { industrialZones } from '../../db/schema/enterprises';
import { AppError, forbidden, notFound } from '../../server/errors';
import type { TRequestContext } from '../../server/request-context';
import { recordAudit } from '../audit/audit.service';
import { canAccessEnterprise, hasPermission, type TActor } from '../auth/auth.policy';
import { findUnitsAt } from '../units/units.repo';
import { isKnownVsicCode } from '../reference/vsic';
import { zoneKey, validateEnterpriseRow, type TLookups } from './enterprise-validation';
import type { TEnterpriseColumn } from './enterprise-fields';
import {
  addSearchWords,
  prewarmEnterprises,
  buildEnterpriseWhere,
  countByDimensions,
  findChangeRequestById,
  findChangeRequests,
  findEnterpriseById,
  findEnterpriseByTaxCode,
  findEnterprises,
  findFigures,
  insertChangeRequest,
  insertEnterprise,
  refreshSizeClass,
  updateChangeRequest,
  updateEnterprise,
  upsertFigures,
  type TEnterpriseSort,
} from './enterprises.repo';
import { presentEnterpriseForAudit } from './enterprises.presenter';
import { PROPOSABLE_FIELDS, type TEnterpriseBody, type TEnterpriseFilter, type TFiguresBody } from './enterprises.schemas';

export const todayInVietnam = (): string => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);

/** Loads what row validation needs from the database: units in force, former districts, zones. */
export const loadLookups = async (db: TDbOrTx): Promise<TLookups> => {
  const today = todayInVietnam();
  const [current, districts, zones] = await Promise.all([
    findUnitsAt(db, { at: today }),
    queryRows<{ code: string }>(db, sql`select distinct code from admin_units where level = 'DISTRICT'`),
    db.select({ id: industrialZones.id, name: industrialZones.name }).from(industrialZones),
  ]);
  const zonesByKey = new Map<string, number>();
  for (const z of zones) {
    zonesByKey.set(String(z.id), z.id);
    zonesByKey.set(zoneKey(z.name), z.id);
  }
  return {
    today,
    currentUnitCodes: new Set(current.filter((u) => u.level !== 'PROVINCE').map((u) => u.code)),
    formerDistrictCodes: new Set(districts.map((d) => d.code)),
    zonesByKey,
  };
};

/** Turns a form body into the row shape of a file, so forms and files share one validation. */
const bodyToRow = (b: TEnterpriseBody): Partial<Record<TEnterpriseColumn, string>> => ({
  tax_code: b.taxCode,
  name_vi: b.nameVi,
  name_intl: b.nameIntl ?? '',
  short_name: b.shortName ?? '',
  legal_form: b.legalForm,
  ownership: b.ownership,
  vsic_main: b.vsicMain,
  vsic_other: b.vsicOther.join(';'),
  address: b.address ?? '',
  unit_code: b.unitCode ?? '',
  former_district: b.formerDistrict ?? '',
  zone: b.zoneId ? String(b.zoneId) : '',
  established_on: b.establishedOn ?? '',
  status: b.status,
  status_since: b.statusSince ?? '',
  legal_rep: b.legalRep ?? '',
  phone: b.phone ?? '',
  email: b.email ?? '',
  website: b.website ?? '',
});

const toBodyErrors = (errors: { column: string | null; message: string }[]) => {
  const camel = (c: string) => c.replace(/_([a-z])/g, (_m, ch: string) => ch.toUpperCase());
  return errors.map((e) => ({ path: `body.${camel(e.column === 'zone' ? 'zone_id' : (e.column ?? ''))}`, message: e.message }));
};

/** Restricts a list filter to what the actor may see (area officers: their units). */
const scopeFilter = <T extends TEnterpriseFilter>(actor: TActor, filter: T): T =>
  actor.role === 'AREA_OFFICER' ? { ...filter, scopeUnits: actor.unitCodes } : filter;

/** The enterprise registry: list and search, profile, create and edit, figures and SME class, structure, proposals. */
export const createEnterpriseService = ({ db }: { db: TDb }) => {
  const requireActor = (ctx: TRequestContext): TActor => {
    if (!ctx.actor) throw new AppError('UNAUTHENTICATED', 'Sign in first');
    return ctx.actor;
  };
  const requireWriter = (ctx: TRequestContext): TActor => {
    const actor = requireActor(ctx);
    if (!hasPermission(actor, 'enterprises.write')) throw forbidden('You may not change the enterprise registry');
    return actor;
  };

  const listEnterprises = async (
    ctx: TRequestContext,
    query: TEnterpriseFilter & { page: number; pageSize: number; sort?: TEnterpriseSort; order: 'asc' | 'desc' },
  ) => {
    const actor = requireActor(ctx);
    if (actor.role === 'ENTERPRISE') return findEnterprises(db, { ...query, ids: actor.enterpriseIds.length ? actor.enterpriseIds : [-1] });
    return findEnterprises(db, scopeFilter(actor, query));
  };

  const getEnterprise = async (ctx: TRequestContext, id: number) => {
    const actor = requireActor(ctx);
    if (!canAccessEnterprise(actor, id)) throw forbidden('You may only see your own enterprise');
    const row = await findEnterpriseById(db, id);
    if (!row) throw notFound('Enterprise');
    if (actor.role === 'AREA_OFFICER' && !actor.unitCodes.some((u) => u === row.unitCode || u === row.formerDistrict)) {
      throw forbidden('This enterprise is outside your area');
    }
    const figures = await findFigures(db, id);
    return {
      row,
      figures,
      abilities: { canEdit: hasPermission(actor, 'enterprises.write'), canPropose: actor.role === 'ENTERPRISE' },
    };
  };

  const validateBody = async (body: TEnterpriseBody) => {
    const lookups = await loadLookups(db);
    const { row, errors } = validateEnterpriseRow(0, bodyToRow(body), lookups);
    if (!row) throw new AppError('VALIDATION_ERROR', errors[0]?.message ?? 'Invalid enterprise', toBodyErrors(errors));
    return row.enterprise;
  };

  const createEnterprise = async (ctx: TRequestContext, body: TEnterpriseBody) => {
    requireWriter(ctx);
    const input = await validateBody(body);
    return db.transaction(async (tx) => {
      if (await findEnterpriseByTaxCode(tx, input.taxCode)) {
        throw new AppError('CONFLICT', `An enterprise with tax code ${input.taxCode} already exists`, [{ path: 'body.taxCode', message: 'duplicate' }]);
      }
      const row = await insertEnterprise(tx, input);
      await addSearchWords(tx, [row.id]);
      await recordAudit(tx, ctx, { entity: 'enterprise', entityId: row.id, action: 'enterprise.create', after: presentEnterpriseForAudit(row) });
      return row;
    });
  };

  const updateEnterpriseById = async (ctx: TRequestContext, id: number, body: TEnterpriseBody) => {
    requireWriter(ctx);
    const input = await validateBody(body);
    return db.transaction(async (tx) => {
      const before = await findEnterpriseById(tx, id, { forUpdate: true });
      if (!before) throw notFound('Enterprise');
      if (input.taxCode !== before.taxCode) {
        const other = await findEnterpriseByTaxCode(tx, input.taxCode);
        if (other) throw new AppError('CONFLICT', `Tax code ${input.taxCode} belongs to another enterprise`, [{ path: 'body.taxCode', message: 'duplicate' }]);
      }
      const after = await updateEnterprise(tx, id, input);
      await addSearchWords(tx, [id]);
      await recordAudit(tx, ctx, { entity: 'enterprise', entityId: id, action: 'enterprise.update', before: presentEnterpriseForAudit(before), after: presentEnterpriseForAudit(after) });
      if (before.vsicMain !== after.vsicMain) await reclassifyAll(tx, id, after.vsicMain);
      return after;
    });
  };

  /** Recomputes every year's class when the main line (and so the sector group) changes. */
  const reclassifyAll = async (tx: TDbOrTx, id: number, vsicMain: string) => {
    const { classifySme, getSectorGroupForVsic } = await import('../../domain/sme/sme');
    for (const f of await findFigures(tx, id)) {
      const c = classifySme({ sectorGroup: getSectorGroupForVsic(vsicMain), avgInsuredEmployees: String(f.avgInsuredEmployees), revenueVnd: f.revenueVnd, capitalVnd: f.capitalVnd, onDate: `${f.year}-12-31` });
      await upsertFigures(tx, { ...f, sizeClass: c.class, sectorGroup: c.reason.sectorGroup, ruleVersion: c.ruleVersion, reason: c.reason });
    }
    await refreshSizeClass(tx, [id]);
  };

  /** Records a year of figures and classifies the enterprise for it (Decree 80/2021). */
  const saveFigures = async (ctx: TRequestContext, id: number, body: TFiguresBody) => {
    requireWriter(ctx);
    return db.transaction(async (tx) => {
      const enterprise = await findEnterpriseById(tx, id, { forUpdate: true });
      if (!enterprise) throw notFound('Enterprise');
      const lookups = await loadLookups(tx);
      const { row, errors } = validateEnterpriseRow(0, {
        ...bodyToRow({ ...enterprise, vsicOther: enterprise.vsicOther, status: enterprise.status as TEnterpriseBody['status'], legalForm: enterprise.legalForm as TEnterpriseBody['legalForm'], ownership: enterprise.ownership as TEnterpriseBody['ownership'] }),
        unit_code: '',
        former_district: '',
        zone: '',
        year: String(body.year),
        avg_insured_employees: String(body.avgInsuredEmployees),
        revenue_vnd: body.revenueVnd === null ? '' : String(body.revenueVnd),
        capital_vnd: String(body.capitalVnd),
        export_usd: body.exportUsd === null || body.exportUsd === undefined ? '' : String(body.exportUsd),
      }, lookups);
      if (!row?.figures) throw new AppError('VALIDATION_ERROR', errors[0]?.message ?? 'Invalid figures', toBodyErrors(errors));
      const f = row.figures;
      const before = (await findFigures(tx, id)).find((x) => x.year === f.year);
      const values = {
        enterpriseId: id,
        year: f.year,
        avgInsuredEmployees: f.avgInsuredEmployees,
        revenueVnd: f.revenueVnd,
        capitalVnd: f.capitalVnd,
        exportUsd: f.exportUsd,
        sizeClass: f.classification.class,
        sectorGroup: f.classification.reason.sectorGroup,
        ruleVersion: f.classification.ruleVersion,
        reason: f.classification.reason,
      };
      await upsertFigures(tx, values);
      await refreshSizeClass(tx, [id]);
      const show = (x: { year: number; avgInsuredEmployees: string; revenueVnd: bigint | null; capitalVnd: bigint; exportUsd: bigint | null; sizeClass: string }) => ({
        year: x.year, avgInsuredEmployees: String(x.avgInsuredEmployees), revenueVnd: x.revenueVnd?.toString() ?? null, capitalVnd: x.capitalVnd.toString(), exportUsd: x.exportUsd?.toString() ?? null, sizeClass: x.sizeClass,
      });
      await recordAudit(tx, ctx, { entity: 'enterprise', entityId: id, action: 'enterprise.figures', before: before ? show(before) : null, after: show(values) });
      return f.classification;
    });
  };

  /** Counts and shares by size class, section, ownership and area for the structure page. */
  const getStructure = async (ctx: TRequestContext, filter: TEnterpriseFilter) => {
    const actor = requireActor(ctx);
    if (actor.role === 'ENTERPRISE') throw forbidden();
    const where = buildEnterpriseWhere(scopeFilter(actor, filter), { fuzzy: false });
    const counts = await countByDimensions(db, where);
    const [bySize, bySection, byOwnership, byDistrict, byUnit, byStatus] = [counts.size_class, counts.section, counts.ownership, counts.former_district, counts.unit_code, counts.status];
    const norm = (rows: { key: string | null; n: number | string }[]) => rows.map((r) => ({ key: r.key, count: Number(r.n) }));
    const total = norm(byStatus).reduce((s, r) => s + r.count, 0);
    const sme = norm(bySize).filter((r) => r.key === 'MICRO' || r.key === 'SMALL' || r.key === 'MEDIUM').reduce((s, r) => s + r.count, 0);
    const classified = norm(bySize).filter((r) => r.key !== null).reduce((s, r) => s + r.count, 0);
    return {
      total,
      classified,
      smeCount: sme,
      smeShare: classified ? sme / classified : null,
      bySizeClass: norm(bySize),
      bySection: norm(bySection),
      byOwnership: norm(byOwnership),
      byFormerDistrict: norm(byDistrict),
      byUnit: norm(byUnit),
      byStatus: norm(byStatus),
    };
  };

  /** An enterprise user proposes changes to the fields the Department allows. */
  const proposeChanges = async (ctx: TRequestContext, id: number, body: { changes: Record<string, unknown>; note?: string }) => {
    const actor = requireActor(ctx);
    if (actor.role !== 'ENTERPRISE' || !actor.enterpriseIds.includes(id)) throw forbidden('Only the enterprise itself may propose changes to its record');
    return db.transaction(async (tx) => {
      const current = await findEnterpriseById(tx, id);
      if (!current) throw notFound('Enterprise');
      const changes: Record<string, { from: unknown; to: unknown }> = {};
      for (const field of PROPOSABLE_FIELDS) {
        if (!(field in body.changes)) continue;
        const to = body.changes[field] ?? null;
        const from = current[field] ?? null;
        if (JSON.stringify(from) !== JSON.stringify(to)) changes[field] = { from, to };
      }
      if (Object.keys(changes).length === 0) throw new AppError('VALIDATION_ERROR', 'The proposal changes nothing', [{ path: 'body.changes', message: 'no difference from the current record' }]);
      const email = changes.email?.to;
      if (typeof email === 'string' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
        throw new AppError('VALIDATION_ERROR', `"${email}" is not an e-mail address`, [{ path: 'body.changes.email', message: 'not an e-mail address' }]);
      }
      const vsicOther = changes.vsicOther?.to;
      if (Array.isArray(vsicOther)) {
        const unknown = vsicOther.filter((c) => typeof c !== 'string' || !/^\d{4,5}$/.test(c) || !isKnownVsicCode(c));
        if (unknown.length) throw new AppError('VALIDATION_ERROR', `Not VSIC 2018 codes: ${unknown.join(', ')}`, [{ path: 'body.changes.vsicOther', message: 'unknown VSIC code' }]);
      }
      const request = await insertChangeRequest(tx, { enterpriseId: id, proposedBy: actor.userId, changes, note: body.note ?? null });
      await recordAudit(tx, ctx, { entity: 'enterprise_change_request', entityId: request.id, action: 'enterprise.propose', after: { enterpriseId: id, changes, note: body.note ?? null } });
      return request;
    });
  };

  const listProposals = async (ctx: TRequestContext, filter: { enterpriseId?: number; status?: string }) => {
    const actor = requireActor(ctx);
    if (actor.role === 'ENTERPRISE') {
      if (!filter.enterpriseId || !actor.enterpriseIds.includes(filter.enterpriseId)) throw forbidden('You may only see your own enterprise');
    } else if (!hasPermission(actor, 'enterprises.read')) throw forbidden();
    const rows = await findChangeRequests(db, filter);
    if (actor.role !== 'AREA_OFFICER') return rows;
    const inArea = new Set((await findEnterprises(db, { scopeUnits: actor.unitCodes, ids: [...new Set(rows.map((r) => r.request.enterpriseId))], page: 1, pageSize: 200, order: 'asc' })).items.map((e) => e.id));
    return rows.filter((r) => inArea.has(r.request.enterpriseId));
  };

  /** An officer accepts (applies) or rejects a proposal; both are audited. */
  const decideProposal = async (ctx: TRequestContext, requestId: number, decision: { decision: 'ACCEPT' | 'REJECT'; reason?: string }) => {
    requireWriter(ctx);
    if (decision.decision === 'REJECT' && !decision.reason) {
      throw new AppError('VALIDATION_ERROR', 'A rejection needs a reason', [{ path: 'body.reason', message: 'required to reject' }]);
    }
    return db.transaction(async (tx) => {
      const request = await findChangeRequestById(tx, requestId);
      if (!request) throw notFound('Proposal');
      if (request.status !== 'PENDING') throw new AppError('INVALID_TRANSITION', `The proposal is already ${request.status}`, { allowed: [] });
      if (decision.decision === 'ACCEPT') {
        const before = await findEnterpriseById(tx, request.enterpriseId, { forUpdate: true });
        if (!before) throw notFound('Enterprise');
        const patch = Object.fromEntries(Object.entries(request.changes as Record<string, { to: unknown }>).map(([k, v]) => [k, v.to]));
        const after = await updateEnterprise(tx, request.enterpriseId, patch);
        await addSearchWords(tx, [request.enterpriseId]);
        await recordAudit(tx, ctx, { entity: 'enterprise', entityId: request.enterpriseId, action: 'enterprise.update', before: presentEnterpriseForAudit(before), after: presentEnterpriseForAudit(after) });
      }
      const updated = await updateChangeRequest(tx, requestId, {
        status: decision.decision === 'ACCEPT' ? 'ACCEPTED' : 'REJECTED',
        decidedBy: ctx.actor?.userId ?? null,
        decidedAt: new Date(),
        decisionReason: decision.reason ?? null,
      });
      await recordAudit(tx, ctx, { entity: 'enterprise_change_request', entityId: requestId, action: decision.decision === 'ACCEPT' ? 'enterprise.proposal_accept' : 'enterprise.proposal_reject', before: { status: request.status }, after: { status: updated.status, reason: decision.reason ?? null } });
      return updated;
    });
  };

  /** Brings the registry's pages into the embedded database's buffers (after the server starts). */
  const prewarm = () => prewarmEnterprises(db);

  return { listEnterprises, getEnterprise, createEnterprise, updateEnterpriseById, saveFigures, getStructure, proposeChanges, listProposals, decideProposal, prewarm };
};

export type TEnterpriseService = ReturnType<typeof createEnterpriseService>;
