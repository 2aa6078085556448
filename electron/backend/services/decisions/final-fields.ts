import { documentDefaults, resolveDocumentFields, unsignedDocumentFields } from '../../../../shared/domain/admin-document/defaults';
import type { DocumentFields } from '../../../../shared/domain/admin-document/fields';
import type { UnitProfile } from '../../../../shared/schemas/unit';

export const ISSUER_FALLBACK = 'Sở Nội vụ thành phố Hải Phòng';
/** The notice goes to the units of the round (not to Sở Nội vụ itself, the report's default). */
const RECIPIENTS = ['Các cơ quan, đơn vị trong đợt đánh giá', 'Lưu: VT'] as const;

/** Sở's own letterhead and head as signer (its unit profile); dated the day the PDF is made, no number yet. */
export const finalDocumentFields = (profile: UnitProfile | null, day: string): DocumentFields => {
  if (!profile) return { ...unsignedDocumentFields({ name: ISSUER_FALLBACK, type: 'SO' }), recipients: [...RECIPIENTS] };
  const none = { number: '', symbol: null, place: null, governingBody: null, recipients: [...RECIPIENTS], signerAuthority: null, signerTitle: null, signerName: null };
  return resolveDocumentFields(documentDefaults(profile), { ...none, date: day });
};
