import { useLang, useT } from '../../app/app-context';
import { GLOSSARY } from './glossary';
import './help.css';
import { helpMessages } from './messages';

/** "Trợ giúp": what the app does, the steps, the glossary, and where the illustrated user guide is. */
export const HelpPage = () => {
  const t = useT(helpMessages);
  const lang = useLang();
  return (
    <div className="page help-page">
      <section className="card" aria-labelledby="help-title">
        <h1 id="help-title">{t('title')}</h1>
        <p>{t('intro')}</p>
        <h2 id="help-steps">{t('stepsTitle')}</h2>
        <ol data-testid="help-steps">
          <li>{t('step1')}</li>
          <li>{t('step2')}</li>
          <li>{t('step3')}</li>
          <li>{t('step4')}</li>
          <li>{t('step5')}</li>
        </ol>
        <h2>{t('guideTitle')}</h2>
        <p data-testid="help-guide">{t('guide')}</p>
      </section>
      <section className="card" aria-labelledby="help-glossary">
        <h2 id="help-glossary">{t('glossaryTitle')}</h2>
        <dl className="glossary" data-testid="help-glossary-list">
          {GLOSSARY.map((g) => (
            <div key={g.term} className="glossary-entry">
              <dt>{g.term}</dt>
              <dd>{g[lang]}</dd>
            </div>
          ))}
        </dl>
      </section>
    </div>
  );
};
