import { useEffect, useState } from 'react';
import type { IncomingDocument } from '../../../../shared/domain/incoming';
import { api } from '../../api/client';
import { navigate, routeHref } from '../../app/routes';
import { ImportIcon } from '../../components/icons';
import { Notice } from '../../components/Notice';
import { usePagedRows } from '../../components/use-paged-rows';
import { GapRow, LoadingRow, useVirtualTable } from '../../components/virtual-table';
import { formatDate } from '../../formatting/dates';
import { useReviewCount } from '../intake/ImportSessionProvider';
import { arrivalLabel, documentSummary, mainFile } from './incoming-text';

const QUEUE_COLUMNS = 5;

function QueueTable({ queue, onRowsNeeded }: { queue: readonly (IncomingDocument | undefined)[]; onRowsNeeded(start: number, end: number): void }) {
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const table = useVirtualTable({
    rows: queue,
    onRowsNeeded,
    estimate: 44,
    rowId: (d) => d.id,
    rowIdAttribute: 'data-document-id',
    selectedId,
    onSelect: setSelectedId,
    onOpen: (doc) => navigate('review', doc.id),
  });

  return (
    <table className="data-table review-queue-table" role="grid" aria-readonly="true" aria-label="Văn bản chờ xác nhận" aria-rowcount={queue.length + 1} data-testid="review-queue">
      <colgroup>
        <col className="col-date" />
        <col className="col-arrival" />
        <col className="col-file" />
        <col />
        <col className="col-reason" />
      </colgroup>
      <thead>
        <tr>
          <th scope="col">Ngày nhận</th>
          <th scope="col">Số đến</th>
          <th scope="col">Tệp</th>
          <th scope="col">VănThư đọc được</th>
          <th scope="col">Cần xác nhận vì</th>
        </tr>
      </thead>
      <tbody ref={table.bodyRef} onKeyDown={table.onKeyDown}>
        <GapRow height={table.padTop} />
        {table.drawn.map(({ index, row: doc }) =>
          doc === undefined ? (
            <LoadingRow key={`loading-${index}`} index={index} columns={QUEUE_COLUMNS} />
          ) : (
            <tr
              key={doc.id}
              className="incoming-row"
              data-testid="review-row"
              data-index={index}
              data-document-id={doc.id}
              aria-rowindex={index + 2}
              tabIndex={doc.id === table.focusableId ? 0 : -1}
              aria-selected={doc.id === selectedId}
              title="Mở để xác nhận (Enter)"
              onFocus={() => setSelectedId(doc.id)}
              onClick={() => navigate('review', doc.id)}
            >
              <td className="nowrap">{formatDate(doc.receivedDate)}</td>
              <td className="incoming-arrival">{arrivalLabel(doc.arrivalNumber, doc.arrivalYear)}</td>
              <td className="incoming-file">{mainFile(doc)?.displayPath ?? <span className="muted">(bản giấy)</span>}</td>
              <td>
                {doc.agency || doc.unitName ? <span className="incoming-agency">{doc.unitName ?? doc.agency}</span> : <span className="muted">Chưa rõ đơn vị gửi</span>}
                {documentSummary(doc) && <span className="incoming-subject">{documentSummary(doc)}</span>}
              </td>
              <td className="incoming-reason">{doc.reviewReason}</td>
            </tr>
          ),
        )}
        <GapRow height={table.padBottom} />
      </tbody>
    </table>
  );
}

const loadQueue = (offset: number, limit: number | null) => api.call('incoming.list', { status: 'needs_review', year: null, offset, limit });

/** "Chờ xác nhận": received documents VănThư was not sure about, waiting for the clerk. */
export function ReviewQueuePage() {
  const { rows: queue, error, request } = usePagedRows(loadQueue, 'needs_review');
  const { refresh } = useReviewCount();
  useEffect(() => {
    refresh();
  }, [refresh]);
  const first = queue?.[0];

  return (
    <div className="page page-fixed-header review-queue-page">
      <header className="page-header">
        <h1 className="page-title">Chờ xác nhận</h1>
        <div className="toolbar">
          <a className="button" href={routeHref('intake')}>
            <ImportIcon />
            Nhập văn bản đến
          </a>
          {first && (
            <button type="button" className="button button-primary" title="Mở văn bản đầu tiên; sau mỗi lần xác nhận chuyển sang văn bản kế tiếp" onClick={() => navigate('review', first.id)}>
              Xác nhận lần lượt ({queue.length})
            </button>
          )}
        </div>
      </header>
      {error && <Notice tone="error">{error}</Notice>}
      <div className="table-scroll incoming-table-scroll">
        {queue === null ? (
          <p className="empty-state">Đang tải hàng chờ xác nhận…</p>
        ) : queue.length === 0 ? (
          <p className="empty-state">
            Không có văn bản nào chờ xác nhận. Văn bản nhập vào mà VănThư chưa chắc chắn — văn bản scan, tệp không đọc được, chưa rõ đơn vị gửi
            hay công văn được trả lời — sẽ chờ ở đây để văn thư kiểm tra. Để nhập văn bản, vào “Nhập văn bản đến” hoặc kéo thả tệp vào cửa sổ.
          </p>
        ) : (
          <QueueTable queue={queue} onRowsNeeded={request} />
        )}
      </div>
    </div>
  );
}
