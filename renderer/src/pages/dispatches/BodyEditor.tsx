import { useEffect, useLayoutEffect, useRef, useState, type MouseEvent } from 'react';
import type { BodyParagraph, TextRun } from '../../../../shared/domain/dispatch';
import { fold } from '../../../../shared/vn/fold';
import { ArrowDownIcon, ArrowUpIcon, PlusIcon } from '../../components/icons';
import { BodyTableBlock } from './BodyTableBlock';
import { concatRuns, runsText } from './body-runs';
import { placeCaret } from './editable-dom';
import { ParagraphEditable, type ParagraphEvents } from './ParagraphEditable';

type ListKind = BodyParagraph['list'];
type BodyUpdate = (update: (body: BodyParagraph[]) => BodyParagraph[]) => void;

interface BodyEditorProps {
  body: BodyParagraph[];
  onChange: BodyUpdate;
  readOnly: boolean;
  /** "công văn", "báo cáo": named in the prompt of an empty body. */
  documentNoun: string;
}

const EMPTY_PARAGRAPH: BodyParagraph = { runs: [], list: null };

const isTable = (p: BodyParagraph | undefined): boolean => p?.kind === 'table';
const isHeading = (p: BodyParagraph | undefined): boolean => p?.kind === 'heading';

/**
 * The grey prompt of each empty paragraph: under a report's heading it says what that section
 * needs ("III. ĐÁNH GIÁ CHUNG", "IV. ĐỀ XUẤT, KIẾN NGHỊ"); an empty body says how to start.
 */
function placeholders(body: readonly BodyParagraph[], documentNoun: string): string[] {
  let heading: string | null = null;
  return body.map((p, index) => {
    const text = runsText(p.runs).trim();
    if (isHeading(p)) {
      heading = text;
      return 'Tên mục, ví dụ “III. ĐÁNH GIÁ CHUNG”';
    }
    if (isTable(p) || text) {
      heading = null;
      return '';
    }
    if (heading !== null) return sectionPrompt(heading);
    return index === 0 ? `Gõ nội dung ${documentNoun}; Enter để sang đoạn mới.` : '';
  });
}

