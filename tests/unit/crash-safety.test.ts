import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, checkFolder, exactlyOnceProblems, readFolder, runCrashCampaign, sampleFolders, tempDir, writeCorpus, type Cli, type Corpus, type FolderState } from '../support/crash-campaign.js';
import { DispatchContent } from '../../shared/domain/dispatch.js';
import { openApp } from '../../main/app/open-app.js';
import { RECOVERED_REASON } from '../../main/intake/recovery.js';

/**
 * Issue 8, "crash safety, proven": the real `vanthu` CLI, killed with SIGKILL at the chosen
 * points of main/app/crash-points.ts and at seeded random moments of an import of 200 files.
 * After each kill `vanthu` reopens the folder, which is then checked from outside
 * (tests/support/crash-campaign.ts): integrity_check, every entry's files whole in the store,
 * no file in the store that belongs to no entry, số đến without gap or repeat; in the end each
 * document is registered exactly once, as in an import that was never interrupted.
 *
 * CI size: 12 random kills. Long mode: VANTHU_CRASH_LONG=1 (50 kills), or `npm run bench -- --crash`.
 * VANTHU_CRASH_KILLS and VANTHU_CRASH_SEED override the number of kills and the seed.
 */

const LONG = process.env.VANTHU_CRASH_LONG === '1';
const KILLS = Number(process.env.VANTHU_CRASH_KILLS ?? (LONG ? 50 : 12));
const SEED = Number(process.env.VANTHU_CRASH_SEED ?? 2025);
const HOOKS = { VANTHU_TEST_HOOKS: '1' };

let cli: Cli;
let work: string;
let corpus: Corpus;
let reference: FolderState;
/** The folders of the chosen points, with the sample data. */
const folders = ['after-store', 'mid-register', 'mid-number'];
beforeAll(async () => {
  cli = buildCli();
  work = tempDir('điểm tắt');
  corpus = await writeCorpus(path.join(work, 'Văn bản đến'), 12);
  const dir = path.join(work, 'tham chiếu');
  sampleFolders(dir, ...folders.map((f) => path.join(work, f)));
  expect(cli.run(dir, ['import', corpus.dir]).status).toBe(0);
  reference = checkFolder(dir).state;
}, 120_000);
afterAll(() => {
  cli?.cleanup();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

/** A fresh folder with the sample data, the corpus imported until the process kills itself at `point`, then reopened. */
function importUntilKilledAt(point: string): { dataDir: string; state: FolderState } {
  const dataDir = path.join(work, point.split('@')[0]!);
  const crashed = cli.run(dataDir, ['import', corpus.dir], { ...HOOKS, VANTHU_TEST_CRASH_AT: point });
  expect(crashed.signal).toBe('SIGKILL');
  expect(cli.run(dataDir, ['init']).status).toBe(0);
  const { problems, state } = checkFolder(dataDir);
  expect(problems).toEqual([]);
  return { dataDir, state };
}

function importToTheEnd(dataDir: string): void {
  expect(cli.run(dataDir, ['import', corpus.dir]).status).toBe(0);
  const { problems, state } = checkFolder(dataDir);
  expect(problems).toEqual([]);
  expect(exactlyOnceProblems(state, reference, corpus)).toEqual([]);
}

const recoveredFiles = (dataDir: string): string[] =>
  readFolder(dataDir, (db) => db.prepare('SELECT f.file_name FROM incoming_files f JOIN incoming_documents d ON d.id = f.document_id WHERE d.review_reason = ? ORDER BY f.id').pluck().all(RECOVERED_REASON) as string[]);

describe('killed at a chosen point', () => {
  it('after a file is stored, before its row commits: the file is in the review queue at the next start, and a re-run registers each document once', () => {
    // The 6th file stored is 0004.docx, after 0001, 0002 and the e-mail 0003 with its two reports (two entries).
    const { dataDir, state } = importUntilKilledAt('after-store@6');
    expect(state).toMatchObject({ documents: 5, recovered: 1 });
    expect(recoveredFiles(dataDir)).toEqual(['0004.docx']);
    importToTheEnd(dataDir);
  }, 60_000);

  it('in the middle of the register transaction: the entry is rolled back whole, its files come back for review, nothing is registered twice', () => {
    const { dataDir, state } = importUntilKilledAt('mid-register@3');
    // Entries 1 and 2 committed; the 3rd, the first report of the e-mail 0003.eml, was rolled back: the
    // e-mail's files come back together as one entry, which the re-run splits into its two reports again.
    expect(state).toMatchObject({ documents: 3, recovered: 1 });
    expect(recoveredFiles(dataDir)).toEqual(['0003.eml', 'Báo cáo 0003.docx', 'Báo cáo 0003 (2).docx']);
    importToTheEnd(dataDir);
  }, 60_000);

  it('while a dispatch number is assigned: no gap, no number given twice', () => {
    const dataDir = path.join(work, 'mid-number');
    const app = openApp({ dataDir });
    const content = DispatchContent.parse(app.dispatches.list({ status: 'issued' })[0]);
    const ids = [1, 2, 3].map(() => app.dispatches.createDraft(content).id);
    app.close();
    const issue = (id: number, env = {}) => cli.run(dataDir, ['dispatch', 'issue', String(id), '--date', '2026-03-02'], env);
    const numbers = () =>
      readFolder(dataDir, (db) => db.prepare(`SELECT status, number FROM dispatches WHERE id IN (${ids.join(', ')}) ORDER BY id`).all() as { status: string; number: number | null }[]);
    expect(issue(ids[0]!).status).toBe(0);
    expect(issue(ids[1]!, { ...HOOKS, VANTHU_TEST_CRASH_AT: 'mid-number' }).signal).toBe('SIGKILL');
    expect(cli.run(dataDir, ['init']).status).toBe(0);
    expect(checkFolder(dataDir).problems).toEqual([]);
    expect(numbers().map((d) => [d.status, d.number])).toEqual([['issued', 1], ['draft', null], ['draft', null]]);

    for (const id of ids.slice(1)) expect(issue(id).status).toBe(0);
    expect(numbers().map((d) => d.number)).toEqual([1, 2, 3]);
  }, 60_000);
});

describe('killed at random moments', () => {
  it(`imports 200 files through ${KILLS} SIGKILLs (seed ${SEED}) and registers each document exactly once`, async () => {
    const report = await runCrashCampaign({ files: 200, kills: KILLS, seed: SEED });
    console.log(
      `Crash test: ${report.kills} lần SIGKILL (${report.killedMidRun} khi đang nhập), ${report.recoveredEntries} văn bản khôi phục, ` +
        `${report.completedImports} lần nhập đến cuối; ${report.files} tệp, ${report.entries} văn bản đến; nhập trọn ${report.cleanImportSeconds.toFixed(1)} s; ` +
        `tổng ${report.totalSeconds.toFixed(0)} s (seed ${report.seed}).`,
    );
    expect(report.problems).toEqual([]);
    // The kills must have landed while importing, or nothing was tested.
    expect(report.killedMidRun).toBeGreaterThanOrEqual(Math.ceil(KILLS / 2));
  }, (LONG ? 60 : 6) * 60_000);
});
