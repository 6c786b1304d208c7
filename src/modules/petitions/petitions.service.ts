import type { TDb } from '../../db/client';
import { AppError, forbidden, notFound } from '../../server/errors';
import type { TRequestContext } from '../../server/request-context';
import { recordAudit } from '../audit/audit.service';
import { hasPermission, type TActor } from '../auth/auth.policy';
import type { TCaseEngine } from '../cases/cases.service';
import type { TCaseRow } from '../cases/cases.repo';
import type { TSupportService } from '../support/support.service';
import { ANSWERED_STATES, PETITION_CASE_TYPE, petitionCaseType, petitionRelationsOf, unitCodeOfAgency, type TPetitionState } from './petition-workflow';
import { computePetitionStats, monthsBetween } from './petition-stats';
import {
  findActiveStaff,
  findCoAgencyHistory,
  findContributions,
  findCurrentCoAgencies,
  findEnterpriseById,
  findEnterpriseUserIds,
  findOpenPetitionsDueBefore,
  findPetition,
  findPetitionFacts,
  findPetitions,
  findPetitionWithNames,
  findPublishedQa,
  insertContribution,
  insertPetition,
  replaceCoAgencies,
  updatePetition,
  type TPetitionRow,
} from './petitions.repo';
import type { TContributionBody, TPetitionBody, TPetitionListQuery, TPublicationBody, TTransitionBody } from './petitions.schemas';

const fail = (path: string, message: string) => new AppError('VALIDATION_ERROR', `${path}: ${message}`, [{ path, message }]);
const requireActor = (ctx: TRequestContext): TActor => {
  if (!ctx.actor) throw new AppError('UNAUTHENTICATED', 'Sign in first');
  return ctx.actor;
};
const codeOf = (caseRow: { id: number; openedAt: Date }) => `KN-${caseRow.openedAt.getUTCFullYear()}-${String(caseRow.id).padStart(6, '0')}`;
const OPEN_WORK: readonly string[] = ['IN_PROGRESS', 'REPLY_DRAFTED'];
/** Agencies a ministry or central agency petition can be transferred out to (outside the city's competence). */
const CENTRAL_KIND = 'CENTRAL';
const vnDay = (d: Date) => new Date(d.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
type TIssue = { path: string; message: string };
const failAll = (issues: TIssue[]) => {
  if (issues.length) throw new AppError('VALIDATION_ERROR', `${issues[0].path}: ${issues[0].message}`, issues);
};
/** Whether the actor works for an agency: its division's officers, the coordinators for an external agency, administrators. */
const actsFor = (actor: TActor, agency: { moduleCode: string | null }) =>
  actor.role === 'ADMIN' || (agency.moduleCode !== null ? (actor.modules as string[]).includes(agency.moduleCode) : hasPermission(actor, 'support.manage'));
const normalise = (text: string) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/gi, 'd').toLowerCase();

/**
 * Enterprise petitions on the case engine: filing (enterprise portal or officer record), routing to
 * an agency of the support catalogue with the category's deadline in working days, transfer with
 * the history kept, a reply drafted by the handler and approved by a leader before the enterprise
 * sees it, rating (reopened when unsatisfied) and publication as an anonymised Q&A.
 */
