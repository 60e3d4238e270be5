import { api, isMethod, type ApiResponse, type Method } from '../../shared/api.js';
import { openApp, type App, type OpenAppOptions } from '../app/open-app.js';
import { createLog, type Log } from '../app/log.js';
import { today } from '../app/clock.js';
import type { FreeSpaceReader } from '../app/disk-space.js';
import { isDatabaseDamage } from '../backup/integrity.js';
import { createMaintenance, type MaintenanceTiming } from '../backup/maintenance.js';
import { createHandlers, type Handlers, type ShellKind } from './handlers.js';
import { createMaintenanceHandlers, type MaintenanceContext } from './maintenance-handlers.js';
import { toApiError, UserError } from './errors.js';
import { APP_VERSION } from '../app/version.js';

export type { ShellKind } from './handlers.js';

/** What every shell holds: one entry point that validates, runs and answers, and never throws. */
export interface Core {
  readonly dataDir: string;
  /** The open app. While the database is damaged there is none (only shells that allow it get there). */
  readonly app: App;
  readonly log: Log;
  call(method: string, input: unknown): Promise<ApiResponse<Method>>;
  /** Browser mode's download of a "Sao lưu ngay" file: where it is, or null when there is no such file. */
  backupFile(name: string): string | null;
  /** The long-lived shells' background work: automatic backups, database checks, OCR of later pages. */
  startBackground(): void;
  /** The quick backup at exit (bounded in time), then close. */
  shutdown(): Promise<void>;
  close(): void;
}

export interface CoreOptions {
  /** Opens the data folder again after a restore. */
  reopen?: () => App;
  chooseSavePath?: MaintenanceContext['chooseSavePath'];
  freeSpace?: FreeSpaceReader;
  timing?: Partial<MaintenanceTiming>;
}

const DAMAGED_MESSAGE =
  'Cơ sở dữ liệu bị hỏng nên VănThư tạm dừng mọi thao tác với dữ liệu. Hãy khôi phục từ bản sao lưu gần nhất (màn hình "Cơ sở dữ liệu bị hỏng").';

type State = { kind: 'open'; app: App; handlers: Omit<Handlers, keyof ReturnType<typeof createMaintenanceHandlers>> } | { kind: 'damaged'; problems: string[] } | { kind: 'closed' };

/** Wraps an open app (tests, the CLI); the app is reopened from its data folder after a restore. */
export function createCore(app: App, shell: ShellKind, options: CoreOptions = {}): Core {
  return buildCore(app.dataDir, app, shell, { reopen: () => openApp({ dataDir: app.dataDir, freeSpace: options.freeSpace }), ...options });
}

/**
 * Opens the data folder for a shell. A damaged database does not stop Electron or browser mode:
 * they open in the damaged state, where the window offers a restore instead of crashing again and
 * again. The CLI reports it and exits.
 */
export function openCore(options: OpenAppOptions & { shell: ShellKind } & CoreOptions): Core {
  const open = () => openApp(options);
  let initial: App | string[];
  try {
    initial = open();
  } catch (error) {
    if (options.shell === 'cli' || !isDatabaseDamage(error)) throw error;
    initial = [(error as Error).message];
  }
  return buildCore(Array.isArray(initial) ? options.dataDir : initial.dataDir, initial, options.shell, { reopen: open, ...options });
}

