import { OBLIGATION_LABELS, type ObligationStatus } from '../../../../shared/domain/tracking';

/** A unit's status for a period, in its colour and always with its words (never colour alone). */
export function ObligationBadge({ status }: { status: ObligationStatus }) {
  return <span className={`badge obligation-badge obligation-${status}`}>{OBLIGATION_LABELS[status]}</span>;
}
