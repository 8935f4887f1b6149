import { useTranslation } from 'react-i18next';
import type { Person } from '../../api/schemas';
import { languageName } from '../../components/format';

export function personName(person: Pick<Person, 'givenName' | 'familyName'>): string {
  return `${person.givenName} ${person.familyName}`;
}

type Skill = NonNullable<Person['languages']>[number];

/** Languages with their ILR speaking and reading levels, one a line; a level not known says so. */
export function LanguageSkills({ skills }: { skills: NonNullable<Person['languages']> }) {
  const { t } = useTranslation();
  if (skills.length === 0) return null;
  const text = (skill: Skill) => {
    const language = languageName(skill.language);
    if (skill.speaking === null && skill.reading === null) return t('people.skillLevelUnknown', { language });
    const unknown = t('people.levelUnknown');
    return t('people.skill', { language, speaking: skill.speaking ?? unknown, reading: skill.reading ?? unknown });
  };
  return (
    <ul className="usa-list usa-list--unstyled">
      {skills.map((skill) => (
        <li key={skill.language} className={skill.speaking === null || skill.reading === null ? 'text-italic' : undefined}>
          {text(skill)}
        </li>
      ))}
    </ul>
  );
}
