/**
 * The scale figures of `npm run bench`, measured on the folder `--generate` builds (ten years of
 * documents): opening the data (database and migrations, no integrity check), 100 varied searches
 * and the list pages the screens load, each through the API as the app calls it (input and output
 * validated), so that what is measured is what the clerk waits for.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openCore, type Core } from '../../main/api/core.js';
import type { ApiInput, ApiOutput, Method } from '../../shared/api.js';
import type { SearchFilters } from '../../shared/domain/search.js';
import { FULL_SCALE, generateScaleData, type ScaleSize } from './scale-generate.js';

/** Where `--generate` writes unless `--out DIR` says otherwise (gitignored). */
export const DEFAULT_SCALE_DIR = path.join('.bench', 'scale');
/** Written by the generator: a folder holding it is the benchmark's own and may be replaced. */
const MARKER = 'bench-scale.json';

/** The folder of `--out DIR`, else the default one (relative to the project, where `npm run bench` runs). */
export function scaleDataDir(argv: string[]): string {
  const i = argv.indexOf('--out');
  const dir = i >= 0 ? argv[i + 1] : undefined;
  if (i >= 0 && (!dir || dir.startsWith('--'))) throw new Error('--out cần một thư mục.');
  return path.resolve(dir ?? DEFAULT_SCALE_DIR);
}

/**
 * Builds the ten-year folder in `dir`, replacing one an earlier run built; a folder with other data
 * is never touched. `log` gets a line per step.
 */
export async function generateScaleFolder(dir: string, log: (line: string) => void, size: ScaleSize = FULL_SCALE): Promise<void> {
  if (fs.existsSync(dir) && fs.readdirSync(dir).length > 0) {
    if (!fs.existsSync(path.join(dir, MARKER))) throw new Error(`Thư mục ${dir} đã có dữ liệu khác; hãy chọn thư mục trống bằng --out THƯ_MỤC.`);
    fs.rmSync(dir, { recursive: true, force: true });
  }
  log(`Tạo dữ liệu mười năm trong ${dir}…`);
  const summary = await generateScaleData(dir, size, log);
  fs.writeFileSync(path.join(dir, MARKER), JSON.stringify({ size, summary }, null, 2));
  log(`Xong: ${summary.incoming} văn bản đến (${summary.needsReview} chờ xác nhận), ${summary.dispatches} văn bản đi, ${summary.units} đơn vị trong ${summary.seconds} giây.`);
}

/** The folder to measure: generated first when it is not there yet. */
export async function ensureScaleFolder(dir: string, log: (line: string) => void): Promise<void> {
  if (!fs.existsSync(path.join(dir, MARKER))) await generateScaleFolder(dir, log);
}

/** Rows a list screen asks for at a time (renderer/src/components/use-paged-rows.ts). */
export const SCREEN_PAGE = 50;

export interface ScaleFigures {
  openMs: number;
  /** The machine's 1-minute load average while measuring: the figures are wall-clock times. */
  loadAverage: number;
  searchP50Ms: number;
  searchP95Ms: number;
  listPageP95Ms: number;
  searchQueries: number;
  listPages: number;
  /** The slowest calls, to see what to optimise. */
  slowest: { call: string; ms: number }[];
}

const round = (ms: number): number => Math.round(ms * 10) / 10;

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

