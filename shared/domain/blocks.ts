import { PHRASES } from '../ipc/errors/phrases';
import type { Language } from '../schemas/settings';
import type { UnitType } from '../schemas/unit';

/** The phrase (shared/ipc/errors/phrases.ts) that names a block inside a reason: `{block:phrase}`. */
export const blockPhrase = (b: UnitType): `BLOCK_${UnitType}` => `BLOCK_${b}`;

/** A ranking block's name, one wording for the reasons, the register template, the Excel sheets and the PDF. */
export const blockName = (b: UnitType, lang: Language = 'vi'): string => PHRASES[blockPhrase(b)][lang];
