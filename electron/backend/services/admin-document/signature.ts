import type { DocumentSigner } from '../../../../shared/domain/admin-document/fields';
import { PLACEHOLDER, recipientLines } from '../../../../shared/domain/admin-document/format';
import type { Content } from './keep-whole';
import { HEADER_LEFT_WIDTH, SIGNATURE_SPACE, SIZE } from './page';

/** Node ids the layout looks up after pdfmake has placed them (see signature-slot.ts). */
export const SIGNATURE_BLOCK_ID = 'admin-document-signature-block';
export const SIGNATURE_SPACE_ID = 'admin-document-signature-space';

/**
 * Ô số 9b (Nơi nhận, left, level with the signer's authority) and 7a–7c (authority, title, the space for the
 * signature and seal, the name; right). The space is an invisible box of known size whose position pdfmake
 * reports, so a digital signature's visible widget can be placed exactly there.
 */
export const signatureBlock = (signer: DocumentSigner, recipients: readonly string[], textWidth: number): Content => {
  const right = textWidth - HEADER_LEFT_WIDTH;
  const authority = signer.authority.trim().toLocaleUpperCase('vi');
  const lines = recipientLines(recipients);
  // only a draft gets here with an empty field (the layout refuses a final document without them)
  const or = (s: string): string => s.trim() || PLACEHOLDER;
  return {
    id: SIGNATURE_BLOCK_ID,
    columns: [
      {
        width: HEADER_LEFT_WIDTH,
        stack: [
          { text: 'Nơi nhận:', fontSize: SIZE.recipientsLabel, bold: true, italics: true },
          ...(lines.length ? lines : [`- ${PLACEHOLDER}`]).map((l) => ({ text: l, fontSize: SIZE.recipients })),
        ],
        lineHeight: 1,
      },
      {
        width: right,
        stack: [
          ...(authority ? [{ text: authority, bold: true, fontSize: SIZE.signer, alignment: 'center' }] : []),
          { text: or(signer.title).toLocaleUpperCase('vi'), bold: true, fontSize: SIZE.signer, alignment: 'center' },
          {
            id: SIGNATURE_SPACE_ID,
            canvas: [{ type: 'rect', x: 0, y: 0, w: right, h: SIGNATURE_SPACE, lineWidth: 0, strokeOpacity: 0, fillOpacity: 0 }],
          },
          { text: or(signer.name), bold: true, fontSize: SIZE.signer, alignment: 'center' },
        ],
        lineHeight: 1,
      },
    ],
    columnGap: 0,
    margin: [0, 12, 0, 0],
  };
};
