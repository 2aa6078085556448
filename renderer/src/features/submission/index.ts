/** "Xuất hồ sơ nộp" wizard; certificate details and the verification verdict are shared with "Kiểm tra hồ sơ". */
export { SubmitWizard } from './SubmitWizard';
export { SignerDetails } from './SignerDetails';
/** Choosing and opening a signing key (.p12 or token), also used by the report's signed PDF export. */
export { KeyStep } from './KeyStep';
export type { KeyPreview, KeySecret, KeySource } from './KeyStep';
export { StatusBanner } from './StatusBanner';
export { groupedFingerprint } from './cert-format';
export { certMessages } from './messages';
export { SubmissionHistory } from './SubmissionHistory';
