import type { XlsxReason } from '../../workers-seam/xlsx-protocol';

/**
 * A refusal of the workbook, raised by the preflight (parent) or the parser (worker); the parent turns it
 * into AppFailure.of(reason, params). Plain data so it crosses the worker boundary unchanged.
 */
export class XlsxRefusal extends Error {
  constructor(
    readonly reason: XlsxReason,
    readonly params: Record<string, string | number> = {},
  ) {
    super(reason);
  }
}
