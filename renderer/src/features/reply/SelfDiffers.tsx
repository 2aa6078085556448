import type { ReplyView } from '../../../../shared/ipc/channels/reply';
import { formatPoints } from '../../../../shared/format/index';
import { useLang, useT } from '../../app/app-context';
import { replyMessages } from './messages';

type Differences = ReplyView['submission']['selfDiffers'];

/**
 * The warning that a received result's "Tự chấm" column is not what the unit sent in that revision, naming
 * each line with both scores (services/reply/self-check.ts). Nothing when they agree or there is no record.
 */
export const SelfDiffers = ({ differs, revision, final, testId }: { differs: Differences; revision: number; final?: boolean; testId: string }) => {
  const t = useT(replyMessages);
  const lang = useLang();
  if (!differs?.length) return null;
  const list = differs.map((d) => t('selfDiffersItem', { code: d.code, submitted: formatPoints(d.submitted, lang), inResult: formatPoints(d.inResult, lang) })).join('; ');
  return (
    <p className="banner banner-warn" role="note" data-testid={testId}>
      {t(final ? 'finalSelfDiffers' : 'selfDiffers', { revision, count: differs.length, list })}
    </p>
  );
};
