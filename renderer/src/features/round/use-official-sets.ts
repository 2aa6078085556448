import { useCallback } from 'react';

import { usePlatform, useT } from '../../app/app-context';
import { useLoad } from '../../data/use-load';
import { roundMessages } from './messages';

/**
 * The SHA-256 of every indicator set a signed round made official here (received by a unit, or issued by
 * Sở Nội vụ); null while loading. A set outside it is shown as "không chính thức".
 */
export const useOfficialSets = (): ReadonlySet<string> | null => {
  const { api } = usePlatform();
  const list = useLoad(useCallback(() => api.round.list({}), [api]));
  return list.data ? new Set(list.data.officialSetShas) : null;
};

/** For places that can only show text (a <select>'s options): ", không chính thức" or "". */
export const useUnofficialSuffix = (): ((sha256: string) => string) => {
  const official = useOfficialSets();
  const t = useT(roundMessages);
  return (sha256) => (official && !official.has(sha256) ? `, ${t('unofficial')}` : '');
};
