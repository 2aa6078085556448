/** "Đợt đánh giá": Sở Nội vụ's rounds (create, sign, export) and the round a unit imports; the unofficial tag. */
export { RoundDashboardPage } from './RoundDashboardPage';
export { RoundPage } from './RoundPage';
export { UnofficialTag } from './UnofficialTag';
export { useOfficialSets, useUnofficialSuffix } from './use-official-sets';
