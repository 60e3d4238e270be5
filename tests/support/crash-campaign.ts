/**
 * The crash campaign of issue 8, shared by tests/unit/crash-safety.test.ts (CI size) and
 * `npm run bench -- --crash` (long mode): the real `vanthu` CLI imports a folder of generated
 * documents and is killed with SIGKILL at seeded random moments; after each kill `vanthu`
 * reopens the data folder and the folder is checked from outside (its own SQLite connection,
 * its own reading of the file store).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { emlBytes, pdfBytes } from './intake-samples.js';
import { reportDocx } from './report-samples.js';
import { seededRandom } from './seeded-random.js';
import { fold } from '../../shared/vn/fold.js';
import { RECOVERED_REASON } from '../../main/intake/recovery.js';
import { openApp } from '../../main/app/open-app.js';

/** The project root: vitest and scripts/bench.mjs both run from it. */
const ROOT = process.cwd();

export interface Cli {
  /** Runs `vanthu --data DIR ARGS…` to its end. */
  run(dataDir: string, args: string[], env?: NodeJS.ProcessEnv): { status: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string };
  /** Starts it and kills it with SIGKILL after `killAfterMs` unless it ended first. */
  runAndKill(dataDir: string, args: string[], killAfterMs: number): Promise<{ killed: boolean; status: number | null; ms: number; stderr: string }>;
  cleanup(): void;
}

/**
 * The CLI built from the current sources by scripts/build.mjs (a dist/cli left from an older
 * build could lack the kill points, and rebuilding dist/cli could pull it from under another
 * run), into a private folder under dist/ so that its packages resolve from node_modules.
 */
