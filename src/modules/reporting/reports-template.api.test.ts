import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { lastReportedMonth } from '../demo/demo-statistics-seed';
import { as, createTestApp, login, type TSession, type TTestApp } from '../../../tests/helpers/test-app';

type TRow = { row: number; item: string; value: ExcelJS.CellValue };

describe('report XLSX template: download prefilled, upload back as the draft', () => {
  let t: TTestApp;
  let ent: TSession;
  let officer: TSession;
  let leader: TSession;
  const period = lastReportedMonth();
  const url = `/api/reports/IIP_MONTHLY/1/${period}`;
  const [year, month] = period.split('-').map(Number);
  const previousPeriod = month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;

  const download = async (session: TSession, target = url) => {
    const res = await as(t, session).get(`${target}/template.xlsx`);
    assert.equal(res.statusCode, 200, res.body);
    assert.match(String(res.headers['content-type']), /spreadsheetml/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    return workbook;
  };
  const rowsOf = (workbook: ExcelJS.Workbook): TRow[] => {
    const rows: TRow[] = [];
    workbook.getWorksheet('BaoCao')?.eachRow((r, n) => {
      if (n > 1) rows.push({ row: n, item: String(r.getCell(1).value), value: r.getCell(7).value });
    });
    return rows;
  };
  const bytesOf = async (workbook: ExcelJS.Workbook) => Buffer.from(await workbook.xlsx.writeBuffer());
  const upload = (session: TSession, bytes: Buffer, target = url, lang?: 'vi' | 'en') => {
    const boundary = '----cttemplate';
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="bao-cao.xlsx"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`),
      bytes,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return t.app.inject({ method: 'POST', url: `${target}/template${lang ? `?lang=${lang}` : ''}`, headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload: body });
  };
  /** Downloads the template, applies `edit` to the data sheet and uploads it. */
  const editAndUpload = async (edit: (sheet: ExcelJS.Worksheet, rows: TRow[], workbook: ExcelJS.Workbook) => void, session = ent) => {
    const workbook = await download(session);
    const sheet = workbook.getWorksheet('BaoCao');
    assert.ok(sheet);
    edit(sheet, rowsOf(workbook), workbook);
    return upload(session, await bytesOf(workbook));
  };
  const rowOf = (rows: TRow[], item: string) => {
    const found = rows.find((r) => r.item === item);
    assert.ok(found, `${item} is in the template`);
    return found.row;
  };
  const stored = async () => (await as(t, ent).get(url)).json();

  before(async () => {
    t = await createTestApp({}, { statistics: true });
    ent = await login(t, 'doanhnghiep');
    officer = await login(t, 'canbo.cn');
    leader = await login(t, 'lanhdao');
  });
  after(async () => t.close());

  it('downloads the template with every item, its unit, the previous values and the current state', async () => {
    const report = await stored();
    const workbook = await download(ent);
    const sheet = workbook.getWorksheet('BaoCao');
    assert.ok(sheet);
    assert.equal(sheet.getRow(1).getCell(1).value, 'Mã chỉ tiêu');
    assert.equal(sheet.getRow(1).getCell(7).value, 'Giá trị');
    const rows = rowsOf(workbook);
    assert.equal(rows.length, report.items.length);
    const own = report.items.find((i: { item: string }) => i.item === 'P2592_MECHPART');
    const line = sheet.getRow(rowOf(rows, 'P2592_MECHPART'));
    assert.equal(line.getCell(3).value, own.unit);
    assert.equal(line.getCell(4).value, 'x', 'required item marked');
    assert.equal(line.getCell(5).value, own.previousMonth);
    assert.equal(line.getCell(7).value ?? null, own.value);
    const en = await as(t, ent).get(`${url}/template.xlsx?lang=en`);
    assert.equal(en.statusCode, 200);
    const english = new ExcelJS.Workbook();
    await english.xlsx.load(en.rawPayload as unknown as ArrayBuffer);
    assert.equal(english.getWorksheet('BaoCao')?.getRow(1).getCell(7).value, 'Value');
  });

  it('saves the filled template as the draft, with comments, and keeps the cell history', async () => {
    const res = await editAndUpload((sheet, rows) => {
      for (const r of rows) sheet.getRow(r.row).getCell(7).value = null;
      const row = sheet.getRow(rowOf(rows, 'P2592_MECHPART'));
      row.getCell(7).value = 1234.5;
      row.getCell(8).value = 'Số liệu từ mẫu XLSX';
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().report.status, 'DRAFT');
    assert.equal(res.json().cells, 1);
    const report = await stored();
    const cell = report.items.find((i: { item: string }) => i.item === 'P2592_MECHPART');
    assert.equal(cell.value, 1234.5);
    assert.equal(cell.comment, 'Số liệu từ mẫu XLSX');
    const history = (await as(t, ent).get(`${url}/history`)).json().items;
    assert.ok(history.some((h: { newValue: number; actorName: string }) => h.newValue === 1234.5 && h.actorName === 'doanhnghiep'));
    // Downloading again shows the draft; a text number with a decimal comma is read too.
    const again = await download(ent);
    const rows = rowsOf(again);
    assert.equal(rows.find((r) => r.item === 'P2592_MECHPART')?.value, 1234.5);
    const comma = await editAndUpload((sheet, r) => {
      sheet.getRow(rowOf(r, 'P2592_MECHPART')).getCell(7).value = '1300,25';
    });
    assert.equal(comma.statusCode, 200, comma.body);
    assert.equal((await stored()).items.find((i: { item: string }) => i.item === 'P2592_MECHPART').value, 1300.25);
  });

  it('refuses bad files with the row and column named, and stores nothing', async () => {
    const before = await stored();
    const expectRefused = async (res: Awaited<ReturnType<typeof upload>>, pattern: RegExp, where?: { row: number; column: RegExp }) => {
      assert.equal(res.statusCode, 400, res.body);
      const body = res.json();
      assert.equal(body.code, 'IMPORT_INVALID');
      assert.match(body.message, pattern);
      if (where) assert.ok(body.details.errors.some((e: { row: number; column: string }) => e.row === where.row && where.column.test(e.column)), JSON.stringify(body.details.errors));
    };
    let target = 0;
    await expectRefused(
      await editAndUpload((sheet, rows) => {
        target = rowOf(rows, 'P2592_MECHPART');
        sheet.getRow(target).getCell(7).value = -5;
      }),
      /negative/,
      { row: target, column: /^G/ },
    );
    await expectRefused(
      await editAndUpload((sheet, rows) => {
        target = rowOf(rows, 'P2592_MECHPART');
        sheet.getRow(target).getCell(7).value = 'nhiều';
      }),
      /not a number/,
      { row: target, column: /^G/ },
    );
    await expectRefused(
      await editAndUpload((sheet, rows) => {
        target = rowOf(rows, 'P2592_MECHPART');
        sheet.getRow(target).getCell(1).value = 'P9999_CHANGED';
      }),
      /not an item/,
      { row: target, column: /^A/ },
    );
    await expectRefused(
      await editAndUpload((sheet) => {
        sheet.name = 'Sheet1';
      }),
      /no sheet "BaoCao"/,
    );
    await expectRefused(
      await editAndUpload((sheet) => {
        sheet.getRow(1).getCell(7).value = 'Số lượng';
      }),
      /header/,
      { row: 1, column: /^G/ },
    );
    await expectRefused(await upload(ent, Buffer.from('item,value\nP2592_MECHPART,5\n')), /not a readable XLSX/);
    // In Vietnamese for the entry page (?lang=vi): the column named by its Vietnamese title.
    const vietnamese = await (async () => {
      const workbook = await download(ent);
      const sheet = workbook.getWorksheet('BaoCao');
      assert.ok(sheet);
      target = rowOf(rowsOf(workbook), 'P2592_MECHPART');
      sheet.getRow(target).getCell(7).value = -1;
      return upload(ent, await bytesOf(workbook), url, 'vi');
    })();
    await expectRefused(vietnamese, /^Tệp có 1 lỗi; chưa lưu số liệu nào \(dòng \d+, cột G \(Giá trị\): không được là số âm\)$/, { row: target, column: /^G \(Giá trị\)$/ });
    // A file made for another month cannot be uploaded to this one.
    const older = await download(ent, `/api/reports/IIP_MONTHLY/1/${previousPeriod}`);
    await expectRefused(await upload(ent, await bytesOf(older)), /made for form IIP_MONTHLY/);
    const afterwards = await stored();
    assert.deepEqual(afterwards.items, before.items);
    assert.equal(afterwards.status, before.status);
  });

  it("keeps enterprises to their own reports (403 both ways); officers may download and upload on behalf, leaders only download", async () => {
    const other = `/api/reports/IIP_MONTHLY/2/${period}`;
    assert.equal((await as(t, ent).get(`${other}/template.xlsx`)).statusCode, 403);
    const own = await download(ent);
    const refused = await upload(ent, await bytesOf(own), other);
    assert.equal(refused.statusCode, 403, refused.body);
    const garbage = await upload(ent, Buffer.from('not a workbook'), other);
    assert.equal(garbage.statusCode, 403, 'the permission is checked before the file');
    assert.equal((await as(t, leader).get(`${url}/template.xlsx`)).statusCode, 200);
    assert.equal((await upload(leader, await bytesOf(own))).statusCode, 403);
    const res = await editAndUpload((sheet, rows) => {
      sheet.getRow(rowOf(rows, 'P2592_MECHPART')).getCell(7).value = 1400;
    }, officer);
    assert.equal(res.statusCode, 200, res.body);
    const history = (await as(t, ent).get(`${url}/history`)).json().items;
    assert.ok(history.some((h: { newValue: number; actorName: string }) => h.newValue === 1400 && h.actorName === 'canbo.cn'));
  });

  it('refuses uploads to a locked period like the entry page', async () => {
    const workbook = await download(ent, '/api/reports/IIP_MONTHLY/1/2019-03');
    const rows = rowsOf(workbook);
    const sheet = workbook.getWorksheet('BaoCao');
    assert.ok(sheet);
    sheet.getRow(rowOf(rows, 'P2592_MECHPART')).getCell(7).value = 10;
    const res = await upload(ent, await bytesOf(workbook), '/api/reports/IIP_MONTHLY/1/2019-03');
    assert.equal(res.statusCode, 409, res.body);
    assert.equal(res.json().code, 'PERIOD_LOCKED');
  });
});
