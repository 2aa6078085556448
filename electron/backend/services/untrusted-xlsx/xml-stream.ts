import { StringDecoder } from 'node:string_decoder';

import { SaxesParser } from 'saxes';
import type { Entry, ZipFile } from 'yauzl';

import type { XlsxLimits } from './limits';
import { XlsxRefusal } from './refusal';

/** An element as the handlers see it: local name (any namespace prefix dropped) and plain attributes. */
export type XmlTag = { name: string; attrs: Record<string, string> };
export type XmlHandlers = {
  open?: (tag: XmlTag) => void;
  close?: (name: string) => void;
  text?: (text: string) => void;
};

/** Thrown by a handler to stop reading an entry early without an error (e.g. <sheetData> reached). */
export class StopReading extends Error {}

const local = (name: string): string => name.slice(name.indexOf(':') + 1);

/**
 * The parser holds a text node or an attribute whole until it ends, so bytes without a tag event are
 * capped: a cell holds at most 32,767 characters (Excel's own limit), far below this.
 */
export const MAX_BYTES_BETWEEN_TAGS = 4 * 1_048_576;

/** Bytes inflated so far in this process, across entries: the real (not declared) unpacked size. */
export type InflateBudget = { inflated: number };

/**
 * Streams one zip entry through a SAX parser: the XML is never held whole, so a sheet of any size costs
 * only the rows kept. Inflated bytes count against maxUncompressedBytes as they come (a directory that
 * lies about sizes is also caught by yauzl's validateEntrySizes). A DOCTYPE is refused (no entity games).
 */
export const streamXml = (zip: ZipFile, entry: Entry, handlers: XmlHandlers, limits: XlsxLimits, budget: InflateBudget): Promise<void> =>
  new Promise<void>((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err || !stream) return reject(new XlsxRefusal('XLSX_MALFORMED', { detail: err?.message ?? entry.fileName }));
      const parser = new SaxesParser({ xmlns: false });
      const decoder = new StringDecoder('utf8');
      let done = false;
      let sinceTag = 0;
      const finish = (e?: unknown): void => {
        if (done) return;
        done = true;
        stream.destroy();
        if (!e || e instanceof StopReading) resolve();
        else if (e instanceof XlsxRefusal) reject(e);
        else reject(new XlsxRefusal('XLSX_MALFORMED', { detail: `${entry.fileName}: ${e instanceof Error ? e.message : String(e)}` }));
      };
      parser.on('doctype', () => {
        throw new XlsxRefusal('XLSX_MALFORMED', { detail: `${entry.fileName}: DOCTYPE` });
      });
      parser.on('opentag', (t) => {
        sinceTag = 0;
        handlers.open?.({ name: local(t.name), attrs: t.attributes as Record<string, string> });
      });
      parser.on('closetag', (t) => {
        sinceTag = 0;
        handlers.close?.(local(t.name));
      });
      if (handlers.text) {
        parser.on('text', handlers.text);
        parser.on('cdata', handlers.text);
      }
      stream.on('data', (chunk: Buffer) => {
        if (done) return;
        budget.inflated += chunk.length;
        sinceTag += chunk.length;
        try {
          if (budget.inflated > limits.maxUncompressedBytes) throw new XlsxRefusal('XLSX_UNPACKED_TOO_LARGE', { max: limits.maxUncompressedBytes });
          if (sinceTag > MAX_BYTES_BETWEEN_TAGS) throw new XlsxRefusal('XLSX_MALFORMED', { detail: `${entry.fileName}: text without markup beyond ${MAX_BYTES_BETWEEN_TAGS} bytes` });
          parser.write(decoder.write(chunk));
        } catch (e) {
          finish(e);
        }
      });
      stream.on('error', (e) => {
        const m = e.message;
        // yauzl: "too many bytes in the stream" = the entry inflates past its declared size.
        finish(/too many bytes/i.test(m) ? new XlsxRefusal('XLSX_MALFORMED', { detail: `${entry.fileName}: inflates past its declared size` }) : e);
      });
      stream.on('end', () => {
        if (done) return;
        try {
          parser.write(decoder.end());
          parser.close();
          finish();
        } catch (e) {
          finish(e);
        }
      });
    });
  });
