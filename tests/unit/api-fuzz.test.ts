import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, type Method } from '../../shared/api.js';
import { createCore, type Core } from '../../main/api/core.js';
import { openTempApp } from '../support/temp-app.js';

/**
 * Every API method — the loops run over the api table, so a method added later is covered
 * without touching this file — called with malformed, oversized and hostile arguments: each
 * answers with an error envelope in Vietnamese, nothing throws, and no unit, dispatch,
 * document, form, file or setting changes (audit and log entries aside).
 *
 * Three kinds of call: whole inputs of the wrong shape; inputs of the right shape with one
 * field at a time made too long or of the wrong type (the shape is read from the method's zod
 * schema); and, in a folder of its own, well-formed inputs whose every text is a path
 * traversal or SQL — which may be accepted, but must not escape the data folder or touch the
 * schema.
 */

const METHODS = Object.keys(api) as Method[];

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

// ------------------------------------------------------------------ inputs from the schemas

/** The part of JSON Schema that zod's toJSONSchema writes for our inputs. */
interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  minItems?: number;
  maxItems?: number;
}

const inputSchema = (method: Method): JsonSchema => z.toJSONSchema(api[method].input, { io: 'input', unrepresentable: 'any' }) as JsonSchema;

/** Of a union, the first branch that is not null: the one that leads deeper. */
function branch(s: JsonSchema): JsonSchema {
  const options = s.anyOf ?? s.oneOf;
  return options ? branch(options.find((o) => o.type !== 'null') ?? options[0]!) : s;
}

function typeOf(s: JsonSchema): string {
  const t = branch(s).type;
  return (Array.isArray(t) ? t.find((x) => x !== 'null') : t) ?? 'any';
}

/** A plain value of the schema's shape, valid where that is easy (the deeper a bad field sits, the more it tests). */
function sample(schema: JsonSchema): unknown {
  const s = branch(schema);
  if (s.const !== undefined) return s.const;
  if (s.enum) return s.enum[0];
  switch (typeOf(s)) {
    case 'object':
      return Object.fromEntries(Object.entries(s.properties ?? {}).map(([key, value]) => [key, sample(value)]));
    case 'array':
      return Array.from({ length: Math.max(1, s.minItems ?? 1) }, () => sample(s.items ?? {}));
    case 'string':
      return s.pattern?.includes('\\d{4}') ? '2021-11-10' : 'Thử'.padEnd(s.minLength ?? 1, 'x');
    case 'integer':
    case 'number':
      return Math.max(1, s.minimum ?? 1);
    case 'boolean':
      return false;
    default:
      return null;
  }
}

type Path = (string | number)[];

/** Every field of the sample, nested ones too, with its schema. */
function* fields(schema: JsonSchema, at: Path = []): Generator<{ at: Path; schema: JsonSchema }> {
  const s = branch(schema);
  if (typeOf(s) === 'object') {
    for (const [key, value] of Object.entries(s.properties ?? {})) yield* fields(value, [...at, key]);
    return;
  }
  if (at.length) yield { at, schema: s };
  if (typeOf(s) === 'array' && s.items) yield* fields(s.items, [...at, 0]);
}

