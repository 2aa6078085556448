/**
 * The PKCS#11 worker: a separate Node process (an Electron utilityProcess in the app) that loads the
 * vendor module through pkcs11js. One session per process. Never imports 'electron'.
 * Run: node --import tsx electron/workers/pkcs11-worker.ts (messages over the IPC channel).
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';

import type * as Pkcs11Types from 'pkcs11js';

import { AppFailure } from '../../shared/ipc/result';
import type { Pkcs11Opened, Pkcs11Request, Pkcs11Response, TokenSummary } from '../backend/workers-seam/pkcs11-protocol';
import { disconnectFromParent, onParentGone, onParentMessage, postToParent } from './parent-port';

const pkcs11js = createRequire(import.meta.url)('pkcs11js') as typeof Pkcs11Types;

/** DigestInfo prefix for SHA-256 (RFC 8017 §9.2), for tokens that only offer raw CKM_RSA_PKCS. */
const SHA256_DIGEST_INFO = Buffer.from('3031300d060960864801650304020105000420', 'hex');


let lib: Pkcs11Types.PKCS11 | null = null;
let initialized = false;
let session: Buffer | null = null;
let loggedIn = false;
let key: Buffer | null = null;
let mechanism: Pkcs11Opened['mechanism'] = 'CKM_SHA256_RSA_PKCS';

const text = (s: string): string => s.replace(/\0/g, '').trim();

const mapError = (e: unknown, stage: string): AppFailure => {
  if (e instanceof AppFailure) return e;
  const code = (e as { code?: number }).code ?? -1;
  const msg = (e as Error).message ?? String(e);
  if (code === pkcs11js.CKR_PIN_INCORRECT || msg === 'CKR_PIN_INCORRECT') {
    return AppFailure.of('PIN_WRONG');
  }
  if (code === pkcs11js.CKR_PIN_LOCKED || msg === 'CKR_PIN_LOCKED') {
    return AppFailure.of('PIN_BLOCKED');
  }
  if (msg === 'CKR_PIN_LEN_RANGE') return AppFailure.of('PIN_LENGTH');
  return AppFailure.of('TOKEN_FAILED', { stage, detail: msg.slice(0, 120) });
};

const load = (module: string): Pkcs11Types.PKCS11 => {
  if (lib) return lib;
  const p = new pkcs11js.PKCS11();
  try {
    p.load(module);
  } catch (e) {
    throw AppFailure.of('PKCS11_LOAD_FAILED', { module, detail: (e as Error).message.slice(0, 120) });
  }
  try {
    p.C_Initialize();
  } catch (e) {
    // Vendor middleware often holds the module initialised already; that is fine (we then skip C_Finalize).
    const code = (e as { code?: number }).code;
    const msg = (e as Error).message;
    if (code !== pkcs11js.CKR_CRYPTOKI_ALREADY_INITIALIZED && msg !== 'CKR_CRYPTOKI_ALREADY_INITIALIZED') throw mapError(e, 'C_Initialize');
    lib = p;
    return p;
  }
  initialized = true;
  lib = p;
  return p;
};

const shutdown = (): void => {
  if (!lib) return;
  try {
    if (session && loggedIn) lib.C_Logout(session);
  } catch {
    /* token removed */
  }
  try {
    if (session) lib.C_CloseSession(session);
  } catch {
    /* token removed */
  }
  try {
    if (initialized) lib.C_Finalize();
  } catch {
    /* ignore */
  }
  session = null;
  loggedIn = false;
  key = null;
  initialized = false;
  lib = null;
};

const tokens = (p: Pkcs11Types.PKCS11): { slot: Buffer; info: TokenSummary }[] =>
  p
    .C_GetSlotList(true)
    .map((slot, i) => ({ slot, i, t: p.C_GetTokenInfo(slot) }))
    // Skip blank slots (SoftHSM always offers a free, uninitialised one).
    .filter(({ t }) => (t.flags & pkcs11js.CKF_TOKEN_INITIALIZED) !== 0)
    .map(({ slot, i, t }) => ({
      slot,
      info: { slot: i, label: text(t.label), serial: text(t.serialNumber), manufacturer: text(t.manufacturerID), model: text(t.model) },
    }));

const findAll = (p: Pkcs11Types.PKCS11, s: Buffer, template: Pkcs11Types.Template): Buffer[] => {
  p.C_FindObjectsInit(s, template);
  try {
    const out: Buffer[] = [];
    for (let h = p.C_FindObjects(s); h; h = p.C_FindObjects(s)) out.push(h);
    return out;
  } finally {
    p.C_FindObjectsFinal(s);
  }
};

const attr = (p: Pkcs11Types.PKCS11, s: Buffer, h: Buffer, type: number): Buffer =>
  (p.C_GetAttributeValue(s, h, [{ type }])[0]?.value as Buffer | undefined) ?? Buffer.alloc(0);

