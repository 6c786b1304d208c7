import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { auditLog } from '../../db/schema/platform';
import { dialogueCommitments, dialogueConferences, pciActions, pciResults, supportAgencies } from '../../db/schema/support';
import { as, createTestApp, login, type TSession, type TTestApp } from '../../../tests/helpers/test-app';

type TAgency = { id: number; code: string; name: string; kind: string; deadlines: { category: string; workingDays: number }[] };

describe('enterprise support: agencies, PCI, action plans, dialogue conferences', () => {
  let t: TTestApp;
  let officer: TSession;
  let leader: TSession;
  let enterprise: TSession;
  let agencies: TAgency[];
  const count = async (table: typeof supportAgencies | typeof pciResults | typeof pciActions | typeof dialogueConferences | typeof dialogueCommitments | typeof auditLog) =>
    (await t.database.db.select({ n: sql<number>`count(*)::int` }).from(table))[0].n;
  const agency = (code: string) => {
    const found = agencies.find((a) => a.code === code);
    assert.ok(found, code);
    return found;
  };

  before(async () => {
    t = await createTestApp();
    officer = await login(t, 'canbo.tm');
    leader = await login(t, 'lanhdao');
    enterprise = await login(t, 'doanhnghiep');
    agencies = (await as(t, leader).get('/api/support/agencies')).json().items;
  });
  after(async () => t.close());

  it('lists the demo agencies and the eight petition categories with 15 working days by default', async () => {
    assert.ok(agencies.some((a) => a.kind === 'DIVISION' && a.code === 'SCT-QLTM'));
    assert.deepEqual(agency('EVNHANOI').deadlines, [{ category: 'ELECTRICITY', workingDays: 10 }]);
    const categories = (await as(t, leader).get('/api/support/categories')).json().items;
    assert.deepEqual(
      categories.map((c: { code: string }) => c.code),
      ['ADMIN_PROCEDURES', 'LAND_PREMISES', 'TAX', 'ELECTRICITY', 'MARKET_TRADE', 'FINANCE_CREDIT', 'WORKFORCE', 'OTHER'],
    );
    assert.ok(categories.every((c: { deadlineWorkingDays: number }) => c.deadlineWorkingDays === 15));
    const land = categories.find((c: { code: string }) => c.code === 'LAND_PREMISES');
    assert.equal(land.defaultAgency.name, 'Sở Nông nghiệp và Môi trường Hà Nội');
    assert.deepEqual(land.pciSubindices, ['LAND_ACCESS', 'TRANSPARENCY']);
    assert.equal((await as(t, enterprise).get('/api/support/agencies')).statusCode, 403);
    assert.equal((await as(t, enterprise).get('/api/support/conferences')).statusCode, 403);
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/pci/plans' })).statusCode, 401);
  });

  it('adds and changes an external agency, with its own deadline, audited', async () => {
    const auditBefore = await count(auditLog);
    const created = await as(t, officer).send('POST', '/api/support/agencies', {
      code: 'SXD',
      kind: 'CITY_DEPARTMENT',
      name: 'Sở Xây dựng Hà Nội',
      contactName: 'Văn phòng Sở',
      email: 'vanphong@example.vn',
      deadlines: [{ category: 'LAND_PREMISES', workingDays: 20 }],
    });
    assert.equal(created.statusCode, 201, created.body);
    const id = created.json().id;
    const changed = await as(t, officer).send('PUT', `/api/support/agencies/${id}`, { code: 'SXD', kind: 'CITY_DEPARTMENT', name: 'Sở Xây dựng Hà Nội', isActive: false, deadlines: [] });
    assert.equal(changed.statusCode, 200, changed.body);
    assert.equal(changed.json().isActive, false);
    assert.deepEqual(changed.json().deadlines, []);
    assert.equal((await count(auditLog)) - auditBefore, 2);
    assert.equal((await as(t, leader).send('POST', '/api/support/agencies', { code: 'X1', kind: 'OTHER', name: 'Cơ quan X' })).statusCode, 403);
  });

  it('refuses bad agencies, naming the field, and stores nothing', async () => {
    const n = await count(supportAgencies);
    const cases: [unknown, string][] = [
      [{ code: 'SCT-QLTM', kind: 'OTHER', name: 'Trùng mã' }, 'body.code'],
      [{ code: 'PX', kind: 'DIVISION', name: 'Phòng X' }, 'body.moduleCode'],
      [{ code: 'PY', kind: 'UTILITY', name: 'Công ty Y', moduleCode: 'TRADE' }, 'body.moduleCode'],
      [{ code: 'UBX', kind: 'COMMUNE', name: 'UBND xã X' }, 'body.adminUnitCode'],
      [{ code: 'UBZ', kind: 'COMMUNE', name: 'UBND xã Z', adminUnitCode: 'NOPE' }, 'body.adminUnitCode'],
      [{ code: 'PZ', kind: 'OTHER', name: 'Cơ quan Z', deadlines: [{ category: 'TAX', workingDays: 0 }] }, 'body.deadlines.0.workingDays'],
      [{ code: 'PW', kind: 'OTHER', name: 'Cơ quan W', deadlines: [{ category: 'TAXES', workingDays: 5 }] }, 'body.deadlines.0.category'],
      [{ code: 'PV', kind: 'OTHER', name: 'Cơ quan V', email: 'not-an-email' }, 'body.email'],
    ];
    for (const [body, path] of cases) {
      const res = await as(t, officer).send('POST', '/api/support/agencies', body);
      assert.equal(res.statusCode, 400, `${JSON.stringify(body)} → ${res.body}`);
      assert.ok(res.json().details.some((d: { path: string }) => d.path === path), `${path} in ${res.body}`);
    }
    assert.equal(await count(supportAgencies), n);
  });

  it('sets a category deadline, default agency and PCI mapping; the petitions module reads routing and weights', async () => {
    const res = await as(t, officer).send('PUT', '/api/support/categories/TAX', { deadlineWorkingDays: 12, defaultAgencyId: agency('THUE-HN').id, pciSubindices: ['TIME_COSTS', 'INFORMAL_CHARGES'] });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json().pciSubindices, ['TIME_COSTS', 'INFORMAL_CHARGES']);
    const svc = t.services.supportService;
    assert.deepEqual(await svc.getPetitionRouting('TAX'), { category: 'TAX', agencyId: agency('THUE-HN').id, deadlineWorkingDays: 12, pciSubindices: ['TIME_COSTS', 'INFORMAL_CHARGES'] });
    assert.equal((await svc.getPetitionRouting('ELECTRICITY')).deadlineWorkingDays, 10, "EVN's own deadline");
    assert.equal((await svc.getPetitionRouting('ELECTRICITY', agency('SCT-QLCN').id)).deadlineWorkingDays, 15);
    await assert.rejects(svc.getPetitionRouting('NOPE'), /unknown petition category/);
    const weights = await svc.weighOnPci([{ category: 'TAX', petitions: 4 }, { category: 'WORKFORCE', petitions: 1 }]);
    assert.deepEqual(weights[0], { subindex: 'TIME_COSTS', petitions: 4, categories: ['TAX'] });
    assert.ok(weights.some((w) => w.subindex === 'LABOUR_TRAINING' && w.petitions === 1));

    const bad = await as(t, officer).send('PUT', '/api/support/categories/TAX', { deadlineWorkingDays: 12, defaultAgencyId: 999999, pciSubindices: ['TIME_COSTS', 'NOT_A_SUBINDEX'] });
    assert.equal(bad.statusCode, 400);
    assert.ok(bad.json().details.some((d: { path: string }) => d.path === 'body.pciSubindices.1'), bad.body);
    const unknownAgency = await as(t, officer).send('PUT', '/api/support/categories/TAX', { deadlineWorkingDays: 3, defaultAgencyId: 999999, pciSubindices: [] });
    assert.equal(unknownAgency.statusCode, 400);
    assert.equal(unknownAgency.json().details[0].path, 'body.defaultAgencyId');
    assert.equal((await svc.getPetitionRouting('TAX')).deadlineWorkingDays, 12, 'nothing stored');
    assert.equal((await as(t, officer).send('PUT', '/api/support/categories/TAX', { deadlineWorkingDays: 91, defaultAgencyId: null, pciSubindices: [] })).statusCode, 400);
  });

  it('publishes Hà Nội PCI from the spec (public) with the lowest sub-indices of 2019', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/pci' });
    assert.equal(res.statusCode, 200);
    const pci = res.json();
    assert.equal(pci.subindices.length, 10);
    assert.deepEqual(pci.years.map((y: { year: number }) => y.year), [2018, 2019, 2020, 2021, 2022, 2023, 2024]);
    const y2019 = pci.years.find((y: { year: number }) => y.year === 2019);
    assert.equal(y2019.composite, 68.8);
    assert.equal(y2019.rank, 9);
    assert.deepEqual(y2019.lowest, ['EQUAL_COMPETITION', 'INFORMAL_CHARGES', 'PROACTIVITY']);
    const y2023 = pci.years.find((y: { year: number }) => y.year === 2023);
    assert.equal(y2023.subindices.find((s: { code: string }) => s.code === 'LABOUR_TRAINING').rank, 1);
    assert.deepEqual(y2023.lowest, [], 'no lowest from a partial year');
    assert.equal(pci.years.find((y: { year: number }) => y.year === 2020).composite, null);
    assert.equal(pci.years.find((y: { year: number }) => y.year === 2024).methodologyVersion, '2021');
  });

  it('records a year of PCI and refuses out-of-range scores, future years and unknown sub-indices', async () => {
    const n = await count(pciResults);
    const good = await as(t, officer).send('PUT', '/api/pci/years/2017', {
      composite: 62.5,
      rank: 14,
      nProvinces: 63,
      subindices: [{ code: 'ENTRY_COSTS', score: 7.5, rank: 20 }, { code: 'LAND_ACCESS', score: 5.1 }],
    });
    assert.equal(good.statusCode, 200, good.body);
    assert.equal(good.json().methodologyVersion, '2006');
    assert.equal(await count(pciResults), n + 1);
    const corrected = await as(t, officer).send('PUT', '/api/pci/years/2017', { composite: 62.75, rank: 14, nProvinces: 63, subindices: [] });
    assert.equal(corrected.json().composite, 62.75);
    assert.ok(corrected.json().subindices.every((s: { score: number | null }) => s.score === null));

    const future = new Date().getFullYear() + 1;
    const cases: [string, unknown, string][] = [
      ['/api/pci/years/2016', { composite: 60, rank: 1, nProvinces: 63, subindices: [{ code: 'ENTRY_COSTS', score: 10.5 }] }, 'body.subindices.0.score'],
      ['/api/pci/years/2016', { composite: 101, rank: 1, nProvinces: 63, subindices: [] }, 'body.composite'],
      ['/api/pci/years/2016', { composite: 60, rank: 1, nProvinces: 63, subindices: [{ code: 'HAPPINESS', score: 5 }] }, 'body.subindices.0.code'],
      ['/api/pci/years/2016', { composite: 60, rank: 64, nProvinces: 63, subindices: [] }, 'body.rank'],
      ['/api/pci/years/2016', { composite: 60, rank: 2, nProvinces: 63, subindices: [{ code: 'TAX', score: 1 }, { code: 'TAX', score: 2 }].map((s) => ({ ...s, code: 'ENTRY_COSTS' })) }, 'body.subindices.1.code'],
      [`/api/pci/years/${future}`, { composite: 60, rank: 1, nProvinces: 63, subindices: [] }, 'params.year'],
      ['/api/pci/years/2001', { composite: 60, rank: 1, nProvinces: 63, subindices: [] }, 'params.year'],
    ];
    for (const [url, body, path] of cases) {
      const res = await as(t, officer).send('PUT', url, body);
      assert.equal(res.statusCode, 400, `${url} ${JSON.stringify(body)} → ${res.body}`);
      assert.ok(res.json().details.some((d: { path: string }) => d.path === path), `${path} in ${res.body}`);
    }
    assert.equal(await count(pciResults), n + 1);
    assert.equal((await as(t, leader).send('PUT', '/api/pci/years/2016', { composite: 60, rank: 1, nProvinces: 63, subindices: [] })).statusCode, 403);
  });

  it('imports PCI figures from CSV, all or nothing, with row and column errors', async () => {
    const send = (csv: string, dryRun = false) => {
      const boundary = '----ctpci';
      const body = Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="pci.csv"\r\nContent-Type: text/csv\r\n\r\n`), Buffer.from(csv), Buffer.from(`\r\n--${boundary}--\r\n`)]);
      return t.app.inject({ method: 'POST', url: `/api/pci/import${dryRun ? '?dryRun=true' : ''}`, headers: { cookie: officer.cookie, 'x-csrf-token': officer.csrf, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload: body });
    };
    const n = await count(pciResults);
    const bad = await send('year,subindex,score,rank,n_provinces\n2016,TOTAL,63.2,12,63\n2016,LAND_ACCESS,11,,\n2016,HAPPINESS,5,,\n2999,1,5,,\n');
    assert.equal(bad.statusCode, 400);
    const errors = bad.json().details.errors as { row: number; column: string }[];
    assert.deepEqual(errors.map((e) => `${e.row}:${e.column}`), ['3:score', '4:subindex', '5:year']);
    assert.equal(await count(pciResults), n, 'nothing stored');
    const csv = 'nam,chi so,diem,hang,so tinh\n2016,TOTAL,"63,20",12,63\n2016,1,7.5,20,\n2016,LAND_ACCESS,6.1,,\n';
    const dry = await send(csv, true);
    assert.equal(dry.statusCode, 200, dry.body);
    assert.deepEqual(dry.json().years, [2016]);
    assert.equal(await count(pciResults), n);
    const ok = await send(csv);
    assert.equal(ok.statusCode, 200, ok.body);
    const y2016 = (await t.app.inject({ method: 'GET', url: '/api/pci' })).json().years.find((y: { year: number }) => y.year === 2016);
    assert.equal(y2016.composite, 63.2);
    assert.equal(y2016.rank, 12);
    assert.equal(y2016.subindices.find((x: { code: string }) => x.code === 'ENTRY_COSTS').score, 7.5);
    assert.equal(y2016.subindices.find((x: { code: string }) => x.code === 'LAND_ACCESS').score, 6.1);
  });

  it('keeps action plans with actions per sub-index, progress and overdue flags', async () => {
    const plans = (await as(t, leader).get('/api/pci/plans?year=2025')).json().items;
    assert.equal(plans.length, 1);
    const overdue = plans[0].actions.filter((a: { isOverdue: boolean }) => a.isOverdue).map((a: { subindexCode: string }) => a.subindexCode);
    assert.ok(overdue.includes('INFORMAL_CHARGES') && overdue.includes('LAND_ACCESS'), JSON.stringify(overdue));
    assert.ok(!overdue.includes('EQUAL_COMPETITION'));

    const created = await as(t, officer).send('POST', '/api/pci/plans', { year: 2026, title: 'Kế hoạch nâng cao chỉ số PCI năm 2026' });
    assert.equal(created.statusCode, 201, created.body);
    const planId = created.json().id;
    const owner = agency('SCT-QLTM').id;
    const added = await as(t, officer).send('POST', `/api/pci/plans/${planId}/actions`, { subindexCode: 'TRANSPARENCY', content: 'Công khai quy hoạch mạng lưới chợ trên cổng thông tin', ownerAgencyId: owner, deadline: '2026-12-31', status: 'IN_PROGRESS', progressPct: 30 });
    assert.equal(added.statusCode, 201, added.body);
    const actionId = added.json().actions[0].id;
    const done = await as(t, officer).send('PUT', `/api/pci/actions/${actionId}`, { subindexCode: 'TRANSPARENCY', content: 'Công khai quy hoạch mạng lưới chợ trên cổng thông tin', ownerAgencyId: owner, deadline: '2026-12-31', status: 'DONE', progressPct: 100, note: 'Đã đăng tải' });
    assert.equal(done.statusCode, 200, done.body);
    assert.equal(done.json().actions[0].status, 'DONE');

    const n = await count(pciActions);
    const base = { subindexCode: 'TRANSPARENCY', content: 'Một hành động hợp lệ', ownerAgencyId: owner, deadline: '2026-06-30', status: 'IN_PROGRESS', progressPct: 10 };
    const cases: [unknown, string][] = [
      [{ ...base, subindexCode: 'WEATHER' }, 'body.subindexCode'],
      [{ ...base, progressPct: 120 }, 'body.progressPct'],
      [{ ...base, status: 'DONE', progressPct: 80 }, 'body.progressPct'],
      [{ ...base, deadline: '2025-12-31' }, 'body.deadline'],
      [{ ...base, ownerAgencyId: 999999 }, 'body.ownerAgencyId'],
      [{ ...base, deadline: '2026-02-30x' }, 'body.deadline'],
    ];
    for (const [body, path] of cases) {
      const res = await as(t, officer).send('POST', `/api/pci/plans/${planId}/actions`, body);
      assert.equal(res.statusCode, 400, `${JSON.stringify(body)} → ${res.body}`);
      assert.ok(res.json().details.some((d: { path: string }) => d.path === path), `${path} in ${res.body}`);
    }
    assert.equal(await count(pciActions), n);
    assert.equal((await as(t, officer).send('POST', '/api/pci/plans/999999/actions', base)).statusCode, 404);
    assert.equal((await as(t, officer).send('PUT', `/api/pci/plans/${planId}`, { year: 2027, title: 'Kế hoạch dời sang năm sau' })).statusCode, 400, 'an action due in 2026 blocks moving the plan to 2027');
  });

  it('records a conference with enterprises, agencies and commitments; follows up; exports the minutes', async () => {
    const owner = agency('SCT-QLCN').id;
    const auditBefore = await count(auditLog);
    const res = await as(t, officer).send('POST', '/api/support/conferences', {
      heldOn: '2026-03-20',
      topic: 'Đối thoại doanh nghiệp thương mại bán lẻ',
      chair: 'Phó Giám đốc Sở Công Thương',
      location: 'Hội trường Sở',
      summary: 'Doanh nghiệp nêu vướng mắc về mặt bằng kinh doanh.',
      enterpriseIds: [1, 2, 3],
      agencyIds: [owner, agency('SNNMT').id],
      commitments: [{ content: 'Rà soát quỹ đất cho siêu thị tại khu đô thị mới', ownerAgencyId: agency('SNNMT').id, deadline: '2026-06-30' }],
    });
    assert.equal(res.statusCode, 201, res.body);
    const conference = res.json();
    assert.equal(conference.enterprises.length, 3);
    assert.equal(conference.commitments[0].status, 'OPEN');
    assert.equal((await count(auditLog)) - auditBefore, 2);
    assert.deepEqual(await t.services.supportService.findConferenceRef(conference.id), { id: conference.id, heldOn: '2026-03-20', topic: 'Đối thoại doanh nghiệp thương mại bán lẻ' });
    assert.equal(await t.services.supportService.findConferenceRef(999999), null);

    const added = await as(t, officer).send('POST', `/api/support/conferences/${conference.id}/commitments`, { content: 'Hướng dẫn thủ tục cấp phép bán lẻ rượu', ownerAgencyId: owner, deadline: '2026-04-30' });
    assert.equal(added.statusCode, 201, added.body);
    const commitmentId = added.json().commitments.find((c: { content: string }) => c.content.startsWith('Hướng dẫn')).id;
    const followed = await as(t, officer).send('PUT', `/api/support/commitments/${commitmentId}`, { content: 'Hướng dẫn thủ tục cấp phép bán lẻ rượu', ownerAgencyId: owner, deadline: '2026-04-30', status: 'DONE', progressNote: 'Đã tổ chức tập huấn' });
    assert.equal(followed.statusCode, 200, followed.body);
    const list = (await as(t, leader).get('/api/support/conferences')).json().items;
    const summary = list.find((c: { id: number }) => c.id === conference.id);
    assert.equal(summary.commitments, 2);
    assert.equal(summary.enterprises, 3);

    const docx = await as(t, leader).get(`/api/support/conferences/${conference.id}/minutes?number=12/BB-SCT&secretary=Lê%20Văn%20Minh`);
    assert.equal(docx.statusCode, 200);
    assert.match(String(docx.headers['content-type']), /wordprocessingml/);
    assert.equal(docx.rawPayload.subarray(0, 2).toString(), 'PK');
    const { default: JSZip } = await import('jszip');
    const xml = await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')?.async('string');
    assert.ok(xml);
    for (const text of ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'BIÊN BẢN', 'Số: 12/BB-SCT', 'Hà Nội, ngày 20 tháng 3 năm 2026', 'Rà soát quỹ đất cho siêu thị', 'Đã hoàn thành', 'Times New Roman', 'Lê Văn Minh']) {
      assert.ok(xml.includes(text), `${text} in the minutes`);
    }
    assert.equal((await as(t, leader).get('/api/support/conferences/999999/minutes')).statusCode, 404);
  });

  it('refuses bad conferences and commitments, naming the field, and stores nothing', async () => {
    const owner = agency('SCT-QLCN').id;
    const [nConf, nCommit] = [await count(dialogueConferences), await count(dialogueCommitments)];
    const base = { heldOn: '2026-05-10', topic: 'Đối thoại doanh nghiệp công nghiệp', chair: 'Giám đốc Sở', enterpriseIds: [1], agencyIds: [owner] };
    const cases: [unknown, string][] = [
      [{ ...base, commitments: [{ content: 'Cam kết trước ngày họp', ownerAgencyId: owner, deadline: '2026-05-01' }] }, 'body.commitments.0.deadline'],
      [{ ...base, enterpriseIds: [1, 99999999] }, 'body.enterpriseIds.1'],
      [{ ...base, agencyIds: [999999] }, 'body.agencyIds.0'],
      [{ ...base, commitments: [{ content: 'Cam kết hợp lệ về nội dung', ownerAgencyId: 999999, deadline: '2026-06-01' }] }, 'body.commitments.0.ownerAgencyId'],
      [{ ...base, topic: '' }, 'body.topic'],
      [{ ...base, heldOn: '10/05/2026' }, 'body.heldOn'],
      [{ ...base, commitments: [{ content: 'Cam kết trạng thái lạ', ownerAgencyId: owner, deadline: '2026-06-01', status: 'MAYBE' }] }, 'body.commitments.0.status'],
    ];
    for (const [body, path] of cases) {
      const res = await as(t, officer).send('POST', '/api/support/conferences', body);
      assert.equal(res.statusCode, 400, `${JSON.stringify(body)} → ${res.body}`);
      assert.ok(res.json().details.some((d: { path: string }) => d.path === path), `${path} in ${res.body}`);
    }
    const seeded = (await as(t, leader).get('/api/support/conferences')).json().items.find((c: { heldOn: string }) => c.heldOn === '2025-10-15');
    const early = await as(t, officer).send('POST', `/api/support/conferences/${seeded.id}/commitments`, { content: 'Cam kết có hạn trước hội nghị', ownerAgencyId: owner, deadline: '2025-10-14' });
    assert.equal(early.statusCode, 400);
    assert.equal(early.json().details[0].path, 'body.deadline');
    assert.equal(await count(dialogueConferences), nConf);
    assert.equal(await count(dialogueCommitments), nCommit);
    assert.equal((await as(t, leader).send('POST', '/api/support/conferences', base)).statusCode, 403);
    assert.equal((await as(t, enterprise).get(`/api/support/conferences/${seeded.id}/minutes`)).statusCode, 403);
    const detail = (await as(t, leader).get(`/api/support/conferences/${seeded.id}`)).json();
    assert.ok(detail.commitments.some((c: { isOverdue: boolean; status: string }) => c.isOverdue && c.status === 'IN_PROGRESS'));
  });
});
