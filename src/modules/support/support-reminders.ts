import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client';
import { addWorkingDays, getVnDate } from '../../domain/calendar/workdays';
import { forbidden } from '../../server/errors';
import type { TRequestContext } from '../../server/request-context';
import { recordAudit } from '../audit/audit.service';
import { hasPermission } from '../auth/auth.policy';
import type { TCaseEngine } from '../cases/cases.service';

type TDueItem = {
  item_kind: 'COMMITMENT' | 'ACTION';
  item_id: number;
  content: string;
  deadline: string;
  owner_name: string;
  module_code: string | null;
  link: string;
};

/**
 * Reminders for the follow-up of enterprise support (daily task `support.remind`): conference
 * commitments and PCI action-plan actions that are not done (not DONE nor CANCELLED) and due within
 * `SUPPORT_REMINDER_WORKING_DAYS` working days, or overdue, notify the owner's officers — the
 * division's officers for a Department division, the support coordinators (industry and trade
 * officers) for an external agency — in the app, with the e-mail copy in the outbox. One reminder
 * per item and Vietnam day (table `support_reminders`), so a second run that day sends nothing.
 * Everything (reminder rows, notifications, outbox, audit) in one transaction.
 */
export const createSupportReminders = ({ engine, config }: { engine: TCaseEngine; config: { supportReminderWorkingDays: number } }) => {
  const runDueReminders = async (ctx: TRequestContext, { now = new Date() }: { now?: Date } = {}) => {
    if (ctx.actor && !hasPermission(ctx.actor, 'support.manage')) throw forbidden('Only support officers send reminders');
    return engine.run(ctx, async (w) => {
      const today = getVnDate(now.getTime());
      const lastDay = addWorkingDays(w.cal, today, config.supportReminderWorkingDays);
      const items = await queryRows<TDueItem>(
        w.tx,
        sql`select 'COMMITMENT' as item_kind, c.id as item_id, c.content, c.deadline::text as deadline, a.name as owner_name, a.module_code,
                   '/support/conferences/' || c.conference_id as link
              from dialogue_commitments c join support_agencies a on a.id = c.owner_agency_id
             where c.status in ('OPEN', 'IN_PROGRESS') and c.deadline <= ${lastDay}::date
            union all
            select 'ACTION', x.id, x.content, x.deadline::text, a.name, a.module_code, '/support/pci'
              from pci_actions x join support_agencies a on a.id = x.owner_agency_id
             where x.status in ('NOT_STARTED', 'IN_PROGRESS') and x.deadline <= ${lastDay}::date
            order by 4, 1, 2`,
      );
      const staff = await queryRows<{ id: number; role: string; modules: string[] }>(w.tx, sql`select id, role, modules from users where disabled = false and role in ('ADMIN', 'OFFICER')`);
      // External agencies are followed up by the support coordinators (officers holding support.manage through their module).
      const coordinators = staff.filter((u) => u.role === 'OFFICER' && u.modules.some((m) => m === 'INDUSTRY' || m === 'TRADE')).map((u) => u.id);
      const officersOf = (moduleCode: string | null) => (moduleCode === null ? coordinators : staff.filter((u) => u.role === 'OFFICER' && u.modules.includes(moduleCode)).map((u) => u.id));
      let dueSoon = 0;
      let overdue = 0;
      for (const item of items) {
        const userIds = officersOf(item.module_code);
        if (userIds.length === 0) continue;
        const isOverdue = item.deadline < today;
        const kind = `${item.item_kind === 'COMMITMENT' ? 'COMMITMENT' : 'PCI_ACTION'}_${isOverdue ? 'OVERDUE' : 'DUE_SOON'}`;
        const claimed = await queryRows<{ item_id: number }>(
          w.tx,
          sql`insert into support_reminders (item_kind, item_id, day, kind, recipients) values (${item.item_kind}, ${item.item_id}, ${today}::date, ${kind}, ${userIds.length})
              on conflict do nothing returning item_id`,
        );
        if (claimed.length === 0) continue; // already reminded today
        const what = item.item_kind === 'COMMITMENT' ? 'Cam kết tại hội nghị đối thoại' : 'Nhiệm vụ kế hoạch nâng cao PCI';
        const day = item.deadline.split('-').reverse().join('/');
        await w.notify({
          caseId: null,
          kind,
          title: `${what} ${isOverdue ? 'đã quá hạn' : 'sắp đến hạn'} (${day})`,
          body: `${what} do ${item.owner_name} chủ trì ${isOverdue ? `đã quá hạn từ ngày ${day}` : `đến hạn ngày ${day}`}: ${item.content}`,
          link: item.link,
          userIds,
        });
        if (isOverdue) overdue += 1;
        else dueSoon += 1;
      }
      if (dueSoon + overdue > 0) await recordAudit(w.tx, ctx, { entity: 'support_reminder', entityId: null, action: 'support.reminders', after: { day: today, lastDay, dueSoon, overdue } });
      return { day: today, lastDay, dueSoon, overdue };
    });
  };
  return { runDueReminders };
};

export type TSupportReminders = ReturnType<typeof createSupportReminders>;