function sectionPrompt(heading: string): string {
  const folded = fold(heading);
  if (folded.includes('danh gia')) return 'Viết đánh giá chung: kết quả nổi bật, tồn tại, hạn chế và nguyên nhân.';
  if (folded.includes('de xuat') || folded.includes('kien nghi')) return 'Viết đề xuất, kiến nghị với cấp trên (nếu có).';
  return `Viết nội dung mục “${heading}”.`;
}

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
export function BodyEditor({ body, onChange, readOnly, documentNoun }: BodyEditorProps) {
  const elements = useRef<(HTMLDivElement | null)[]>([]);
  const [active, setActive] = useState(0);
  const [emphasis, setEmphasis] = useState({ bold: false, italic: false });
  const pendingCaret = useRef<{ index: number; offset: number } | null>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const paragraphs = body.length > 0 ? body : [EMPTY_PARAGRAPH];
  const markers = listMarkers(paragraphs);
  const prompts = placeholders(paragraphs, documentNoun);
  const activeIndex = Math.min(active, paragraphs.length - 1);
  const activeBlock = paragraphs[activeIndex];
  // Bold, italic and lists belong to ordinary paragraphs; a heading or a table has none.
  const activeIsParagraph = !isHeading(activeBlock) && !isTable(activeBlock);
  const activeList = activeBlock?.list ?? null;

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
          const current = b[index] ?? EMPTY_PARAGRAPH;
          // Enter at the start of a heading opens a paragraph above it; elsewhere what follows a heading is body text.
          if (isHeading(current) && before.length === 0) return replaceAt(b, index, 1, EMPTY_PARAGRAPH, current);
          const next = isHeading(current) ? EMPTY_PARAGRAPH : current;
          return replaceAt(b, index, 1, { ...current, runs: before }, { ...next, runs: after });
        },
        { index: index + 1, offset: 0 },
      ),
    onJoinPrevious: (runs) => {
      const previous = paragraphs[index - 1];
      if (!previous || isTable(previous)) return;
      const offset = runsText(previous.runs).length;
      edit((b) => replaceAt(b, index - 1, 2, { ...previous, runs: concatRuns(previous.runs, runs) }), { index: index - 1, offset });
    },
    onJoinNext: (runs) => {
      const next = paragraphs[index + 1];
      if (!next || isTable(next)) return;
      const offset = runsText(runs).length;
      edit((b) => replaceAt(b, index, 2, { ...(b[index] ?? EMPTY_PARAGRAPH), runs: concatRuns(runs, next.runs) }), { index, offset });
    },
    onPasteLines: (before, lines, after) => {
      const list = paragraphs[index]?.list ?? null;
      const text = (line: string): TextRun[] => [{ text: line.replace(/\t/g, ' ') }];
      const first = { ...(paragraphs[index] ?? EMPTY_PARAGRAPH), runs: concatRuns(before, text(lines[0] ?? '')) };
      const middle = lines.slice(1, -1).map((line) => ({ runs: text(line), list }));
      const lastLine = lines[lines.length - 1] ?? '';
      const last = { runs: concatRuns(text(lastLine), after), list };
      const lastIndex = index + lines.length - 1;
      edit((b) => replaceAt(b, index, 1, first, ...middle, last), { index: lastIndex, offset: lastLine.length });
    },
    onLeave: (direction) => {
      // The arrows step over a table; Tab goes through its cells.
      const step = direction === 'previous' ? -1 : 1;
      let target = index + step;
      while (isTable(paragraphs[target])) target += step;
      const element = elements.current[target];
      const paragraph = paragraphs[target];
      if (element && paragraph) placeCaret(element, direction === 'previous' ? runsText(paragraph.runs).length : 0);
    },
    onFocus: () => setActive(index),
  });

  const setList = (list: ListKind): void => {
    if (!activeIsParagraph) return;
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
            disabled={!activeIsParagraph}
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
            disabled={!activeIsParagraph}
            onMouseDown={keepFocus}
            onClick={() => document.execCommand('italic')}
          >
            I
          </button>
          <span className="body-toolbar-separator" aria-hidden="true" />
          <button type="button" className="body-tool" title="Gạch đầu dòng “- ”" aria-pressed={activeList === 'bullet'} disabled={!activeIsParagraph} onMouseDown={keepFocus} onClick={() => setList('bullet')}>
            – Gạch đầu dòng
          </button>
          <button type="button" className="body-tool" title="Đánh số “1. ”, “2. ”…" aria-pressed={activeList === 'number'} disabled={!activeIsParagraph} onMouseDown={keepFocus} onClick={() => setList('number')}>
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
          <button type="button" className="body-tool body-tool-danger" title={isTable(activeBlock) ? 'Xóa bảng đang chọn' : 'Xóa đoạn đang soạn'} onMouseDown={keepFocus} onClick={removeActive}>
            {isTable(activeBlock) ? 'Xóa bảng' : 'Xóa đoạn'}
          </button>
        </div>
      )}
      <div className="body-paragraphs">
        {paragraphs.map((paragraph, index) =>
          paragraph.kind === 'table' && paragraph.table ? (
            <BodyTableBlock
              key={index}
              table={paragraph.table}
              label={`Bảng ở đoạn ${index + 1}`}
              readOnly={readOnly}
              active={index === activeIndex}
              onChange={(table) => edit((b) => b.map((p, i) => (i === index ? { ...p, table } : p)))}
              onFocus={() => setActive(index)}
            />
          ) : (
            <div
              key={index}
              className={`body-paragraph${isHeading(paragraph) ? ' body-paragraph-heading' : ''}${index === activeIndex && !readOnly ? ' body-paragraph-active' : ''}`}
            >
              <span className="body-paragraph-marker" aria-hidden="true">
                {markers[index]}
              </span>
              <ParagraphEditable
                runs={paragraph.runs}
                label={isHeading(paragraph) ? `Tên mục (đoạn ${index + 1})` : `Đoạn ${index + 1}`}
                placeholder={prompts[index] ?? ''}
                readOnly={readOnly}
                heading={isHeading(paragraph)}
                elementRef={(element) => {
                  elements.current[index] = element;
                }}
                {...eventsFor(index)}
              />
            </div>
          ),
        )}
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
