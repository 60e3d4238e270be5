import { useRef, useSyncExternalStore, type ChangeEvent } from 'react';
import { useAppState } from '../../app/app-context';
import { useToast } from '../../app/toasts';
import { useKeyboardShortcut } from '../../app/use-keyboard-shortcut';
import { DateInput } from '../../components/DateInput';
import { CloseIcon, FolderIcon, ImportIcon } from '../../components/icons';
import { formatDate, parseDate } from '../../formatting/dates';
import { entriesOfFiles } from './dropped-files';
import { MAX_UPLOAD_BYTES } from './import-queue';
import { summarise } from './import-summary';
import { ImportProgressPanel } from './ImportProgressPanel';
import { ImportResultsTable } from './ImportResultsTable';
import { useImportSession } from './ImportSessionProvider';

/** "Nhập văn bản đến": files chosen or dropped anywhere in the window are imported one at a time, with their results. */
export function IntakePage() {
  const { info } = useAppState();
  const showToast = useToast();
  const { queue, receivedDateText, setReceivedDateText, enqueue } = useImportSession();
  const { items, running, stopping } = useSyncExternalStore(queue.subscribe, queue.getSnapshot);
  const fileInput = useRef<HTMLInputElement>(null);
  const dateInvalid = parseDate(receivedDateText) === undefined;
  const summary = summarise(items);

  const choose = (): void => fileInput.current?.click();
  useKeyboardShortcut('o', choose);

  const onChosen = (event: ChangeEvent<HTMLInputElement>): void => {
    const files = [...(event.target.files ?? [])];
    event.target.value = '';
    if (files.length > 0 && !enqueue(entriesOfFiles(files))) {
      showToast({ tone: 'error', message: 'Ngày nhận không hợp lệ: hãy sửa ô “Ngày nhận” (dd/mm/yyyy) rồi chọn lại tệp.' });
    }
  };

  return (
    <div className="page page-fixed-header intake-page">
      <header className="page-header">
        <h1 className="page-title">Nhập văn bản đến</h1>
        <div className="toolbar intake-toolbar">
          <div className={`intake-date${dateInvalid ? ' field-invalid' : ''}`}>
            <label className="inline-label" htmlFor="intake-received-date">
              Ngày nhận
            </label>
            <DateInput
              control={{ id: 'intake-received-date', 'aria-describedby': 'intake-received-date-hint', ...(dateInvalid ? { 'aria-invalid': true } : {}) }}
              value={receivedDateText}
              onChange={setReceivedDateText}
            />
          </div>
          {running && !stopping && (
            <button type="button" className="button" title="Dừng sau tệp đang nhập; những tệp đã nhập vẫn giữ nguyên" onClick={() => queue.stop()}>
              <CloseIcon />
              Dừng
            </button>
          )}
          {summary.stopped > 0 && !running && (
            <button type="button" className="button" onClick={() => queue.resume()}>
              Nhập tiếp {summary.stopped} tệp
            </button>
          )}
          {summary.processed > 0 && !running && (
            <button type="button" className="button" title="Xóa danh sách kết quả trên màn hình; văn bản đã vào sổ vẫn giữ nguyên" onClick={() => queue.clearFinished()}>
              Xóa danh sách
            </button>
          )}
          <button type="button" className="button button-primary" title="Chọn tệp để nhập (Ctrl+O)" onClick={choose}>
            <ImportIcon />
            Chọn tệp…
          </button>
          <input ref={fileInput} type="file" multiple hidden aria-label="Chọn tệp…" onChange={onChosen} />
        </div>
      </header>
      <p id="intake-received-date-hint" className={`intake-date-hint${dateInvalid ? ' field-error' : ''}`}>
        {dateInvalid
          ? 'Ngày nhận không hợp lệ: hãy nhập dạng dd/mm/yyyy, hoặc để trống.'
          : receivedDateText.trim()
            ? `Các tệp nhập từ bây giờ được ghi ngày đến ${receivedDateText.trim()}.`
            : `Ngày nhận để trống: lấy ngày của thư điện tử, nếu không có thì hôm nay (${formatDate(info.today)}).`}
      </p>

      {items.length === 0 ? (
        <IntakeEmptyState browserMode={!window.vanthu} />
      ) : (
        <>
          <ImportProgressPanel summary={summary} running={running} stopping={stopping} />
          <div className="table-scroll intake-table-scroll">
            <ImportResultsTable items={items} />
          </div>
        </>
      )}
    </div>
  );
}

/** What to do when nothing has been imported yet. */
function IntakeEmptyState({ browserMode }: { browserMode: boolean }) {
  return (
    <div className="intake-empty" data-testid="intake-empty">
      <FolderIcon />
      <h2 className="intake-empty-title">Kéo thả tệp vào bất cứ đâu trong cửa sổ, hoặc bấm “Chọn tệp…” (Ctrl+O)</h2>
      <p>
        Thư điện tử đã lưu (.eml, .msg), văn bản (.pdf, .docx, .doc), bảng tính (.xlsx), tệp nén .zip, hoặc cả một thư mục. Mỗi văn bản được lưu
        nguyên tệp gốc, đọc, nhận ra đơn vị gửi và công văn được trả lời, rồi vào sổ văn bản đến với số đến tiếp theo; văn bản chưa chắc chắn chờ ở
        “Chờ xác nhận”.
      </p>
      {browserMode && (
        <p className="intake-empty-note">
          Chế độ trình duyệt: mỗi tệp tối đa {MAX_UPLOAD_BYTES / (1024 * 1024)} MB. Tệp lớn hơn hãy nhập bằng ứng dụng VănThư trên máy tính hoặc lệnh
          “vanthu import”.
        </p>
      )}
    </div>
  );
}
