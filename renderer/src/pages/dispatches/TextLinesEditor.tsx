import { EditableRows } from '../../components/EditableRows';

interface TextLinesEditorProps {
  caption: string;
  lines: string[];
  onChange(lines: string[]): void;
  placeholder: string;
  addLabel: string;
  emptyText: string;
  readOnly: boolean;
}

type LineRow = { text: string };

/** A list of one-line texts (references, extra "Nơi nhận" lines) on the shared editable rows. */
export function TextLinesEditor({ caption, lines, onChange, placeholder, addLabel, emptyText, readOnly }: TextLinesEditorProps) {
  if (readOnly) {
    return lines.length === 0 ? (
      <p className="muted">{emptyText}</p>
    ) : (
      <ul className="text-lines-readonly" aria-label={caption}>
        {lines.map((line, i) => (
          <li key={i}>{line}</li>
        ))}
      </ul>
    );
  }
  return (
    <div className="text-lines">
      <EditableRows<LineRow>
        caption={caption}
        columns={[{ key: 'text', label: caption, placeholder }]}
        rows={lines.map((text) => ({ text }))}
        onChange={(rows) => onChange(rows.map((row) => row.text))}
        newRow={() => ({ text: '' })}
        addLabel={addLabel}
        emptyText={emptyText}
      />
    </div>
  );
}
