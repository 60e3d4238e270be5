import type { KeyboardEvent } from 'react';

/**
 * Keyboard for a table whose rows are selected one at a time: ↑ ↓, Home, End, Page Up and Page
 * Down move the selection (`moveTo` gets the wanted index, clamped), Enter opens the selected row.
 */
export function rowKeyboardHandler(count: number, selectedIndex: number, moveTo: (index: number) => void, open: () => void) {
  return (event: KeyboardEvent<HTMLElement>): void => {
    const clamp = (index: number): number => Math.max(0, Math.min(count - 1, index));
    const keys: Record<string, () => void> = {
      ArrowDown: () => moveTo(clamp(selectedIndex + 1)),
      ArrowUp: () => moveTo(clamp(selectedIndex < 0 ? 0 : selectedIndex - 1)),
      Home: () => moveTo(0),
      End: () => moveTo(clamp(count - 1)),
      PageDown: () => moveTo(clamp(selectedIndex + 10)),
      PageUp: () => moveTo(clamp(selectedIndex - 10)),
      Enter: open,
    };
    const action = keys[event.key];
    if (action && count > 0 && !event.altKey && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      action();
    }
  };
}
