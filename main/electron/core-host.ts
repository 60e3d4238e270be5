/**
 * The main process's side of the core: starts the core's utility process, relays calls to it,
 * matches answers to callers, and survives the process dying. No `electron` import: main.ts
 * passes a `spawn` function that forks the real utility process, tests pass a fake one.
 */
import type { ApiResponse, Method } from '../../shared/api.js';
import { isCorePrintRequestMessage, isCoreReplyMessage, isCoreSaveDialogRequestMessage, type ToCoreMessage } from './core-protocol.js';

export interface CoreChild {
  postMessage(message: ToCoreMessage): void;
  kill(): void;
}

export interface CoreChildEvents {
  onMessage(message: unknown): void;
  onExit(code: number): void;
}

export type SpawnCore = (events: CoreChildEvents) => CoreChild;

export const CORE_CRASHED_MESSAGE =
  'Bộ phận xử lý dữ liệu của VănThư vừa gặp sự cố và đang được khởi động lại. ' +
  'Thao tác vừa rồi có thể chưa được thực hiện; hãy kiểm tra lại rồi thử lại.';
const CORE_UNAVAILABLE_MESSAGE =
  'Không khởi động được bộ phận xử lý dữ liệu của VănThư. Hãy đóng rồi mở lại ứng dụng; nếu vẫn lỗi, hãy báo bộ phận kỹ thuật.';
const CORE_CLOSING_MESSAGE = 'VănThư đang đóng nên thao tác không được thực hiện.';

type Failure = Extract<ApiResponse<Method>, { ok: false }>;

function failure(code: string, message: string): Failure {
  return { ok: false, error: { code, message } };
}

export interface CoreHostOptions {
  log?: (message: string, error?: unknown) => void;
  now?: () => number;
  /** Prints HTML to PDF for the core (main.ts: printToPDF of a hidden window). */
  printPdf?: (html: string) => Promise<Buffer>;
  /** Asks the clerk where to save a file (main.ts: the save dialog); null when cancelled. */
  chooseSavePath?: (suggestedName: string) => Promise<string | null>;
  /** More crashes than this within `crashWindowMs` stop the eager restart (no restart loop). */
  maxCrashesInWindow?: number;
  crashWindowMs?: number;
}

export class CoreHost {
  private child: CoreChild | null = null;
  /** Identifies the current child, so events from a child already replaced are ignored. */
  private generation = 0;
  private nextId = 1;
  private readonly pending = new Map<number, (response: ApiResponse<Method>) => void>();
  private crashTimes: number[] = [];
  private closing = false;
  private exitWaiters: Array<() => void> = [];
  private readonly log: (message: string, error?: unknown) => void;
  private readonly now: () => number;

  constructor(
    private readonly spawn: SpawnCore,
    private readonly options: CoreHostOptions = {},
  ) {
    this.log = options.log ?? ((message, error) => console.error(`[VănThư] ${message}`, error ?? ''));
    this.now = options.now ?? Date.now;
  }

  /** Starts the core now, so the database is open before the first call. */
  start(): void {
    if (!this.closing) this.ensureChild();
  }

  get pendingCount(): number {
    return this.pending.size;
  }

  get running(): boolean {
    return this.child !== null;
  }

