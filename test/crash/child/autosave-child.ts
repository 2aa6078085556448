/**
 * autosave-child <dataDir> <assessmentId> <nowIso>
 * Saves the same answer over and over through the backend (answers.save), numerator +1 each time, and
 * prints "ack <numerator>" after each save returned. Start-up (with its daily automatic backup) is part of
 * what gets killed.
 */
import { must, openBackend, say } from './common';

const [dataDir, assessmentId, nowIso] = process.argv.slice(2) as [string, string, string];
const b = openBackend(dataDir, nowIso);
type Answer = { nodeId: string; inputs: { numerator?: number } };
const list = await must<Answer[]>(b, 'answers.list', { assessmentId });
let n = list.find((a) => a.nodeId === 'so25-3.3')?.inputs.numerator ?? 0;
say('ready');
for (;;) {
  n++;
  await must(b, 'answers.save', {
    assessmentId,
    nodeId: 'so25-3.3',
    answer: { nodeId: 'so25-3.3', inputs: { numerator: n, denominator: 1_000_000 }, explanation: `Lần lưu thứ ${n}. ${'Giải trình chi tiết. '.repeat(n % 50)}` },
  });
  say(`ack ${n}`);
}
