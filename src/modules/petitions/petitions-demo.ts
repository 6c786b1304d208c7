/**
 * Demo petitions through the real services (engine transitions, audit, notifications) as the demo
 * accounts: one answered, accepted and published as Q&A; one awaiting a leader's approval (raised
 * at the demo dialogue conference); one being handled; one just received. Idempotent: does nothing
 * when petitions exist.
 */
import { asc } from 'drizzle-orm';
import type { TDb } from '../../db/client';
import { enterprises } from '../../db/schema/enterprises';
import { dialogueConferences, supportAgencies } from '../../db/schema/support';
import { petitions } from '../../db/schema/petitions';
import type { TActor, TModule, TRole } from '../auth/auth.policy';
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
  const others = (await db.select({ id: enterprises.id }).from(enterprises).orderBy(asc(enterprises.id)).limit(3)).map((e) => e.id).filter((id) => id !== ownId);
  const [second, third] = [others[0] ?? ownId, others[1] ?? others[0] ?? ownId];
  if (second === undefined || third === undefined) return;
  const conference = (await db.select({ id: dialogueConferences.id }).from(dialogueConferences).orderBy(asc(dialogueConferences.id)).limit(1))[0];

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
