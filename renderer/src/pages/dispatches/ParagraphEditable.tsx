import { useLayoutEffect, useRef, type ClipboardEvent, type KeyboardEvent } from 'react';
import type { TextRun } from '../../../../shared/domain/dispatch';
import { runsEqual, runsText, sliceRuns } from './body-runs';
import { readRuns, selectionOffsets, writeRuns } from './editable-dom';

export interface ParagraphEvents {
  onChange(runs: TextRun[]): void;
  /** Enter: the paragraph ends at the caret; what follows starts a new paragraph. */
  onSplit(before: TextRun[], after: TextRun[]): void;
  /** Backspace at the very start: this paragraph joins the end of the previous one. */
  onJoinPrevious(runs: TextRun[]): void;
  /** Delete at the very end: the next paragraph joins this one. */
  onJoinNext(runs: TextRun[]): void;
  /** Pasted text of several lines: one paragraph per line. */
  onPasteLines(before: TextRun[], lines: string[], after: TextRun[]): void;
  /** The caret leaves the paragraph with ↑ at its start or ↓ at its end. */
  onLeave(direction: 'previous' | 'next'): void;
  onFocus(): void;
}

interface ParagraphEditableProps extends ParagraphEvents {
  runs: TextRun[];
  label: string;
  placeholder: string;
  readOnly: boolean;
  /** A report's section heading: bold by its style, plain text only (no bold or italic of its own). */
  heading?: boolean;
  elementRef(element: HTMLDivElement | null): void;
}

/**
 * One paragraph of the body, edited in place with its bold and italic showing. The element
 * is written from `runs` only when they differ from what it already shows, so typing never
 * loses the caret; everything the clerk does is read back as runs.
 */
export function ParagraphEditable({ runs, label, placeholder, readOnly, heading = false, elementRef, ...events }: ParagraphEditableProps) {
  const ref = useRef<HTMLDivElement | null>(null);
  const shown = useRef<TextRun[] | null>(null);

  useLayoutEffect(() => {
    const element = ref.current;
    if (!element || (shown.current && runsEqual(shown.current, runs))) return;
    writeRuns(element, runs);
    shown.current = runs;
  }, [runs]);

  const read = (): TextRun[] => {
    const element = ref.current;
    if (!element) return runs;
    const current = readRuns(element, !heading);
    // An emptied paragraph keeps a stray <br>; clear it so that the placeholder shows.
    if (current.length === 0 && element.childNodes.length > 0) element.replaceChildren();
    shown.current = current;
    return current;
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const element = ref.current;
    if (!element) return;
    const ctrl = (event.ctrlKey || event.metaKey) && !event.altKey;
    if (ctrl && !event.shiftKey && (event.key === 'b' || event.key === 'i')) {
      event.preventDefault();
      if (!heading) document.execCommand(event.key === 'b' ? 'bold' : 'italic');
      return;
    }
    if (ctrl && event.key === 'u') {
      event.preventDefault(); // the decree's body has no underlining
      return;
    }
    const offsets = selectionOffsets(element);
    if (!offsets) return;
    const current = readRuns(element, !heading);
    const length = runsText(current).length;
    const collapsed = offsets.start === offsets.end;
    if (event.key === 'Enter') {
      event.preventDefault();
      events.onSplit(sliceRuns(current, 0, offsets.start), sliceRuns(current, offsets.end));
    } else if (event.key === 'Backspace' && collapsed && offsets.start === 0 && !ctrl) {
      event.preventDefault();
      events.onJoinPrevious(current);
    } else if (event.key === 'Delete' && collapsed && offsets.end === length && !ctrl) {
      event.preventDefault();
      events.onJoinNext(current);
    } else if (event.key === 'ArrowUp' && collapsed && offsets.start === 0) {
      event.preventDefault();
      events.onLeave('previous');
    } else if (event.key === 'ArrowDown' && collapsed && offsets.end === length) {
      event.preventDefault();
      events.onLeave('next');
    }
  };

  const onPaste = (event: ClipboardEvent<HTMLDivElement>): void => {
    // Only the text comes in: formatting from Word or a web page would not survive into the .docx anyway.
    event.preventDefault();
    const element = ref.current;
    const text = event.clipboardData.getData('text/plain').replace(/\r\n?/g, '\n');
    if (!element || !text) return;
    const lines = text.split(/\n+/).filter((line) => line.trim());
    if (lines.length <= 1) {
      document.execCommand('insertText', false, (lines[0] ?? '').replace(/\t/g, ' '));
      return;
    }
    const offsets = selectionOffsets(element);
    const current = readRuns(element, !heading);
    const start = offsets?.start ?? runsText(current).length;
    events.onPasteLines(sliceRuns(current, 0, start), lines, sliceRuns(current, offsets?.end ?? start));
  };

  return (
    <div
      ref={(element) => {
        ref.current = element;
        elementRef(element);
      }}
      className={`body-paragraph-text${heading ? ' body-heading-text' : ''}`}
      role="textbox"
      aria-multiline="false"
      aria-label={label}
      aria-readonly={readOnly || undefined}
      data-placeholder={placeholder}
      contentEditable={!readOnly}
      spellCheck={false}
      onInput={() => events.onChange(read())}
      onKeyDown={readOnly ? undefined : onKeyDown}
      onPaste={readOnly ? undefined : onPaste}
      onDrop={(event) => event.preventDefault()}
      onFocus={events.onFocus}
    />
  );
}
