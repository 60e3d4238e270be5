import { useEffect, useLayoutEffect, useRef, useState, type MouseEvent } from 'react';
import type { BodyParagraph, TextRun } from '../../../../shared/domain/dispatch';
import { ArrowDownIcon, ArrowUpIcon, PlusIcon } from '../../components/icons';
import { concatRuns, runsText } from './body-runs';
import { placeCaret } from './editable-dom';
import { ParagraphEditable, type ParagraphEvents } from './ParagraphEditable';

type ListKind = BodyParagraph['list'];
type BodyUpdate = (update: (body: BodyParagraph[]) => BodyParagraph[]) => void;

interface BodyEditorProps {
  body: BodyParagraph[];
  onChange: BodyUpdate;
  readOnly: boolean;
}

const EMPTY_PARAGRAPH: BodyParagraph = { runs: [], list: null };

/** "- " for bullets; "1. ", "2. " … for a numbered run of paragraphs, as the template prints them. */
function listMarkers(body: readonly BodyParagraph[]): string[] {
  let number = 0;
  return body.map((p) => {
    number = p.list === 'number' ? number + 1 : 0;
    return p.list === 'bullet' ? '-' : p.list === 'number' ? `${number}.` : '';
  });
}

function replaceAt<T>(items: readonly T[], index: number, count: number, ...inserted: T[]): T[] {
  const next = [...items];
  next.splice(index, count, ...inserted);
  return next;
}

/** Buttons of the toolbar keep the caret where it is: they act on the paragraph being edited. */
const keepFocus = (event: MouseEvent): void => event.preventDefault();

/**
 * "Nội dung": the paragraphs of the body. Enter starts a new paragraph, Backspace at the start
 * joins it to the previous one; Ctrl+B and Ctrl+I (or the buttons) set bold and italic on the
 * selected words; a paragraph can be a bulleted or numbered item.
 */
