/** "Xuất hồ sơ nộp" wizard; certificate details and the verification verdict are shared with "Kiểm tra hồ sơ". */
export { SubmitWizard } from './SubmitWizard';
export { SignerDetails } from './SignerDetails';
/** The confirmation step of a signature (who signs, or why this key cannot), shared with the report's signed PDF. */
export { SignerConfirm } from './SignerConfirm';
/** Choosing and opening a signing key (.p12 or token), also used by the report's signed PDF export. */
export { KeyStep } from './KeyStep';
export type { KeySecret } from './KeyStep';
export { StatusBanner } from './StatusBanner';
export { groupedFingerprint } from './cert-format';
export { certMessages } from './messages';
export { SubmissionHistory } from './SubmissionHistory';
