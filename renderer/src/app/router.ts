import { useEffect, useState } from 'react';

import { leaveQuestion } from './leave-guard';

/**
 * Hash routes ("#/a/<id>/n/<nodeId>"): no server routing needed under app:// or the web host.
 * Each route is matched by a pattern with :params.
 */
export type Route = { path: string; params: Record<string, string> };

export const parseRoute = (hash: string, patterns: readonly string[]): Route & { pattern: string | null } => {
  const path = hash.replace(/^#/, '').split('?')[0] || '/';
  for (const pattern of patterns) {
    const ps = pattern.split('/');
    const xs = path.split('/');
    if (ps.length !== xs.length) continue;
    const params: Record<string, string> = {};
    let okMatch = true;
    ps.forEach((p, i) => {
      const x = xs[i] ?? '';
      if (p.startsWith(':')) params[p.slice(1)] = decodeURIComponent(x);
      else if (p !== x) okMatch = false;
    });
    if (okMatch) return { path, params, pattern };
  }
  return { path, params: {}, pattern: null };
};

/**
 * A hash the user has already agreed to leave the page for (asked on the link's click or by navigate), so the
 * hashchange that follows does not ask a second time.
 */
let agreedTo: string | null = null;

/** True when the page may be left for `hash`: nothing unsaved would be lost, or the user agreed to lose it. */
const mayLeaveFor = (hash: string): boolean => {
  const question = leaveQuestion();
  if (question === null) return true;
  if (!window.confirm(question)) return false;
  agreedTo = hash;
  return true;
};

export const navigate = (path: string): void => {
  const hash = path.startsWith('#') ? path : `#${path}`;
  if (hash === window.location.hash || mayLeaveFor(hash)) window.location.hash = hash;
};

/**
 * The current hash. Leaving a page that holds unsaved work (leave-guard.ts) asks first. By one of the app's links
 * the question comes on the click, and a declined click is cancelled: no history entry, nothing re-renders. By
 * back or forward it comes on the hashchange; declined, the address goes back to the page (replaceState: no
 * second hashchange).
 */
export const useHashPath = (): string => {
  const [hash, setHash] = useState(window.location.hash);
  useEffect(() => {
    let shown = window.location.hash;
    const onHashChange = () => {
      const next = window.location.hash;
      if (next === shown) return;
      const agreed = next === agreedTo;
      agreedTo = null;
      const question = agreed ? null : leaveQuestion();
      if (question !== null && !window.confirm(question)) {
        window.history.replaceState(window.history.state, '', shown === '' ? window.location.pathname + window.location.search : shown);
        return;
      }
      shown = next;
      setHash(next);
    };
    // Bubbling, on the document: after the page's own handlers, which may have cancelled the click themselves.
    // Only links to a route ("#/…"): an in-page anchor such as the skip link ("#main") leaves nothing.
    const onClick = (e: MouseEvent) => {
      if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      const target = e.target instanceof Element ? e.target.closest('a[href^="#/"]') : null;
      const to = target?.getAttribute('href');
      if (to && to !== window.location.hash && !mayLeaveFor(to)) e.preventDefault();
    };
    window.addEventListener('hashchange', onHashChange);
    document.addEventListener('click', onClick);
    return () => {
      window.removeEventListener('hashchange', onHashChange);
      document.removeEventListener('click', onClick);
    };
  }, []);
  return hash;
};
