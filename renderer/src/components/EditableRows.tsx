export interface EditableColumn<Row> {
  key: keyof Row & string;
  label: string;
  placeholder?: string;
  /** CSS width of the column, e.g. "9rem"; the others share the rest. */
  width?: string;
  /** Turns what is typed into what is kept, e.g. upper case for codes. */
  normalise?(value: string): string;
}

interface EditableRowsProps<Row extends Record<string, string>> {
  /** Names the rows for screen readers, e.g. "Phòng ban". */
  caption: string;
  columns: EditableColumn<Row>[];
  rows: Row[];
  onChange(rows: Row[]): void;
  newRow(): Row;
  addLabel: string;
  emptyText: string;
}

/** A small table of text rows that the clerk can add to, edit in place and remove from. */
export function EditableRows<Row extends Record<string, string>>({
  caption,
  columns,
  rows,
  onChange,
  newRow,
  addLabel,
  emptyText,
}: EditableRowsProps<Row>) {
  const update = (index: number, column: EditableColumn<Row>, value: string): void => {
    const next = rows.map((row, i) => (i === index ? { ...row, [column.key]: column.normalise ? column.normalise(value) : value } : row));
    onChange(next);
  };

  return (
    <div className="editable-rows">
      <table className="editable-rows-table">
        <caption className="visually-hidden">{caption}</caption>
        <colgroup>
          {columns.map((column) => (
            <col key={column.key} style={column.width ? { width: column.width } : undefined} />
          ))}
          <col style={{ width: '4.5rem' }} />
        </colgroup>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.key} scope="col">
                {column.label}
              </th>
            ))}
            <th scope="col">
              <span className="visually-hidden">Thao tác</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && (
            <tr>
              <td colSpan={columns.length + 1} className="editable-rows-empty">
                {emptyText}
              </td>
            </tr>
          )}
          {rows.map((row, index) => (
            <tr key={index}>
              {columns.map((column) => (
                <td key={column.key}>
                  <input
                    type="text"
                    className="input"
                    aria-label={`${column.label} (dòng ${index + 1})`}
                    placeholder={column.placeholder}
                    value={row[column.key]}
                    onChange={(e) => update(index, column, e.target.value)}
                  />
                </td>
              ))}
              <td>
                <button
                  type="button"
                  className="button button-subtle"
                  aria-label={`Xóa dòng ${index + 1}`}
                  onClick={() => onChange(rows.filter((_, i) => i !== index))}
                >
                  Xóa
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="button" onClick={() => onChange([...rows, newRow()])}>
        {addLabel}
      </button>
    </div>
  );
}
