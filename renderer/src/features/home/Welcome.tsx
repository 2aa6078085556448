import { useT } from '../../app/app-context';
import { welcomeMessages } from './messages';

/** First start (no unit profile yet): what the app does, the steps, where the data lives. */
export const Welcome = ({ dataDir }: { dataDir: string }) => {
  const t = useT(welcomeMessages);
  return (
    <section className="card welcome" aria-labelledby="welcome-title" data-testid="welcome">
      <h1 id="welcome-title">{t('title')}</h1>
      <p>{t('what')}</p>
      <h2>{t('stepsTitle')}</h2>
      <ol>
        <li>{t('step1')}</li>
        <li>{t('step2')}</li>
        <li>{t('step3')}</li>
        <li>{t('step4')}</li>
        <li>{t('step5')}</li>
      </ol>
      <h2>{t('dataTitle')}</h2>
      <p data-testid="welcome-data">{t('data', { dir: dataDir })}</p>
      <p className="small">
        <a href="#/help">{t('help')}</a>
      </p>
      <p className="small muted">{t('required')}</p>
    </section>
  );
};