function withField(value: unknown, at: Path, replacement: unknown): unknown {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let node = copy;
  for (const key of at.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[at.at(-1)!] = replacement;
  return copy;
}

/** One past the limit the schema states; far past any sane one where it states none (which the bound check reports). */
function oversized(s: JsonSchema): unknown {
  if (typeOf(s) === 'string') return 'x'.repeat((s.maxLength ?? 2_000_000) + 1);
  return Array.from({ length: (s.maxItems ?? 100_000) + 1 }, () => sample(s.items ?? {}));
}

const WRONG_TYPE: Record<string, unknown> = { string: 12345, array: '../../etc/passwd', object: [], boolean: 'true', integer: "1' OR '1'='1", number: '1; DROP TABLE units; --' };

/** A text or list of a method's input that has no upper bound (a pattern without repetition is a bound). */
function* unbounded(schema: JsonSchema, at: string): Generator<string> {
  for (const option of schema.anyOf ?? schema.oneOf ?? []) yield* unbounded(option, at);
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  const boundedPattern = schema.pattern !== undefined && schema.pattern.endsWith('$') && !/[*+]/.test(schema.pattern);
  if (types.includes('string') && schema.maxLength === undefined && !schema.enum && schema.const === undefined && !boundedPattern) yield `${at}: văn bản`;
  if (types.includes('array')) {
    if (schema.maxItems === undefined) yield `${at}: danh sách`;
    if (schema.items) yield* unbounded(schema.items, `${at}[]`);
  }
  for (const [key, value] of Object.entries(schema.properties ?? {})) yield* unbounded(value, `${at}.${key}`);
}

// ------------------------------------------------------------------ the app under test

let app: ReturnType<typeof openTempApp>;
let core: Core;
beforeAll(() => {
  app = openTempApp();
  app.loadDemoData();
  core = createCore(app, 'browser');
});
afterAll(() => app.cleanup());

function listFiles(dir: string): string[] {
  return fs.existsSync(dir) ? fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort() : [];
}

/** Every table but the audit log and the search index (which follows the tables), and the file store. */
function snapshot(): string {
  const virtual = app.db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'").pluck().all() as string[];
  const tables = (app.db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[]).filter(
    (t) => t !== 'audit_log' && !virtual.some((v) => t === v || t.startsWith(`${v}_`)),
  );
  return JSON.stringify({ tables: tables.map((t) => [t, app.db.prepare(`SELECT * FROM "${t}"`).all()]), files: listFiles(path.join(app.dataDir, 'files')) });
}

/** An error envelope with a short Vietnamese sentence: no stack, no SQLite code, no echo of a huge input. */
function expectCleanError(response: Awaited<ReturnType<Core['call']>>, what: string): void {
  expect(response.ok, what).toBe(false);
  if (response.ok) return;
  expect(response.error.message, what).toMatch(/[ăâđêôơưáàảãạéèẻẽẹíìỉĩịóòỏõọúùủũụýỳỷỹỵ]/i);
  expect(response.error.message, what).not.toMatch(/at \S+ \(|node_modules|SQLITE_/);
  expect(response.error.message.length, what).toBeLessThan(2_000);
}

describe('API fuzz', () => {
  it('bounds every text and every list of every method', () => {
    const found = METHODS.flatMap((method) => [...new Set(unbounded(inputSchema(method), method))]);
    expect(found).toEqual([]);
  });

  it('answers every hostile call with an error envelope and changes nothing', async () => {
    const before = snapshot();
    const accepted: string[] = [];
    for (const method of METHODS) {
      for (const input of HOSTILE) {
        const response = await core.call(method, input);
        expect(response, `${method} ${JSON.stringify(input)?.slice(0, 60)}`).toHaveProperty('ok');
        if (response.ok) accepted.push(`${method} ← ${JSON.stringify(input)?.slice(0, 40)}`);
        else expectCleanError(response, method);
      }
    }
    expect(snapshot()).toBe(before);
    // Read-only methods without required fields may legitimately accept `{}`-like input; nothing that writes may.
    const writes = accepted.filter((a) => !/^(app\.info|settings\.get|settings\.getWorkRules|groups\.list|units\.list|units\.exportXlsx|dispatches\.list|incoming\.list|incoming\.years|dashboard\.get|search\.query|register\.|tracking\.get|dispatches\.resolve|forms\.sample)/.test(a));
    expect(writes).toEqual([]);
  });

  it('refuses one oversized or wrongly typed field at a time, at any depth, and changes nothing', async () => {
    const before = snapshot();
    let calls = 0;
    for (const method of METHODS) {
      const schema = inputSchema(method);
      const valid = sample(schema);
      for (const { at, schema: field } of fields(schema)) {
        for (const [kind, bad] of [
          ['quá dài', oversized(field)],
          ['sai kiểu', WRONG_TYPE[typeOf(field)] ?? Symbol('không phải JSON')],
        ] as const) {
          if (kind === 'quá dài' && !['string', 'array'].includes(typeOf(field))) continue;
          calls++;
          expectCleanError(await core.call(method, withField(valid, at, bad)), `${method} ${at.join('.')} ${kind}`);
        }
      }
    }
    expect(snapshot()).toBe(before);
    expect(calls).toBeGreaterThan(METHODS.length * 2);
  });

  it('does not let an input pollute object prototypes', async () => {
    await core.call('units.create', JSON.parse('{"name":"Thử","__proto__":{"polluted":true}}'));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('well-formed inputs whose texts are path traversal and SQL', () => {
  const ESCAPE = 'vanthu-fuzz-escape.txt';
  // (An absolute folder is not among them: the backup folder may be any folder the clerk names.)
  const TEXTS = [`../../${ESCAPE}`, `..\\..\\${ESCAPE}`, "x'); DROP TABLE units; --", '" OR 1=1 --', '%00\u0000; PRAGMA writable_schema=1'];

  it('never lets a name leave the data folder nor SQL reach the schema', async () => {
    const own = openTempApp();
    const ownCore = createCore(own, 'browser');
    try {
      const schemaBefore = own.db.prepare('SELECT type, name, sql FROM sqlite_schema ORDER BY name').all();
      for (const method of METHODS) {
        const schema = inputSchema(method);
        for (const text of TEXTS) {
          let input = sample(schema);
          for (const { at, schema: field } of fields(schema)) if (typeOf(field) === 'string') input = withField(input, at, text);
          const response = await ownCore.call(method, input);
          if (!response.ok) expectCleanError(response, `${method} ${text}`);
        }
      }
      // A restore among the calls reopens the folder: ask the core for the app it holds now.
      expect(ownCore.app.db.prepare('SELECT type, name, sql FROM sqlite_schema ORDER BY name').all()).toEqual(schemaBefore);
      expect(ownCore.app.db.pragma('integrity_check', { simple: true })).toBe('ok');
      for (const base of [own.dataDir, path.join(own.dataDir, 'files'), process.cwd()]) {
        expect(fs.existsSync(path.resolve(base, '../..', ESCAPE)), base).toBe(false);
      }
      // What was stored went into the store under its SHA-256, nowhere else.
      expect(listFiles(path.join(own.dataDir, 'files')).filter((f) => !/^(\.tmp|[0-9a-f]{2}(\/[0-9a-f]{2}(\/[0-9a-f]{64})?)?)$/.test(f))).toEqual([]);
    } finally {
      own.cleanup();
    }
  }, 120_000);
});
