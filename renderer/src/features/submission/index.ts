/** "Xuất hồ sơ nộp" wizard; certificate details and the verification verdict are shared with "Kiểm tra hồ sơ". */
export { SubmitWizard } from './SubmitWizard';
export { SignerDetails } from './SignerDetails';
export { StatusBanner } from './StatusBanner';
export { groupedFingerprint } from './cert-format';
export { certMessages } from './messages';
