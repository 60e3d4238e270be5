/**
 * TEST-ONLY kill points for the crash-safety test (tests/unit/crash-safety.test.ts).
 *
 * With VANTHU_TEST_HOOKS=1 and VANTHU_TEST_CRASH_AT=<point>[@<n>] in the environment, the
 * process kills itself with SIGKILL the n-th time (the first when @n is absent) it reaches
 * that point — no cleanup, no exit handlers, as when power fails or the task manager ends
 * it. Without VANTHU_TEST_HOOKS=1 this does nothing, so a stray variable on a clerk's PC
 * cannot set it off.
 *
 * - after-store: a received file is in the file store, its row is not committed yet;
 * - mid-register: inside the transaction that registers an incoming document;
 * - mid-number: inside the transaction that gives an outgoing dispatch its number.
 */
export type CrashPoint = 'after-store' | 'mid-register' | 'mid-number';

const reached = new Map<CrashPoint, number>();

export function crashPoint(point: CrashPoint): void {
  if (process.env.VANTHU_TEST_HOOKS !== '1') return;
  const [at, nth = '1'] = (process.env.VANTHU_TEST_CRASH_AT ?? '').split('@');
  if (at !== point) return;
  const count = (reached.get(point) ?? 0) + 1;
  reached.set(point, count);
  if (count >= Number(nth)) process.kill(process.pid, 'SIGKILL');
}
