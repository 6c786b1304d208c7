import type { TDb } from '../../db/client';
import { AppError, forbidden, notFound } from '../../server/errors';
import type { TRequestContext } from '../../server/request-context';
import { recordAudit } from '../audit/audit.service';
import { hasPermission } from '../auth/auth.policy';
import { todayInVietnam } from '../enterprises/enterprises.service';
import {
  findCatalogue,
  findDecisionByNumber,
  findProcedureByCode,
  findVersions,
  insertDecision,
  insertProcedure,
  insertVersion,
  listDecisions,
  listFields,
  type TVersionRow,
} from './procedures.repo';
import { FileFormatError } from '../../lib/tabular-file';
import { readTabularFile } from '../enterprises/enterprises-import.service';
import { parseCatalogueRows } from './procedures-import';
import { CHANGE_KINDS, type TDecisionBody, type TProcedureContent } from './procedures.schemas';

/** Columns of the catalogue file for the fields the catalogue checks name. */
const PATH_COLUMNS: Record<string, string> = { code: 'code', fieldCode: 'field_code', effectiveFrom: 'effective_from', kind: 'kind', content: 'name' };

/** Publication status of a version's change kind (đang công khai / sửa đổi, bổ sung / bãi bỏ). */
export const statusOfKind = (kind: string): 'PUBLIC' | 'AMENDED' | 'ABOLISHED' => (kind === 'ABOLISHED' ? 'ABOLISHED' : kind === 'NEW' ? 'PUBLIC' : 'AMENDED');

/** The content of a stored version, in the shape of ZProcedureContent. */
export const contentOfVersion = (v: TVersionRow): TProcedureContent => ({
  name: v.name,
  implementationLevel: v.implementationLevel as TProcedureContent['implementationLevel'],
  agencies: v.agencies as TProcedureContent['agencies'],
  subjects: v.subjects as TProcedureContent['subjects'],
  sequence: v.sequence,
  methods: v.methods as TProcedureContent['methods'],
  dossierComponents: v.dossierComponents as TProcedureContent['dossierComponents'],
  dossierSets: v.dossierSets,
  processingTime: { value: Number(v.processingTimeValue), unit: v.processingTimeUnit as TProcedureContent['processingTime']['unit'] },
  fees: v.fees as TProcedureContent['fees'],
  result: v.result as TProcedureContent['result'],
  requirements: v.requirements,
  legalBasis: v.legalBasis as TProcedureContent['legalBasis'],
  onlineServiceLevel: v.onlineServiceLevel as TProcedureContent['onlineServiceLevel'],
  eligibleFullOnline: v.eligibleFullOnline,
  receivedAtOneStop: v.receivedAtOneStop,
});

const versionValues = (content: TProcedureContent) => ({
  name: content.name,
  implementationLevel: content.implementationLevel,
  agencies: content.agencies,
  subjects: content.subjects,
  sequence: content.sequence ?? null,
  methods: content.methods,
  dossierComponents: content.dossierComponents,
  dossierSets: content.dossierSets,
  processingTimeValue: String(content.processingTime.value),
  processingTimeUnit: content.processingTime.unit,
  fees: content.fees,
  result: content.result,
  requirements: content.requirements ?? null,
  legalBasis: content.legalBasis,
  onlineServiceLevel: content.onlineServiceLevel,
  eligibleFullOnline: content.eligibleFullOnline,
  receivedAtOneStop: content.receivedAtOneStop,
});

/**
 * The procedure catalogue: immutable versions published by decisions (new, amended, replaced,
 * abolished); the version in force at a date is the latest one effective on that date, and a
 * dossier binds to the version in force when it is received.
 */
