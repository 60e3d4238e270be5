import { ZodError } from 'zod';
import type { ApiErrorShape } from '../../shared/api.js';

/**
 * An error meant for the clerk: a stable code and a Vietnamese sentence that says
 * what went wrong and what to do. Services throw these; anything else is a bug and
 * crosses the boundary as a generic message (the details go to the log, never to the UI).
 */
export class UserError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'UserError';
  }
}

export function notFound(what: string): UserError {
  return new UserError('not_found', `Không tìm thấy ${what}. Có thể nó đã bị xóa; hãy tải lại danh sách.`);
}

/** Turns zod issues into one readable Vietnamese sentence per problem. */
export function describeZodError(error: ZodError): string {
  const lines = error.issues.slice(0, 5).map((issue) => {
    const where = issue.path.length ? ` (${issue.path.join('.')})` : '';
    return `${translateIssue(issue.message)}${where}`;
  });
  const more = error.issues.length > 5 ? ` … và ${error.issues.length - 5} lỗi khác.` : '';
  return `Dữ liệu không hợp lệ: ${lines.join('; ')}${more}`;
}

// zod's own messages are English; ours are written in Vietnamese in the schemas already.
function translateIssue(message: string): string {
  if (/^Invalid input: expected (\w+), received (\w+)/.test(message)) return 'sai kiểu dữ liệu';
  if (/^Unrecognized key/.test(message)) return 'có trường không được phép';
  if (/^Invalid input/.test(message)) return 'giá trị không hợp lệ';
  if (/^Too (big|small)/.test(message)) return 'giá trị nằm ngoài giới hạn cho phép';
  return message;
}

export function toApiError(error: unknown, log: (message: string, error: unknown) => void): ApiErrorShape {
  if (error instanceof UserError) return { code: error.code, message: error.message };
  if (error instanceof ZodError) return { code: 'invalid_input', message: describeZodError(error) };
  log('Lỗi không mong đợi', error);
  return {
    code: 'internal',
    message: 'Đã xảy ra lỗi không mong đợi. Dữ liệu của bạn không bị thay đổi; hãy thử lại, nếu vẫn lỗi hãy gửi tệp nhật ký cho bộ phận kỹ thuật.',
  };
}
