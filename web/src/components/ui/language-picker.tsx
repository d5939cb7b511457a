import { LANGUAGES, m, setLanguage, useLanguage, type Language } from '@/i18n/messages';

/** Choice of the app's language (radio buttons, each named in its own language). */
export function LanguagePicker() {
  const language = useLanguage();
  return (
    <fieldset className="language-picker" data-testid="language-picker">
      <legend className="sr-only">{m.app.language}</legend>
      <div className="segmented">
        {LANGUAGES.map((code) => (
          <label key={code} className={code === language ? 'segment segment-on' : 'segment'}>
            <input
              type="radio"
              name="language"
              value={code}
              lang={code}
              checked={code === language}
              onChange={() => setLanguage(code as Language)}
            />
            <span lang={code}>{m.app.languages[code]}</span>
          </label>
        ))}
      </div>
      <p className="field-hint">{m.profile.languageHint}</p>
    </fieldset>
  );
}