async function call<M extends Method>(core: Core, method: M, input: ApiInput<M>): Promise<ApiOutput<M>> {
  const r = await core.call(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.result as ApiOutput<M>;
}

/** Single words, folded phrases, quoted phrases, numbers and symbols, unit names, half-typed words. */
const QUERIES = [
  'bao cao', 'chuyen doi so', 'nhua', 'tuyen truyen', 'an toan thong tin', 'khen thuong', 'covid', 'ngan sach', 'kien giang',
  'phong chong', 'thien tai', 'du lich', 'cai cach hanh chinh', 'nong thon moi', 'giay moi', 'ke hoach', 'bien doi khi hau',
  'tham nhung', 'chu ky so', 'buu chinh', 'tuyen truyen rac thai nhua', 'phong chong thien tai va tim kiem cuu nan',
  'ung dung cong nghe thong tin', 'thu gom xu ly chat thai ran', 'ket qua chuyen doi so nam 2021', '"rac thai nhua"',
  '"an toan thong tin mang"', '"cong dich vu cong truc tuyen"', '"so hoa ho so"', '"binh dang gioi"', '864/STTTT',
  '864/STTTT-TTBCBC', 'BC-UBND', '136/KH-UBND', 'KH-SYT', '15/11', 'COVID-19', '2021', 'UBND xa', 'Kien Luong', 'Truong THPT',
  'Dai Phat thanh', 'So Tai chinh', 'tuyen tr', 'chuyen d', 'nh', 'hoi nong dan', 'tram y te', 'ubnd huyen hon dat', 'đài phát thanh',
];

/** 100 searches: each query once as typed, once with a filter (year, kind, status, unit, dispatch). */
export function searchCases(unitId: number, dispatchId: number): { query: string; filters: Partial<SearchFilters> }[] {
  const filters: Partial<SearchFilters>[] = [
    { year: 2021 },
    { type: 'incoming' },
    { status: 'needs_review' },
    { unitId },
    { dispatchId },
    { type: 'dispatch', year: 2024 },
    { type: 'file' },
    { year: 2019, status: 'registered' },
  ];
  return QUERIES.flatMap((query, i) => [{ query, filters: {} }, { query, filters: filters[i % filters.length]! }]);
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const started = performance.now();
  const result = await work();
  return { ms: performance.now() - started, result };
}

export async function scaleBench(dataDir: string): Promise<ScaleFigures> {
  const opens: number[] = [];
  for (let i = 0; i < 5; i++) {
    const { ms, result: core } = await timed(async () => openCore({ dataDir, shell: 'cli', printPdf: async () => Buffer.alloc(0) }));
    opens.push(ms);
    core.close();
  }

  const core = openCore({ dataDir, shell: 'cli', printPdf: async () => Buffer.alloc(0) });
  try {
    const slow: { call: string; ms: number }[] = [];
    const measure = async <M extends Method>(method: M, input: ApiInput<M>): Promise<number> => {
      const { ms } = await timed(() => call(core, method, input));
      slow.push({ call: `${method} ${JSON.stringify(input)}`, ms: round(ms) });
      return ms;
    };

    // A unit that sent many documents, and the dispatch most documents answer.
    const busiest = core.app.db
      .prepare('SELECT unit_id AS unitId, dispatch_id AS dispatchId FROM incoming_documents WHERE unit_id IS NOT NULL AND dispatch_id IS NOT NULL GROUP BY dispatch_id ORDER BY count(*) DESC LIMIT 1')
      .get() as { unitId: number; dispatchId: number };

    const searches: number[] = [];
    await measure('search.query', { query: 'khoi dong' }); // the first call prepares what every search uses
    slow.length = 0;
    for (const c of searchCases(busiest.unitId, busiest.dispatchId)) searches.push(await measure('search.query', { query: c.query, ...c.filters }));

    // The pages the screens load, as they ask for them: the year lists, the first pages, then pages further down.
    const pages: number[] = [];
    const years = await call(core, 'incoming.years', {});
    for (const year of years) {
      const { total } = await call(core, 'register.incoming', { year, limit: 1 });
      for (const offset of [0, SCREEN_PAGE, Math.floor(total / 2), Math.max(0, total - SCREEN_PAGE)]) {
        pages.push(await measure('register.incoming', { year, offset, limit: SCREEN_PAGE }));
      }
      pages.push(await measure('register.outgoing', { year, offset: 0, limit: SCREEN_PAGE }));
      pages.push(await measure('register.outgoing', { year, offset: SCREEN_PAGE, limit: SCREEN_PAGE }));
      pages.push(await measure('dispatches.list', { year, status: null, query: '', offset: 0, limit: SCREEN_PAGE }));
    }
    for (const offset of [0, SCREEN_PAGE, 1000, 2000, 4000]) {
      pages.push(await measure('incoming.list', { status: 'needs_review', year: null, offset, limit: SCREEN_PAGE }));
      pages.push(await measure('dispatches.list', { year: null, status: null, query: '', offset, limit: SCREEN_PAGE }));
    }
    for (const query of ['chuyen doi so', 'nhua', 'bao cao ket qua', 'kien luong']) {
      pages.push(await measure('dispatches.list', { year: null, status: null, query, offset: 0, limit: SCREEN_PAGE }));
    }
    pages.push(await measure('incoming.years', {}), await measure('dispatches.years', {}), await measure('incoming.list', { status: 'needs_review', year: null, limit: 1 }));

    return {
      openMs: round(percentile(opens, 50)),
      loadAverage: round(os.loadavg()[0]!),
      searchP50Ms: round(percentile(searches, 50)),
      searchP95Ms: round(percentile(searches, 95)),
      listPageP95Ms: round(percentile(pages, 95)),
      searchQueries: searches.length,
      listPages: pages.length,
      slowest: slow.sort((a, b) => b.ms - a.ms).slice(0, 8),
    };
  } finally {
    core.close();
  }
}