export function BodyEditor({ body, onChange, readOnly }: BodyEditorProps) {
  const elements = useRef<(HTMLDivElement | null)[]>([]);
  const [active, setActive] = useState(0);
  const [emphasis, setEmphasis] = useState({ bold: false, italic: false });
  const pendingCaret = useRef<{ index: number; offset: number } | null>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const paragraphs = body.length > 0 ? body : [EMPTY_PARAGRAPH];
  const markers = listMarkers(paragraphs);
  const activeIndex = Math.min(active, paragraphs.length - 1);
  const activeList = paragraphs[activeIndex]?.list ?? null;

  // After a split, a join or a paste the caret goes where the text went.
  useLayoutEffect(() => {
    const target = pendingCaret.current;
    if (!target) return;
    pendingCaret.current = null;
    const element = elements.current[target.index];
    if (element) placeCaret(element, target.offset);
  });

  // The B and I buttons show the emphasis where the caret is.
  useEffect(() => {
    const onSelectionChange = (): void => {
      if (!rootRef.current?.contains(document.activeElement)) return;
      setEmphasis({ bold: document.queryCommandState('bold'), italic: document.queryCommandState('italic') });
    };
    document.addEventListener('selectionchange', onSelectionChange);
    return () => document.removeEventListener('selectionchange', onSelectionChange);
  }, []);

  const edit = (update: (current: BodyParagraph[]) => BodyParagraph[], caret?: { index: number; offset: number }): void => {
    if (caret) {
      pendingCaret.current = caret;
      setActive(caret.index);
    }
    onChange((current) => update(current.length > 0 ? current : [EMPTY_PARAGRAPH]));
  };

  const eventsFor = (index: number): ParagraphEvents => ({
    onChange: (runs) => edit((b) => b.map((p, i) => (i === index ? { ...p, runs } : p))),
    onSplit: (before, after) =>
      edit(
        (b) => {
          const list = b[index]?.list ?? null;
          return replaceAt(b, index, 1, { runs: before, list }, { runs: after, list });
        },
        { index: index + 1, offset: 0 },
      ),
    onJoinPrevious: (runs) => {
      const previous = paragraphs[index - 1];
      if (!previous) return;
      const offset = runsText(previous.runs).length;
      edit((b) => replaceAt(b, index - 1, 2, { ...previous, runs: concatRuns(previous.runs, runs) }), { index: index - 1, offset });
    },
    onJoinNext: (runs) => {
      const next = paragraphs[index + 1];
      if (!next) return;
      const offset = runsText(runs).length;
      edit((b) => replaceAt(b, index, 2, { runs: concatRuns(runs, next.runs), list: b[index]?.list ?? null }), { index, offset });
    },
    onPasteLines: (before, lines, after) => {
      const list = paragraphs[index]?.list ?? null;
      const text = (line: string): TextRun[] => [{ text: line.replace(/\t/g, ' ') }];
      const first = { runs: concatRuns(before, text(lines[0] ?? '')), list };
      const middle = lines.slice(1, -1).map((line) => ({ runs: text(line), list }));
      const lastLine = lines[lines.length - 1] ?? '';
      const last = { runs: concatRuns(text(lastLine), after), list };
      const lastIndex = index + lines.length - 1;
      edit((b) => replaceAt(b, index, 1, first, ...middle, last), { index: lastIndex, offset: lastLine.length });
    },
    onLeave: (direction) => {
      const target = direction === 'previous' ? index - 1 : index + 1;
      const element = elements.current[target];
      const paragraph = paragraphs[target];
      if (element && paragraph) placeCaret(element, direction === 'previous' ? runsText(paragraph.runs).length : 0);
    },
    onFocus: () => setActive(index),
  });

  const setList = (list: ListKind): void => {
    const next = activeList === list ? null : list;
    edit((b) => b.map((p, i) => (i === activeIndex ? { ...p, list: next } : p)));
    elements.current[activeIndex]?.focus();
  };

  const move = (offset: -1 | 1): void => {
    const target = activeIndex + offset;
    const paragraph = paragraphs[activeIndex];
    const other = paragraphs[target];
    if (!paragraph || !other) return;
    edit((b) => b.map((p, i) => (i === activeIndex ? other : i === target ? paragraph : p)), { index: target, offset: 0 });
  };

  const removeActive = (): void => {
    if (paragraphs.length === 1) {
      edit(() => [EMPTY_PARAGRAPH], { index: 0, offset: 0 });
      return;
    }
    const index = Math.max(activeIndex - 1, 0);
    edit((b) => replaceAt(b, activeIndex, 1), { index, offset: activeIndex === 0 ? 0 : runsText(paragraphs[index]?.runs ?? []).length });
  };

  const addParagraph = (): void => {
    edit((b) => [...b, { runs: [], list: null }], { index: paragraphs.length, offset: 0 });
  };

  return (
    <div className="body-editor" ref={rootRef}>
      {!readOnly && (
        <div className="body-toolbar" role="toolbar" aria-label="Định dạng nội dung">
          <button
            type="button"
            className="body-tool body-tool-bold"
            title="In đậm (Ctrl+B)"
            aria-label="In đậm"
            aria-pressed={emphasis.bold}
            onMouseDown={keepFocus}
            onClick={() => document.execCommand('bold')}
          >
            B
          </button>
          <button
            type="button"
            className="body-tool body-tool-italic"
            title="In nghiêng (Ctrl+I)"
            aria-label="In nghiêng"
            aria-pressed={emphasis.italic}
            onMouseDown={keepFocus}
            onClick={() => document.execCommand('italic')}
          >
            I
          </button>
          <span className="body-toolbar-separator" aria-hidden="true" />
          <button type="button" className="body-tool" title="Gạch đầu dòng “- ”" aria-pressed={activeList === 'bullet'} onMouseDown={keepFocus} onClick={() => setList('bullet')}>
            – Gạch đầu dòng
          </button>
          <button type="button" className="body-tool" title="Đánh số “1. ”, “2. ”…" aria-pressed={activeList === 'number'} onMouseDown={keepFocus} onClick={() => setList('number')}>
            1. Đánh số
          </button>
          <span className="body-toolbar-separator" aria-hidden="true" />
          <button type="button" className="body-tool" title="Chuyển đoạn lên" aria-label="Chuyển đoạn lên" disabled={activeIndex === 0} onMouseDown={keepFocus} onClick={() => move(-1)}>
            <ArrowUpIcon />
          </button>
          <button
            type="button"
            className="body-tool"
            title="Chuyển đoạn xuống"
            aria-label="Chuyển đoạn xuống"
            disabled={activeIndex >= paragraphs.length - 1}
            onMouseDown={keepFocus}
            onClick={() => move(1)}
          >
            <ArrowDownIcon />
          </button>
          <button type="button" className="body-tool body-tool-danger" title="Xóa đoạn đang soạn" onMouseDown={keepFocus} onClick={removeActive}>
            Xóa đoạn
          </button>
        </div>
      )}
      <div className="body-paragraphs">
        {paragraphs.map((paragraph, index) => (
          <div key={index} className={`body-paragraph${index === activeIndex && !readOnly ? ' body-paragraph-active' : ''}`}>
            <span className="body-paragraph-marker" aria-hidden="true">
              {markers[index]}
            </span>
            <ParagraphEditable
              runs={paragraph.runs}
              label={`Đoạn ${index + 1}`}
              placeholder={index === 0 ? 'Gõ nội dung công văn; Enter để sang đoạn mới.' : ''}
              readOnly={readOnly}
              elementRef={(element) => {
                elements.current[index] = element;
              }}
              {...eventsFor(index)}
            />
          </div>
        ))}
      </div>
      {!readOnly && (
        <button type="button" className="button button-subtle body-add" onClick={addParagraph}>
          <PlusIcon />
          Thêm đoạn
        </button>
      )}
    </div>
  );
}
