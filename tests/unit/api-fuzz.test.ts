import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, type Method } from '../../shared/api.js';
import { createCore, type Core } from '../../main/api/core.js';
import { openTempApp } from '../support/temp-app.js';

/**
 * Every API method called with malformed, oversized and hostile arguments: each answers with
 * an error envelope in Vietnamese, nothing throws, and no unit, dispatch, document or setting
 * changes (audit and log entries aside).
 */

let app: ReturnType<typeof openTempApp>;
let core: Core;
beforeAll(() => {
  app = openTempApp();
  app.loadDemoData();
  core = createCore(app, 'browser');
});
afterAll(() => app.cleanup());

const HOSTILE: unknown[] = [
  null,
  42,
  'x',
  [],
  [1, 2, 3],
  { id: -1 },
  { id: 1.5 },
  { id: '1; DROP TABLE units; --' },
  { id: Number.MAX_SAFE_INTEGER + 10 },
  { query: 'x'.repeat(100_000) },
  { name: 'x'.repeat(100_000) },
  { paths: ['../../../../etc/passwd'] },
  { fileName: '../../evil', base64: '!!!not-base64!!!' },
  { __proto__: { polluted: true }, id: 1 },
  { constructor: { prototype: { polluted: true } } },
  { year: '2021 OR 1=1' },
  { dispatchId: "1' OR '1'='1", periodKey: '2021' },
  { unexpected: true },
];

function snapshot(): string {
  const tables = ['units', 'unit_groups', 'unit_emails', 'unit_aliases', 'dispatches', 'dispatch_units', 'incoming_documents', 'incoming_files', 'settings', 'obligation_exemptions'];
  return JSON.stringify(tables.map((t) => app.db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()));
}

describe('API fuzz', () => {
  it('answers every hostile call with an error envelope and changes nothing', async () => {
    const before = snapshot();
    const accepted: string[] = [];
    for (const method of Object.keys(api) as Method[]) {
      for (const input of HOSTILE) {
        const response = await core.call(method, input);
        expect(response, `${method} ${JSON.stringify(input)?.slice(0, 60)}`).toHaveProperty('ok');
        if (response.ok) {
          accepted.push(`${method} ← ${JSON.stringify(input)?.slice(0, 40)}`);
          continue;
        }
        expect(response.error.message).toMatch(/[ăâđêôơưáàảãạéèẻẽẹíìỉĩịóòỏõọúùủũụýỳỷỹỵ]/i);
        expect(response.error.message).not.toMatch(/at \S+ \(|node_modules|SQLITE_/);
      }
    }
    expect(snapshot()).toBe(before);
    // Read-only methods without required fields may legitimately accept `{}`-like input; nothing that writes may.
    const writes = accepted.filter((a) => !/^(app\.info|settings\.get|settings\.getWorkRules|groups\.list|units\.list|units\.exportXlsx|dispatches\.list|incoming\.list|dashboard\.get|search\.query|register\.|tracking\.get|dispatches\.resolve)/.test(a));
    expect(writes).toEqual([]);
  });

  it('does not let an input pollute object prototypes', async () => {
    await core.call('units.create', JSON.parse('{"name":"Thử","__proto__":{"polluted":true}}'));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
