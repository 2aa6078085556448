/**
 * The xlsx worker: parses one untrusted workbook (services/untrusted-xlsx/parse-workbook.ts) in its own
 * process, started with a V8 heap cap by the launcher. It also watches its resident memory while streaming
 * and gives up (XLSX_TOO_COMPLEX) before the cap, and reports its peak RSS with every answer so tests can
 * hold it to its budget. Never imports 'electron'.
 */
import { parseWorkbook } from '../backend/services/untrusted-xlsx/parse-workbook';
import type { ParseProgress } from '../backend/services/untrusted-xlsx/parse-workbook';
import { XlsxRefusal } from '../backend/services/untrusted-xlsx/refusal';
import type { XlsxWorkerRequest, XlsxWorkerResponse, XlsxWorkerStats } from '../backend/workers-seam/xlsx-protocol';
import { onParentGone, onParentMessage, postToParent } from './parent-port';

const reply = (r: XlsxWorkerResponse): void => postToParent(r);

onParentMessage<XlsxWorkerRequest>((msg) => {
  void (async () => {
    const progress: ParseProgress = { rows: 0, inflated: 0 };
    // maxRSS is in kilobytes (Node docs, process.resourceUsage).
    const stats = (): XlsxWorkerStats => ({ maxRssKb: process.resourceUsage().maxRSS, rowsSeen: progress.rows, bytesInflated: progress.inflated });
    try {
      const sheets = await parseWorkbook(Buffer.from(msg.bytes, 'base64'), msg.limits, progress, () => {
        if (process.memoryUsage.rss() > msg.limits.maxWorkerRssMb * 1_048_576) throw new XlsxRefusal('XLSX_TOO_COMPLEX');
      });
      reply({ id: msg.id, type: 'result', sheets, stats: stats() });
    } catch (e) {
      const r = e instanceof XlsxRefusal ? e : new XlsxRefusal('XLSX_MALFORMED', { detail: e instanceof Error ? e.message : String(e) });
      reply({ id: msg.id, type: 'refused', reason: r.reason, params: r.params, stats: stats() });
    }
  })();
});
onParentGone(() => process.exit(0));
