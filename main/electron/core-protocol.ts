/**
 * Messages between the main process and the core's utility process (core-process.ts).
 * Main sends `{ type: 'call', id, method, input }` and `{ type: 'shutdown' }`; the core answers
 * each call with `{ id, response }`. Plain data only: they cross a process boundary.
 */
import type { ApiResponse, Method } from '../../shared/api.js';

export interface CoreCallMessage {
  type: 'call';
  id: number;
  method: Method;
  input: unknown;
}

/** Finish the calls in flight, close the database, exit. */
export interface CoreShutdownMessage {
  type: 'shutdown';
}

export type ToCoreMessage = CoreCallMessage | CoreShutdownMessage;

export interface CoreReplyMessage {
  id: number;
  response: ApiResponse<Method>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

export function isCoreCallMessage(value: unknown): value is CoreCallMessage {
  return (
    isRecord(value) &&
    value.type === 'call' &&
    Number.isSafeInteger(value.id) &&
    typeof value.method === 'string'
  );
}

export function isCoreShutdownMessage(value: unknown): value is CoreShutdownMessage {
  return isRecord(value) && value.type === 'shutdown';
}

export function isCoreReplyMessage(value: unknown): value is CoreReplyMessage {
  if (!isRecord(value) || !Number.isSafeInteger(value.id) || !isRecord(value.response)) return false;
  const response = value.response;
  if (response.ok === true) return 'result' in response;
  return (
    response.ok === false &&
    isRecord(response.error) &&
    typeof response.error.code === 'string' &&
    typeof response.error.message === 'string'
  );
}
