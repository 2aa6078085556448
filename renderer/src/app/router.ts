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

export const navigate = (path: string): void => {
  window.location.hash = path;
};

/**
 * The current hash. A change while a page holds unsaved work (leave-guard.ts) asks first; declined, the address
 * goes back to the page (replaceState: no second hashchange) and nothing re-renders.
 */
export const useHashPath = (): string => {
  const [hash, setHash] = useState(window.location.hash);
  useEffect(() => {
    let shown = window.location.hash;
    const on = () => {
      const next = window.location.hash;
      if (next === shown) return;
      const question = leaveQuestion();
      if (question !== null && !window.confirm(question)) {
        window.history.replaceState(window.history.state, '', shown === '' ? window.location.pathname + window.location.search : shown);
        return;
      }
      shown = next;
      setHash(next);
    };
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return hash;
};
