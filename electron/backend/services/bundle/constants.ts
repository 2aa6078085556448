/** Fixed names and limits of the SATB/1 bundle (ASiC-E + CAdES). See docs/submission-format.md. */
export const ASIC_MIMETYPE = 'application/vnd.etsi.asic-e+zip';
export const MANIFEST_PATH = 'META-INF/ASiCManifest.xml';
export const SIGNATURE_PATH = 'META-INF/signature001.p7s';
export const SUBMISSION_PATH = 'submission.json';
export const REPORT_PDF_PATH = 'report.pdf';
export const REPORT_XLSX_PATH = 'report.xlsx';

/** Every zip path a bundle may contain. */
export const ENTRY_NAME_RE =
  /^(mimetype|submission\.json|report\.(pdf|xlsx)|evidence\/\d{4}\.[a-z0-9]{1,5}|META-INF\/(ASiCManifest\.xml|signature001\.p7s))$/;
/** The round package (docs/package-formats.md): round.json and one official indicator set per block. */
export const ROUND_PATH = 'round.json';
export const ROUND_ENTRY_NAME_RE = /^(mimetype|round\.json|sets\/(so|phuong|xa_dac_khu)\.json|META-INF\/(ASiCManifest\.xml|signature001\.p7s))$/;
export const ROUND_FOLDERS: ReadonlySet<string> = new Set(['sets/', 'META-INF/']);
/** The appraisal result and the final result (Sở Nội vụ → unit): their JSON only. */
export const RESULT_ENTRY_NAME_RE = /^(mimetype|result\.json|META-INF\/(ASiCManifest\.xml|signature001\.p7s))$/;
export const FINAL_ENTRY_NAME_RE = /^(mimetype|final\.json|META-INF\/(ASiCManifest\.xml|signature001\.p7s))$/;
/** The giải trình (unit → Sở Nội vụ): its JSON and new evidence, named like a submission's. */
export const EXPLANATION_ENTRY_NAME_RE = /^(mimetype|explanation\.json|evidence\/\d{4}\.[a-z0-9]{1,5}|META-INF\/(ASiCManifest\.xml|signature001\.p7s))$/;
export const META_ONLY_FOLDERS: ReadonlySet<string> = new Set(['META-INF/']);

/** Folders of the layout. They never appear as directory entries: a directory entry is refused (it can carry data). */
export const BUNDLE_FOLDERS: ReadonlySet<string> = new Set(['evidence/', 'META-INF/']);

/** Every entry gets this mtime so re-exports are byte-identical apart from the signature. */
export const FIXED_MTIME = new Date(Date.UTC(2020, 0, 1, 0, 0, 0));

/** Already-compressed formats are STORED: deflating them again costs time for nothing. */
export const STORED_EXTENSIONS = new Set(['pdf', 'jpg', 'jpeg', 'png', 'gif', 'webp', 'docx', 'xlsx', 'pptx', 'odt', 'ods', 'zip', '7z', 'rar', 'gz', 'mp4', 'mp3', 'heic']);

export const MEDIA_TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ppt: 'application/vnd.ms-powerpoint',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  txt: 'text/plain',
  csv: 'text/csv',
  json: 'application/json',
  xml: 'application/xml',
  zip: 'application/zip',
  mp4: 'video/mp4',
};
export const mediaTypeFor = (path: string): string => {
  const ext = path.slice(path.lastIndexOf('.') + 1).toLowerCase();
  return MEDIA_TYPES[ext] ?? 'application/octet-stream';
};

export type VerifyLimits = {
  /** Whole bundle file. */
  maxBundleBytes: number;
  maxEntries: number;
  maxEntryBytes: number;
  maxTotalBytes: number;
  /** uncompressed / compressed for deflated entries. */
  maxRatio: number;
  /** Manifest, signature and submission.json. */
  maxMetaBytes: number;
  /** Wall clock for a whole verification. */
  timeoutMs: number;
};

export const DEFAULT_LIMITS: VerifyLimits = {
  maxBundleBytes: 64 * 1024 ** 3,
  maxEntries: 10_000,
  maxEntryBytes: 8 * 1024 ** 3,
  maxTotalBytes: 32 * 1024 ** 3,
  maxRatio: 100,
  maxMetaBytes: 8 * 1024 ** 2,
  timeoutMs: 30 * 60_000,
};

/** A clock skew allowance for signingTime. */
export const SIGNING_TIME_SKEW_MS = 5 * 60_000;
