import fs from 'node:fs';
import path from 'node:path';

/**
 * The application log: one line per event in logs/vanthu.log inside the data folder,
 * so that a clerk can send it to support. Errors carry their stack here, never on screen.
 */
export function createLog(dataDir: string) {
  const dir = path.join(dataDir, 'logs');
  const file = path.join(dir, 'vanthu.log');
  const write = (level: 'INFO' | 'WARN' | 'ERROR', message: string, error?: unknown): void => {
    const detail = error instanceof Error ? ` ${error.stack ?? error.message}` : error === undefined ? '' : ` ${String(error)}`;
    try {
      fs.mkdirSync(dir, { recursive: true });
      fs.appendFileSync(file, `${new Date().toISOString()} ${level} ${message}${detail}\n`);
    } catch {
      // Logging must never take the app down (a full or read-only disk); stderr still has it.
      process.stderr.write(`${level} ${message}${detail}\n`);
    }
  };
  return {
    file,
    info: (message: string) => write('INFO', message),
    warn: (message: string, error?: unknown) => write('WARN', message, error),
    error: (message: string, error?: unknown) => write('ERROR', message, error),
  };
}
export type Log = ReturnType<typeof createLog>;
