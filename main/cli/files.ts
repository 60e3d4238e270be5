import fs from 'node:fs';
import path from 'node:path';
import { CliError } from './context.js';

/** Reads a file named on the command line, or says plainly that it cannot. */
export function readInputFile(file: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch {
    throw new CliError(1, 'file_not_found', `Không đọc được tệp "${file}". Hãy kiểm tra đường dẫn.`);
  }
}

/** Writes an output file (creating its folder) and returns its absolute path. */
export function writeOutputFile(file: string, bytes: Buffer | string): string {
  const out = path.resolve(file);
  try {
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, bytes);
  } catch (error) {
    throw new CliError(1, 'write_failed', `Không ghi được tệp "${file}": ${(error as Error).message}`);
  }
  return out;
}
