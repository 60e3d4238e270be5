/**
 * "Today" for deadlines is the date in Asia/Ho_Chi_Minh (DESIGN §4); tests and outside
 * checks stand on any day by setting VANTHU_TODAY=YYYY-MM-DD.
 */
export function today(env: NodeJS.ProcessEnv = process.env, now: Date = new Date()): string {
  const fixed = env.VANTHU_TODAY?.trim();
  if (fixed && /^\d{4}-\d{2}-\d{2}$/.test(fixed)) return fixed;
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Ho_Chi_Minh',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}
