const dateTimeFormat = new Intl.DateTimeFormat('vi-VN', {
  timeZone: 'Asia/Ho_Chi_Minh',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** An instant (ISO, UTC) as the clerk reads it in Vietnam: `15/01/2025 10:30`. */
export function formatDateTime(instant: string): string {
  const parts = Object.fromEntries(dateTimeFormat.formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  return `${parts.day}/${parts.month}/${parts.year} ${parts.hour}:${parts.minute}`;
}
