import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { ConfigError, loadConfig } from '../../config/config';
import { notifications } from '../../db/schema/cases';
import { auditLog, mailOutbox, users } from '../../db/schema/platform';
import { supportReminders } from '../../db/schema/support';
import { as, createTestApp, login, type TSession, type TTestApp } from '../../../tests/helpers/test-app';

type TNote = { kind: string; title: string; body: string; link: string | null };

/**
 * The daily reminders of conference commitments and PCI actions, run directly with fixed dates
 * over the demo data (2025 plan: actions due 2025-09-30 in progress, 2025-12-31 not started,
 * 2027-06-30 in progress, two done; conference: EVN done, tax office due 2025-12-15 in progress,
 * industry division due 2027-03-31 open), checked through the API.
 */
describe('support reminders: commitments and PCI actions due soon or overdue', () => {
  let t: TTestApp;
  let industry: TSession;
  let trade: TSession;
  let motcua: TSession;
  let planner: TSession;
  let leader: TSession;
  const ctx = { actor: null, ip: '', requestId: 'test', locale: 'vi' as const, systemActor: 'scheduler' };
  // 09:00 in Hà Nội on Thursday 25 March 2027 (5 working days ahead: up to Thursday 1 April).
  const at = (day: string) => new Date(`${day}T02:00:00Z`);
  const notes = async (s: TSession): Promise<TNote[]> => (await as(t, s).get('/api/notifications')).json().items;
  const count = async (table: typeof notifications | typeof supportReminders | typeof mailOutbox) => (await t.database.db.select({ n: sql<number>`count(*)::int` }).from(table))[0].n;

  before(async () => {
    t = await createTestApp();
    industry = await login(t, 'canbo.cn');
    trade = await login(t, 'canbo.tm');
    motcua = await login(t, 'motcua');
    planner = await login(t, 'canbo.kh');
    leader = await login(t, 'lanhdao');
    await t.database.db.update(users).set({ email: 'hoa.qlcn@example.vn' }).where(sql`${users.username} = 'canbo.cn'`);
  });
  after(async () => t.close());

  it('refuses a bad SUPPORT_REMINDER_WORKING_DAYS at boot, naming it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ct-config-'));
    for (const value of ['-1', 'năm', '31']) {
      assert.throws(() => loadConfig({ DATA_DIR: dir, SUPPORT_REMINDER_WORKING_DAYS: value }), (error: unknown) => error instanceof ConfigError && /SUPPORT_REMINDER_WORKING_DAYS:/.test(error.message));
    }
    assert.equal(loadConfig({ DATA_DIR: dir }).supportReminderWorkingDays, 5);
  });

  it('reminds the owner’s officers once a day: due within 5 working days or overdue and not done', async () => {
    const mails0 = await count(mailOutbox);
    const first = await t.services.supportReminders.runDueReminders(ctx, { now: at('2027-03-25') });
    assert.deepEqual(first, { day: '2027-03-25', lastDay: '2027-04-01', dueSoon: 1, overdue: 3 });

    // The industry division owns the commitment due 31 March; external owners go to the coordinators.
    const industryNotes = await notes(industry);
    const soon = industryNotes.find((n) => n.kind === 'COMMITMENT_DUE_SOON');
    assert.ok(soon, JSON.stringify(industryNotes));
    assert.match(soon.body, /31\/03\/2027/);
    assert.match(soon.link ?? '', /^\/support\/conferences\/\d+$/);
    assert.ok(industryNotes.some((n) => n.kind === 'COMMITMENT_OVERDUE' && n.body.includes('Thuế thành phố Hà Nội')));
    assert.ok(industryNotes.some((n) => n.kind === 'PCI_ACTION_OVERDUE' && n.body.includes('Sở Nông nghiệp và Môi trường')));
    assert.ok((await notes(trade)).some((n) => n.kind === 'COMMITMENT_OVERDUE'), 'coordinators follow up external agencies');
    assert.ok(!(await notes(trade)).some((n) => n.kind === 'COMMITMENT_DUE_SOON'), 'the industry division’s own commitment');
    const oneStop = await notes(motcua);
    assert.deepEqual(oneStop.filter((n) => n.kind.startsWith('PCI_ACTION')).map((n) => n.kind), ['PCI_ACTION_OVERDUE'], 'the one-stop action of 30/09/2025; not the one due 2027-06-30');
    assert.equal((await notes(planner)).filter((n) => /COMMITMENT|PCI_ACTION/.test(n.kind)).length, 0);
    assert.equal((await notes(leader)).filter((n) => /COMMITMENT|PCI_ACTION/.test(n.kind)).length, 0);
    // The e-mail copy goes to the outbox for officers with an address (canbo.cn: three reminders).
    const mails = await t.database.db.select({ to: mailOutbox.to, subject: mailOutbox.subject }).from(mailOutbox).where(sql`${mailOutbox.id} > ${mails0}`);
    assert.equal(mails.filter((m) => m.to === 'hoa.qlcn@example.vn').length, 3);
    assert.equal(mails.length, 3);
    const audited = await t.database.db.select({ after: auditLog.after }).from(auditLog).where(sql`${auditLog.action} = 'support.reminders'`);
    assert.deepEqual(audited.map((a) => a.after), [{ day: '2027-03-25', lastDay: '2027-04-01', dueSoon: 1, overdue: 3 }]);

    // Idempotent per item and day: a second run the same day sends nothing.
    const [notes1, rows1, mails1] = [await count(notifications), await count(supportReminders), await count(mailOutbox)];
    assert.deepEqual(await t.services.supportReminders.runDueReminders(ctx, { now: new Date('2027-03-25T16:30:00Z') }), { day: '2027-03-25', lastDay: '2027-04-01', dueSoon: 0, overdue: 0 });
    assert.deepEqual([await count(notifications), await count(supportReminders), await count(mailOutbox)], [notes1, rows1, mails1]);

    // Done work is not reminded: the commitment is reported done, then the next working day reminds only the overdue ones.
    const conferences = (await as(t, leader).get('/api/support/conferences')).json().items;
    const conference = (await as(t, leader).get(`/api/support/conferences/${conferences[0].id}`)).json();
    const due = conference.commitments.find((c: { deadline: string }) => c.deadline === '2027-03-31');
    const done = await as(t, industry).send('PUT', `/api/support/commitments/${due.id}`, { content: due.content, ownerAgencyId: due.owner.id, deadline: due.deadline, status: 'DONE', progressNote: 'Đã giới thiệu 12 doanh nghiệp' });
    assert.equal(done.statusCode, 200, done.body);
    assert.deepEqual(await t.services.supportReminders.runDueReminders(ctx, { now: at('2027-03-26') }), { day: '2027-03-26', lastDay: '2027-04-02', dueSoon: 0, overdue: 3 });
  });

  it('sends them now on request (support officers only); a second request the same day sends nothing again', async () => {
    assert.equal((await as(t, leader).send('POST', '/api/support/reminders')).statusCode, 403);
    assert.equal((await as(t, planner).send('POST', '/api/support/reminders')).statusCode, 403);
    const first = await as(t, trade).send('POST', '/api/support/reminders');
    assert.equal(first.statusCode, 200, first.body);
    // Today (whatever it is) the demo plan has overdue actions not done.
    assert.ok(first.json().overdue >= 1, first.body);
    const again = await as(t, trade).send('POST', '/api/support/reminders');
    assert.deepEqual([again.json().dueSoon, again.json().overdue], [0, 0]);
  });

  it('counts working days, not calendar days: a Monday looks five working days ahead', async () => {
    // Monday 22 March 2027 + 5 working days = Monday 29 March: the (now done) 31 March commitment would not be due yet anyway.
    const r = await t.services.supportReminders.runDueReminders(ctx, { now: at('2027-03-22') });
    assert.equal(r.lastDay, '2027-03-29');
    assert.equal(r.dueSoon, 0);
  });
});
