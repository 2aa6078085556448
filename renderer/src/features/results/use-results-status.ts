import { useCallback } from 'react';

import type { ResultSent } from '../../../../shared/ipc/channels/results';
import { usePlatform } from '../../app/app-context';
import { useLoad } from '../../data/use-load';

/** The latest result sent to each unit of a year, by unit code, and a reload after an export. */
export const useResultsStatus = (year: number | null): { byUnit: Map<string, ResultSent>; reload: () => void } => {
  const { api } = usePlatform();
  const load = useLoad(useCallback(async () => (year === null ? { rows: [] } : api.results.status({ year })), [api, year]), { keepPrevious: true });
  return { byUnit: new Map((load.data?.rows ?? []).map((r) => [r.unitCode.toUpperCase(), r])), reload: load.reload };
};
