import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../main/cli/index.js';
import { tempDataDir } from '../support/temp-app.js';
import { reportDocx, reportEml } from '../support/report-samples.js';

/**
 * Keeps docs/cli.md in step with the code: every JSON example there is compared with the
 * shape of what the command really prints, and the exit codes follow DESIGN §5.
 */

const doc = fs.readFileSync(path.resolve(import.meta.dirname, '../../docs/cli.md'), 'utf8');

function documented(name: string): unknown {
  const match = new RegExp(`<!-- shape: ${name.replace(/[()]/g, '\\$&')} -->\\s*\`\`\`json\\n([\\s\\S]*?)\`\`\``).exec(doc);
  if (!match) throw new Error(`docs/cli.md has no shape "${name}"`);
  return JSON.parse(match[1]!);
}

/**
 * Where `actual` differs from the shape of `example`, or null. Every key of the example must be
 * in the actual value with the same type; null in the example allows any type; each item of an
 * actual array must match one of the example's items (examples list one item per variant);
 * an empty array matches.
 */
function shapeMismatch(actual: unknown, example: unknown, where = '$'): string | null {
  if (example === null || actual === null) return null;
  if (Array.isArray(example)) {
    if (!Array.isArray(actual)) return `${where} is not an array`;
    for (const [i, item] of actual.entries()) {
      const misses = example.map((variant) => shapeMismatch(item, variant, `${where}[${i}]`));
      if (example.length && misses.every((m) => m !== null)) return misses[0]!;
    }
    return null;
  }
  if (typeof example === 'object') {
    if (typeof actual !== 'object') return `${where} is not an object`;
    const keys = Object.keys(actual as object).sort().join(',');
    const expected = Object.keys(example as object).sort().join(',');
    if (keys !== expected) return `${where} has keys ${keys}, documented ${expected}`;
    for (const [key, value] of Object.entries(example as object)) {
      const miss = shapeMismatch((actual as Record<string, unknown>)[key], value, `${where}.${key}`);
      if (miss) return miss;
    }
    return null;
  }
  return typeof actual === typeof example ? null : `${where} is ${typeof actual}, documented ${typeof example}`;
}

function expectShape(actual: unknown, example: unknown): void {
  expect(shapeMismatch(actual, example)).toBeNull();
}

async function run(...args: string[]): Promise<{ code: number; json: unknown }> {
  const lines: string[] = [];
  const code = await main(['--json', ...args], (t) => lines.push(t));
  return { code, json: JSON.parse(lines.join('\n')) };
}

