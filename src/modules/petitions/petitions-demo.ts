/**
 * Demo petitions through the real services (engine transitions, audit, notifications) as the demo
 * accounts: one answered, accepted and published as Q&A; one awaiting a leader's approval (raised
 * at the demo dialogue conference); one being handled; one just received; and a history of the six
 * months before this one (answered on time or late, some rated, reopened, rejected or transferred
 * out to a ministry, some with a co-agency), so the statistics have something to show over time.
 * Idempotent: does nothing when petitions exist.
 */
import { asc } from 'drizzle-orm';
import type { TDb } from '../../db/client';
import { enterprises } from '../../db/schema/enterprises';
import { dialogueConferences, supportAgencies } from '../../db/schema/support';
import { petitions } from '../../db/schema/petitions';
import type { TActor, TModule, TRole } from '../auth/auth.policy';
import { PETITION_CATEGORIES } from '../support/support-pci';
import { createCalendarService } from '../calendar/calendar.service';
import { createCaseEngine } from '../cases/cases.service';
import { createMailService } from '../mail/mail.service';
import { createSupportService } from '../support/support.service';
import { findUserByUsername } from '../users/users.repo';
import type { TRequestContext } from '../../server/request-context';
import { createPetitionService } from './petitions.service';

export const seedDemoPetitions = async (db: TDb): Promise<void> => {
  if ((await db.select({ id: petitions.caseId }).from(petitions).limit(1)).length) return;
  const engine = createCaseEngine({ db, mail: createMailService({ db, transport: null, from: 'demo@localhost' }), calendarService: createCalendarService({ db }), config: { caseAttachmentMaxBytes: 10 * 1024 * 1024, caseAttachmentTypes: ['pdf'] } });
  const supportService = createSupportService({ db });
  const service = createPetitionService({ db, engine, supportService });
  const as = async (username: string): Promise<TRequestContext> => {
    const u = await findUserByUsername(db, username);
    if (!u) throw new Error(`demo user ${username} is missing`);
    const actor: TActor = { userId: u.id, username: u.username, displayName: u.displayName, role: u.role as TRole, modules: u.modules as TModule[], unitCodes: u.unitCodes, enterpriseIds: u.enterpriseIds, via: 'session' };
    return { actor, ip: '', requestId: 'demo-seed', locale: 'vi' };
  };
  const [enterprise, officer, leader] = await Promise.all([as('doanhnghiep'), as('canbo.tm'), as('lanhdao')]);
  const agencies = await db.select({ id: supportAgencies.id, code: supportAgencies.code }).from(supportAgencies);
  const agency = (code: string) => agencies.find((a) => a.code === code)?.id ?? 0;
  // Two enterprises other than the demo account's own (the first ones of the registry, whatever
  // their ids); with a registry that small, the account's own enterprise files them.
  const ownId = enterprise.actor?.enterpriseIds[0];
  const others = (await db.select({ id: enterprises.id }).from(enterprises).orderBy(asc(enterprises.id)).limit(10)).map((e) => e.id).filter((id) => id !== ownId);
  const [second, third] = [others[0] ?? ownId, others[1] ?? others[0] ?? ownId];
  if (second === undefined || third === undefined) return;
  const conference = (await db.select({ id: dialogueConferences.id }).from(dialogueConferences).orderBy(asc(dialogueConferences.id)).limit(1))[0];

  await seedHistory({ service, supportService, enterprise, officer, leader, agency, enterpriseIds: [second, third, ...others.slice(2)] });

  const answered = await service.file(enterprise, {
    category: 'ELECTRICITY',
    subject: 'Đề nghị cấp điện cho nhà xưởng mở rộng',
    content: 'Doanh nghiệp mở rộng nhà xưởng tại Đông Anh, đề nghị được hướng dẫn thủ tục và thời gian cấp điện trung thế cho trạm biến áp 630 kVA.',
  });
  await service.transition(officer, answered, { transition: 'assign', agencyId: agency('EVNHANOI') });
  await service.transition(officer, answered, { transition: 'draft_reply', reply: 'Tổng công ty Điện lực TP Hà Nội hướng dẫn doanh nghiệp nộp hồ sơ cấp điện trực tuyến trên Cổng dịch vụ công; thời gian cấp điện trung thế không quá 7 ngày làm việc kể từ khi nhận đủ hồ sơ.' });
  await service.transition(leader, answered, { transition: 'approve_reply' });
  await service.transition(enterprise, answered, { transition: 'accept', reason: 'Đã được hướng dẫn đầy đủ' });
  await service.publish(officer, answered, {
    question: 'Doanh nghiệp cần làm gì để được cấp điện trung thế cho trạm biến áp mới?',
    answer: 'Doanh nghiệp nộp hồ sơ cấp điện trực tuyến trên Cổng dịch vụ công; thời gian cấp điện trung thế không quá 7 ngày làm việc kể từ khi nhận đủ hồ sơ.',
  });

  if (conference) {
    const raised = await service.file(officer, {
      category: 'TAX',
      subject: 'Chậm hoàn thuế giá trị gia tăng hàng xuất khẩu',
      content: 'Tại hội nghị đối thoại, doanh nghiệp phản ánh hồ sơ hoàn thuế giá trị gia tăng quý III chưa được giải quyết.',
      channel: 'CONFERENCE',
      enterpriseId: second,
      conferenceId: conference.id,
    });
    await service.transition(officer, raised, { transition: 'assign', agencyId: agency('THUE-HN') });
    await service.transition(officer, raised, { transition: 'draft_reply', reply: 'Sở Công Thương đã đề nghị Thuế thành phố Hà Nội rà soát và giải quyết hồ sơ hoàn thuế của doanh nghiệp theo quy định.' });
  }

  const handling = await service.file(enterprise, {
    category: 'MARKET_TRADE',
    subject: 'Hỗ trợ tham gia hội chợ xúc tiến thương mại',
    content: 'Doanh nghiệp đề nghị được hỗ trợ chi phí gian hàng khi tham gia hội chợ hàng công nghiệp hỗ trợ năm nay.',
  });
  await service.transition(officer, handling, { transition: 'assign', agencyId: agency('SCT-QLTM') });

  await service.file(officer, {
    category: 'LAND_PREMISES',
    subject: 'Thuê đất trong cụm công nghiệp',
    content: 'Doanh nghiệp gửi văn bản đề nghị được giới thiệu địa điểm thuê đất trong cụm công nghiệp để di dời cơ sở sản xuất.',
    channel: 'LETTER',
    enterpriseId: third,
  });
};

