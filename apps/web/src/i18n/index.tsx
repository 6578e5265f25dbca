import { createContext, type ReactNode, useContext, useEffect } from 'react';
import { en } from './en';
import { nl, type Messages } from './nl';

export type Language = 'nl' | 'en';
export type { Messages };

const messages: Record<Language, Messages> = { nl, en };
const LanguageContext = createContext<Language>('nl');

/** Dutch by default; English when the person chose it (their notification preferences). */
export function LanguageProvider({
  language,
  children,
}: {
  language: Language;
  children: ReactNode;
}) {
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  return <LanguageContext value={language}>{children}</LanguageContext>;
}

export function useLanguage(): Language {
  return useContext(LanguageContext);
}

/** The strings of the current language. */
export function useT(): Messages {
  return messages[useContext(LanguageContext)];
}

/** The strings of a given language (to speak in the language just chosen). */
export function messagesFor(language: Language): Messages {
  return messages[language];
}