  /** Never rejects: a dead or missing core answers `{ ok: false, error }` like any other failure. */
  call(method: Method, input: unknown): Promise<ApiResponse<Method>> {
    if (this.closing) return Promise.resolve(failure('core_closing', CORE_CLOSING_MESSAGE));
    let child: CoreChild;
    try {
      child = this.ensureChild();
    } catch (error) {
      this.log('Không khởi động được tiến trình lõi', error);
      return Promise.resolve(failure('core_unavailable', CORE_UNAVAILABLE_MESSAGE));
    }
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      try {
        child.postMessage({ type: 'call', id, method, input });
      } catch (error) {
        this.pending.delete(id);
        this.log('Không gửi được yêu cầu tới tiến trình lõi', error);
        resolve(failure('core_unavailable', CORE_UNAVAILABLE_MESSAGE));
      }
    });
  }

  /** Asks the core to finish and close its database; kills it after `timeoutMs`. */
  shutdown(timeoutMs = 5000): Promise<void> {
    this.closing = true;
    const child = this.child;
    if (child === null) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.log('Tiến trình lõi không tự đóng kịp; buộc dừng.');
        child.kill();
        // Some platforms report no exit for a killed child: don't hang the quit on it.
        this.onChildExit(this.generation, -1);
      }, timeoutMs);
      this.exitWaiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
      try {
        child.postMessage({ type: 'shutdown' });
      } catch {
        child.kill();
      }
    });
  }

  private ensureChild(): CoreChild {
    if (this.child !== null) return this.child;
    const generation = ++this.generation;
    const child = this.spawn({
      onMessage: (message) => {
        if (generation === this.generation) this.onChildMessage(message);
      },
      onExit: (code) => this.onChildExit(generation, code),
    });
    this.child = child;
    return child;
  }

  private onChildMessage(message: unknown): void {
    if (isCorePrintRequestMessage(message)) {
      void this.print(message.requestId, message.html);
      return;
    }
    if (isCoreSaveDialogRequestMessage(message)) {
      void this.askSavePath(message.requestId, message.suggestedName);
      return;
    }
    if (!isCoreReplyMessage(message)) {
      this.log('Tiến trình lõi gửi một thông điệp không hợp lệ', message);
      return;
    }
    const resolve = this.pending.get(message.id);
    if (resolve === undefined) return; // answer to a call already failed by a crash
    this.pending.delete(message.id);
    resolve(message.response);
  }

  private async askSavePath(requestId: number, suggestedName: string): Promise<void> {
    const child = this.child;
    let chosen: string | null = null;
    try {
      chosen = this.options.chooseSavePath ? await this.options.chooseSavePath(suggestedName) : null;
    } catch (error) {
      this.log('Không mở được hộp thoại lưu tệp', error);
    }
    if (child !== null && child === this.child) child.postMessage({ type: 'save-dialog-result', requestId, path: chosen });
  }

  private async print(requestId: number, html: string): Promise<void> {
    const child = this.child;
    let reply: ToCoreMessage;
    try {
      if (!this.options.printPdf) throw new Error('printing is not available');
      const pdf = await this.options.printPdf(html);
      reply = { type: 'print-pdf-result', requestId, base64: pdf.toString('base64'), error: null };
    } catch (error) {
      this.log('Không in được PDF', error);
      reply = { type: 'print-pdf-result', requestId, base64: null, error: (error as Error).message };
    }
    if (child !== null && child === this.child) child.postMessage(reply);
  }

  private onChildExit(generation: number, code: number): void {
    if (generation !== this.generation || this.child === null) return;
    this.child = null;
    const waiting = [...this.pending.values()];
    this.pending.clear();
    const answer = this.closing
      ? failure('core_closing', CORE_CLOSING_MESSAGE)
      : failure('core_crashed', CORE_CRASHED_MESSAGE);
    for (const resolve of waiting) resolve(answer);

    if (this.closing) {
      const waiters = this.exitWaiters;
      this.exitWaiters = [];
      for (const done of waiters) done();
      return;
    }
    this.log(`Tiến trình lõi đã dừng bất thường (mã ${code}).`);
    const now = this.now();
    const windowMs = this.options.crashWindowMs ?? 60_000;
    this.crashTimes = [...this.crashTimes.filter((t) => now - t < windowMs), now];
    if (this.crashTimes.length <= (this.options.maxCrashesInWindow ?? 3)) {
      try {
        this.ensureChild();
      } catch (error) {
        this.log('Không khởi động lại được tiến trình lõi', error);
      }
    } else {
      // Crashing again and again (a broken database, a native module built for the wrong ABI):
      // stop the eager restarts; the next call still tries once and reports the failure.
      this.log('Tiến trình lõi dừng liên tục; chỉ khởi động lại khi có yêu cầu mới.');
    }
  }
}
