import { api, isMethod, type ApiResponse, type Method } from '../../shared/api.js';
import { openApp, type App, type OpenAppOptions } from '../app/open-app.js';
import { createHandlers, type Handlers, type ShellKind } from './handlers.js';
import { toApiError } from './errors.js';
import { APP_VERSION } from '../app/version.js';

export type { ShellKind } from './handlers.js';

/** What every shell holds: one entry point that validates, runs and answers, and never throws. */
export interface Core {
  readonly dataDir: string;
  readonly app: App;
  call(method: string, input: unknown): Promise<ApiResponse<Method>>;
  close(): void;
}

export function createCore(app: App, shell: ShellKind): Core {
  const handlers: Handlers = createHandlers(app, shell, APP_VERSION);
  return {
    dataDir: app.dataDir,
    app,
    async call(method, input) {
      if (!isMethod(method)) {
        return { ok: false, error: { code: 'unknown_method', message: `Chức năng "${method}" không tồn tại trong phiên bản này.` } };
      }
      try {
        // Only a missing input means "no arguments"; null or any other non-object is refused by the schema.
        const parsed = api[method].input.parse(input === undefined ? {} : input);
        // The handler table is indexed by the method it was validated for; TypeScript cannot
        // correlate the two across the union, so the call goes through a widened signature.
        const handler = handlers[method] as (input: unknown) => unknown;
        const result = await handler(parsed);
        return { ok: true, result: api[method].output.parse(result) } as ApiResponse<Method>;
      } catch (error) {
        return { ok: false, error: toApiError(error, (message, e) => app.log.error(`${message} (${method})`, e)) };
      }
    },
    close: () => app.close(),
  };
}

export function openCore(options: OpenAppOptions & { shell: ShellKind }): Core {
  return createCore(openApp(options), options.shell);
}
