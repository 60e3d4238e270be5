import type { TextRun } from '../../../../shared/domain/dispatch';

/** Runs as stored: no empty runs, neighbours with the same emphasis merged, flags only when set. */
export function normaliseRuns(runs: readonly TextRun[]): TextRun[] {
  const result: TextRun[] = [];
  for (const run of runs) {
    if (!run.text) continue;
    const clean: TextRun = { text: run.text, ...(run.bold ? { bold: true } : {}), ...(run.italic ? { italic: true } : {}) };
    const last = result[result.length - 1];
    if (last && Boolean(last.bold) === Boolean(clean.bold) && Boolean(last.italic) === Boolean(clean.italic)) {
      result[result.length - 1] = { ...last, text: last.text + clean.text };
    } else {
      result.push(clean);
    }
  }
  return result;
}

export function runsText(runs: readonly TextRun[]): string {
  return runs.map((r) => r.text).join('');
}

export function runsEqual(a: readonly TextRun[], b: readonly TextRun[]): boolean {
  const x = normaliseRuns(a);
  const y = normaliseRuns(b);
  return x.length === y.length && x.every((run, i) => {
    const other = y[i];
    return other !== undefined && run.text === other.text && Boolean(run.bold) === Boolean(other.bold) && Boolean(run.italic) === Boolean(other.italic);
  });
}

/** The runs between two character offsets of the paragraph's text. */
export function sliceRuns(runs: readonly TextRun[], start: number, end = Number.POSITIVE_INFINITY): TextRun[] {
  const result: TextRun[] = [];
  let position = 0;
  for (const run of runs) {
    const from = Math.max(start - position, 0);
    const to = Math.min(end - position, run.text.length);
    if (to > from) result.push({ ...run, text: run.text.slice(from, to) });
    position += run.text.length;
  }
  return normaliseRuns(result);
}

export function concatRuns(...parts: readonly (readonly TextRun[])[]): TextRun[] {
  return normaliseRuns(parts.flat());
}