const SUBJECTS: Record<(typeof PETITION_CATEGORIES)[number], string> = {
  ADMIN_PROCEDURES: 'Rút ngắn thời gian cấp giấy phép kinh doanh',
  LAND_PREMISES: 'Gia hạn hợp đồng thuê đất nhà xưởng',
  TAX: 'Vướng mắc kê khai thuế giá trị gia tăng',
  ELECTRICITY: 'Cấp điện ổn định cho cụm công nghiệp',
  MARKET_TRADE: 'Hỗ trợ đưa sản phẩm vào hệ thống phân phối',
  FINANCE_CREDIT: 'Tiếp cận gói tín dụng ưu đãi',
  WORKFORCE: 'Tuyển dụng lao động kỹ thuật',
  OTHER: 'Hỗ trợ chuyển đổi số trong sản xuất',
};
const DAY_MS = 86_400_000;

/**
 * The history of the six months before this one: two or three petitions a month (the demo
 * enterprise's own first, rated by its account), routed to the category's default agency,
 * answered on time (a draft after 8 days) or late (after 24 days), some rejected or transferred out
 * to the Ministry of Industry and Trade; steps that would fall in the future are left for later.
 */
const seedHistory = async (deps: {
  service: ReturnType<typeof createPetitionService>;
  supportService: ReturnType<typeof createSupportService>;
  enterprise: TRequestContext;
  officer: TRequestContext;
  leader: TRequestContext;
  agency: (code: string) => number;
  enterpriseIds: number[];
}) => {
  const { service, supportService, enterprise, officer, leader, agency } = deps;
  const now = Date.now();
  const vnToday = new Date(now + 7 * 3600_000);
  const perMonth = [2, 3, 2, 3, 2, 2];
  let n = 0;
  for (let k = perMonth.length; k >= 1; k -= 1) {
    const monthStart = Date.UTC(vnToday.getUTCFullYear(), vnToday.getUTCMonth() - k, 1, 2); // 09:00 in Hà Nội
    for (let j = 0; j < perMonth[k - 1]; j += 1, n += 1) {
      const category = PETITION_CATEGORIES[n % PETITION_CATEGORIES.length];
      const opened = monthStart + (2 + j * 5) * DAY_MS;
      const own = j === 0;
      const step = async (days: number, fn: (at: Date) => Promise<unknown>) => {
        const at = opened + days * DAY_MS;
        if (at > now - 3600_000) return false; // not yet: left open
        await fn(new Date(at));
        return true;
      };
      const id = own
        ? await service.file(enterprise, { category, subject: SUBJECTS[category], content: `${SUBJECTS[category]}: doanh nghiệp đề nghị Sở Công Thương xem xét, hướng dẫn.` }, { at: new Date(opened) })
        : await service.file(
            officer,
            { category, subject: SUBJECTS[category], content: `${SUBJECTS[category]}: kiến nghị ghi nhận qua đường dây nóng của Sở.`, channel: j % 2 ? 'HOTLINE' : 'LETTER', enterpriseId: deps.enterpriseIds[n % deps.enterpriseIds.length] },
            { at: new Date(opened) },
          );
      const outcome = (k + j) % 6;
      if (outcome === 5) {
        await step(2, (at) =>
          k % 2 === 0
            ? service.applyTransition(officer, id, { transition: 'transfer_out', agencyId: agency('BCT'), reason: 'Nội dung thuộc thẩm quyền quy định của Bộ Công Thương' }, { at })
            : service.applyTransition(officer, id, { transition: 'reject', reason: 'Nội dung khiếu nại, giải quyết theo Luật Khiếu nại' }, { at }),
        );
        continue;
      }
      const lead = (await supportService.getPetitionRouting(category)).agencyId ?? agency('SCT-KHTH');
      const coAgencyIds = n % 4 === 0 && lead !== agency('SCT-KHTH') ? [agency('SCT-KHTH')] : [];
      if (!(await step(1, (at) => service.applyTransition(officer, id, { transition: 'assign', agencyId: lead, coAgencyIds }, { at })))) continue;
      const late = outcome === 3;
      const draftDay = late ? 24 : 8;
      if (!(await step(draftDay, (at) => service.applyTransition(officer, id, { transition: 'draft_reply', reply: `Sở Công Thương đã trao đổi với cơ quan chủ trì; ${SUBJECTS[category].toLowerCase()} được hướng dẫn theo quy định hiện hành.` }, { at })))) continue;
      if (!(await step(draftDay + 1, (at) => service.applyTransition(leader, id, { transition: 'approve_reply' }, { at })))) continue;
      if (!own) continue;
      if (k % 4 === 1) {
        if (!(await step(draftDay + 3, (at) => service.applyTransition(enterprise, id, { transition: 'reopen', reason: 'Chưa nêu rõ thời hạn giải quyết' }, { at })))) continue;
        if (!(await step(draftDay + 6, (at) => service.applyTransition(officer, id, { transition: 'draft_reply', reply: 'Cơ quan chủ trì cam kết giải quyết trong 10 ngày làm việc kể từ khi nhận đủ hồ sơ.' }, { at })))) continue;
        if (!(await step(draftDay + 7, (at) => service.applyTransition(leader, id, { transition: 'approve_reply' }, { at })))) continue;
      }
      await step(draftDay + 9, (at) => service.applyTransition(enterprise, id, { transition: 'accept', reason: 'Đã được hướng dẫn' }, { at }));
    }
  }
};
