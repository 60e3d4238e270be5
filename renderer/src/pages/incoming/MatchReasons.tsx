import { confidencePercent } from './incoming-text';

/** Confidence at or above which the core registers a match without review (main/intake CONFIDENT). */
const SURE = 0.85;

/** A match's confidence as a small tag, green when the core was sure; its reasons as the tooltip. */
export function ConfidenceTag({ confidence, reasons }: { confidence: number; reasons: readonly string[] }) {
  return (
    <span className={`confidence-tag${confidence >= SURE ? ' confidence-sure' : ''}`} title={reasons.length ? `Vì sao: ${reasons.join('; ')}` : undefined}>
      {confidencePercent(confidence)}
    </span>
  );
}

/** "Vì sao: …" under a recognised field: the reasons of the match in plain words, with its confidence. */
export function MatchReasons({ confidence, reasons }: { confidence: number | null; reasons: readonly string[] }) {
  if (reasons.length === 0) return null;
  return (
    <span className="match-reasons">
      Vì sao: {reasons.join('; ')}
      {confidence !== null && <> (độ tin cậy {confidencePercent(confidence)})</>}.
    </span>
  );
}
