import type { KeyboardEvent } from 'react';
import type { ImportResult } from '../../../../shared/domain/incoming';
import { navigate } from '../../app/routes';
import { arrivalLabel, documentSummary, numberAndSymbol, periodLabel } from '../incoming/incoming-text';
import { ImportStatusBadge } from '../incoming/ImportStatusBadge';
import { ConfidenceTag } from '../incoming/MatchReasons';
import { formatFileSize } from '../../formatting/file-size';
import { MAX_UPLOAD_BYTES, type ImportItem } from './import-queue';

const MB = 1024 * 1024;

/** The entry a result row opens: the review screen for what waits there, else the document (for a duplicate, the one it repeats). */
function openResult(result: ImportResult): void {
  if (result.entryId === null) return;
  navigate(result.status === 'needs_review' ? 'review' : 'incoming', result.entryId);
}

function onRowKeyDown(event: KeyboardEvent<HTMLTableRowElement>, result: ImportResult): void {
  if (event.key === 'Enter' || event.key === ' ') {
    event.preventDefault();
    openResult(result);
  }
}

function sizeText(bytes: number | null): string {
  return bytes === null ? '' : formatFileSize(bytes);
}

/** Where a file stands while it has no results: waiting, being imported, held back, not importable here, or empty. */
function PendingRow({ item }: { item: ImportItem }) {
  const states: Record<ImportItem['state'], { badge: string; tone: string; note: string }> = {
    done: { badge: 'Không có tệp', tone: 'badge-neutral', note: 'Không có tệp nào để nhập trong mục này.' },
    queued: { badge: 'Đang chờ', tone: 'badge-neutral', note: '' },
    working: { badge: 'Đang nhập', tone: 'badge-progress', note: 'Đang lưu tệp gốc, đọc và nhận biết văn bản…' },
    stopped: { badge: 'Đã dừng', tone: 'badge-neutral', note: 'Chưa nhập: bấm “Nhập tiếp” để nhập.' },
    failed: { badge: 'Lỗi', tone: 'badge-danger', note: item.error ?? '' },
    'too-large': {
      badge: 'Chưa nhập',
      tone: 'badge-danger',
      note: `Tệp lớn hơn ${MAX_UPLOAD_BYTES / MB} MB nên trình duyệt không gửi được. Hãy nhập tệp này bằng ứng dụng VănThư trên máy tính, hoặc bằng lệnh “vanthu import <đường dẫn tệp>”.`,
    },
  };
  const state = states[item.state];
  return (
    <tr className={`import-row import-row-${item.state}`} data-testid="import-row" data-state={item.state}>
      <td>
        <span className={`badge ${state.tone}`}>{state.badge}</span>
      </td>
      <td>
        <span className="import-file-name">{item.name}</span>
        <span className="import-file-detail">{sizeText(item.size)}</span>
      </td>
      <td colSpan={5}>
        {(item.state === 'queued' || item.state === 'working') && (
          <div
            className={`progress-bar progress-bar-small${item.state === 'working' ? ' progress-bar-indeterminate' : ''}`}
            role="progressbar"
            aria-label={`Tiến độ nhập ${item.name}`}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={item.state === 'working' ? undefined : 0}
          >
            <span className="progress-bar-fill" />
          </div>
        )}
        {state.note && <span className="import-note">{state.note}</span>}
      </td>
    </tr>
  );
}

function ResultRow({ result }: { result: ImportResult }) {
  const openable = result.entryId !== null;
  const doc = result.document;
  const dispatch = result.dispatch?.id ? result.dispatch : null;
  return (
    <tr
      className={`import-row${openable ? ' import-row-openable' : ''}`}
      data-testid="import-row"
      data-state="done"
      tabIndex={openable ? 0 : undefined}
      title={openable ? (result.status === 'needs_review' ? 'Mở để xác nhận (Enter)' : 'Mở văn bản đến (Enter)') : undefined}
      onClick={() => openResult(result)}
      onKeyDown={(e) => onRowKeyDown(e, result)}
    >
      <td>
        <ImportStatusBadge status={result.status} />
      </td>
      <td>
        <span className="import-file-name">
          {result.file}
          {result.attachment && result.attachment !== result.file && <span className="import-attachment"> › {result.attachment}</span>}
        </span>
        {doc && documentSummary(doc) && (
          <span className="import-file-detail" title={documentSummary(doc)}>
            {documentSummary(doc)}
          </span>
        )}
      </td>
      <td className="numeric import-arrival">{result.arrivalNumber !== null && result.arrivalYear !== null ? arrivalLabel(result.arrivalNumber, result.arrivalYear) : ''}</td>
      <td>
        {result.unit?.name ? (
          <>
            {result.unit.name} <ConfidenceTag confidence={result.unit.confidence} reasons={result.unit.reasons} />
          </>
        ) : (
          (result.status === 'registered' || result.status === 'needs_review') && <span className="muted">Chưa rõ</span>
        )}
      </td>
      <td>
        {dispatch && (
          <>
            {numberAndSymbol(dispatch.number, dispatch.symbol)} <ConfidenceTag confidence={dispatch.confidence} reasons={dispatch.reasons} />
          </>
        )}
      </td>
      <td className="nowrap">{result.period?.key ? periodLabel(result.period.key) : ''}</td>
      <td className="import-reason">{result.reason}</td>
    </tr>
  );
}

/** One line per document created or input refused; files still waiting show their progress. */
export function ImportResultsTable({ items }: { items: readonly ImportItem[] }) {
  return (
    <table className="data-table import-table" aria-label="Kết quả nhập văn bản đến" data-testid="import-results">
      <colgroup>
        <col className="col-status" />
        <col className="col-file" />
        <col className="col-arrival" />
        <col className="col-unit" />
        <col className="col-dispatch" />
        <col className="col-period" />
        <col className="col-reason" />
      </colgroup>
      <thead>
        <tr>
          <th scope="col">Kết quả</th>
          <th scope="col">Tệp › tệp kèm theo</th>
          <th scope="col" className="numeric">Số đến</th>
          <th scope="col">Đơn vị gửi</th>
          <th scope="col">Trả lời công văn</th>
          <th scope="col">Kỳ báo cáo</th>
          <th scope="col">Ghi chú</th>
        </tr>
      </thead>
      {items.map((item) => (
        <tbody key={item.key} className="import-item">
          {item.results.length > 0 ? item.results.map((result, i) => <ResultRow key={i} result={result} />) : <PendingRow item={item} />}
        </tbody>
      ))}
    </table>
  );
}
