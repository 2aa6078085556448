import type { ReactNode } from 'react';

import type { ChosenKey } from '../../../../shared/ipc/channels/signing';
import { SignerDetails } from './SignerDetails';

export type SignerConfirmProps = {
  preview: ChosenKey;
  /** Above the certificate: what is about to be signed. */
  intro: ReactNode;
  /** The refusal sentence when the key cannot sign (preview.problem), worded by the caller. */
  refused: string | null;
  chooseOtherLabel: string;
  signLabel: string;
  busy: boolean;
  onChooseOther: () => void;
  onSign: () => void;
  /** data-testid prefix: `<id>-signer`, `<id>-refused`. */
  testId: string;
  /** Between the refusal and the buttons (the submission's "this locks the assessment" warning). */
  children?: ReactNode;
};

/**
 * The confirmation step of a signature (the submission wizard, the report's signed PDF): who will sign, why
 * this key cannot (then there is no sign button), and the two ways on.
 */
export const SignerConfirm = ({ preview, intro, refused, chooseOtherLabel, signLabel, busy, onChooseOther, onSign, testId, children }: SignerConfirmProps) => (
  <>
    <p className="muted">{intro}</p>
    <SignerDetails signer={preview.signer} testId={`${testId}-signer`} />
    {preview.problem && refused && (
      <p className="banner banner-error" role="alert" data-testid={`${testId}-refused`}>
        {refused}
      </p>
    )}
    {children}
    <div className="actions">
      <button type="button" className="btn" onClick={onChooseOther} disabled={busy}>
        {chooseOtherLabel}
      </button>
      {!preview.problem && (
        <button type="button" className="btn btn-primary" onClick={onSign} disabled={busy}>
          {signLabel}
        </button>
      )}
    </div>
  </>
);