function buildCore(dataDir: string, initial: App | string[], shell: ShellKind, options: CoreOptions & { reopen: () => App }): Core {
  const log = createLog(dataDir);
  let state: State = { kind: 'closed' };
  let backgroundStarted = false;

  const setOpen = (app: App): void => {
    state = { kind: 'open', app, handlers: createHandlers(app, shell, APP_VERSION) };
    if (backgroundStarted) app.ocrQueue.start();
  };

  // Calls wait while the data is being replaced; a replacement waits for the calls in flight.
  let inFlight = 0;
  let gate: Promise<void> | null = null;
  const idleWaiters = new Set<() => void>();
  const callsAtMost = (n: number): Promise<void> =>
    new Promise((resolve) => {
      const check = (): void => {
        if (inFlight > n) return;
        idleWaiters.delete(check);
        resolve();
      };
      idleWaiters.add(check);
      check();
    });

  function closeApp(): void {
    if (state.kind !== 'open') return;
    const { app } = state;
    state = { kind: 'closed' };
    try {
      app.close();
    } catch (error) {
      log.error('Không đóng được cơ sở dữ liệu', error);
    }
  }

  function reopen(): void {
    try {
      setOpen(options.reopen());
    } catch (error) {
      log.error('Không mở được dữ liệu', error);
      state = { kind: 'damaged', problems: [(error as Error).message] };
    }
  }

  /** Closes the data (after the other calls finish), runs `work`, and opens the data again unless told not to. */
  async function replaceData<T>(work: () => Promise<T>, own: { calls: number; reopen: boolean } = { calls: 1, reopen: true }): Promise<T> {
    if (gate) throw new UserError('busy', 'VănThư đang thay dữ liệu (khôi phục). Hãy đợi xong rồi thử lại.');
    let release!: () => void;
    gate = new Promise((resolve) => (release = resolve));
    try {
      await callsAtMost(own.calls);
      await maintenance.pause();
      closeApp();
      try {
        return await work();
      } finally {
        if (own.reopen) reopen();
        maintenance.resume();
      }
    } finally {
      gate = null;
      release();
    }
  }

  const maintenance = createMaintenance({
    dataDir,
    log,
    getApp: () => (state.kind === 'open' ? state.app : null),
    onDamage: (problems) => {
      // Found while running: stop using the file, as at a damaged start.
      void replaceData(
        async () => {
          state = { kind: 'damaged', problems };
        },
        { calls: 0, reopen: false },
      ).catch((error: unknown) => log.error('Không chuyển được sang trạng thái cơ sở dữ liệu hỏng', error));
    },
    freeSpace: options.freeSpace,
    timing: options.timing,
  });

  const maintenanceHandlers = createMaintenanceHandlers({
    shell,
    maintenance,
    app: () => (state.kind === 'open' ? state.app : null),
    damage: () => (state.kind === 'damaged' ? state.problems : null),
    replaceData: (work) => replaceData(work),
    chooseSavePath: options.chooseSavePath,
  });

  if (Array.isArray(initial)) {
    log.error(`Cơ sở dữ liệu bị hỏng: ${initial.join('; ')}`);
    state = { kind: 'damaged', problems: initial };
  } else {
    setOpen(initial);
    if (initial.uncleanShutdown) maintenance.recordOpenCheck();
  }

  /** The handler for a method in the current state; while damaged only health, backups and app.info answer. */
  function handlerFor(method: Method): (input: unknown) => unknown {
    if (Object.hasOwn(maintenanceHandlers, method)) return maintenanceHandlers[method as keyof typeof maintenanceHandlers] as (input: unknown) => unknown;
    if (state.kind === 'open') return state.handlers[method as keyof typeof state.handlers] as (input: unknown) => unknown;
    if (method === 'app.info') return () => ({ version: APP_VERSION, dataDir, firstRun: false, today: today(), shell });
    return () => {
      throw new UserError('database_damaged', DAMAGED_MESSAGE);
    };
  }

  return {
    dataDir,
    get app(): App {
      if (state.kind !== 'open') throw new UserError('database_damaged', DAMAGED_MESSAGE);
      return state.app;
    },
    log,
    async call(method, input) {
      if (!isMethod(method)) {
        return { ok: false, error: { code: 'unknown_method', message: `Chức năng "${method}" không tồn tại trong phiên bản này.` } };
      }
      while (gate) await gate;
      inFlight++;
      try {
        // Only a missing input means "no arguments"; null or any other non-object is refused by the schema.
        const parsed = api[method].input.parse(input === undefined ? {} : input);
        // The handler table is indexed by the method it was validated for; TypeScript cannot
        // correlate the two across the union, so the call goes through a widened signature.
        const result = await handlerFor(method)(parsed);
        return { ok: true, result: api[method].output.parse(result) } as ApiResponse<Method>;
      } catch (error) {
        return { ok: false, error: toApiError(error, (message, e) => log.error(`${message} (${method})`, e)) };
      } finally {
        inFlight--;
        for (const check of [...idleWaiters]) check();
      }
    },
    backupFile(name) {
      try {
        const found = maintenance.store().resolve(`thu-cong/${name}`);
        return found.kind === 'manual' ? found.file : null;
      } catch {
        return null;
      }
    },
    startBackground() {
      if (backgroundStarted) return;
      backgroundStarted = true;
      maintenance.start();
      if (state.kind === 'open') state.app.ocrQueue.start();
    },
    async shutdown() {
      try {
        await maintenance.exitBackup();
      } catch (error) {
        log.error('Sao lưu khi thoát không thành công', error);
      }
      this.close();
    },
    close() {
      maintenance.stop();
      closeApp();
    },
  };
}
