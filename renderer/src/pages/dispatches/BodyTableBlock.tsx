import { useLayoutEffect, useRef, type KeyboardEvent } from 'react';
import type { BodyTable } from '../../../../shared/domain/dispatch';

interface BodyTableBlockProps {
  table: BodyTable;
  label: string;
  readOnly: boolean;
  active: boolean;
  onChange(table: BodyTable): void;
  onFocus(): void;
}

/**
 * A report's table in the body (the consolidated figures), ruled as it prints. Each cell is plain
 * text the clerk may correct in place; the figures themselves come from the units' forms, and
 * the appendix is always made afresh from them.
 */
export function BodyTableBlock({ table, label, readOnly, active, onChange, onFocus }: BodyTableBlockProps) {
  const total = table.columnWeights.reduce((sum, w) => sum + w, 0);
  const setCell = (row: number, column: number, text: string): void =>
    onChange({ ...table, rows: table.rows.map((cells, r) => (r === row ? cells.map((cell, c) => (c === column ? { ...cell, text } : cell)) : cells)) });

  return (
    <div className={`body-table-block${active && !readOnly ? ' body-paragraph-active' : ''}`} role="group" aria-label={label} onFocus={onFocus}>
      <table className="body-table">
        <colgroup>
          {table.columnWeights.map((weight, i) => (
            <col key={i} style={{ width: `${(weight / total) * 100}%` }} />
          ))}
        </colgroup>
        <tbody>
          {table.rows.map((cells, r) => (
            <tr key={r} className={r < table.headerRows ? 'body-table-header' : undefined}>
              {cells.map((cell, c) => (
                <TableCell key={c} text={cell.text} align={cell.align ?? (r < table.headerRows ? 'center' : 'left')} readOnly={readOnly} onChange={(text) => setCell(r, c, text)} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="body-table-note">
        Bảng số liệu được tổng hợp tự động từ biểu mẫu các đơn vị gửi về.{!readOnly && ' Sửa trong ô chỉ đổi báo cáo này; phụ lục (.xlsx) luôn lấy đúng số liệu đã nhận.'}
      </p>
    </div>
  );
}

interface TableCellProps {
  text: string;
  align: 'left' | 'center' | 'right';
  readOnly: boolean;
  onChange(text: string): void;
}

/** One cell, edited in place; written from `text` only when it differs from what it shows, so typing keeps the caret. */
function TableCell({ text, align, readOnly, onChange }: TableCellProps) {
  const ref = useRef<HTMLTableCellElement>(null);
  useLayoutEffect(() => {
    const element = ref.current;
    if (element && element.textContent !== text) element.textContent = text;
  }, [text]);

  const onKeyDown = (event: KeyboardEvent<HTMLTableCellElement>): void => {
    // A cell holds one line; Enter would put a line break the printed table has no room for.
    if (event.key === 'Enter') event.preventDefault();
  };

  return (
    <td
      ref={ref}
      className={`body-table-cell body-table-${align}`}
      contentEditable={readOnly ? false : 'plaintext-only'}
      suppressContentEditableWarning
      spellCheck={false}
      onKeyDown={readOnly ? undefined : onKeyDown}
      onInput={(event) => onChange((event.currentTarget.textContent ?? '').replace(/[\r\n\t]/g, ' '))}
      onDrop={(event) => event.preventDefault()}
    />
  );
}
