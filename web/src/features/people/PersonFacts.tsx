import { useTranslation } from 'react-i18next';
import type { Person } from '../../api/schemas';
import { languageName } from '../../components/format';

export function personName(person: Pick<Person, 'givenName' | 'familyName'>): string {
  return `${person.givenName} ${person.familyName}`;
}

/** Languages with their ILR speaking and reading levels, one a line. */
export function LanguageSkills({ skills }: { skills: NonNullable<Person['languages']> }) {
  const { t } = useTranslation();
  if (skills.length === 0) return null;
  return (
    <ul className="usa-list usa-list--unstyled">
      {skills.map((skill) => (
        <li key={skill.language}>{t('people.skill', { language: languageName(skill.language), speaking: skill.speaking, reading: skill.reading })}</li>
      ))}
    </ul>
  );
}
