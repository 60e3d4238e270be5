/**
 * The one API object the renderer uses. It picks the transport once, at start:
 * the Electron preload's bridge when there is one, otherwise HTTP to browser mode.
 * Nothing outside this folder knows which one is in use.
 */
import type { ApiClient } from '../../../shared/api';
import { createBridgeClient } from './bridge-client';
import { createHttpClient } from './http-client';

function createClient(): ApiClient {
  return window.vanthu ? createBridgeClient(window.vanthu) : createHttpClient();
}

export const api: ApiClient = createClient();
