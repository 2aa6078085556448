/** Evidence feature: the panel other pages mount, the library page and the stand-alone node page. */
export { EvidencePanel } from './EvidencePanel';
export type { EvidencePanelProps } from './EvidencePanel';
export { LibraryPage } from './LibraryPage';
export { EvidenceNodePage } from './EvidenceNodePage';
