/**
 * The rule for text that travels in a bundle and is shown to people (unit names, original file names,
 * notes, metadata, explanations): NFC, no control characters (TAB and LF allowed in multi-line text), no
 * bidirectional formatting characters (the "gpj.exe" trick), no lone surrogates. The exporter cleans its
 * own text with `cleanDisplayText`; the verifier refuses text that breaks the rule (`displayTextIssue`);
 * unverified text (cchc inspect, error details) is shown through `escapeForDisplay`.
 * See docs/submission-format.md §3.
 */

// eslint-disable-next-line no-control-regex
const CONTROL_LINE = /[\u0000-\u001f\u007f-\u009f]/;
// eslint-disable-next-line no-control-regex
const CONTROL_BLOCK = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
/** ALM, LRM, RLM, LRE…RLO, LRI…PDI. */
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

// eslint-disable-next-line no-control-regex
const FORBIDDEN_LINE_G = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
// eslint-disable-next-line no-control-regex
const FORBIDDEN_BLOCK_G = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Why `s` breaks the display rule, or null when it is fine. `multiline` allows TAB and LF. */
export const displayTextIssue = (s: string, multiline = false): string | null => {
  if ((multiline ? CONTROL_BLOCK : CONTROL_LINE).test(s)) return 'contains a control character';
  if (BIDI.test(s)) return 'contains a bidirectional formatting character';
  if (LONE_SURROGATE.test(s)) return 'contains a lone surrogate';
  if (s !== s.normalize('NFC')) return 'is not in Unicode NFC';
  return null;
};

/** The exporter's side: NFC, CR LF → LF (multi-line) or any line break/TAB → space (single line), forbidden characters removed. */
export const cleanDisplayText = (s: string, multiline = false): string => {
  const lines = multiline ? s.replace(/\r\n?/g, '\n') : s.replace(/[\r\n\t]+/g, ' ');
  return lines.replace(multiline ? FORBIDDEN_BLOCK_G : FORBIDDEN_LINE_G, '').normalize('NFC');
};

/** Unverified text shown anyway (inspect, error details): NFC, every forbidden character as a visible \u{…}. */
export const escapeForDisplay = (s: string): string =>
  s.normalize('NFC').replace(FORBIDDEN_LINE_G, (c) => `\\u{${c.charCodeAt(0).toString(16).padStart(4, '0')}}`);
