import { ApiCallError } from '../../../shared/api';

/** An error raised in the renderer whose message is already a Vietnamese sentence for the clerk. */
export class UserFacingError extends Error {
  override name = 'UserFacingError';
}

/** The sentence to show the clerk for a failed action: the core's own Vietnamese message when there is one. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiCallError || error instanceof UserFacingError) return error.message;
  return 'Đã xảy ra lỗi không mong đợi. Hãy thử lại; nếu vẫn lỗi, hãy tải lại cửa sổ.';
}