export function buildCli(): Cli {
  fs.mkdirSync(path.join(ROOT, 'dist'), { recursive: true });
  const dir = fs.mkdtempSync(path.join(ROOT, 'dist', 'crash-cli-'));
  const built = spawnSync(process.execPath, [path.join(ROOT, 'scripts/build.mjs'), 'cli'], { encoding: 'utf8', env: { ...process.env, VANTHU_BUILD_DIR: dir } });
  if (built.status !== 0) throw new Error(`Không dựng được CLI: ${built.stderr}`);
  const entry = path.join(dir, 'cli', 'vanthu.mjs');
  const argv = (dataDir: string, args: string[]) => [entry, '--data', dataDir, '--json', ...args];
  return {
    run(dataDir, args, env = {}) {
      const r = spawnSync(process.execPath, argv(dataDir, args), { encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 });
      return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
    },
    runAndKill(dataDir, args, killAfterMs) {
      return new Promise((resolve) => {
        const started = performance.now();
        const child = spawn(process.execPath, argv(dataDir, args), { stdio: ['ignore', 'ignore', 'pipe'] });
        let stderr = '';
        child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
        const timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
        child.on('exit', (status, signal) => {
          clearTimeout(timer);
          resolve({ killed: signal === 'SIGKILL', status, ms: performance.now() - started, stderr });
        });
      });
    },
    cleanup: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

export const tempDir = (label: string): string => fs.mkdtempSync(path.join(os.tmpdir(), `vanthu ${label} `));

/**
 * A data folder with the sample data (`vanthu init --demo`), made in this process: each start of
 * the CLI costs about a second of CPU, kept for the runs that are killed and the reopenings.
 * `copies` more folders are copied from it.
 */
export function sampleFolders(dir: string, ...copies: string[]): void {
  const app = openApp({ dataDir: dir });
  app.loadDemoData();
  app.close();
  for (const copy of copies) fs.cpSync(dir, copy, { recursive: true });
}

const sha256 = (bytes: Buffer): string => crypto.createHash('sha256').update(bytes).digest('hex');

const AGENCIES = [
  ['ỦY BAN NHÂN DÂN', 'HUYỆN KIÊN LƯƠNG'],
  ['ỦY BAN NHÂN DÂN', 'THÀNH PHỐ HÀ TIÊN'],
  ['UBND TỈNH KIÊN GIANG', 'SỞ GIÁO DỤC VÀ ĐÀO TẠO'],
  ['ỦY BAN NHÂN DÂN', 'HUYỆN PHÚ QUỐC'],
];

export interface Corpus {
  dir: string;
  /** The SHA-256 of every document file (a dropped .docx or .pdf, or one attached to an e-mail). */
  documents: string[];
}

/**
 * `count` files: .docx, .pdf (text layer) and .eml carrying a .docx or a .pdf; every fifth e-mail
 * carries two reports with different numbers, which the import registers as two entries.
 */
export async function writeCorpus(dir: string, count: number): Promise<Corpus> {
  fs.mkdirSync(dir, { recursive: true });
  const documents: string[] = [];
  let number = 0;
  const report = (kind: 'docx' | 'pdf'): Buffer => {
    number++;
    const agency = AGENCIES[number % AGENCIES.length]!;
    const title = `Kết quả tuyên truyền phòng, chống rác thải nhựa năm 2021 — lần ${number}`;
    const bytes =
      kind === 'docx'
        ? reportDocx({ agency, number, symbol: 'BC-UBND', place: 'Kiên Giang', date: [(number % 28) + 1, 11, 2021], title, year: 2021 })
        : pdfBytes([[...agency, `So: ${number}/BC-UBND`, 'CONG HOA XA HOI CHU NGHIA VIET NAM', 'Doc lap - Tu do - Hanh phuc', `Kien Giang, ngay ${(number % 28) + 1} thang 11 nam 2021`, 'BAO CAO', title].map((l) => fold(l).toUpperCase())]);
    documents.push(sha256(bytes));
    return bytes;
  };
  for (let i = 0; i < count; i++) {
    const name = `${String(i + 1).padStart(4, '0')}`;
    if (i % 3 === 0) fs.writeFileSync(path.join(dir, `${name}.docx`), report('docx'));
    else if (i % 3 === 1) fs.writeFileSync(path.join(dir, `${name}.pdf`), report('pdf'));
    else {
      const kind = i % 2 ? 'pdf' : 'docx';
      const attachments = [{ filename: `Báo cáo ${name}.${kind}`, content: report(kind) }];
      if (i % 15 === 2) attachments.push({ filename: `Báo cáo ${name} (2).docx`, content: report('docx') });
      const eml = await emlBytes({
        from: `don-vi-${i % 7}@kiengiang.gov.vn`,
        to: 'stttt@kiengiang.gov.vn',
        subject: `Báo cáo ${name}`,
        text: `Kính gửi Sở TT&TT. Gửi kèm báo cáo ${name}.`,
        date: new Date(Date.UTC(2021, 10, (i % 28) + 1, 2)),
        messageId: `<crash-${name}@kiengiang.gov.vn>`,
        attachments,
      });
      fs.writeFileSync(path.join(dir, `${name}.eml`), eml);
    }
  }
  return { dir, documents };
}

export interface FolderState {
  documents: number;
  /** Entries still waiting as recovered after a crash. */
  recovered: number;
  /** Entries ever made by the recovery at start in this folder (completed ones too). */
  recoveredEver: number;
  /** How many entries have each document file as their main file. */
  mains: Map<string, number>;
  /** Every file of every entry. */
  files: Set<string>;
}

/**
 * Checks a data folder from outside after `vanthu` reopened it; returns what is wrong (nothing
 * when all holds) and what it holds.
 */
export function checkFolder(dataDir: string): { problems: string[]; state: FolderState } {
  return readFolder(dataDir, (db) => {
    const problems: string[] = [];
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') problems.push(`integrity_check: ${String(integrity)}`);
    const foreignKeys = db.pragma('foreign_key_check') as unknown[];
    if (foreignKeys.length) problems.push(`foreign_key_check: ${JSON.stringify(foreignKeys.slice(0, 3))}`);
    const pending = db.prepare('SELECT count(*) FROM intake_pending').pluck().get() as number;
    if (pending) problems.push(`${pending} ghi chú tệp đang nhận còn lại sau khi mở lại`);

    // Every file of every entry is in the store, whole.
    const storeRoot = path.join(dataDir, 'files');
    const referenced = new Set(db.prepare('SELECT sha256 FROM incoming_files UNION SELECT sha256 FROM intake_log WHERE sha256 IS NOT NULL UNION SELECT sha256 FROM dispatch_files').pluck().all() as string[]);
    for (const sha of db.prepare('SELECT DISTINCT sha256 FROM incoming_files').pluck().all() as string[]) {
      const file = path.join(storeRoot, sha.slice(0, 2), sha.slice(2, 4), sha);
      if (!fs.existsSync(file)) problems.push(`thiếu tệp ${sha}`);
      else if (sha256(fs.readFileSync(file)) !== sha) problems.push(`tệp ${sha} sai mã băm`);
    }
    // Every file in the store belongs to an entry or to the quarantine: nothing received is unaccounted for.
    for (const sha of listStore(storeRoot)) if (!referenced.has(sha)) problems.push(`tệp ${sha} trong kho không thuộc văn bản nào`);

    // Số đến run 1, 2, 3 … within each year, with no gap and no repeat.
    for (const { arrival_year: year, n, top } of db.prepare('SELECT arrival_year, count(*) AS n, max(arrival_number) AS top FROM incoming_documents GROUP BY arrival_year').all() as { arrival_year: number; n: number; top: number }[]) {
      if (n !== top) problems.push(`số đến năm ${year}: ${n} văn bản nhưng số lớn nhất là ${top}`);
    }
    const mains = new Map<string, number>();
    for (const sha of db.prepare("SELECT sha256 FROM incoming_files WHERE role = 'main'").pluck().all() as string[]) mains.set(sha, (mains.get(sha) ?? 0) + 1);
    return {
      problems,
      state: {
        documents: db.prepare('SELECT count(*) FROM incoming_documents').pluck().get() as number,
        recovered: db.prepare('SELECT count(*) FROM incoming_documents WHERE review_reason = ?').pluck().get(RECOVERED_REASON) as number,
        recoveredEver: db.prepare(`SELECT count(*) FROM audit_log WHERE action = 'create' AND entity = 'incoming_document' AND detail LIKE '{"recovered":%'`).pluck().get() as number,
        mains,
        files: new Set(db.prepare('SELECT sha256 FROM incoming_files').pluck().all() as string[]),
      },
    };
  });
}

/** Reads a data folder's database with a connection of its own (never the app's). */
export function readFolder<T>(dataDir: string, read: (db: Database.Database) => T): T {
  const db = new Database(path.join(dataDir, 'vanthu.db'), { readonly: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

function listStore(root: string): string[] {
  const found: string[] = [];
  for (const a of fs.readdirSync(root)) {
    if (!/^[0-9a-f]{2}$/.test(a)) continue; // .tmp holds copies being written, never stored files
    for (const b of fs.readdirSync(path.join(root, a))) found.push(...fs.readdirSync(path.join(root, a, b)));
  }
  return found;
}

/**
 * What "each document registered exactly once" means at the end: the entries are those of the
 * same folder imported without a crash — the same documents as main files, each once — and
 * every document file of the corpus is in one of them.
 */
export function exactlyOnceProblems(state: FolderState, reference: FolderState, corpus: Corpus): string[] {
  const problems: string[] = [];
  for (const [sha, n] of state.mains) if (n !== 1) problems.push(`văn bản ${sha.slice(0, 12)}… vào sổ ${n} lần`);
  for (const sha of reference.mains.keys()) if (!state.mains.has(sha)) problems.push(`văn bản ${sha.slice(0, 12)}… không có trong sổ`);
  for (const sha of corpus.documents) if (!state.files.has(sha)) problems.push(`tệp văn bản ${sha.slice(0, 12)}… không thuộc văn bản đến nào`);
  if (state.documents !== reference.documents) problems.push(`${state.documents} văn bản đến, nhập không bị tắt thì có ${reference.documents}`);
  if (state.recovered) problems.push(`${state.recovered} văn bản khôi phục chưa được hoàn tất khi nhập lại`);
  return problems;
}

export interface CampaignReport {
  seed: number;
  files: number;
  /** Document files in the corpus (an e-mail may carry two). */
  documents: number;
  /** Entries an import without a kill makes of them (the reference). */
  entries: number;
  kills: number;
  /** Kills that landed while the import was still running (the rest found it finished). */
  killedMidRun: number;
  /** Entries the recovery at start made of files stored but not registered (completed by the next import). */
  recoveredEntries: number;
  /** Imports that ran to their end after one or more kills, each checked for "exactly once". */
  completedImports: number;
  /** A whole import of the folder without a kill, in a fresh data folder (the reference). */
  cleanImportSeconds: number;
  totalSeconds: number;
  problems: string[];
}

/**
 * Imports `files` generated files, killing the import `kills` times at seeded random moments
 * within a whole import's duration; after each kill reopens with `vanthu init` and checks the
 * folder. An import that reaches its end (the kill came too late) is checked for "each document
 * registered exactly once", and the next kills start again from the sample folder, so that they
 * keep landing among new registrations rather than on a registry already complete. At the end
 * the import is run to its end and checked once more.
 */
export async function runCrashCampaign(options: { files: number; kills: number; seed: number; log?: (line: string) => void }): Promise<CampaignReport> {
  const log = options.log ?? (() => {});
  const started = performance.now();
  const work = tempDir('crash');
  const cli = buildCli();
  try {
    const corpus = await writeCorpus(path.join(work, 'Văn bản đến'), options.files);
    const importArgs = ['import', corpus.dir];
    const problems: string[] = [];

    // The reference: the same folder imported without a kill.
    const reference = path.join(work, 'tham chiếu');
    const dataDir = path.join(work, 'dữ liệu');
    const pristine = path.join(work, 'mẫu');
    sampleFolders(pristine, reference, dataDir);
    const t0 = performance.now();
    const clean = cli.run(reference, importArgs);
    const cleanImportSeconds = (performance.now() - t0) / 1000;
    if (clean.status !== 0) problems.push(`nhập không bị tắt: mã thoát ${clean.status} ${clean.stderr}`);
    const referenceState = checkFolder(reference).state;
    problems.push(...exactlyOnceProblems(referenceState, referenceState, corpus).map((p) => `tham chiếu: ${p}`));
    log(`nhập trọn ${options.files} tệp (${corpus.documents.length} tệp văn bản, ${referenceState.documents} văn bản đến): ${cleanImportSeconds.toFixed(1)} s`);

    let killedMidRun = 0;
    let recoveredEntries = 0;
    let completedImports = 0;
    /** After an import that ran to its end: each document registered exactly once, as in the reference. */
    const completed = (label: string): void => {
      const end = checkFolder(dataDir);
      recoveredEntries += end.state.recoveredEver;
      problems.push(...[...end.problems, ...exactlyOnceProblems(end.state, referenceState, corpus)].map((p) => `${label}: ${p}`));
    };

    const random = seededRandom(options.seed);
    // Kills fall within a whole import's duration, as long as the quickest import seen to its end took.
    let window = cleanImportSeconds * 1000;
    for (let k = 1; k <= options.kills; k++) {
      const delay = Math.round(random() * window);
      const run = await cli.runAndKill(dataDir, importArgs, delay);
      if (!run.killed) {
        if (run.status !== 0) problems.push(`lần ${k}: nhập thoát với mã ${run.status} ${run.stderr}`);
        completed(`nhập xong ở lần ${k}`);
        completedImports++;
        window = Math.min(window, run.ms);
        log(`lần ${k}: nhập xong trước khi bị tắt (${delay} ms) — kiểm tra "đúng một lần", bắt đầu lại từ dữ liệu mẫu`);
        fs.rmSync(dataDir, { recursive: true, force: true });
        fs.cpSync(pristine, dataDir, { recursive: true });
        continue;
      }
      killedMidRun++;
      const reopen = cli.run(dataDir, ['init']);
      if (reopen.status !== 0) problems.push(`lần ${k}: mở lại thất bại (${reopen.status}) ${reopen.stderr}`);
      const { problems: found, state } = checkFolder(dataDir);
      problems.push(...found.map((p) => `sau lần tắt ${k} (${delay} ms): ${p}`));
      log(`lần ${k}: tắt sau ${delay} ms — ${state.documents} văn bản, ${state.recovered} khôi phục chờ xác nhận`);
    }

    const last = cli.run(dataDir, importArgs);
    if (last.status !== 0) problems.push(`lần nhập cuối: mã thoát ${last.status} ${last.stderr}`);
    completed('cuối cùng');
    completedImports++;
    return {
      seed: options.seed,
      files: options.files,
      documents: corpus.documents.length,
      entries: referenceState.documents,
      kills: options.kills,
      killedMidRun,
      recoveredEntries,
      completedImports,
      cleanImportSeconds,
      totalSeconds: (performance.now() - started) / 1000,
      problems,
    };
  } finally {
    cli.cleanup();
    fs.rmSync(work, { recursive: true, force: true });
  }
}
