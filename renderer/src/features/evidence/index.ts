/** Evidence feature: the panel other pages mount, the library page, the stand-alone node page and the dialog frame (the inbox uses it too). */
export { EvidencePanel } from './EvidencePanel';
export type { EvidencePanelProps } from './EvidencePanel';
export { LibraryPage } from './LibraryPage';
export { EvidenceNodePage } from './EvidenceNodePage';
export { Modal } from './Modal';
