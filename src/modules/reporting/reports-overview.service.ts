import ExcelJS from 'exceljs';
import type { TDb } from '../../db/client';
import { parsePeriod } from '../../domain/stats/stats-periods';
import { AppError, forbidden, notFound } from '../../server/errors';
import type { TRequestContext } from '../../server/request-context';
import { hasPermission } from '../auth/auth.policy';
import { todayInVietnam } from '../enterprises/enterprises.service';
import { countCompleteness, findForm, findFrameOf, findNonReporters, findReportsOf, listForms } from './reporting.repo';
import { reportDates } from './reporting.service';

const shift = (period: string, months: number) => {
  const t = parsePeriod(period) + months;
  return `${Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, '0')}`;
};
const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
const rate = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 1000) / 10);

/** How many months back the assignment list goes (older periods are locked unless an exception runs). */
export const ASSIGNMENT_MONTHS = 12;

/**
 * Read models over the reports: the forms and months an enterprise is expected to send (with the
 * state of each), and the completeness and timeliness of a form for a month (counts, rates, the
 * non-reporters, as JSON or XLSX).
 */
export const createReportsOverviewService = ({ db, clock = () => new Date() }: { db: TDb; clock?: () => Date }) => {
  /**
   * The forms and months an enterprise must send: the last 12 ended months in its frame, plus any
   * older month with a running lock exception. Enterprise users see their own enterprises; staff
   * with reports.read any enterprise.
   */
  const listAssignments = async (ctx: TRequestContext, { enterpriseId }: { enterpriseId?: number }) => {
    const actor = ctx.actor;
    if (!actor) throw new AppError('UNAUTHENTICATED', 'Sign in first');
    let ids: number[];
    if (actor.role === 'ENTERPRISE') {
      if (enterpriseId !== undefined && !actor.enterpriseIds.includes(enterpriseId)) throw forbidden('You may only see your own reports');
      ids = enterpriseId !== undefined ? [enterpriseId] : actor.enterpriseIds;
    } else {
      if (!hasPermission(actor, 'reports.read')) throw forbidden();
      if (enterpriseId === undefined) throw new AppError('VALIDATION_ERROR', 'enterpriseId is required for Department staff', [{ path: 'querystring.enterpriseId', message: 'required' }]);
      ids = [enterpriseId];
    }
    if (ids.length === 0) return [];
    const today = todayInVietnam();
    const current = today.slice(0, 7);
    const from = shift(current, -ASSIGNMENT_MONTHS);
    const forms = new Map((await listForms(db)).map((f) => [f.code, f]));
    const frame = await findFrameOf(db, ids);
    const known = new Map((await findReportsOf(db, { enterpriseIds: ids, from, today })).map((r) => [`${r.form_code}|${r.enterprise_id}|${r.period}`, r]));
    const now = clock();
    const out = [];
    for (const f of frame) {
      const form = forms.get(f.form_code);
      if (!form) continue;
      for (let p = shift(current, -1); p >= from; p = shift(p, -1)) {
        if (p < f.active_from || (f.active_to !== null && p > f.active_to)) continue;
        const r = known.get(`${f.form_code}|${f.enterprise_id}|${p}`);
        const { deadline, locksAt } = reportDates(p, form);
        const isLocked = now >= locksAt && !r?.exception_until;
        // Locked months that were never started are of no use in the list (nothing can be done).
        if (isLocked && !r?.status) continue;
        out.push({
          formCode: form.code,
          formNameVi: form.nameVi,
          formNameEn: form.nameEn,
          enterpriseId: f.enterprise_id,
          taxCode: f.tax_code,
          nameVi: f.name_vi,
          period: p,
          status: r?.status ?? 'NOT_STARTED',
          submittedAt: iso(r?.submitted_at ?? null),
          returnReason: r?.return_reason ?? null,
          deadline: deadline.toISOString(),
          locksAt: locksAt.toISOString(),
          isLocked,
          lockExceptionUntil: r?.exception_until ?? null,
          isOverdue: now > deadline && (r?.status ?? 'NOT_STARTED') !== 'SUBMITTED' && r?.status !== 'ACCEPTED',
        });
      }
    }
    return out.sort((a, b) => b.period.localeCompare(a.period) || a.formCode.localeCompare(b.formCode));
  };

  /** Expected, submitted, on time, accepted (counts and % of expected) and the non-reporters of a form for a month. */
  const getCompleteness = async (ctx: TRequestContext, f: { formCode: string; period: string }) => {
    const actor = ctx.actor;
    if (!actor) throw new AppError('UNAUTHENTICATED', 'Sign in first');
    if (!hasPermission(actor, 'reports.read')) throw forbidden();
    const form = await findForm(db, f.formCode);
    if (!form) throw notFound(`Form ${f.formCode}`);
    const { deadline } = reportDates(f.period, form);
    const c = await countCompleteness(db, { ...f, deadline });
    const n = (v: number | string | undefined) => Number(v ?? 0);
    const expected = n(c?.expected);
    const counts = { expected, submitted: n(c?.submitted), onTime: n(c?.on_time), accepted: n(c?.accepted), returned: n(c?.returned), drafts: n(c?.drafts) };
    return {
      form,
      deadline: deadline.toISOString(),
      counts,
      rates: { submitted: rate(counts.submitted, expected), onTime: rate(counts.onTime, expected), accepted: rate(counts.accepted, expected) },
      nonReporters: await findNonReporters(db, f),
    };
  };

  /** The non-reporters of a form for a month as an XLSX sheet (tax code, name, e-mail, state). */
  const buildNonReportersXlsx = async (ctx: TRequestContext, f: { formCode: string; period: string }, lang: 'vi' | 'en'): Promise<Buffer> => {
    const { form, counts, nonReporters } = await getCompleteness(ctx, f);
    const workbook = new ExcelJS.Workbook();
    workbook.creator = 'congthuong';
    const sheet = workbook.addWorksheet(lang === 'vi' ? 'ChuaNop' : 'NonReporters', { views: [{ state: 'frozen', ySplit: 1 }] });
    const vi = lang === 'vi';
    sheet.columns = [
      { header: vi ? 'STT' : 'No.', key: 'n', width: 6 },
      { header: vi ? 'Mã số thuế' : 'Tax code', key: 'taxCode', width: 14 },
      { header: vi ? 'Tên doanh nghiệp' : 'Enterprise', key: 'name', width: 50 },
      { header: 'E-mail', key: 'email', width: 30 },
      { header: vi ? 'Trạng thái' : 'State', key: 'status', width: 16 },
    ];
    sheet.getRow(1).font = { bold: true };
    sheet.getColumn('taxCode').numFmt = '@';
    const state: Record<string, [string, string]> = { DRAFT: ['Đang nhập', 'Draft'], RETURNED: ['Bị trả lại', 'Returned'] };
    nonReporters.forEach((e, i) => sheet.addRow({ n: i + 1, taxCode: e.tax_code, name: e.name_vi, email: e.email ?? '', status: e.status ? (state[e.status]?.[vi ? 0 : 1] ?? e.status) : vi ? 'Chưa nhập' : 'Not started' }));
    sheet.addRow([]);
    sheet.addRow([vi ? `${form.nameVi}, kỳ ${f.period}: ${nonReporters.length}/${counts.expected} doanh nghiệp chưa nộp` : `${form.nameEn}, ${f.period}: ${nonReporters.length} of ${counts.expected} enterprises have not sent it`]);
    return Buffer.from(await workbook.xlsx.writeBuffer());
  };

  return { listAssignments, getCompleteness, buildNonReportersXlsx };
};

export type TReportsOverviewService = ReturnType<typeof createReportsOverviewService>;
