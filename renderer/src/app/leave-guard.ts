import { useEffect, useRef, useState } from 'react';

/**
 * Typed work that is not saved yet (a form with its own Save button) registers here while it is unsaved, so that
 * leaving the page asks first instead of dropping it: by the app's links and the browser's back and forward
 * (useHashPath in router.ts asks `leaveQuestion`), and by closing or reloading the window (beforeunload).
 * Pages that save as the user types (the assessment, the report's narrative) need none of this.
 */
const unsaved = new Map<symbol, () => string>();

/** The question to ask before leaving the page, or null when nothing typed would be lost. */
export const leaveQuestion = (): string | null => {
  const first = unsaved.values().next();
  return first.done ? null : first.value();
};

/** While `isUnsaved`, leaving asks `question()` (worded when asked, in the language shown then). */
export const useLeaveGuard = (isUnsaved: boolean, question: () => string): void => {
  const ask = useRef(question);
  ask.current = question;
  useEffect(() => {
    if (!isUnsaved) return;
    const key = Symbol('unsaved');
    unsaved.set(key, () => ask.current());
    const onUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = ''; // Chromium and Electron ask only when this is set
    };
    window.addEventListener('beforeunload', onUnload);
    return () => {
      unsaved.delete(key);
      window.removeEventListener('beforeunload', onUnload);
    };
  }, [isUnsaved]);
};

/**
 * A form's guard from what it holds: unsaved while `values` differ from what they were when the form opened or
 * was last saved. Returns the call that marks the values held now as saved (after a successful save).
 */
export const useUnsavedValues = (values: unknown, question: () => string, enabled = true): (() => void) => {
  const current = JSON.stringify(values);
  const [saved, setSaved] = useState(current);
  useLeaveGuard(enabled && current !== saved, question);
  return () => setSaved(current);
};
