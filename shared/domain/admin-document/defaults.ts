import type { Letterhead, ReportDocument } from '../../schemas/document-fields';
import type { UnitType } from '../../schemas/unit';
import type { DocumentFields } from './fields';

export const CITY_PLACE = 'Hải Phòng';
export const CITY_GOVERNING_BODY = 'UBND THÀNH PHỐ HẢI PHÒNG';
export const DEFAULT_RECIPIENTS: readonly string[] = ['Sở Nội vụ thành phố Hải Phòng', 'Lưu: VT'];

/** "Ủy ban nhân dân phường Hồng Bàng" → "Hồng Bàng"; "" when the name does not follow that pattern. */
export const communeName = (unitName: string): string => {
  const m = /^(?:(?:ủy|uỷ) ban nhân dân|ubnd)\s+(?:phường|xã|đặc khu)\s+(.+)$/iu.exec(unitName.normalize('NFC').trim());
  return m ? m[1]!.trim() : '';
};

/** "Sở Tư pháp thành phố Hải Phòng" → "Sở Tư pháp": under "UBND THÀNH PHỐ HẢI PHÒNG" the city is said once. */
export const departmentName = (unitName: string): string =>
  unitName.normalize('NFC').trim().replace(/\s+(?:thành phố|tp\.?)\s+hải phòng$/iu, '');

/**
 * What a unit's documents carry until the unit says otherwise: a department (sở) writes under the city's
 * People's Committee, without repeating the city in its own name, dated "Hải Phòng"; a commune's People's Committee heads its own documents, is dated with
 * the commune's name (Phụ lục I, phần II, mục 4: the place is the administrative unit where the body sits) and
 * signs "TM. ỦY BAN NHÂN DÂN".
 */
export const defaultLetterhead = (type: UnitType, unitName: string): Letterhead =>
  type === 'SO'
    ? {
        governingBody: CITY_GOVERNING_BODY,
        issuingBody: departmentName(unitName) === unitName.normalize('NFC').trim() ? '' : departmentName(unitName),
        place: CITY_PLACE,
        symbol: '',
        recipients: [...DEFAULT_RECIPIENTS],
        signerAuthority: '',
      }
    : {
        governingBody: '',
        issuingBody: '',
        place: communeName(unitName),
        symbol: 'BC-UBND',
        recipients: [...DEFAULT_RECIPIENTS],
        signerAuthority: 'TM. ỦY BAN NHÂN DÂN',
      };

/** The unit's defaults for one document: its letterhead, its name as issuing body, its head as signer. */
export type DocumentDefaults = Letterhead & { signerTitle: string; signerName: string };

export const documentDefaults = (unit: {
  name: string;
  letterhead: Letterhead;
  head: { name: string; title: string };
}): DocumentDefaults => ({
  ...unit.letterhead,
  issuingBody: unit.letterhead.issuingBody || unit.name,
  signerTitle: unit.head.title,
  signerName: unit.head.name,
});

/** A report's fields: its own number and date, each override where set, the unit's default elsewhere. */
export const resolveDocumentFields = (d: DocumentDefaults, doc: ReportDocument): DocumentFields => ({
  governingBody: doc.governingBody ?? d.governingBody,
  issuingBody: d.issuingBody,
  number: doc.number,
  symbol: doc.symbol ?? d.symbol,
  place: doc.place ?? d.place,
  date: doc.date,
  recipients: doc.recipients ?? d.recipients,
  signer: {
    authority: doc.signerAuthority ?? d.signerAuthority,
    title: doc.signerTitle ?? d.signerTitle,
    name: doc.signerName ?? d.signerName,
  },
});

/**
 * A unit's document fields when all we know is its name and type (a portable answers file): the defaults
 * for its type, no number, date or signer, so only a draft can be printed from it.
 */
export const unsignedDocumentFields = (unit: { name: string; type: UnitType }): DocumentFields =>
  resolveDocumentFields(
    documentDefaults({ name: unit.name, letterhead: defaultLetterhead(unit.type, unit.name), head: { name: '', title: '' } }),
    { number: '', date: null, symbol: null, place: null, governingBody: null, recipients: null, signerAuthority: null, signerTitle: null, signerName: null },
  );
