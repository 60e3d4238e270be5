/**
 * `npm run bench -- --crash [--json]`: the long mode of tests/unit/crash-safety.test.ts — an
 * import of 200 generated files killed with SIGKILL at 50 seeded random moments (override with
 * VANTHU_CRASH_KILLS and VANTHU_CRASH_SEED), the folder checked after each kill and at the end.
 * Prints what it found; exits 1 when anything was wrong.
 */
import { runCrashCampaign } from '../support/crash-campaign.js';

const json = process.argv.includes('--json');
const report = await runCrashCampaign({
  files: 200,
  kills: Number(process.env.VANTHU_CRASH_KILLS ?? 50),
  seed: Number(process.env.VANTHU_CRASH_SEED ?? 2025),
  log: json ? undefined : (line) => console.log(line),
});
const summary = {
  crashSeed: report.seed,
  crashFiles: report.files,
  crashDocuments: report.documents,
  crashEntries: report.entries,
  crashKills: report.kills,
  crashKilledMidRun: report.killedMidRun,
  crashRecoveredEntries: report.recoveredEntries,
  crashCompletedImports: report.completedImports,
  crashCleanImportSeconds: Number(report.cleanImportSeconds.toFixed(2)),
  crashTotalSeconds: Number(report.totalSeconds.toFixed(1)),
  crashProblems: report.problems,
};
if (json) console.log(JSON.stringify(summary));
else {
  console.log(
    `\n${report.kills} lần SIGKILL (${report.killedMidRun} khi đang nhập), ${report.recoveredEntries} văn bản được khôi phục vào hàng chờ, ` +
      `${report.completedImports} lần nhập đến cuối được kiểm tra "đúng một lần"; ${report.files} tệp, ${report.entries} văn bản đến; tổng ${summary.crashTotalSeconds} s.`,
  );
  console.log(report.problems.length ? `LỖI:\n${report.problems.join('\n')}` : 'Không có lỗi: toàn vẹn, đủ tệp, mỗi văn bản vào sổ đúng một lần.');
}
process.exitCode = report.problems.length ? 1 : 0;