export const createPetitionService = ({ db, engine, supportService }: { db: TDb; engine: TCaseEngine; supportService: Pick<TSupportService, 'getPetitionRouting' | 'findAgencyRef' | 'findConferenceRef' | 'weighOnPci' | 'listCategories'> }) => {
  engine.register({ def: petitionCaseType, relationsOf: (actor, row) => petitionRelationsOf(actor, row) });

  type TCoAgency = { id: number; name: string; moduleCode: string | null };
  const summaryOf = (r: { petition: TPetitionRow; caseRow: TCaseRow; enterpriseName: string; agencyName: string | null }, now: Date, coAgencies: TCoAgency[]) => ({
    id: r.caseRow.id,
    code: codeOf(r.caseRow),
    subject: r.petition.subject,
    category: r.petition.categoryCode,
    channel: r.petition.channel,
    state: r.caseRow.state as TPetitionState,
    enterprise: { id: r.petition.enterpriseId, name: r.enterpriseName },
    agency: r.petition.agencyId !== null && r.agencyName !== null ? { id: r.petition.agencyId, name: r.agencyName } : null,
    coAgencies: coAgencies.map((a) => ({ id: a.id, name: a.name })),
    openedAt: r.caseRow.openedAt.toISOString(),
    dueAt: r.caseRow.dueAt?.toISOString() ?? null,
    answeredAt: r.petition.answeredAt?.toISOString() ?? null,
    isOverdue: OPEN_WORK.includes(r.caseRow.state) && r.caseRow.dueAt !== null && r.caseRow.dueAt < now,
    satisfaction: r.petition.satisfaction,
  });

  /** Loads a petition the actor may see: its enterprise's users, or Department staff. */
  const loadVisible = async (ctx: TRequestContext, id: number) => {
    const actor = requireActor(ctx);
    const found = await findPetitionWithNames(db, id);
    if (!found) throw notFound(`Petition ${id}`);
    const relations = petitionRelationsOf(actor, found.caseRow);
    if (relations.size === 0) throw forbidden('You may not see this petition');
    return { ...found, relations, actor };
  };

  /** Files a petition: an enterprise for itself (portal), or a coordinator recording one for an enterprise. */
  const file = async (ctx: TRequestContext, body: TPetitionBody, { at }: { at?: Date } = {}) => {
    const actor = requireActor(ctx);
    const isEnterprise = actor.role === 'ENTERPRISE';
    if (!isEnterprise && !hasPermission(actor, 'support.manage')) throw forbidden('Only enterprises and support officers file petitions');
    let enterpriseId: number;
    if (isEnterprise) {
      const own = body.enterpriseId ?? actor.enterpriseIds[0];
      if (own === undefined || !actor.enterpriseIds.includes(own)) throw forbidden('You file petitions for your own enterprise only');
      if (body.channel && body.channel !== 'PORTAL') throw fail('body.channel', 'an enterprise files through the portal');
      enterpriseId = own;
    } else {
      if (!body.enterpriseId) throw fail('body.enterpriseId', 'required when an officer records a petition');
      if (!body.channel || body.channel === 'PORTAL') throw fail('body.channel', 'say how the petition came (letter, conference, hotline…)');
      enterpriseId = body.enterpriseId;
    }
    const enterprise = await findEnterpriseById(db, enterpriseId);
    if (!enterprise) throw fail('body.enterpriseId', `unknown enterprise ${enterpriseId}`);
    const channel = isEnterprise ? 'PORTAL' : (body.channel ?? 'OTHER');
    const conference = body.conferenceId ? await supportService.findConferenceRef(body.conferenceId) : null;
    if (body.conferenceId && !conference) throw fail('body.conferenceId', `unknown conference ${body.conferenceId}`);
    if (channel === 'CONFERENCE' && !conference) throw fail('body.conferenceId', 'required for a petition raised at a conference');
    const routing = await supportService.getPetitionRouting(body.category);
    return engine.run(ctx, async (w) => {
      const row = await w.open({ caseType: PETITION_CASE_TYPE, title: body.subject, ownerUserId: isEnterprise ? actor.userId : null, enterpriseId, limit: { value: routing.deadlineWorkingDays, unit: 'WORKING_DAY' }, isPublic: true, at });
      await insertPetition(w.tx, { caseId: row.id, categoryCode: body.category, channel, enterpriseId, conferenceId: conference?.id ?? null, subject: body.subject, content: body.content, createdBy: actor.userId, createdAt: at ?? new Date() });
      await recordAudit(w.tx, ctx, { entity: 'petition', entityId: row.id, action: 'petition.file', after: { category: body.category, channel, enterpriseId, conferenceId: conference?.id ?? null, subject: body.subject } });
      return row.id;
    });
  };

  /**
   * Takes a transition with its petition-specific effects, in one transaction. `at` (the demo
   * history) dates the change in the past; the engine refuses a time in the future.
   */
  const applyTransition = async (ctx: TRequestContext, id: number, body: TTransitionBody, { at }: { at?: Date } = {}): Promise<void> => {
    const { petition, caseRow, actor } = await loadVisible(ctx, id);
    // Everything read from the pool is read before the transaction opens (PGlite has one connection).
    let agency: Awaited<ReturnType<typeof supportService.findAgencyRef>> = null;
    let limitDays: number | null = null;
    let coAgencyIds: number[] | null = null;
    let coAgencyRefs: { id: number; name: string; moduleCode: string | null }[] = [];
    let staff: Awaited<ReturnType<typeof findActiveStaff>> = [];
    const isRouting = body.transition === 'assign' || body.transition === 'transfer';
    if (body.coAgencyIds && !isRouting) throw fail('body.coAgencyIds', 'co-agencies are named when assigning or transferring a petition');
    if (isRouting) {
      if (!body.agencyId) throw fail('body.agencyId', `required to ${body.transition} a petition`);
      agency = await supportService.findAgencyRef(body.agencyId);
      if (!agency) throw fail('body.agencyId', `unknown agency ${body.agencyId}`);
      if (!agency.isActive) throw fail('body.agencyId', `${agency.name} is inactive`);
      if (body.transition === 'transfer' && agency.id === petition.agencyId) throw fail('body.agencyId', `the petition is already with ${agency.name}`);
      limitDays = (await supportService.getPetitionRouting(petition.categoryCode, agency.id)).deadlineWorkingDays;
      const lead = agency;
      if (body.coAgencyIds) {
        // Every co-agency is checked before anything is stored; each error names its position.
        const issues: TIssue[] = [];
        const seen = new Set<number>();
        for (const [i, coId] of body.coAgencyIds.entries()) {
          const path = `body.coAgencyIds.${i}`;
          if (coId === lead.id) issues.push({ path, message: `${lead.name} is the lead agency; a co-agency is another agency` });
          else if (seen.has(coId)) issues.push({ path, message: `agency ${coId} is named twice` });
          else {
            const co = await supportService.findAgencyRef(coId);
            if (!co) issues.push({ path, message: `unknown agency ${coId}` });
            else if (!co.isActive) issues.push({ path, message: `${co.name} is inactive` });
          }
          seen.add(coId);
        }
        failAll(issues);
        coAgencyIds = body.coAgencyIds;
        coAgencyRefs = await Promise.all(body.coAgencyIds.map(async (coId) => (await supportService.findAgencyRef(coId)) ?? { id: coId, name: '', moduleCode: null }));
        staff = await findActiveStaff(db);
      } else {
        // assign: none; transfer: the current ones stay, except the new lead.
        coAgencyIds = body.transition === 'assign' ? [] : (await findCurrentCoAgencies(db, [id])).map((a) => a.id).filter((coId) => coId !== lead.id);
      }
    }
    let enterpriseUserIds: number[] = [];
    let enterpriseEmail: string | null = null;
    if (body.transition === 'transfer_out') {
      if (!body.agencyId) throw fail('body.agencyId', 'required: the ministry or central agency the petition is transferred to');
      agency = await supportService.findAgencyRef(body.agencyId);
      if (!agency) throw fail('body.agencyId', `unknown agency ${body.agencyId}`);
      if (agency.kind !== CENTRAL_KIND) throw fail('body.agencyId', `${agency.name} is not a ministry or central agency; transfer it within the city instead`);
      if (!agency.isActive) throw fail('body.agencyId', `${agency.name} is inactive`);
      if (!body.reason?.trim()) throw fail('body.reason', "required: why the petition is outside the city's competence");
      enterpriseUserIds = await findEnterpriseUserIds(db, petition.enterpriseId);
      enterpriseEmail = (await findEnterpriseById(db, petition.enterpriseId))?.email ?? null;
    }
    if (body.transition === 'reopen') limitDays = (await supportService.getPetitionRouting(petition.categoryCode, petition.agencyId)).deadlineWorkingDays;
    if (body.transition === 'draft_reply' && !body.reply?.trim()) throw fail('body.reply', 'write the reply');
    if (body.transition === 'draft_reply' && (body.reply ?? '').trim().length < 20) throw fail('body.reply', 'at least 20 characters');
    if (body.transition === 'approve_reply' && !petition.draftReply) throw new AppError('INVALID_TRANSITION', 'There is no drafted reply to approve');

    await engine.run(ctx, async (w) => {
      const now = at ?? new Date();
      const base = { caseId: id, reason: body.reason ?? null, at: now };
      switch (body.transition) {
        case 'assign':
        case 'transfer': {
          if (!agency || limitDays === null || coAgencyIds === null) throw new Error('agency resolved above');
          await w.transition({ ...base, transition: body.transition, route: { unitCode: unitCodeOfAgency(agency) }, limit: { value: limitDays, unit: 'WORKING_DAY' }, data: { agencyId: agency.id, agencyName: agency.name, coAgencyIds } });
          await updatePetition(w.tx, id, { agencyId: agency.id });
          const changed = await replaceCoAgencies(w.tx, id, coAgencyIds, actor.userId, now);
          if (changed.added.length || changed.removed.length) {
            await recordAudit(w.tx, ctx, { entity: 'petition', entityId: id, action: 'petition.co_agencies', after: { leadAgencyId: agency.id, coAgencyIds, added: changed.added, removed: changed.removed } });
          }
          // A newly named co-agency is told: its division's officers, the coordinators for an external agency.
          const added = coAgencyRefs.filter((a) => changed.added.includes(a.id));
          const coordinators = staff.filter((u) => u.role === 'OFFICER' && u.modules.some((m) => m === 'INDUSTRY' || m === 'TRADE')).map((u) => u.id);
          const officersOf = (a: { moduleCode: string | null }) => (a.moduleCode === null ? coordinators : staff.filter((u) => u.role === 'OFFICER' && u.modules.includes(a.moduleCode as never)).map((u) => u.id));
          const userIds = [...new Set(added.flatMap(officersOf))].filter((u) => u !== actor.userId);
          if (userIds.length) {
            await w.notify({
              caseId: id,
              kind: 'PETITION_CO_AGENCY',
              title: 'Phối hợp xử lý kiến nghị',
              body: `${added.map((a) => a.name).join(', ')} được đề nghị phối hợp với ${agency.name} xử lý kiến nghị "${petition.subject}" (${codeOf(caseRow)}).`,
              link: `/petitions/${id}`,
              userIds,
            });
          }
          break;
        }
        case 'transfer_out': {
          if (!agency) throw new Error('agency resolved above');
          const reason = (body.reason ?? '').trim();
          await w.transition({ ...base, transition: 'transfer_out', data: { agencyId: agency.id, agencyName: agency.name } });
          await updatePetition(w.tx, id, { transferredOutAgencyId: agency.id, transferredOutAt: now, transferOutReason: reason });
          await recordAudit(w.tx, ctx, { entity: 'petition', entityId: id, action: 'petition.transfer_out', after: { agencyId: agency.id, agencyName: agency.name, reason } });
          // The enterprise is told: its accounts (in-app + e-mail) and the e-mail address of the registry.
          await w.notify({
            caseId: id,
            kind: 'PETITION_TRANSFERRED_OUT',
            title: 'Kiến nghị được chuyển cơ quan có thẩm quyền',
            body: `Kiến nghị "${petition.subject}" (${codeOf(caseRow)}) không thuộc thẩm quyền giải quyết của Thành phố và đã được chuyển đến ${agency.name} ngày ${vnDay(now)}. Lý do: ${reason}`,
            link: `/petitions/${id}`,
            userIds: [...enterpriseUserIds, ...(caseRow.ownerUserId ? [caseRow.ownerUserId] : [])],
            emails: enterpriseEmail ? [enterpriseEmail] : [],
          });
          break;
        }
        case 'draft_reply': {
          await w.transition({ ...base, transition: 'draft_reply' });
          await updatePetition(w.tx, id, { draftReply: (body.reply ?? '').trim(), draftedBy: actor.userId, draftedAt: now });
          await recordAudit(w.tx, ctx, { entity: 'petition', entityId: id, action: 'petition.draft_reply', before: { draftReply: petition.draftReply }, after: { draftReply: body.reply } });
          break;
        }
        case 'approve_reply': {
          const r = await w.transition({ ...base, transition: 'approve_reply' });
          const onTime = r.row.dueAt ? (now <= r.row.dueAt ? 'true' : 'false') : null;
          await updatePetition(w.tx, id, { reply: petition.draftReply, approvedBy: actor.userId, answeredAt: now, answeredOnTime: onTime });
          await recordAudit(w.tx, ctx, { entity: 'petition', entityId: id, action: 'petition.approve_reply', after: { reply: petition.draftReply } });
          if (caseRow.ownerUserId) {
            await w.notify({ caseId: id, kind: 'PETITION_ANSWERED', title: 'Kiến nghị đã được trả lời', body: `Kiến nghị "${petition.subject}" đã có văn bản trả lời.`, link: `/petitions/${id}`, userIds: [caseRow.ownerUserId] });
          }
          break;
        }
        case 'accept': {
          await w.transition({ ...base, transition: 'accept' });
          await updatePetition(w.tx, id, { satisfaction: 'SATISFIED', satisfactionReason: body.reason?.trim() || null, ratedAt: now });
          break;
        }
        case 'reopen': {
          await w.transition({ ...base, transition: 'reopen', limit: { value: limitDays ?? 15, unit: 'WORKING_DAY' } });
          await updatePetition(w.tx, id, { satisfaction: 'UNSATISFIED', satisfactionReason: body.reason?.trim() || null, ratedAt: now, reopenCount: petition.reopenCount + 1, draftReply: null });
          break;
        }
        default:
          await w.transition({ ...base, transition: body.transition });
      }
    });
  };

  /** A transition (see applyTransition), answered with the petition as the actor now sees it. */
  const transition = async (ctx: TRequestContext, id: number, body: TTransitionBody) => {
    await applyTransition(ctx, id, body);
    return getPetition(ctx, id);
  };

  /**
   * Publishes the answer as an anonymised Q&A (coordinators), only after a leader approved it;
   * the texts must not name the enterprise (name, short name or tax code).
   */
  const publish = async (ctx: TRequestContext, id: number, body: TPublicationBody) => {
    const actor = requireActor(ctx);
    if (!hasPermission(actor, 'support.manage')) throw forbidden('Only support officers publish answers');
    const { petition, caseRow, enterpriseName } = await loadVisible(ctx, id);
    if (!ANSWERED_STATES.includes(caseRow.state) || !petition.reply) throw new AppError('INVALID_TRANSITION', 'A reply is published only after a leader approved it', { allowed: [] });
    const enterprise = await findEnterpriseById(db, petition.enterpriseId);
    const names = [enterpriseName, enterprise?.shortName ?? '', enterprise?.taxCode ?? ''].filter((n) => n.trim().length >= 4).map(normalise);
    for (const [field, text] of [['question', body.question], ['answer', body.answer]] as const) {
      const hit = names.find((n) => normalise(text).includes(n));
      if (hit) throw fail(`body.${field}`, 'must not name the enterprise (anonymise it)');
    }
    await engine.run(ctx, async (w) => {
      await updatePetition(w.tx, id, { publicQuestion: body.question, publicAnswer: body.answer, publishedAt: new Date(), publishedBy: actor.userId });
      await recordAudit(w.tx, ctx, { entity: 'petition', entityId: id, action: 'petition.publish', before: petition.publishedAt ? { question: petition.publicQuestion, answer: petition.publicAnswer } : null, after: body });
    });
    return getPetition(ctx, id);
  };

  /** Petitions the actor may see: an enterprise its own, Department staff all (with filters). */
  const listPetitions = async (ctx: TRequestContext, query: TPetitionListQuery) => {
    const actor = requireActor(ctx);
    const isEnterprise = actor.role === 'ENTERPRISE';
    if (!isEnterprise && !hasPermission(actor, 'support.read')) throw forbidden('You may not list petitions');
    const now = new Date();
    const r = await findPetitions(db, {
      enterpriseIds: isEnterprise ? actor.enterpriseIds : undefined,
      state: query.state,
      category: query.category,
      agencyId: query.agencyId,
      coAgencyId: query.coAgencyId,
      conferenceId: query.conferenceId,
      overdueAt: query.overdue === 'true' ? now : undefined,
      queue: query.mine === 'true' && !isEnterprise ? { unitCodes: actor.modules as string[], external: actor.role === 'ADMIN' || hasPermission(actor, 'support.manage'), userId: actor.userId } : undefined,
      page: query.page,
      pageSize: query.pageSize,
    });
    const co = await findCurrentCoAgencies(db, r.rows.map((row) => row.caseRow.id));
    return { total: r.total, items: r.rows.map((row) => summaryOf(row, now, co.filter((a) => a.caseId === row.caseRow.id))) };
  };

  /** The filtered list for the XLSX export (Department staff; at most 50,000 rows). */
  const listForExport = async (ctx: TRequestContext, query: Omit<TPetitionListQuery, 'page' | 'pageSize'>) => {
    const actor = requireActor(ctx);
    if (!hasPermission(actor, 'support.read')) throw forbidden('You may not export petitions');
    return listPetitions(ctx, { ...query, page: 1, pageSize: 50_000 });
  };

  /** Category names in both languages (for the exports). */
  const categoryNames = async () => Object.fromEntries((await supportService.listCategories()).map((c) => [c.code, { vi: c.nameVi, en: c.nameEn }]));

  /** A petition with its timeline; the enterprise sees the approved reply only and the public journal. */
  const getPetition = async (ctx: TRequestContext, id: number) => {
    const found = await loadVisible(ctx, id);
    const isPetitioner = found.relations.has('PETITIONER');
    const p = found.petition;
    const [{ events }, conference, routing, files, coAgencies, history, contributions, outAgency] = await Promise.all([
      engine.timeline(id, { publicOnly: isPetitioner }),
      p.conferenceId ? supportService.findConferenceRef(p.conferenceId) : Promise.resolve(null),
      supportService.getPetitionRouting(p.categoryCode, p.agencyId),
      engine.attachments(id),
      findCurrentCoAgencies(db, [id]),
      isPetitioner ? Promise.resolve([]) : findCoAgencyHistory(db, id),
      isPetitioner ? Promise.resolve([]) : findContributions(db, id),
      p.transferredOutAgencyId ? supportService.findAgencyRef(p.transferredOutAgencyId) : Promise.resolve(null),
    ]);
    const isOpen = !petitionCaseType.finalStates.includes(found.caseRow.state as TPetitionState);
    return {
      ...summaryOf(found, new Date(), coAgencies),
      transferredOut: outAgency && p.transferredOutAt ? { agency: { id: outAgency.id, name: outAgency.name }, at: p.transferredOutAt.toISOString(), reason: p.transferOutReason ?? '' } : null,
      coAgencyHistory: history.map((h) => ({ agency: { id: h.id, name: h.name }, addedAt: h.addedAt.toISOString(), removedAt: h.removedAt?.toISOString() ?? null })),
      contributions: contributions.map((c) => ({ id: c.contribution.id, agency: { id: c.contribution.agencyId, name: c.agencyName }, authorName: c.contribution.authorName, content: c.contribution.body, createdAt: c.contribution.createdAt.toISOString() })),
      contributeAs: isOpen && found.relations.has('STAFF') ? coAgencies.filter((a) => actsFor(found.actor, a)).map((a) => ({ id: a.id, name: a.name })) : [],
      content: p.content,
      conference,
      // Only a leader's approval sets `reply`; the draft never reaches the enterprise.
      reply: p.reply,
      draftReply: isPetitioner ? null : p.draftReply,
      answeredOnTime: p.answeredOnTime === null ? null : p.answeredOnTime === 'true',
      satisfactionReason: p.satisfactionReason,
      reopenCount: p.reopenCount,
      pciSubindices: routing.pciSubindices,
      publication: p.publishedAt && p.publicQuestion && p.publicAnswer ? { question: p.publicQuestion, answer: p.publicAnswer, publishedAt: p.publishedAt.toISOString() } : null,
      allowedTransitions: engine.allowedTransitions(found.actor, found.caseRow),
      attachments: files
        .filter((f) => !isPetitioner || f.purpose === 'COMPONENT')
        .map((f) => ({ id: f.id, fileName: f.fileName, contentType: f.contentType, sizeBytes: f.sizeBytes, uploadedAt: f.uploadedAt.toISOString() })),
      timeline: events.map((e) => ({ at: e.at.toISOString(), transition: e.transition, fromState: e.fromState, toState: e.toState, actorName: isPetitioner && e.kind !== 'OPEN' && e.transition !== 'accept' && e.transition !== 'reopen' ? 'Sở Công Thương' : e.actorName, unitCode: isPetitioner ? null : e.unitCode, reason: e.reason })),
    };
  };

  /**
   * A co-agency's contribution (its opinion for the lead agency, never the reply): by the officers
   * of that division, or the coordinators for an external co-agency; audited in the same transaction.
   */
  const contribute = async (ctx: TRequestContext, id: number, body: TContributionBody) => {
    const { relations, caseRow, actor } = await loadVisible(ctx, id);
    if (!relations.has('STAFF')) throw forbidden('Only the co-agencies contribute to a petition');
    if (petitionCaseType.finalStates.includes(caseRow.state as TPetitionState)) throw new AppError('INVALID_TRANSITION', 'The petition is closed; no more contributions', { allowed: [] });
    const co = (await findCurrentCoAgencies(db, [id])).find((a) => a.id === body.agencyId);
    if (!co) throw fail('body.agencyId', `agency ${body.agencyId} is not a co-agency of this petition`);
    if (!actsFor(actor, co)) throw forbidden(`You do not work for ${co.name}`);
    await engine.run(ctx, async (w) => {
      const saved = await insertContribution(w.tx, { caseId: id, agencyId: co.id, authorId: actor.userId, authorName: actor.displayName, body: body.content });
      await recordAudit(w.tx, ctx, { entity: 'petition', entityId: id, action: 'petition.contribute', after: { contributionId: saved.id, agencyId: co.id, content: body.content } });
    });
    return getPetition(ctx, id);
  };

  /** Adds a file to an open petition: the enterprise's users or Department staff (limits: the engine, 413/415). */
  const uploadAttachment = async (ctx: TRequestContext, id: number, input: { fileName: string; bytes: Buffer }) => {
    const { relations, caseRow } = await loadVisible(ctx, id);
    if (!relations.has('PETITIONER') && !relations.has('STAFF')) throw forbidden('You may not add files to this petition');
    if (petitionCaseType.finalStates.includes(caseRow.state as TPetitionState)) throw new AppError('INVALID_TRANSITION', 'The petition is closed; no more files', { allowed: [] });
    return engine.run(ctx, (w) => w.attach({ caseId: id, purpose: relations.has('PETITIONER') ? 'COMPONENT' : 'OTHER', fileName: input.fileName, bytes: input.bytes, isPublic: false }));
  };

  /** A file of a petition: staff read all; the enterprise reads the files its users uploaded. */
  const downloadAttachment = async (ctx: TRequestContext, id: number, attachmentId: number) => {
    const { relations } = await loadVisible(ctx, id);
    const found = await engine.readAttachment(id, attachmentId);
    if (!found || (!relations.has('STAFF') && found.attachment.purpose !== 'COMPONENT')) throw notFound('Attachment');
    return found;
  };

  /**
   * Statistics of the petitions opened in a period (default: this year to date): by category and
   * agency, on time or late, satisfaction, indicators 5.1–5.3, and the PCI sub-indices they weigh on.
   */
  const getStats = async (ctx: TRequestContext, period: { from?: string; to?: string }) => {
    const actor = requireActor(ctx);
    if (!hasPermission(actor, 'support.read')) throw forbidden('You may not read petition statistics');
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    const from = period.from ?? `${today.slice(0, 4)}-01-01`;
    const to = period.to ?? today;
    if (to < from) throw fail('query.to', 'must not be before from');
    const now = new Date();
    const rows = await findPetitionFacts(db, { from, to });
    const stats = computePetitionStats(
      rows.map((r) => ({
        month: r.month,
        isTransferredOut: r.state === 'TRANSFERRED_OUT',
        category: r.petition.categoryCode,
        agencyId: r.petition.agencyId,
        agencyName: r.agencyName,
        state: r.state,
        isAnswered: r.petition.answeredAt !== null,
        answeredOnTime: r.petition.answeredOnTime === null ? null : r.petition.answeredOnTime === 'true',
        isOverdue: OPEN_WORK.includes(r.state) && r.dueAt !== null && r.dueAt < now,
        satisfaction: r.petition.satisfaction === 'SATISFIED' || r.petition.satisfaction === 'UNSATISFIED' ? r.petition.satisfaction : null,
        isRepeated: r.petition.reopenCount > 0,
      })),
      monthsBetween(from, to),
    );
    const pci = await supportService.weighOnPci(stats.byCategory.map((g) => ({ category: g.key, petitions: g.received })));
    return { from, to, ...stats, pci };
  };

  /**
   * Reminders (daily): petitions due within `dueSoonDays` remind the handling division's officers
   * (coordinators for external agencies); overdue ones are escalated to the leaders as well.
   * In-app notifications with their e-mail copies in the outbox, in one transaction.
   */
  const runDueReminders = async (ctx: TRequestContext, { now = new Date(), dueSoonDays = 3 }: { now?: Date; dueSoonDays?: number } = {}) => {
    const actor = ctx.actor;
    if (actor && !hasPermission(actor, 'support.manage')) throw forbidden('Only support officers send petition reminders');
    const due = await findOpenPetitionsDueBefore(db, new Date(now.getTime() + dueSoonDays * 86_400_000));
    if (due.length === 0) return { remindedSoon: 0, escalated: 0 };
    const staff = await findActiveStaff(db);
    const coordinators = staff.filter((u) => u.role === 'ADMIN' || (u.role === 'OFFICER' && u.modules.some((m) => m === 'INDUSTRY' || m === 'TRADE')));
    const leaders = staff.filter((u) => u.role === 'LEADER');
    const handlersOf = (unit: string | null, assigneeId: number | null) => [
      ...(unit?.startsWith('EXT:') ? coordinators : staff.filter((u) => u.role === 'OFFICER' && unit !== null && u.modules.includes(unit))).map((u) => u.id),
      ...(assigneeId ? [assigneeId] : []),
    ];
    let remindedSoon = 0;
    let escalated = 0;
    await engine.run(ctx, async (w) => {
      for (const p of due) {
        if (!p.dueAt) continue;
        const isOverdue = p.dueAt < now;
        const dueText = new Date(p.dueAt.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
        const userIds = [...handlersOf(p.unitCode, p.assigneeId), ...(isOverdue ? leaders.map((u) => u.id) : [])];
        if (userIds.length === 0) continue;
        await w.notify({
          caseId: p.caseId,
          kind: isOverdue ? 'PETITION_OVERDUE' : 'PETITION_DUE_SOON',
          title: isOverdue ? 'Kiến nghị quá hạn trả lời' : 'Kiến nghị sắp đến hạn trả lời',
          body: `Kiến nghị "${p.subject}" ${isOverdue ? 'đã quá hạn' : 'đến hạn'} trả lời ngày ${dueText}.`,
          link: `/petitions/${p.caseId}`,
          userIds,
        });
        if (isOverdue) escalated += 1;
        else remindedSoon += 1;
      }
      await recordAudit(w.tx, ctx, { entity: 'petition', entityId: null, action: 'petition.reminders', after: { remindedSoon, escalated } });
    });
    return { remindedSoon, escalated };
  };

  /** The published anonymised questions and answers (public). */
  const listQa = async () =>
    (await findPublishedQa(db)).flatMap((q) => (q.question && q.answer && q.publishedAt ? [{ id: q.id, category: q.category, question: q.question, answer: q.answer, publishedAt: q.publishedAt.toISOString() }] : []));

  return { file, transition, applyTransition, publish, contribute, listPetitions, listForExport, categoryNames, getPetition, listQa, getStats, runDueReminders, uploadAttachment, downloadAttachment, findPetition: (id: number) => findPetition(db, id) };
};

export type TPetitionService = ReturnType<typeof createPetitionService>;
