/** The unit profile (hồ sơ đơn vị): the form that declares it and the card that shows it. */
export { UnitProfileForm } from './UnitProfileForm';
export type { UnitProfileFormProps } from './UnitProfileForm';
export { UnitSummary } from './UnitSummary';
export { unitMessages } from './messages';
export { SignatureImagesCard } from './SignatureImagesCard';
