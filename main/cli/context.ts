import { parseArgs } from 'node:util';
import { openCore, type Core } from '../api/core.js';
import type { ApiInput, ApiOutput, Method } from '../../shared/api.js';

/** What every command gets: where the data is, how to print, and whether to print JSON. */
export interface Context {
  json: boolean;
  dataDir: string;
  out: (text: string) => void;
}

/** An error that ends the command: exit 1 for what the user can fix, 2 for a wrong command line. */
export class CliError extends Error {
  constructor(
    readonly exitCode: 1 | 2,
    readonly code: string,
    message: string,
    readonly extra?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export const usage = (message: string): CliError =>
  new CliError(2, 'usage', `${message} Gõ "vanthu --help" để xem cách dùng.`);

/** node:util parseArgs with its English errors turned into usage errors. */
export function parseCommand<T extends NonNullable<Parameters<typeof parseArgs>[0]>['options']>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    const m = /'(--?[\w-]+)'/.exec((error as Error).message);
    throw usage(m ? `Tùy chọn ${m[1]} không hợp lệ ở đây hoặc thiếu giá trị.` : 'Tham số không hợp lệ.');
  }
}

export function openCoreFor(ctx: Context, shell: 'cli' | 'browser' = 'cli'): Core {
  try {
    return openCore({ dataDir: ctx.dataDir, shell });
  } catch (error) {
    throw new CliError(1, 'open_failed', `Không mở được dữ liệu ở "${ctx.dataDir}": ${(error as Error).message}`);
  }
}

export async function withCore<T>(ctx: Context, work: (core: Core) => Promise<T>): Promise<T> {
  const core = openCoreFor(ctx);
  try {
    return await work(core);
  } finally {
    core.close();
  }
}

/** Calls the API as the app does; an error answer becomes a user error with the same code and message. */
export async function call<M extends Method>(core: Core, method: M, input: ApiInput<M>): Promise<ApiOutput<M>> {
  const response = await core.call(method, input);
  if (!response.ok) throw new CliError(1, response.error.code, response.error.message);
  return response.result as ApiOutput<M>;
}

export function printJson(ctx: Context, value: unknown): void {
  ctx.out(JSON.stringify(value, null, 2));
}
