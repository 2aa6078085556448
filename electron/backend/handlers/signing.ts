import { chooseSigningKey } from '../services/signing/choose-key';
import type { HandlerSlice } from './types';

type Channels = 'signing.chooseKey';

/** The signer choice of every signed export (services/signing/choose-key.ts). */
export const signingHandlers: HandlerSlice<Channels> = {
  'signing.chooseKey': (input, ctx) => chooseSigningKey(ctx, input.source),
};
