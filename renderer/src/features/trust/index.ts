/** "Kiểm tra hồ sơ": verify a submission bundle and manage the trust anchors used to do it. */
export { VerifyPage } from './VerifyPage';
export { TrustAnchors } from './TrustAnchors';
