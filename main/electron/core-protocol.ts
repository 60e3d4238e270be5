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

/** Main's answer to a print request: the PDF, or why it could not be made. */
export interface CorePrintResultMessage {
  type: 'print-pdf-result';
  requestId: number;
  base64: string | null;
  error: string | null;
}

/** Main's answer to a save-dialog request: the path the clerk chose, or null when cancelled. */
export interface CoreSaveDialogResultMessage {
  type: 'save-dialog-result';
  requestId: number;
  path: string | null;
}

export type ToCoreMessage = CoreCallMessage | CoreShutdownMessage | CorePrintResultMessage | CoreSaveDialogResultMessage;

/**
 * The core asks main where to save a copy of a file ("Sao lưu ngay"): only main can show the
 * save dialog, and the path comes from the clerk's choice there, never from the page.
 */
export interface CoreSaveDialogRequestMessage {
  type: 'save-dialog';
  requestId: number;
  suggestedName: string;
}

/**
 * The core asks main to print a page of HTML to PDF: only main can open a (hidden) window
 * and use Chromium's printToPDF, and the PDF must be the preview (DESIGN §3).
 */
export interface CorePrintRequestMessage {
  type: 'print-pdf';
  requestId: number;
  html: string;
}

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

export function isCorePrintRequestMessage(value: unknown): value is CorePrintRequestMessage {
  return isRecord(value) && value.type === 'print-pdf' && Number.isSafeInteger(value.requestId) && typeof value.html === 'string';
}

export function isCorePrintResultMessage(value: unknown): value is CorePrintResultMessage {
  return (
    isRecord(value) &&
    value.type === 'print-pdf-result' &&
    Number.isSafeInteger(value.requestId) &&
    (typeof value.base64 === 'string' || value.base64 === null) &&
    (typeof value.error === 'string' || value.error === null)
  );
}

export function isCoreSaveDialogRequestMessage(value: unknown): value is CoreSaveDialogRequestMessage {
  return isRecord(value) && value.type === 'save-dialog' && Number.isSafeInteger(value.requestId) && typeof value.suggestedName === 'string';
}

export function isCoreSaveDialogResultMessage(value: unknown): value is CoreSaveDialogResultMessage {
  return (
    isRecord(value) &&
    value.type === 'save-dialog-result' &&
    Number.isSafeInteger(value.requestId) &&
    (typeof value.path === 'string' || value.path === null)
  );
}
