import type { UnitImportResult } from '../../../../shared/domain/unit';
import { Dialog } from '../../components/Dialog';

interface ImportResultDialogProps {
  fileName: string;
  result: UnitImportResult;
  onClose(): void;
}

/** What importing a spreadsheet did: the counts, or every error located by row and column. */
export function ImportResultDialog({ fileName, result, onClose }: ImportResultDialogProps) {
  const failed = !result.imported || result.errors.length > 0;
  return (
    <Dialog
      title={failed ? 'Không nhập được tệp Excel' : 'Đã nhập từ Excel'}
      size={failed ? 'large' : 'medium'}
      testId="import-result"
      onClose={onClose}
      footer={
        <button type="button" className="button button-primary" data-autofocus onClick={onClose}>
          Đóng
        </button>
      }
    >
      <p className="import-file-name">
        Tệp: <strong>{fileName}</strong>
      </p>
      {failed ? <ImportErrors result={result} /> : <ImportCounts result={result} />}
    </Dialog>
  );
}

function ImportErrors({ result }: { result: UnitImportResult }) {
  return (
    <>
      <p>
        Tệp có {result.errors.length} lỗi nên <strong>chưa nhập dòng nào</strong>; danh sách đơn vị không thay đổi. Hãy sửa các lỗi dưới đây
        trong tệp Excel rồi nhập lại.
      </p>
      <div className="table-scroll import-errors-scroll">
        <table className="data-table import-errors-table">
          <thead>
            <tr>
              <th scope="col" className="numeric">
                Dòng
              </th>
              <th scope="col">Cột</th>
              <th scope="col">Lỗi</th>
            </tr>
          </thead>
          <tbody>
            {result.errors.map((error, index) => (
              <tr key={index}>
                <td className="numeric">{error.row}</td>
                <td>{error.column}</td>
                <td>{error.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function ImportCounts({ result }: { result: UnitImportResult }) {
  const counts: [string, number][] = [
    ['Thêm mới', result.created],
    ['Cập nhật', result.updated],
    ['Không thay đổi', result.unchanged],
  ];
  if (result.groupsCreated > 0) counts.push(['Nhóm mới', result.groupsCreated]);
  return (
    <>
      <p>Danh sách đơn vị đã được cập nhật theo tệp.</p>
      <dl className="import-counts">
        {counts.map(([label, value]) => (
          <div key={label} className="import-count">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}
