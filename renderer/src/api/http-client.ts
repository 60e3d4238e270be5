import { ApiCallError, type ApiClient, type ApiInput, type ApiOutput, type ApiResponse, type Method } from '../../../shared/api';
import { unwrapResponse } from './unwrap-response';

const TOKEN_KEY = 'vanthu.token';
const TOKEN_PARAM = 'token';

/**
 * Browser mode: the page is opened at `/?token=…`. The token is kept for this tab in
 * sessionStorage and removed from the address bar so that it is not bookmarked or shared.
 */
function takeTokenFromUrl(): string {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get(TOKEN_PARAM);
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete(TOKEN_PARAM);
    window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

function isResponseEnvelope(body: unknown): body is ApiResponse<Method> {
  return typeof body === 'object' && body !== null && typeof (body as { ok?: unknown }).ok === 'boolean';
}

/** Browser mode: `POST /api/<method>` with the input as JSON, authenticated by the session token. */
export function createHttpClient(): ApiClient {
  const token = takeTokenFromUrl();
  return {
    async call<M extends Method>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>> {
      let response: Response;
      try {
        response = await fetch(`/api/${method}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-VanThu-Token': token },
          body: JSON.stringify(input),
        });
      } catch {
        throw new ApiCallError(
          'connection_lost',
          'Mất kết nối với VănThư. Hãy kiểm tra chương trình “vanthu serve” còn chạy, rồi tải lại trang.',
        );
      }
      const body: unknown = await response.json().catch(() => null);
      if (!isResponseEnvelope(body)) {
        throw new ApiCallError(
          'bad_response',
          `VănThư trả lời không đúng định dạng (mã HTTP ${response.status}). Hãy tải lại trang.`,
        );
      }
      return unwrapResponse(body as ApiResponse<M>);
    },
  };
}

/**
 * Browser mode: fetches a "Sao lưu ngay" file from the server's download route (a backup may be far
 * larger than an API answer can carry) and returns it for saving.
 */
export async function fetchBackupFile(name: string): Promise<Blob> {
  let response: Response;
  try {
    response = await fetch(`/download/backup/${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { 'X-VanThu-Token': sessionStorage.getItem(TOKEN_KEY) ?? '' },
    });
  } catch {
    throw new ApiCallError('connection_lost', 'Mất kết nối với VănThư nên chưa tải được tệp sao lưu. Tệp vẫn nằm trong thư mục sao lưu.');
  }
  if (!response.ok) throw new ApiCallError('download_failed', `Không tải được tệp sao lưu (mã HTTP ${response.status}). Tệp vẫn nằm trong thư mục sao lưu.`);
  return response.blob();
}