const open = (req: Extract<Pkcs11Request, { op: 'open' }>): Pkcs11Opened => {
  const p = load(req.module);
  const list = tokens(p);
  if (list.length === 0) throw AppFailure.of('NO_TOKEN');
  const chosen = req.tokenSerial ? list.find((t) => t.info.serial === req.tokenSerial) : list[0];
  if (!chosen) throw AppFailure.of('TOKEN_NOT_FOUND');
  try {
    session = p.C_OpenSession(chosen.slot, pkcs11js.CKF_SERIAL_SESSION | pkcs11js.CKF_RW_SESSION);
  } catch (e) {
    throw mapError(e, 'C_OpenSession');
  }
  try {
    p.C_Login(session, pkcs11js.CKU_USER, req.pin); // exactly once: a wrong PIN is reported, never retried
    loggedIn = true;
  } catch (e) {
    const code = (e as { code?: number }).code;
    if (code === pkcs11js.CKR_USER_ALREADY_LOGGED_IN || (e as Error).message === 'CKR_USER_ALREADY_LOGGED_IN') loggedIn = true;
    else throw mapError(e, 'C_Login');
  }
  const s = session;
  const certs = findAll(p, s, [
    { type: pkcs11js.CKA_CLASS, value: pkcs11js.CKO_CERTIFICATE },
    { type: pkcs11js.CKA_CERTIFICATE_TYPE, value: pkcs11js.CKC_X_509 },
  ]).map((h) => ({ id: attr(p, s, h, pkcs11js.CKA_ID), der: attr(p, s, h, pkcs11js.CKA_VALUE) }));
  const keyFor = (id: Buffer): Buffer | undefined =>
    findAll(p, s, [
      { type: pkcs11js.CKA_CLASS, value: pkcs11js.CKO_PRIVATE_KEY },
      { type: pkcs11js.CKA_ID, value: id },
    ])[0];
  let chosenCert: { id: Buffer; der: Buffer } | undefined;
  for (const c of certs) {
    if (req.certId && c.id.toString('hex') !== req.certId) continue;
    const k = keyFor(c.id);
    if (k) {
      chosenCert = c;
      key = k;
      break;
    }
  }
  if (!chosenCert || !key) throw AppFailure.of('TOKEN_NO_CERT');
  const kt = attr(p, s, key, pkcs11js.CKA_KEY_TYPE); // CK_ULONG, native (little-endian) order
  const keyType = kt.length >= 4 ? kt.readUInt32LE(0) : -1;
  const mechs = new Set(p.C_GetMechanismList(chosen.slot));
  if (keyType === pkcs11js.CKK_EC) mechanism = 'CKM_ECDSA';
  else mechanism = mechs.has(pkcs11js.CKM_SHA256_RSA_PKCS) ? 'CKM_SHA256_RSA_PKCS' : 'CKM_RSA_PKCS';
  if (process.env.CCHC_PKCS11_FORCE_RAW_RSA === '1' && mechanism === 'CKM_SHA256_RSA_PKCS') mechanism = 'CKM_RSA_PKCS'; // tests: the fallback path
  return {
    certificate: chosenCert.der.toString('base64'),
    others: certs.filter((c) => c !== chosenCert).map((c) => c.der.toString('base64')),
    certId: chosenCert.id.toString('hex'),
    mechanism,
  };
};

/** ECDSA tokens return raw r‖s; CMS wants DER SEQUENCE { r INTEGER, s INTEGER }. */
const ecdsaToDer = (raw: Buffer): Buffer => {
  const half = raw.length / 2;
  const int = (b: Buffer): Buffer => {
    let i = 0;
    while (i < b.length - 1 && b[i] === 0) i++;
    let v = b.subarray(i);
    if (v[0]! & 0x80) v = Buffer.concat([Buffer.from([0]), v]);
    return Buffer.concat([Buffer.from([0x02, v.length]), v]);
  };
  const body = Buffer.concat([int(raw.subarray(0, half)), int(raw.subarray(half))]);
  return Buffer.concat([Buffer.from([0x30, body.length]), body]);
};

const sign = (data: Buffer): string => {
  if (!lib || !session || !key) throw AppFailure.of('TOKEN_NO_SESSION');
  const hash = createHash('sha256').update(data).digest();
  let input: Buffer;
  let mech: number;
  if (mechanism === 'CKM_SHA256_RSA_PKCS') {
    mech = pkcs11js.CKM_SHA256_RSA_PKCS;
    input = data;
  } else if (mechanism === 'CKM_RSA_PKCS') {
    mech = pkcs11js.CKM_RSA_PKCS;
    input = Buffer.concat([SHA256_DIGEST_INFO, hash]);
  } else {
    mech = pkcs11js.CKM_ECDSA;
    input = hash;
  }
  try {
    lib.C_SignInit(session, { mechanism: mech }, key);
    const sig = lib.C_Sign(session, input, Buffer.alloc(1024));
    return (mechanism === 'CKM_ECDSA' ? ecdsaToDer(sig) : sig).toString('base64');
  } catch (e) {
    throw mapError(e, 'C_Sign');
  }
};

const handle = (req: Pkcs11Request): unknown => {
  switch (req.op) {
    case 'listTokens': {
      const p = load(req.module);
      return tokens(p).map((t) => t.info);
    }
    case 'open':
      return open(req);
    case 'sign':
      return sign(Buffer.from(req.data, 'base64'));
    case 'close':
      shutdown();
      return null;
  }
};

const reply = (r: Pkcs11Response): void => postToParent(r);

onParentMessage<Pkcs11Request>((msg) => {
  try {
    const value = handle(msg);
    reply({ id: msg.id, ok: true, value });
    if (msg.op === 'close') disconnectFromParent();
  } catch (e) {
    const f = mapError(e, msg.op);
    reply({ id: msg.id, ok: false, error: f.toError() });
  }
});
onParentGone(() => {
  shutdown(); // C_Finalize always, even when the parent goes away
  process.exit(0);
});
