import { useCallback, useEffect, useRef, useState } from 'react';

import type { StoredNarrative } from '../../../../shared/schemas/report-narrative';
import { usePlatform } from '../../app/app-context';

export type Narrative = StoredNarrative['narrative'];
export type NarrativeKey = keyof Narrative;
export const NARRATIVE_KEYS: readonly NarrativeKey[] = ['basis', 'strengths', 'weaknesses', 'causes', 'recommendations'];
/** Same bound as reportNarrativeSchema (userText(20_000)). */
export const NARRATIVE_MAX = 20_000;
/** Debounce before an autosave: short enough that a reload a second after typing keeps the text. */
export const AUTOSAVE_DELAY_MS = 700;

export type SaveStatus = 'idle' | 'pending' | 'saving' | 'saved' | 'error';

export type NarrativeState = {
  narrative: Narrative | null;
  loadError: unknown;
  status: SaveStatus;
  saveError: unknown;
  updatedAt: string | null;
  setField: (key: NarrativeKey, value: string) => void;
  /** Saves now (blur, retry, before an export so the PDF has the latest text). */
  flush: () => Promise<void>;
};

/**
 * Loads the narrative and saves it back debounced. Saves never overlap: edits made while a save is in flight
 * are saved right after it. The local text is never replaced by the server's (trimmed, NFC) echo, so typing
 * is not disturbed; only `updatedAt` comes back.
 */
export const useNarrative = (assessmentId: string, delayMs = AUTOSAVE_DELAY_MS): NarrativeState => {
  const { api } = usePlatform();
  const [narrative, setNarrative] = useState<Narrative | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [status, setStatus] = useState<SaveStatus>('idle');
  const [saveError, setSaveError] = useState<unknown>(null);
  const [updatedAt, setUpdatedAt] = useState<string | null>(null);

  const latest = useRef<Narrative | null>(null);
  const dirty = useRef(false);
  const inFlight = useRef<Promise<void> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const alive = useRef(true);

  useEffect(() => {
    alive.current = true;
    let stale = false;
    setNarrative(null);
    setLoadError(null);
    api.report.getNarrative({ assessmentId }).then(
      (s) => {
        if (stale) return;
        latest.current = s.narrative;
        setNarrative(s.narrative);
        setUpdatedAt(s.updatedAt);
      },
      (e: unknown) => !stale && setLoadError(e),
    );
    return () => {
      stale = true;
    };
  }, [api, assessmentId]);

  const saveLoop = useCallback(async (): Promise<void> => {
    while (dirty.current && latest.current) {
      dirty.current = false;
      if (alive.current) setStatus('saving');
      try {
        const saved = await api.report.saveNarrative({ assessmentId, narrative: latest.current });
        if (!alive.current) continue;
        setUpdatedAt(saved.updatedAt);
        setSaveError(null);
        setStatus(dirty.current ? 'pending' : 'saved');
      } catch (e) {
        // Keep the edit marked unsaved so the next keystroke or "retry" sends it again.
        dirty.current = true;
        if (alive.current) {
          setSaveError(e);
          setStatus('error');
        }
        return;
      }
    }
  }, [api, assessmentId]);

  const flush = useCallback(async (): Promise<void> => {
    if (timer.current) {
      clearTimeout(timer.current);
      timer.current = null;
    }
    if (inFlight.current) await inFlight.current;
    if (!dirty.current) return;
    const p = saveLoop().finally(() => {
      inFlight.current = null;
    });
    inFlight.current = p;
    await p;
  }, [saveLoop]);

  const setField = useCallback(
    (key: NarrativeKey, value: string) => {
      if (!latest.current) return;
      latest.current = { ...latest.current, [key]: value };
      dirty.current = true;
      setNarrative(latest.current);
      setStatus((s) => (s === 'saving' ? s : 'pending'));
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), delayMs);
    },
    [delayMs, flush],
  );

  // Leaving the page (route change or closing the window) saves what is pending instead of dropping it.
  useEffect(() => {
    const onHide = () => {
      if (dirty.current) void flush();
    };
    window.addEventListener('pagehide', onHide);
    return () => {
      window.removeEventListener('pagehide', onHide);
      alive.current = false;
      onHide();
    };
  }, [flush]);

  return { narrative, loadError, status, saveError, updatedAt, setField, flush };
};