export const createProcedureService = ({ db }: { db: TDb }) => {
  const getCatalogue = (query: { at?: string; q?: string; field?: string; level?: string; onlineLevel?: string; status?: string; page: number; pageSize: number }) =>
    findCatalogue(db, { ...query, at: query.at ?? todayInVietnam() });

  /** A procedure with its version in force at a date and its whole history. */
  const getProcedure = async (code: string, at = todayInVietnam()) => {
    const procedure = await findProcedureByCode(db, code);
    if (!procedure) throw notFound(`Procedure ${code}`);
    const versions = await findVersions(db, procedure.id);
    const current = [...versions].reverse().find((v) => v.version.effectiveFrom <= at) ?? null;
    return { procedure, current, versions };
  };

  /** The version that binds a dossier received on `date` (null when none was in force or it was abolished). */
  const findVersionInForce = async (code: string, date: string) => {
    const { current } = await getProcedure(code, date);
    return current && current.version.changeKind !== 'ABOLISHED' ? current.version : null;
  };

  /** Records a publication decision and the versions it creates, all or nothing, audited. */
  const assertManager = (ctx: TRequestContext) => {
    const isTrusted = Boolean(ctx.systemActor) && !ctx.actor;
    if (!isTrusted && (!ctx.actor || !hasPermission(ctx.actor, 'procedures.manage'))) throw forbidden('You may not publish procedures');
  };

  /** Every reason the decision cannot be recorded against the catalogue as it is (paths body.…). */
  const checkDecision = async (body: TDecisionBody) => {
    const today = todayInVietnam();
    const errors: { path: string; message: string }[] = [];
    if (body.signedOn > today) errors.push({ path: 'body.signedOn', message: 'a decision cannot be signed in the future' });
    const fields = new Set((await listFields(db)).map((f) => f.code));
    const seen = new Set<string>();
    for (const [i, item] of body.items.entries()) {
      const at = `body.items.${i}`;
      if (seen.has(item.code)) errors.push({ path: `${at}.code`, message: `${item.code} appears twice in the decision` });
      seen.add(item.code);
      if (item.effectiveFrom < body.signedOn) errors.push({ path: `${at}.effectiveFrom`, message: 'must not be before the signing date' });
      const existing = await findProcedureByCode(db, item.code);
      const versions = existing ? await findVersions(db, existing.id) : [];
      const last = versions.at(-1)?.version;
      if (item.kind === 'NEW') {
        if (existing) errors.push({ path: `${at}.code`, message: `${item.code} already exists; publish it as AMENDED or REPLACED` });
        if (!item.fieldCode || !fields.has(item.fieldCode)) errors.push({ path: `${at}.fieldCode`, message: `unknown field "${item.fieldCode ?? ''}"` });
        if (!item.content) errors.push({ path: `${at}.content`, message: 'required for a new procedure' });
      } else {
        if (!existing || !last) {
          errors.push({ path: `${at}.code`, message: `unknown procedure ${item.code}` });
          continue;
        }
        if (last.changeKind === 'ABOLISHED') errors.push({ path: `${at}.kind`, message: `${item.code} was abolished on ${last.effectiveFrom}` });
        if (item.effectiveFrom <= last.effectiveFrom) errors.push({ path: `${at}.effectiveFrom`, message: `must be after the current version's ${last.effectiveFrom}` });
        if (item.kind !== 'ABOLISHED' && !item.content) errors.push({ path: `${at}.content`, message: `required to ${item.kind === 'AMENDED' ? 'amend' : 'replace'} a procedure` });
      }
    }
    if (await findDecisionByNumber(db, body.number)) errors.push({ path: 'body.number', message: `decision ${body.number} is already recorded` });
    return errors;
  };

  const publishDecision = async (ctx: TRequestContext, body: TDecisionBody) => {
    assertManager(ctx);
    const errors = await checkDecision(body);
    if (errors.length) throw new AppError('VALIDATION_ERROR', errors[0].message, errors);

    return db.transaction(async (tx) => {
      const decision = await insertDecision(tx, { number: body.number, signedOn: body.signedOn, issuer: body.issuer, note: body.note ?? null, createdBy: ctx.actor?.userId ?? null });
      await recordAudit(tx, ctx, { entity: 'publication_decision', entityId: decision.id, action: 'procedure.decision', after: { number: body.number, signedOn: body.signedOn, issuer: body.issuer, items: body.items.map((i) => ({ kind: i.kind, code: i.code, effectiveFrom: i.effectiveFrom })) } });
      for (const item of body.items) {
        const procedure = (await findProcedureByCode(tx, item.code)) ?? (await insertProcedure(tx, { code: item.code, fieldCode: item.fieldCode ?? '' }));
        const previous = (await findVersions(tx, procedure.id)).at(-1)?.version;
        const content = item.content ?? (previous ? contentOfVersion(previous) : undefined);
        if (!content) throw new AppError('VALIDATION_ERROR', `No content for ${item.code}`);
        const version = await insertVersion(tx, { procedureId: procedure.id, decisionId: decision.id, changeKind: item.kind, effectiveFrom: item.effectiveFrom, ...versionValues(content) });
        await recordAudit(tx, ctx, {
          entity: 'procedure',
          entityId: item.code,
          action: `procedure.${item.kind.toLowerCase()}`,
          before: previous ? { effectiveFrom: previous.effectiveFrom, changeKind: previous.changeKind, ...contentOfVersion(previous) } : null,
          after: { effectiveFrom: version.effectiveFrom, changeKind: version.changeKind, decision: body.number, ...content },
        });
      }
      return decision;
    });
  };

  /**
   * A decision whose procedures come from a CSV/XLSX file (one row each): a dry run reports every
   * problem with its row and column and the changes it would make; a real run records the decision
   * (all or nothing, audited like one entered by hand).
   */
  const importDecision = async (
    ctx: TRequestContext,
    input: { fileName: string; bytes: Uint8Array; header: { number: string; signedOn: string; issuer: string; note?: string }; dryRun: boolean },
  ) => {
    assertManager(ctx);
    let parsed;
    try {
      parsed = parseCatalogueRows(await readTabularFile(input.fileName, input.bytes), input.header);
    } catch (error) {
      if (error instanceof FileFormatError) throw new AppError('IMPORT_INVALID', error.message, { errors: [{ row: null, column: null, message: error.message }] });
      throw error;
    }
    const errors = [...parsed.errors];
    if (parsed.body) {
      for (const e of await checkDecision(parsed.body)) {
        const m = /^body\.items\.(\d+)\.?(\w*)/.exec(e.path);
        errors.push(m ? { row: parsed.rowOf[Number(m[1])] ?? 1, column: PATH_COLUMNS[m[2]] ?? m[2] ?? null, message: e.message } : { row: 1, column: e.path.replace(/^body\./, ''), message: e.message });
      }
    }
    const counts = Object.fromEntries(CHANGE_KINDS.map((k) => [k, parsed.body?.items.filter((i) => i.kind === k).length ?? 0]));
    const summary = { dryRun: input.dryRun, rows: parsed.rows, counts, errors: errors.sort((a, b) => a.row - b.row), items: (parsed.body?.items ?? []).map((i) => ({ kind: i.kind, code: i.code, name: i.content?.name ?? null, effectiveFrom: i.effectiveFrom })) };
    if (errors.length) {
      if (input.dryRun) return { ...summary, decisionId: null };
      throw new AppError('IMPORT_INVALID', `${errors.length} error(s) in the file; nothing was stored`, summary);
    }
    if (input.dryRun || !parsed.body) return { ...summary, decisionId: null };
    const decision = await publishDecision(ctx, parsed.body);
    return { ...summary, decisionId: decision.id };
  };

  return { getCatalogue, getProcedure, findVersionInForce, publishDecision, importDecision, listFields: () => listFields(db), listDecisions: () => listDecisions(db) };
};

export type TProcedureService = ReturnType<typeof createProcedureService>;
