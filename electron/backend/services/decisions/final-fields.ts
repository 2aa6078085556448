import { documentDefaults, resolveDocumentFields, unsignedDocumentFields } from '../../../../shared/domain/admin-document/defaults';
import type { DocumentFields } from '../../../../shared/domain/admin-document/fields';
import type { UnitProfile } from '../../../../shared/schemas/unit';

export const ISSUER_FALLBACK = 'Sở Nội vụ thành phố Hải Phòng';
/** The notice goes to the units of the round (not to Sở Nội vụ itself, the report's default). */
const RECIPIENTS = ['Các cơ quan, đơn vị trong đợt đánh giá', 'Lưu: VT'] as const;

/** The number and symbol Sở's văn thư gives the notice (empty number: not numbered yet, a draft). */
export type FinalNumbering = { number: string; symbol: string };

/**
 * Sở's own letterhead and head as signer (its unit profile); dated the day the PDF is made, numbered as given
 * (an empty symbol keeps the profile's).
 */
export const finalDocumentFields = (profile: UnitProfile | null, day: string, numbering: FinalNumbering = { number: '', symbol: '' }): DocumentFields => {
  if (!profile) return { ...unsignedDocumentFields({ name: ISSUER_FALLBACK, type: 'SO' }), number: numbering.number, ...(numbering.symbol ? { symbol: numbering.symbol } : {}), recipients: [...RECIPIENTS] };
  const none = { number: numbering.number, symbol: numbering.symbol || null, place: null, governingBody: null, recipients: [...RECIPIENTS], signerAuthority: null, signerTitle: null, signerName: null };
  return resolveDocumentFields(documentDefaults(profile), { ...none, date: day });
};
