/** "Kết quả thẩm định": Sở Nội vụ's signed appraisal results, shown on the inbox pages (panel, block export, sent state). */
export { BlockResultsExport } from './BlockResultsExport';
export { ResultPanel, SentLine } from './ResultPanel';
export { useResultsStatus } from './use-results-status';
