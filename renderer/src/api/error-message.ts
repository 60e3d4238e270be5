import { ApiCallError } from '../../../shared/api';

/** The sentence to show the clerk for a failed call: the core's own Vietnamese message when there is one. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiCallError) return error.message;
  return 'Đã xảy ra lỗi không mong đợi. Hãy thử lại; nếu vẫn lỗi, hãy tải lại cửa sổ.';
}
