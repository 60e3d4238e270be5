import type { FormRow } from '../../../../shared/domain/form';
import { AGGREGATION_LABELS, KIND_LABELS } from './form-text';

/** The saved form as the units will see it: group rows across, each indicator with its code, unit and how it is read. */
export function FormRowsSummary({ rows }: { rows: readonly FormRow[] }) {
  return (
    <div className="form-summary-scroll">
      <table className="form-summary-table" data-testid="form-rows">
        <caption className="visually-hidden">Các chỉ tiêu của biểu mẫu</caption>
        <thead>
          <tr>
            <th scope="col" className="form-summary-code">
              Mã
            </th>
            <th scope="col">Chỉ tiêu</th>
            <th scope="col" className="form-summary-unit" title="Đơn vị tính">
              ĐVT
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) =>
            row.kind === 'group' ? (
              <tr key={index} className="form-summary-group">
                <td colSpan={3}>{row.label}</td>
              </tr>
            ) : (
              <tr key={index}>
                <td className="form-summary-code">{row.code}</td>
                <td>
                  {row.name}
                  <span className="form-summary-meta">
                    {KIND_LABELS[row.valueKind]} · {AGGREGATION_LABELS[row.aggregation]}
                    {row.required && ' · bắt buộc'}
                  </span>
                </td>
                <td className="form-summary-unit">{row.unit}</td>
              </tr>
            ),
          )}
        </tbody>
      </table>
    </div>
  );
}
