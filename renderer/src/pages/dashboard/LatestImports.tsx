import type { Dashboard } from '../../../../shared/domain/tracking';
import { routeHref } from '../../app/routes';
import { formatDate } from '../../formatting/dates';
import { arrivalLabel } from '../incoming/incoming-text';
import { ReceivedStatusBadge } from '../tracking/ReceivedStatusBadge';

/** The documents received last, newest first; each opens in the incoming register (or in review when it waits there). */
export function LatestImports({ imports }: { imports: Dashboard['latestImports'] }) {
  return (
    <ul className="latest-imports" data-testid="latest-imports">
      {imports.map((doc) => (
        <li key={doc.id}>
          <a className="latest-import" href={routeHref(doc.status === 'needs_review' ? 'review' : 'incoming', doc.id)}>
            <span className="latest-import-number">
              Số đến {arrivalLabel(doc.arrivalNumber, doc.arrivalYear)}
              <span className="latest-import-date">{formatDate(doc.receivedDate)}</span>
            </span>
            <span className="latest-import-main">
              <span className="latest-import-unit">{doc.unitName ?? 'Chưa rõ đơn vị gửi'}</span>
              <span className="latest-import-subject">{doc.subject ?? 'Chưa đọc được trích yếu'}</span>
            </span>
            <ReceivedStatusBadge status={doc.status} />
          </a>
        </li>
      ))}
    </ul>
  );
}
