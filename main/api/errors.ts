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

/** The names clerks know the fields by, for messages that point at a field. */
const FIELD_LABELS: Record<string, string> = {
  name: 'tên',
  shortName: 'tên viết tắt',
  groupId: 'nhóm',
  code: 'mã định danh',
  taxCode: 'mã số thuế',
  emails: 'email',
  phone: 'điện thoại',
  address: 'địa chỉ',
  contactPerson: 'người liên hệ',
  aliases: 'tên gọi khác',
  validFrom: 'hiệu lực từ ngày',
  validUntil: 'hiệu lực đến ngày',
  successorId: 'đơn vị kế thừa',
  sortOrder: 'thứ tự',
  active: 'trạng thái',
  kinhGuiLabel: 'nhãn sau "Kính gửi"',
  parentAgency: 'cơ quan chủ quản',
  agencyName: 'tên cơ quan',
  symbol: 'ký hiệu cơ quan',
  placeName: 'địa danh',
  departments: 'phòng ban',
  signers: 'người ký',
  subject: 'trích yếu',
  recipients: 'nơi nhận',
  body: 'nội dung',
  reason: 'lý do',
  number: 'số văn bản',
  date: 'ngày',
};

function fieldLabel(path: PropertyKey[]): string {
  const named = path.filter((p): p is string => typeof p === 'string');
  const label = named.length ? FIELD_LABELS[named[named.length - 1]!] ?? FIELD_LABELS[named[0]!] : undefined;
  return label ? ` (${label})` : '';
}

/** Turns zod issues into one readable Vietnamese sentence, naming the fields as the clerk knows them. */
export function describeZodError(error: ZodError): string {
  const messages = error.issues.slice(0, 5).map((issue) => {
    const generic = translateIssue(issue.message);
    // Our schemas' own messages already name the field; zod's generic ones get its name added.
    return generic === issue.message ? issue.message.replace(/\.$/, '') : `${generic}${fieldLabel(issue.path)}`;
  });
  const more = error.issues.length > 5 ? `; và ${error.issues.length - 5} lỗi khác` : '';
  return `Dữ liệu không hợp lệ: ${[...new Set(messages)].join('; ')}${more}.`;
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
