import { useCallback, useEffect, useRef, useState } from 'react';
import type { Dispatch, DispatchContent } from '../../../../shared/domain/dispatch';
import { api } from '../../api/client';
import { errorMessage } from '../../api/error-message';
import { savableContent } from './draft-content';

export type SaveState =
  | { status: 'saved'; at: Date | null }
  | { status: 'pending' }
  | { status: 'saving' }
  | { status: 'error'; message: string };

/** Drafts are saved this long after the last change. */
const AUTOSAVE_DELAY_MS = 800;

/** Saves still on their way to the core, from editors that may have closed since. */
const inFlight = new Set<Promise<unknown>>();

/** Resolves when every save started so far has finished: lists wait for it so that they show what was just typed. */
export async function savesSettled(): Promise<void> {
  await Promise.allSettled([...inFlight]);
}

const serialise = (content: DispatchContent): string => JSON.stringify(savableContent(content));

interface DraftAutosave {
  state: SaveState;
  /** Saves now what is not saved yet; false when the core refused (the reason is in `state`). */
  flush(): Promise<boolean>;
}

/**
 * Keeps a draft saved: AUTOSAVE_DELAY_MS after the last change, on `flush()` (Ctrl+S, before
 * issuing or exporting), when the editor closes and when the window is about to unload.
 */
export function useDraftAutosave(id: number, content: DispatchContent, enabled: boolean, onSaved: (dispatch: Dispatch) => void): DraftAutosave {
  const [state, setState] = useState<SaveState>({ status: 'saved', at: null });
  const latest = useRef(content);
  const savedJson = useRef(serialise(content));
  const running = useRef<Promise<boolean> | null>(null);
  const onSavedRef = useRef(onSaved);
  const holdUnload = useRef(false);

  useEffect(() => {
    latest.current = content;
    onSavedRef.current = onSaved;
    // A refused save is on screen with its reason; only a save still due holds the window.
    holdUnload.current = enabled && state.status !== 'error' && serialise(content) !== savedJson.current;
  });

  const saveOnce = useCallback(async (): Promise<boolean> => {
    const payload = savableContent(latest.current);
    const json = JSON.stringify(payload);
    if (json === savedJson.current) return true;
    setState({ status: 'saving' });
    const call = api.call('dispatches.updateDraft', { id, content: payload });
    inFlight.add(call);
    try {
      const saved = await call;
      savedJson.current = json;
      onSavedRef.current(saved);
      setState(serialise(latest.current) === json ? { status: 'saved', at: new Date() } : { status: 'pending' });
      return true;
    } catch (error) {
      setState({ status: 'error', message: errorMessage(error) });
      return false;
    } finally {
      inFlight.delete(call);
    }
  }, [id]);

  const flush = useCallback(async (): Promise<boolean> => {
    if (!enabled) return true;
    // One save at a time, in order: a second request waits for the first, then saves what is newest.
    while (running.current) await running.current;
    const run = saveOnce();
    running.current = run;
    try {
      return await run;
    } finally {
      running.current = null;
    }
  }, [enabled, saveOnce]);

  useEffect(() => {
    if (!enabled || serialise(content) === savedJson.current) return;
    setState((current) => (current.status === 'saving' ? current : { status: 'pending' }));
    const timer = window.setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [content, enabled, flush]);

  // Leaving the editor (another screen, another dispatch) saves what was typed.
  const flushRef = useRef(flush);
  useEffect(() => {
    flushRef.current = flush;
  });
  useEffect(() => () => void flushRef.current(), []);

  // Closing or reloading the window: save, and hold the window while a save is still due.
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent): void => {
      if (!holdUnload.current) return;
      void flushRef.current();
      event.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, []);

  return { state, flush };
}
