import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { generateScaleData, type ScaleSize } from '../bench/scale-generate.js';
import { generateScaleFolder } from '../bench/scale-bench.js';
import { openApp } from '../../main/app/open-app.js';
import { tempDataDir } from '../support/temp-app.js';

/** The benchmark's ten-year generator, at a size a unit test affords: same seed, same registry. */

const SMALL: ScaleSize = { seed: 42, firstYear: 2020, years: 2, docsPerYear: 40, dispatches: 15, units: 60 };
const dirs: string[] = [];
const newDir = (): string => {
  const d = tempDataDir('bench');
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

/** What the registry holds, without the wall-clock timestamps. */
function contents(dir: string) {
  const db = new Database(path.join(dir, 'vanthu.db'), { readonly: true });
  try {
    const all = (sql: string) => db.prepare(sql).all();
    return {
      counts: db
        .prepare(`SELECT (SELECT count(*) FROM units) AS units, (SELECT count(*) FROM dispatches) AS dispatches, (SELECT count(*) FROM incoming_documents) AS incoming,
                  (SELECT count(*) FROM incoming_documents WHERE status = 'needs_review') AS review, (SELECT count(*) FROM incoming_files) AS files`)
        .get(),
      units: all('SELECT name, group_id FROM units ORDER BY id'),
      dispatches: all('SELECT status, year, number, symbol, issue_date, subject FROM dispatches ORDER BY id'),
      incoming: all(`SELECT status, source, arrival_year, arrival_number, received_date, agency, number, symbol, doc_type, subject, unit_id, dispatch_id,
                            period_key, forwarded_to, full_text FROM incoming_documents ORDER BY id`),
    };
  } finally {
    db.close();
  }
}

describe('the scale generator', () => {
  it('builds the same registry from the same seed, and another from another seed', async () => {
    const [a, b, c] = [newDir(), newDir(), newDir()];
    const summary = await generateScaleData(a, SMALL);
    await generateScaleData(b, SMALL);
    await generateScaleData(c, { ...SMALL, seed: 43 });
    expect(summary).toMatchObject({ units: 60, dispatches: 15, incoming: 80 });
    const first = contents(a);
    expect(first.counts).toMatchObject({ units: 60, dispatches: 15, incoming: 80 });
    expect(contents(b)).toEqual(first);
    expect(contents(c).incoming.slice(0, 5)).not.toEqual(first.incoming.slice(0, 5));
  });

  it('writes through the real schema: the documents are in their registers, searchable, and the folder opens', async () => {
    const dir = newDir();
    await generateScaleData(dir, SMALL);
    const app = openApp({ dataDir: dir });
    try {
      expect(app.incoming.registerPage(2021, { offset: 0, limit: 5 }).total).toBe(SMALL.docsPerYear);
      expect(app.incoming.years()).toEqual([2021, 2020]);
      const [doc] = app.incoming.list({ status: null, year: 2020 }, { offset: 0, limit: 1 });
      const word = doc!.subject!.split(' ').slice(0, 2).join(' ');
      expect(app.search.search(word, { type: 'incoming', year: 2020 }).map((h) => h.id)).toContain(doc!.id);
      // Numbers follow dates within a year's register of dispatches.
      const register = app.dispatches.register(2020);
      const dates = register.map((d) => d.issueDate!);
      expect(dates).toEqual([...dates].sort());
    } finally {
      app.close();
    }
  });

  it('replaces a folder it generated, and refuses one holding other data', async () => {
    const generated = newDir();
    await generateScaleFolder(generated, () => {}, SMALL);
    await generateScaleFolder(generated, () => {}, SMALL);
    expect(contents(generated).counts).toMatchObject({ incoming: 80 });
    const other = newDir();
    openApp({ dataDir: other }).close();
    await expect(generateScaleFolder(other, () => {}, SMALL)).rejects.toThrow(/đã có dữ liệu khác/);
    expect(fs.existsSync(path.join(other, 'vanthu.db'))).toBe(true);
  });
});
