import type { BundleErrorCode } from '../../../../../shared/domain/bundle-codes';
import { fail } from './failure';

/** Deeper than any content the app writes (an answer's value is a few levels); far below any stack limit. */
export const MAX_JSON_DEPTH = 64;

/**
 * A package's content JSON (submission.json, later other kinds), before any schema: UTF-8 without a BOM
 * (the app never writes one, and a reader that does not strip it would fail later), nesting bounded by a
 * linear scan BEFORE JSON.parse, so that no recursive step afterwards (schema, canonical JSON, import) can
 * overflow the stack. Every refusal is `code` with a detail, never E_IO or INTERNAL.
 */
export const parseContentJson = (bytes: Buffer, code: BundleErrorCode = 'E_SUBMISSION_SCHEMA'): unknown => {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) fail(code, 'byte-order mark (BOM) before the JSON');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return fail(code, 'not UTF-8');
  }
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > MAX_JSON_DEPTH) fail(code, `nesting deeper than ${MAX_JSON_DEPTH} levels`);
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    return fail(code, `invalid JSON: ${(e as Error).message.slice(0, 120)}`);
  }
};