let dir: string;
beforeAll(() => {
  dir = tempDataDir();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('vanthu command line, as documented in docs/cli.md', () => {
  it('init --demo', async () => {
    const r = await run('--data', dir, 'init', '--demo');
    expect(r.code).toBe(0);
    expectShape(r.json, documented('init --demo'));
    expect(r.json).toMatchObject({ created: true, demo: { unitsAdded: 41 } });
  });

  it('units list', async () => {
    const r = await run('--data', dir, 'units', 'list');
    expect(r.code).toBe(0);
    expectShape(r.json, documented('units list'));
    expect((r.json as unknown[]).length).toBe(41);
  });

  it('units export, then import of the same file', async () => {
    const file = path.join(dir, 'Danh sách đơn vị.xlsx');
    const exported = await run('--data', dir, 'units', 'export', file);
    expect(exported.code).toBe(0);
    expectShape(exported.json, documented('units export'));
    const imported = await run('--data', dir, 'units', 'import', file);
    expect(imported.code).toBe(0);
    expectShape(imported.json, documented('units import'));
    expect(imported.json).toMatchObject({ unchanged: 41, created: 0, updated: 0 });
  });

  it('units import with a bad row exits 1 with the rows', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Đơn vị nhận').addRows([['Tên đơn vị', 'Email'], ['Sở Mới', 'khong-phai-email']]);
    const file = path.join(dir, 'sai.xlsx');
    fs.writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
    const r = await run('--data', dir, 'units', 'import', file);
    expect(r.code).toBe(1);
    expectShape(r.json, documented('units import (invalid rows)'));
  });

  it('a user error exits 1 and a usage error exits 2, both as JSON', async () => {
    const missing = await run('--data', dir, 'units', 'import', path.join(dir, 'không có.xlsx'));
    expect(missing.code).toBe(1);
    expectShape(missing.json, documented('error'));
    const usage = await run('--data', dir, 'units', 'frobnicate');
    expect(usage.code).toBe(2);
    expect(usage.json).toMatchObject({ error: { code: 'usage' } });
    const unknown = await run('--data', dir, 'bogus');
    expect(unknown.code).toBe(2);
  });

  it('dispatch list shows the demo dispatch 864 as documented', async () => {
    const r = await run('--data', dir, 'dispatch', 'list');
    expect(r.code).toBe(0);
    expectShape(r.json, documented('dispatch list'));
    expect(r.json).toEqual([expect.objectContaining({ number: 864, symbol: 'STTTT-TTBCBC', issueDate: '2021-08-03', status: 'issued' })]);
  });

  it('dispatch create from the documented example, issue by reference, then void', async () => {
    const example = path.resolve(import.meta.dirname, '../../docs/dispatch-864.json');
    const created = await run('--data', dir, 'dispatch', 'create', example);
    expect(created.code).toBe(0);
    expectShape(created.json, (documented('dispatch list') as unknown[])[0]);
    const id = String((created.json as { id: number }).id);
    const taken = await run('--data', dir, 'dispatch', 'issue', id, '--number', '864', '--date', '2021-09-01');
    expect(taken).toMatchObject({ code: 1, json: { error: { code: 'number_taken' } } });
    const issued = await run('--data', dir, 'dispatch', 'issue', id, '--date', '2022-08-03', '--number', '864');
    expect(issued).toMatchObject({ code: 0, json: { number: 864, issueDate: '2022-08-03' } });
    const ambiguous = await run('--data', dir, 'dispatch', 'void', '864/STTTT-TTBCBC', '--reason', 'Thử');
    expect(ambiguous.code).toBe(1);
    expectShape(ambiguous.json, documented('ambiguous'));
    const voided = await run('--data', dir, 'dispatch', 'void', '864/STTTT-TTBCBC', '--year', '2022', '--reason', 'Thử hủy');
    expect(voided).toMatchObject({ code: 0, json: { status: 'voided', voidReason: 'Thử hủy', number: 864 } });
    const badFile = path.join(dir, 'cv.json');
    fs.writeFileSync(badFile, JSON.stringify({ subject: 'x', recipients: [{ unit: 'Sở Không Có' }], body: ['a'] }));
    expect(await run('--data', dir, 'dispatch', 'create', badFile)).toMatchObject({ code: 1, json: { error: { code: 'unknown_unit' } } });
  });

  it('dispatch render writes the .docx and the .html of 864', async () => {
    const docx = path.join(dir, '864.docx');
    const r = await run('--data', dir, 'dispatch', 'render', '864/STTTT-TTBCBC', '--year', '2021', '--out', docx);
    expect(r.code).toBe(0);
    expectShape(r.json, documented('dispatch render'));
    expect(fs.readFileSync(docx).subarray(0, 2).toString()).toBe('PK');
    const html = path.join(dir, '864.html');
    expect((await run('--data', dir, 'dispatch', 'render', '864/STTTT-TTBCBC', '--year', '2021', '--out', html)).code).toBe(0);
    expect(fs.readFileSync(html, 'utf8')).toContain('Số: 864/STTTT-TTBCBC');
    expect((await run('--data', dir, 'dispatch', 'render', '1', '--out', path.join(dir, 'x.odt'))).code).toBe(2);
  });

  it('import registers an e-mailed report and prints one result per entry, as documented', async () => {
    const eml = path.join(dir, 'Báo cáo Kiên Lương.eml');
    fs.writeFileSync(
      eml,
      await reportEml({
        from: 'ubndkienluong@kiengiang.gov.vn',
        date: '2021-11-10T09:30:00+07:00',
        messageId: '<cli-15@kienluong>',
        attachments: [{ filename: 'Báo cáo 15-BC-UBND.docx', content: reportDocx({ number: 15, symbol: 'BC-UBND', place: 'Kiên Lương', date: [10, 11, 2021], title: 'Kết quả tuyên truyền phòng, chống rác thải nhựa năm 2021', year: 2021 }) }],
      }),
    );
    const empty = path.join(dir, 'rỗng.pdf');
    fs.writeFileSync(empty, '');
    const r = await run('--data', dir, 'import', eml, empty);
    expect(r.code).toBe(0);
    expectShape(r.json, documented('import'));
    expect(r.json).toEqual([
      expect.objectContaining({ file: 'Báo cáo Kiên Lương.eml', attachment: 'Báo cáo 15-BC-UBND.docx', status: 'registered', arrivalNumber: 1, arrivalYear: 2021 }),
      expect.objectContaining({ file: 'rỗng.pdf', attachment: null, status: 'needs_review' }),
    ]);
    const again = await run('--data', dir, 'import', eml);
    expect(again).toMatchObject({ code: 0, json: [{ status: 'duplicate', arrivalNumber: null }] });
    expect((await run('--data', dir, 'import', path.join(dir, 'không có.eml'))).code).toBe(1);
    const sheet = path.join(dir, 'Sổ đến 2021.xlsx');
    expect((await run('--data', dir, 'register', 'in', '--year', '2021', '--out', sheet)).json).toMatchObject({ rows: 1 });
  });

  it('tracking and remind on 864 for 2021, as documented', async () => {
    const one = await run('--data', dir, 'tracking', '864/STTTT-TTBCBC', '--year', '2021', '--period', '2021', '--today', '2021-11-20');
    expect(one.code).toBe(0);
    expectShape(one.json, documented('tracking'));
    expect(one.json).toMatchObject({ period: { key: '2021', dueDate: '2021-11-14' }, counts: { expected: 41, onTime: 1, missing: 40 } });
    const all = await run('--data', dir, 'tracking', '864/STTTT-TTBCBC', '--year', '2021', '--today', '2021-11-20');
    expect((all.json as unknown[]).length).toBe(5);
    const docx = path.join(dir, 'Đôn đốc.docx');
    const remind = await run('--data', dir, 'remind', '864/STTTT-TTBCBC', '--year', '2021', '--period', '2021', '--today', '2021-11-20', '--out', docx);
    expect(remind.code).toBe(0);
    // docs/cli.md abbreviates `dispatch`: it is the whole dispatch, documented under `dispatch list`.
    expectShape(remind.json, { ...(documented('remind') as object), dispatch: (documented('dispatch list') as unknown[])[0] });
    expect(remind.json).toMatchObject({ dispatch: { status: 'draft', number: null } });
    expect(fs.readFileSync(docx).subarray(0, 2).toString()).toBe('PK');
  });

  it('form writes the data form of 864 for a unit named without diacritics, as documented', async () => {
    const file = path.join(dir, 'bieu.xlsx');
    const r = await run('--data', dir, 'form', '864/STTTT-TTBCBC', '--year', '2021', '--unit', 'ubnd huyen kien luong', '--period', '2021', '--out', file);
    expect(r.code).toBe(0);
    expectShape(r.json, documented('form'));
    expect(r.json).toMatchObject({ file, unit: { name: 'UBND huyện Kiên Lương' }, periodKey: '2021', form: { version: 1 } });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.getWorksheet('Biểu số liệu')!.getCell('C4').value).toBe('UBND huyện Kiên Lương');
    const blank = await run('--data', dir, 'form', '864/STTTT-TTBCBC', '--year', '2021', '--out', path.join(dir, 'trong.xlsx'));
    expect(blank.json).toMatchObject({ unit: null, periodKey: null, fileName: 'Bieu-so-lieu_864-STTTT-TTBCBC_Mau-trong.xlsx' });
    const ambiguous = await run('--data', dir, 'form', '864/STTTT-TTBCBC', '--year', '2021', '--unit', 'UBND huyện', '--out', file);
    expect(ambiguous).toMatchObject({ code: 1, json: { error: { code: 'ambiguous', message: expect.stringContaining('UBND huyện Kiên Lương (mã') } } });
    expect((await run('--data', dir, 'form', '864/STTTT-TTBCBC', '--year', '2021', '--out', file, '--period', '2030')).json).toMatchObject({ error: { code: 'unknown_period' } });
  });

  it('report on 864 for 2021 drafts the Báo cáo and its appendix, as documented', async () => {
    const docx = path.join(dir, 'Báo cáo tổng hợp.docx');
    const xlsx = path.join(dir, 'Phụ lục.xlsx');
    const r = await run('--data', dir, 'report', '864/STTTT-TTBCBC', '--year', '2021', '--period', '2021', '--today', '2021-11-20', '--out', docx, '--xlsx', xlsx);
    expect(r.code).toBe(0);
    expectShape(r.json, { ...(documented('report') as object), dispatch: (documented('dispatch list') as unknown[])[0] });
    expect(r.json).toMatchObject({ xlsx, dispatch: { status: 'draft', number: null, documentType: 'bao_cao', symbol: 'BC-STTTT', reportSource: { periodKey: '2021' } } });
    expect(fs.readFileSync(docx).subarray(0, 2).toString()).toBe('PK');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(fs.readFileSync(xlsx) as unknown as ArrayBuffer);
    expect(book.getWorksheet('Tình hình báo cáo')).toBeDefined();
    const issued = await run('--data', dir, 'report', '864/STTTT-TTBCBC', '--year', '2021', '--period', '2021', '--today', '2021-11-20', '--out', docx, '--issue');
    // One sequence for every type by default (nd30 §5 leaves the choice to the agency): 865 follows 864.
    expect(issued.json).toMatchObject({ xlsx: null, dispatch: { status: 'issued', number: 865, issueDate: '2021-11-20', symbol: 'BC-STTTT' } });
    expect((await run('--data', dir, 'report', '864/STTTT-TTBCBC', '--year', '2021', '--period', '2030', '--out', docx)).json).toMatchObject({ error: { code: 'unknown_period' } });
    expect((await run('--data', dir, 'report', '864/STTTT-TTBCBC', '--out', docx)).code).toBe(2);
  });

  it('search finds the imported report without diacritics, as documented', async () => {
    const r = await run('--data', dir, 'search', 'tuyen', 'truyen', 'rac', 'thai');
    expect(r.code).toBe(0);
    expectShape(r.json, documented('search'));
    expect((r.json as { kind: string }[]).some((h) => h.kind === 'incoming')).toBe(true);
    expect((await run('--data', dir, 'search')).code).toBe(2);
  });

  it('search filters by kind, year, unit, dispatch and status, as documented', async () => {
    const kinds = async (...args: string[]): Promise<string[]> => {
      const r = await run('--data', dir, 'search', ...args);
      expect(r.code, JSON.stringify(r.json)).toBe(0);
      expectShape(r.json, documented('search'));
      return [...new Set((r.json as { kind: string }[]).map((h) => h.kind))].sort();
    };
    // The e-mail and its attachment are found by their names, and open the document they came with.
    const files = (await run('--data', dir, 'search', 'kien luong', '--type', 'file')).json as { kind: string; title: string; documentId: number }[];
    expect(files.map((f) => f.title).sort()).toEqual(['Báo cáo Kiên Lương.eml']);
    expect(files[0]!.documentId).toBeGreaterThan(0);
    expect(await kinds('rac thai nhua')).toEqual(['dispatch', 'incoming']);
    // 864/STTTT-TTBCBC was also issued in 2022 above: the reference is ambiguous, the id is not.
    expect((await run('--data', dir, 'search', 'rac', '--dispatch', '864/STTTT-TTBCBC')).json).toMatchObject({ error: { code: 'ambiguous', message: expect.stringContaining('--dispatch') } });
    expect(await kinds('rac thai nhua', '--dispatch', '1')).toEqual(['incoming']);
    expect(await kinds('rac thai nhua', '--unit', 'UBND huyen Kien Luong', '--year', '2021')).toEqual(['dispatch', 'incoming']);
    expect(await kinds('rac thai nhua', '--status', 'issued')).toEqual(['dispatch']);
    expect(await kinds('rac thai nhua', '--year', '2020')).toEqual([]);
    expect((await run('--data', dir, 'search', 'rac', '--type', 'paper')).code).toBe(2);
    expect((await run('--data', dir, 'search', 'rac', '--unit', 'Không có đơn vị này')).json).toMatchObject({ error: { code: 'not_found' } });
  });

  it('ocr --status and ocr, as documented: nothing waits after importing text documents', async () => {
    const status = await run('--data', dir, 'ocr', '--status');
    expect(status.code).toBe(0);
    expectShape(status.json, documented('ocr --status'));
    expect(status.json).toMatchObject({ enabled: true, pendingPages: 0, current: null });
    const r = await run('--data', dir, 'ocr');
    expect(r.code).toBe(0);
    expectShape(r.json, documented('ocr'));
    expect(r.json).toMatchObject({ pagesRead: 0, secondsPerPage: null });
    expect((await run('--data', dir, 'ocr', 'thêm')).code).toBe(2);
  });

  it('backup, then restore into another folder, as documented', async () => {
    const file = path.join(dir, 'Sao lưu.vanthu-backup');
    const b = await run('--data', dir, 'backup', '--out', file);
    expect(b.code).toBe(0);
    expectShape(b.json, documented('backup'));
    const target = path.join(dir, 'khôi phục');
    const r = await run('--data', target, 'restore', file);
    expect(r.code).toBe(0);
    expectShape(r.json, documented('restore'));
    const restoredUnits = await run('--data', target, 'units', 'list');
    expect((restoredUnits.json as unknown[]).length).toBe(41);
    expect(await run('--data', target, 'restore', path.join(dir, 'cv.json'))).toMatchObject({ code: 1, json: { error: { code: 'invalid_backup' } } });
  });

  it('register out writes the year\'s outgoing register with the decree\'s columns', async () => {
    const file = path.join(dir, 'Sổ đi 2021.xlsx');
    const r = await run('--data', dir, 'register', 'out', '--year', '2021', '--out', file);
    expect(r.code).toBe(0);
    expectShape(r.json, documented('register out'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const sheet = wb.worksheets[0]!;
    expect(sheet.getRow(4).getCell(1).value).toBe('Số, ký hiệu văn bản');
    expect(sheet.getRow(4).getCell(10).value).toBe('Ghi chú');
    expect(sheet.getRow(6).getCell(1).value).toBe('864/STTTT-TTBCBC');
    expect(sheet.getRow(6).getCell(2).value).toBe('03/08/2021');
    expect(sheet.pageSetup.orientation).toBe('landscape');
    expect((await run('--data', dir, 'register', 'sideways', '--year', '2021', '--out', file)).code).toBe(2);
  });

  it('--help lists exactly the commands documented, in Vietnamese', async () => {
    const lines: string[] = [];
    expect(await main(['--help'], (t) => lines.push(t))).toBe(0);
    const help = lines.join('\n');
    expect(help).toContain('Cách dùng');
    for (const command of ['init [--demo]', 'units list', 'units import', 'units export', 'dispatch list', 'dispatch create', 'dispatch issue', 'dispatch void', 'dispatch render', 'import', 'tracking', 'remind', 'form', 'report', 'register out|in', 'search', 'ocr [--status]', 'backup', 'restore', 'serve [--port N]']) {
      expect(help).toContain(command);
      const [verb, variants] = command.split(' [')[0]!.split(' ');
      for (const variant of variants?.split('|') ?? ['']) expect(doc).toContain(`## \`${verb}${variant ? ` ${variant}` : ''}`);
    }
  });

  it('serve prints its URL as documented and answers on 127.0.0.1 with the token', async () => {
    const bin = path.resolve(import.meta.dirname, '../../bin/vanthu.mjs');
    const built = path.resolve(import.meta.dirname, '../../dist/cli/vanthu.mjs');
    if (!fs.existsSync(built)) {
      console.log('Bỏ qua kiểm tra "serve": chưa dựng dist/ (chạy "npm run build").');
      return;
    }
    const child = spawn(process.execPath, [bin, '--data', dir, '--json', 'serve'], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      const line = await new Promise<string>((resolve, reject) => {
        child.stdout.once('data', (c: Buffer) => resolve(c.toString().trim()));
        child.once('exit', (code) => reject(new Error(`serve exited ${code}`)));
      });
      const info = JSON.parse(line) as { url: string; port: number };
      expectShape(info, documented('serve'));
      const token = new URL(info.url).searchParams.get('token')!;
      const res = await fetch(`http://127.0.0.1:${info.port}/api/units.list`, {
        method: 'POST',
        headers: { 'x-vanthu-token': token, 'content-type': 'application/json' },
        body: JSON.stringify({ query: 'kien luong' }),
      });
      const body = (await res.json()) as { ok: boolean; result: { name: string }[] };
      expect(body.result.map((u) => u.name)).toEqual(['UBND huyện Kiên Lương']);
    } finally {
      child.kill('SIGTERM');
    }
  });
});
