import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * The one way a page loads data:
 *
 *   const load = useCallback(() => api.inbox.get({ importId }), [api, importId]);
 *   const detail = useLoad(load);   // { data, error, loading, reload, set }
 *
 * - Errors are kept in `error` for an ErrorBanner, never swallowed.
 * - Only the latest request may answer: a response to an older `load` (the user switched year, left the
 *   page, or reloaded twice) is dropped, so a slow answer can never overwrite a newer one.
 * - A new `load` (its inputs changed) starts from nothing, from its very first render: data of the previous
 *   entity is never shown under the new one — unless `keepPrevious` says the inputs are only a filter (a
 *   year), where the old list stays on screen until the new one arrives. `reload()` always keeps it.
 * - `set` edits the loaded value locally after an action answered with the new state.
 */
export type Loaded<T> = {
  data: T | null;
  error: unknown;
  loading: boolean;
  reload: () => void;
  set: (update: (current: T) => T) => void;
};

type State<T> = { load: () => Promise<T>; data: T | null; error: unknown; loading: boolean };

export const useLoad = <T>(load: () => Promise<T>, opts: { keepPrevious?: boolean } = {}): Loaded<T> => {
  const keepPrevious = opts.keepPrevious ?? false;
  const [stored, setStored] = useState<State<T>>(() => ({ load, data: null, error: null, loading: true }));
  const state: State<T> = stored.load === load ? stored : { load, data: keepPrevious ? stored.data : null, error: null, loading: true };
  const latest = useRef(0);
  // Any answer still in flight becomes stale (see run: only the latest request may answer).
  const invalidate = useCallback(() => {
    latest.current += 1;
  }, []);

  const run = useCallback(
    (keep: boolean) => {
      const id = ++latest.current;
      const kept = (s: State<T>) => (keep && (keepPrevious || s.load === load) ? s.data : null);
      setStored((s) => ({ load, data: kept(s), error: null, loading: true }));
      load().then(
        (data) => {
          if (latest.current === id) setStored({ load, data, error: null, loading: false });
        },
        (error: unknown) => {
          if (latest.current === id) setStored((s) => ({ load, data: s.load === load ? s.data : null, error, loading: false }));
        },
      );
    },
    [load, keepPrevious],
  );

  useEffect(() => {
    run(keepPrevious);
    // Leaving the page, or a new `load`, makes every answer still in flight stale.
    return invalidate;
  }, [run, invalidate, keepPrevious]);

  const reload = useCallback(() => run(true), [run]);
  const set = useCallback(
    (update: (current: T) => T) => setStored((s) => (s.load === load && s.data !== null ? { ...s, data: update(s.data) } : s)),
    [load],
  );
  return { data: state.data, error: state.error, loading: state.loading, reload, set };
};
