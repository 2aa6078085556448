import { BUNDLE_CODES } from '../../domain/bundle-codes';
import { evidenceProblemText } from '../../domain/evidence-problems';
import { scoreProblemSchema, scoreProblemText } from '../../domain/scoring/problems';
import { formatBytes, formatDate, formatPoints } from '../../format/index';
import type { EvidenceProblem } from '../../schemas/evidence';
import type { Language } from '../../schemas/settings';
import type { ReasonText } from './codes';
import { PHRASES } from './phrases';

/**
 * Fills a reason's template. `{name}` prints the value as given; a format prints it in the language's
 * conventions, so a parameter travels as data and each language words it:
 *   {size:bytes} · {day:date} (ISO day) · {max:points} (milli-points) · {code:bundle} (a verification code,
 *   shared/domain/bundle-codes.ts) · {problem:evidence} (an evidence check finding, with `name`) ·
 *   {why:phrase} (a sentence part of ./phrases.ts, filled with the same params) · {problem:score} (a scoring
 *   problem of shared/domain/scoring/problems.ts as JSON).
 * A missing value prints the placeholder itself, visibly.
 */
export type ErrorParamValue = string | number;
export type ErrorParamValues = Readonly<Record<string, ErrorParamValue>>;

type Format = (v: ErrorParamValue, lang: Language, params: ErrorParamValues) => string;

const FORMATS: Record<string, Format> = {
  bytes: (v, lang) => formatBytes(Number(v), lang),
  date: (v) => formatDate(String(v)),
  points: (v, lang) => formatPoints(Number(v), lang),
  bundle: (v, lang) => (BUNDLE_CODES as Record<string, Record<Language, string> | undefined>)[String(v)]?.[lang] ?? String(v),
  evidence: (v, lang, params) => evidenceProblemText(v as EvidenceProblem, String(params.name ?? ''), lang),
  score: (v, lang) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(String(v));
    } catch {
      return String(v);
    }
    const p = scoreProblemSchema.safeParse(parsed);
    return p.success ? scoreProblemText(p.data, lang) : String(v);
  },
  phrase: (v, lang, params) => {
    const phrase = (PHRASES as Record<string, Record<Language, string> | undefined>)[String(v)];
    return phrase ? fillTemplate(phrase[lang], params, lang) : String(v);
  },
};

export const FORMAT_NAMES = Object.keys(FORMATS);

export function fillTemplate(template: string, params: ErrorParamValues, lang: Language): string {
  return template.replace(/\{(\w+)(?::(\w+))?\}/g, (whole, name: string, format?: string) => {
    const v = params[name];
    if (v === undefined) return whole;
    const f = format ? FORMATS[format] : undefined;
    return f ? f(v, lang, params) : String(v);
  });
}

/** The placeholders of a template as "name" or "name:format", sorted. */
export const placeholdersOf = (template: string): string[] => [...template.matchAll(/\{(\w+(?::\w+)?)\}/g)].map((m) => m[1]!).sort();

/** Names in `{a}` / `{a:fmt}` placeholders of a template literal type. */
export type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer Rest}`
  ? (P extends `${infer N}:${string}` ? N : P) | Placeholders<Rest>
  : never;

export const textOf = (entry: ReasonText, params: ErrorParamValues, lang: Language): string =>
  fillTemplate(entry[lang], params, lang).normalize('NFC');
