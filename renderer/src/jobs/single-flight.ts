import { useMemo, useRef } from 'react';

export type SingleFlight = {
  /** True for the first caller, false until release(): decided synchronously, before any re-render. */
  claim: () => boolean;
  release: () => void;
};

/**
 * One job at a time from a page. A disabled control only takes effect once React has re-rendered, so two
 * choices in quick succession (a double click, two drops, a test's two setInputFiles) could both start a
 * job, and the second one's outcome would replace the first's on screen. Claim before starting; release
 * when the job settles or could not start.
 */
export const useSingleFlight = (): SingleFlight => {
  const held = useRef(false);
  return useMemo(
    () => ({
      claim: () => {
        if (held.current) return false;
        held.current = true;
        return true;
      },
      release: () => {
        held.current = false;
      },
    }),
    [],
  );
};
