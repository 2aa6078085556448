import { XMLParser, XMLValidator } from 'fast-xml-parser';

import { ENTRY_NAME_RE, SIGNATURE_PATH } from '../constants';
import { ASIC_NS, DS_NS, SHA256_URI } from '../manifest';
import { fail } from './failure';
import type { NameRule } from './profile';

export type ParsedReference = { uri: string; mimeType: string; sha256: string /* hex */ };

type XmlNode = Record<string, unknown>;

const asArray = (v: unknown): XmlNode[] => (v === undefined ? [] : Array.isArray(v) ? (v as XmlNode[]) : [v as XmlNode]);

/** Finds the child whose local name is `local` in namespace `ns`, resolving prefixes declared on the root. */
const child = (node: XmlNode, prefixes: Map<string, string>, ns: string, local: string): unknown => {
  for (const [key, value] of Object.entries(node)) {
    if (key.startsWith('@_') || key === '#text') continue;
    const [p, l] = key.includes(':') ? key.split(':', 2) : ['', key];
    if (l === local && prefixes.get(p!) === ns) return value;
  }
  return undefined;
};

/**
 * Step 4: META-INF/ASiCManifest.xml. Any DOCTYPE is refused before parsing (no entities, no billion laughs,
 * no XXE), then the XML is parsed with entity processing off and checked against the fixed shape. URIs
 * must be names the package kind allows (`entryName`, the profile's list).
 */
export const parseManifest = (bytes: Buffer, entryName: NameRule = ENTRY_NAME_RE): ParsedReference[] => {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) fail('E_MANIFEST_XML', 'BOM');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fail('E_MANIFEST_XML', 'not UTF-8');
  }
  if (/<!DOCTYPE/i.test(text) || /<!ENTITY/i.test(text)) fail('E_MANIFEST_XML', 'DOCTYPE/ENTITY declared');
  const decl = /^<\?xml[^>]*encoding=["']([^"']+)["']/.exec(text);
  if (decl && decl[1]!.toUpperCase() !== 'UTF-8') fail('E_MANIFEST_XML', `encoding ${decl[1]}`);
  if (XMLValidator.validate(text) !== true) fail('E_MANIFEST_XML', 'not well-formed');
  const doc = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    processEntities: false,
    ignoreDeclaration: true,
    ignorePiTags: true,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
  }).parse(text) as XmlNode;
  const rootKeys = Object.keys(doc).filter((k) => !k.startsWith('?') && !k.startsWith('#'));
  if (rootKeys.length !== 1) fail('E_MANIFEST_XML', 'expected one root element');
  const rootKey = rootKeys[0]!;
  const root = doc[rootKey];
  if (!root || typeof root !== 'object' || Array.isArray(root)) return fail('E_MANIFEST_XML', 'root element empty');
  const prefixes = new Map<string, string>();
  for (const [k, v] of Object.entries(root as XmlNode)) {
    if (k === '@_xmlns') prefixes.set('', String(v));
    else if (k.startsWith('@_xmlns:')) prefixes.set(k.slice('@_xmlns:'.length), String(v));
  }
  const [rp, rl] = rootKey.includes(':') ? rootKey.split(':', 2) : ['', rootKey];
  if (rl !== 'ASiCManifest' || prefixes.get(rp!) !== ASIC_NS) fail('E_MANIFEST_XML', 'wrong root element or namespace');
  const r = root as XmlNode;
  const sigRefs = asArray(child(r, prefixes, ASIC_NS, 'SigReference'));
  if (sigRefs.length !== 1) fail('E_MANIFEST_XML', `${sigRefs.length} SigReference elements`);
  if (sigRefs[0]!['@_URI'] !== SIGNATURE_PATH) fail('E_MANIFEST_XML', 'SigReference URI');
  const refs: ParsedReference[] = [];
  const seen = new Set<string>();
  for (const ref of asArray(child(r, prefixes, ASIC_NS, 'DataObjectReference'))) {
    const uri = ref['@_URI'];
    if (typeof uri !== 'string' || !entryName.test(uri) || uri.startsWith('META-INF/') || uri === 'mimetype') {
      fail('E_MANIFEST_XML', `bad URI ${String(uri).slice(0, 80)}`);
    }
    const u = uri as string;
    if (seen.has(u.toLowerCase())) fail('E_MANIFEST_XML', `URI listed twice: ${u}`);
    seen.add(u.toLowerCase());
    const methods = asArray(child(ref, prefixes, DS_NS, 'DigestMethod'));
    const values = child(ref, prefixes, DS_NS, 'DigestValue');
    if (methods.length !== 1 || values === undefined || Array.isArray(values)) fail('E_MANIFEST_XML', `${u}: digest elements`);
    if (methods[0]!['@_Algorithm'] !== SHA256_URI) fail('E_DIGEST_ALG', `${u}: ${String(methods[0]!['@_Algorithm'])}`);
    const b64 = typeof values === 'string' ? values : typeof values === 'object' && values ? String((values as XmlNode)['#text'] ?? '') : '';
    if (!/^[A-Za-z0-9+/]{43}=$/.test(b64)) fail('E_MANIFEST_XML', `${u}: DigestValue is not a base64 SHA-256`);
    const mimeType = typeof ref['@_MimeType'] === 'string' ? (ref['@_MimeType'] as string) : '';
    refs.push({ uri: u, mimeType, sha256: Buffer.from(b64, 'base64').toString('hex') });
  }
  return refs;
};
