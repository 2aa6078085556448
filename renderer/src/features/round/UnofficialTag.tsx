import { useT } from '../../app/app-context';
import { roundMessages } from './messages';

/** "không chính thức" next to a set no received round made official (nothing while the list loads). */
export const UnofficialTag = ({ sha256, official }: { sha256: string; official: ReadonlySet<string> | null }) => {
  const t = useT(roundMessages);
  if (!official || official.has(sha256)) return null;
  return (
    <span className="tag tag-unofficial" title={t('unofficialHint')} data-testid="unofficial-tag">
      {t('unofficial')}
    </span>
  );
};
