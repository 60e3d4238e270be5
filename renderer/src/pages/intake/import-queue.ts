import type { ImportResult } from '../../../../shared/domain/incoming';

/** Browser mode uploads bytes through the API, which takes at most 50 MB per file (shared/api.ts FileBytes). */
export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

/** How a file reaches the core: its bytes (browser mode) or its path on disk (Electron). */
type ImportSource = { kind: 'bytes'; file: File } | { kind: 'path'; path: string };

/** A file or folder the clerk dropped or chose, before it is imported. */
export interface ImportEntry {
  /** What the clerk recognises: the file name, or its path inside a dropped folder. */
  name: string;
  /** Bytes, when known (a folder dropped in Electron has none). */
  size: number | null;
  source: ImportSource;
}

type ImportItemState = 'queued' | 'working' | 'done' | 'failed' | 'stopped' | 'too-large';

export interface ImportItem extends ImportEntry {
  key: number;
  receivedDate: string | null;
  state: ImportItemState;
  /** What the core made of it: one result per entry created or input refused (an e-mail may hold several documents). */
  results: ImportResult[];
  /** Why the call failed (state 'failed'), in Vietnamese. */
  error: string | null;
}

export interface ImportQueueSnapshot {
  items: readonly ImportItem[];
  running: boolean;
  /** "Dừng" was pressed: the current file finishes, the rest wait. */
  stopping: boolean;
}

/** Sends one item to the core and returns its results; throws with a Vietnamese message on failure. */
type ImportOne = (item: ImportItem) => Promise<ImportResult[]>;

/**
 * The files waiting to be imported and what became of them. Files are sent one at a time, so
 * that progress is real and "Dừng" stops after the file being imported; nothing already
 * imported is undone. It lives above the screens: a drop on any screen joins the same queue,
 * and leaving the import screen does not stop an import.
 */
export class ImportQueue {
  private snapshot: ImportQueueSnapshot = { items: [], running: false, stopping: false };
  private readonly listeners = new Set<() => void>();
  private nextKey = 1;

  constructor(
    private readonly importOne: ImportOne,
    private readonly onItemFinished: () => void,
    private readonly describeError: (error: unknown) => string,
  ) {}

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): ImportQueueSnapshot => this.snapshot;

  add(entries: readonly ImportEntry[], receivedDate: string | null): void {
    if (entries.length === 0) return;
    const added = entries.map<ImportItem>((entry) => ({
      ...entry,
      key: this.nextKey++,
      receivedDate,
      state: entry.source.kind === 'bytes' && (entry.size ?? 0) > MAX_UPLOAD_BYTES ? 'too-large' : 'queued',
      results: [],
      error: null,
    }));
    // Files added after "Dừng" are imported; those that "Dừng" held back keep waiting for "Nhập tiếp".
    const earlier = this.snapshot.stopping ? this.holdQueued() : this.snapshot.items;
    this.update({ items: [...earlier, ...added], stopping: false });
    void this.run();
  }

  stop(): void {
    if (this.snapshot.running) this.update({ stopping: true });
  }

  /** Puts the files left over by "Dừng" back in the queue. */
  resume(): void {
    this.update({ items: this.snapshot.items.map((item) => (item.state === 'stopped' ? { ...item, state: 'queued' } : item)) });
    void this.run();
  }

  /** Forgets the finished files (the documents stay in the register); files still waiting stay. */
  clearFinished(): void {
    this.update({ items: this.snapshot.items.filter((item) => item.state === 'queued' || item.state === 'working') });
  }

  private async run(): Promise<void> {
    if (this.snapshot.running) return;
    this.update({ running: true });
    for (let item = this.nextQueued(); item; item = this.nextQueued()) {
      if (this.snapshot.stopping) {
        this.update({ items: this.holdQueued() });
        break;
      }
      this.replace(item.key, { state: 'working' });
      try {
        this.replace(item.key, { state: 'done', results: await this.importOne(item) });
      } catch (error) {
        this.replace(item.key, { state: 'failed', error: this.describeError(error) });
      }
      this.onItemFinished();
    }
    this.update({ running: false, stopping: false });
  }

  private holdQueued(): ImportItem[] {
    return this.snapshot.items.map((item) => (item.state === 'queued' ? { ...item, state: 'stopped' } : item));
  }

  private nextQueued(): ImportItem | undefined {
    return this.snapshot.items.find((item) => item.state === 'queued');
  }

  private replace(key: number, change: Partial<ImportItem>): void {
    this.update({ items: this.snapshot.items.map((item) => (item.key === key ? { ...item, ...change } : item)) });
  }

  private update(change: Partial<ImportQueueSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...change };
    for (const listener of this.listeners) listener();
  }
}
