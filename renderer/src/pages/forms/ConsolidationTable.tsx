import type { Aggregation, Consolidation } from '../../../../shared/domain/form';
import { AGGREGATION_LABELS, formatConsolidated, indicatorsByCode } from './form-text';

/** A sum goes without saying, a count of "Có" or a list says itself; these are named beside the figure. */
const SHOWN_HOW: ReadonlySet<Aggregation> = new Set(['average', 'min', 'max']);

interface ConsolidationTableProps {
  consolidation: Consolidation;
  /** In a side panel: the unit of measure goes under the figure instead of a column of its own. */
  compact?: boolean;
}

/** The consolidated figure of each indicator, how it was computed, and how many units gave a value for it. */
export function ConsolidationTable({ consolidation, compact = false }: ConsolidationTableProps) {
  const indicators = indicatorsByCode(consolidation.form.rows);
  const reporting = consolidation.units.length;
  const columns = compact ? 3 : 4;
  return (
    <table className={`consolidation-table${compact ? ' consolidation-table-compact' : ''}`} data-testid="consolidation-table">
      <caption className="visually-hidden">Số liệu tổng hợp</caption>
      <thead>
        <tr>
          <th scope="col">Chỉ tiêu</th>
          {!compact && (
            <th scope="col" className="consolidation-unit" title="Đơn vị tính">
              ĐVT
            </th>
          )}
          <th scope="col" className="consolidation-value">
            Tổng hợp
          </th>
          <th scope="col" className="consolidation-count" title="Số đơn vị có số liệu cho chỉ tiêu này">
            {compact ? 'Đơn vị' : 'Số đơn vị'}
          </th>
        </tr>
      </thead>
      <tbody>
        {consolidation.rows.map((row, index) => {
          if (row.kind === 'group') {
            return (
              <tr key={index} className="consolidation-group">
                <td colSpan={columns}>{row.label}</td>
              </tr>
            );
          }
          const { indicator } = row;
          const value = formatConsolidated(indicator, indicators.get(indicator.code.toUpperCase())?.valueKind ?? null);
          return (
            <tr key={index} data-code={indicator.code}>
              <th scope="row">{indicator.name}</th>
              {!compact && <td className="consolidation-unit">{indicator.unit}</td>}
              <td className="consolidation-value" title={AGGREGATION_LABELS[indicator.aggregation]}>
                {value ?? <span className="muted">—</span>}
                {compact && indicator.unit && value !== null && <span className="consolidation-how">{indicator.unit}</span>}
                {SHOWN_HOW.has(indicator.aggregation) && value !== null && <span className="consolidation-how">{AGGREGATION_LABELS[indicator.aggregation].toLocaleLowerCase('vi')}</span>}
              </td>
              <td className={`consolidation-count${indicator.contributors < reporting ? ' consolidation-count-short' : ''}`}>
                {indicator.contributors}/{reporting}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
