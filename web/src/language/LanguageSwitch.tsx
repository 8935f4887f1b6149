import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useChooseLanguage } from './account';
import { LANGUAGE_NAMES, LANGUAGES, type Language } from './languages';

/**
 * The USWDS language selector: a button naming the current language, opening the list of the
 * others, each by its own name and marked with its `lang` so a screen reader speaks it in that
 * language. Escape or a click elsewhere closes it, and focus returns to the button.
 */
export function LanguageSwitch({ className = '' }: { className?: string }) {
  const { t, i18n } = useTranslation();
  const choose = useChooseLanguage();
  const [isOpen, setIsOpen] = useState(false);
  const container = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const listId = useId();
  const current = LANGUAGES.find((language) => language === i18n.language);

  useEffect(() => {
    if (!isOpen) return;
    const closeOutside = (event: MouseEvent | FocusEvent) => {
      if (!container.current?.contains(event.target as Node)) setIsOpen(false);
    };
    document.addEventListener('click', closeOutside);
    document.addEventListener('focusin', closeOutside);
    return () => {
      document.removeEventListener('click', closeOutside);
      document.removeEventListener('focusin', closeOutside);
    };
  }, [isOpen]);

  const pick = async (language: Language) => {
    setIsOpen(false);
    button.current?.focus();
    await choose(language);
  };

  return (
    <div
      ref={container}
      className={`usa-language-container language-switch ${className}`}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && isOpen) {
          setIsOpen(false);
          button.current?.focus();
        }
      }}
    >
      <ul className="usa-language__primary">
        <li className="usa-language__primary-item">
          <button
            ref={button}
            type="button"
            className="usa-button usa-button--outline usa-language__link language-switch__button"
            aria-expanded={isOpen}
            aria-controls={listId}
            onClick={() => setIsOpen(!isOpen)}
          >
            <span className="usa-sr-only">{t('language.label')}:</span>{' '}
            <span lang={current}>{current ? LANGUAGE_NAMES[current] : t('language.label')}</span>
          </button>
          <ul id={listId} className="usa-language__submenu language-switch__list" hidden={!isOpen}>
            {LANGUAGES.map((language) => (
              <li key={language} className="usa-language__submenu-item">
                <button type="button" lang={language} aria-current={language === current ? 'true' : undefined} onClick={() => void pick(language)}>
                  {LANGUAGE_NAMES[language]}
                </button>
              </li>
            ))}
          </ul>
        </li>
      </ul>
    </div>
  );
}
