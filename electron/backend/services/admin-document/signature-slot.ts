import { AppFailure } from '../../../../shared/ipc/result';
import { A4 } from './page';
import { SIGNATURE_BLOCK_ID, SIGNATURE_SPACE_ID } from './signature';

/**
 * Where a visible signature goes: a 0-based page index and [x1, y1, x2, y2] in PDF points with the origin
 * at the bottom left of that page (what a PAdES signer needs for its widget annotation).
 */
export type SignaturePlacement = { pageIndex: number; rect: [number, number, number, number] };

type Position = { pageNumber: number; left: number; top: number; pageOrientation: 'portrait' | 'landscape' };
type NodeInfo = {
  id?: string;
  headlineLevel?: number;
  pageNumbers: number[];
  startPosition: Position;
  canvas?: { w?: number; h?: number }[];
};
type PageHelpers = { getFollowingNodesOnPage: () => NodeInfo[] };

/**
 * pdfmake reports each laid-out node to `pageBreakBefore` (pdfmake/src/LayoutBuilder.js); returning true
 * moves that node to a new page and lays the document out again. We use it to (1) keep the signature block
 * on one page, (2) keep a heading (`headlineLevel`) off the bottom of a page, and (3) read where the
 * signature space ended up. pdfmake asks about each node once, top to bottom, and lays out again only from a
 * node it moved, so the last position recorded for the space is the final one. `unbreakable` cannot be used
 * for (1): inside it pdfmake reports positions relative to a scratch page.
 */
export class SlotRecorder {
  private space: NodeInfo | null = null;

  readonly pageBreakBefore = (node: NodeInfo, pages: PageHelpers): boolean => {
    if (node.id === SIGNATURE_BLOCK_ID) return node.pageNumbers.length > 1;
    if (node.id === SIGNATURE_SPACE_ID) this.space = node;
    if (node.headlineLevel === 1) return pages.getFollowingNodesOnPage().length === 0;
    return false;
  };

  placement(): SignaturePlacement {
    const s = this.space;
    const box = s?.canvas?.[0];
    if (!s || !box?.w || !box.h) throw AppFailure.of('SIGNATURE_SLOT_UNKNOWN');
    const pageHeight = s.startPosition.pageOrientation === 'landscape' ? A4.width : A4.height;
    const { left, top } = s.startPosition;
    const r = (v: number): number => Math.round(v * 100) / 100;
    return { pageIndex: s.startPosition.pageNumber - 1, rect: [r(left), r(pageHeight - top - box.h), r(left + box.w), r(pageHeight - top)] };
  }
}
