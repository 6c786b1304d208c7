import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client';
import { generateDemoEnterprises, toEnterpriseCsv } from '../demo/demo-enterprises';
import { createTestApp, login, type TSession, type TTestApp } from '../../../tests/helpers/test-app';
import { toSearchWords } from './enterprises.repo';

/**
 * A file that writes at least 20,000 rows and half the registry takes the bulk path of the import:
 * secondary indexes and the foreign keys of the written tables are dropped, the rows written
 * set-wise, then everything is added back (and checked) in the same transaction.
 */
describe('enterprise import, bulk path', () => {
  let t: TTestApp;
  let officer: TSession;
  before(async () => {
    t = await createTestApp();
    officer = await login(t, 'canbo.cn');
  });
  after(async () => t.close());

  const catalog = async () => ({
    indexes: (await queryRows<{ d: string }>(t.database.db, sql`select indexdef as d from pg_indexes where tablename in ('enterprises', 'enterprise_figures') order by indexname`)).map((r) => r.d),
    foreignKeys: (
      await queryRows<{ d: string }>(
        t.database.db,
        sql`select conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid) as d from pg_constraint
            where contype = 'f' and conrelid in ('enterprises'::regclass, 'enterprise_figures'::regclass) order by 1`,
      )
    ).map((r) => r.d),
  });
  const count = async (query: ReturnType<typeof sql>) => Number((await queryRows<{ n: number | string }>(t.database.db, query))[0].n);

  it('loads 20,000 rows: indexes and foreign keys back as they were, rows, figures, audit and vocabulary stored', { timeout: 180_000 }, async () => {
    const before = await catalog();
    assert.equal(before.foreignKeys.length, 2, before.foreignKeys.join('\n'));
    const enterprisesBefore = await count(sql`select count(*) as n from enterprises`);
    const createdBefore = await count(sql`select count(*) as n from audit_log where action = 'enterprise.import_create'`);

    const rows = generateDemoEnterprises({ count: 20_000, seed: 4242, year: 2025, zoneNames: ['KCN Thăng Long'] });
    const csv = toEnterpriseCsv(rows);
    const boundary = '----ctbulk';
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="bulk.csv"\r\nContent-Type: text/csv\r\n\r\n`),
      Buffer.from(csv),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/enterprises/import?dryRun=false',
      headers: { cookie: officer.cookie, 'x-csrf-token': officer.csrf, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: body,
    });
    assert.equal(res.statusCode, 200, res.body.slice(0, 500));
    const result = res.json();
    assert.equal(result.inserted + result.updated + result.unchanged, 20_000);
    assert.ok(result.inserted > 19_000, `${result.inserted} new`);

    assert.deepEqual(await catalog(), before, 'the same indexes and foreign keys after the load');
    assert.equal(await count(sql`select count(*) as n from enterprises`), enterprisesBefore + result.inserted);
    assert.equal(await count(sql`select count(*) as n from audit_log where action = 'enterprise.import_create'`), createdBefore + result.inserted);
    const codes = JSON.stringify(rows.map((r) => r.tax_code));
    const withFigures = rows.filter((r) => r.year).length;
    assert.equal(await count(sql`select count(*) as n from enterprise_figures f join enterprises e on e.id = f.enterprise_id where e.tax_code in (select jsonb_array_elements_text(${codes}::jsonb)) and f.year = 2025`), withFigures);
    assert.equal(await count(sql`select count(*) as n from enterprise_figures where reason is null or rule_version is null`), 0);
    assert.ok((await count(sql`select count(*) as n from enterprises where zone_id is not null`)) > 0, 'some rows are in the zone');

    // The vocabulary holds every word of the names; a name and a tax code are found.
    const sample = rows[777];
    const words = toSearchWords(sample.name_vi ?? '');
    assert.equal(await count(sql`select count(*) as n from search_words where word in (select jsonb_array_elements_text(${JSON.stringify(words)}::jsonb))`), new Set(words).size);
    const byName = (await t.app.inject({ method: 'GET', url: `/api/enterprises?q=${encodeURIComponent(sample.name_vi ?? '')}`, headers: { cookie: officer.cookie } })).json();
    assert.ok(byName.items.some((e: { taxCode: string }) => e.taxCode === sample.tax_code), 'found by its name');
    const byCode = (await t.app.inject({ method: 'GET', url: `/api/enterprises?q=${rows[1234].tax_code}`, headers: { cookie: officer.cookie } })).json();
    assert.equal(byCode.items[0]?.taxCode, rows[1234].tax_code);

    // The foreign keys added back are enforced.
    await assert.rejects(
      t.database.db.execute(sql`insert into enterprise_figures (enterprise_id, year, avg_insured_employees, capital_vnd, size_class, sector_group, rule_version, reason) values (-1, 2025, 1, 1, 'MICRO', 'TRADE_SERVICES', 'x', '{}')`),
      (error: unknown) => /violates foreign key constraint/.test(String((error as { cause?: unknown }).cause ?? error)),
    );
  });
});
