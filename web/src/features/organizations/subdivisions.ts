import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Option } from '../../components/form/fields';
import { intlLocale } from '../../language/languages';

/**
 * A country's states, provinces and departments by name (ISO 3166-2, from the `iso-3166`
 * package), loaded in a chunk of their own the first time a form or page needs them: five
 * thousand names have no place in every page's script.
 */

interface Subdivision {
  code: string;
  name: string;
  parent: string;
}

function useAllSubdivisions() {
  return useQuery({
    queryKey: ['iso-3166-2'],
    queryFn: async (): Promise<readonly Subdivision[]> => (await import('iso-3166/2')).iso31662,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/**
 * A country's subdivisions as choices, sorted by name. Where two share a name (Dhaka the
 * division, Dhaka the district), the one inside another says which ("Dhaka, Dhaka Division").
 */
export function subdivisionChoices(all: readonly Subdivision[], country: string, locale: string): Option[] {
  const own = all.filter((entry) => entry.code.startsWith(`${country}-`));
  const names = new Map(own.map((entry) => [entry.code, entry.name]));
  const counts = new Map<string, number>();
  for (const entry of own) counts.set(entry.name, (counts.get(entry.name) ?? 0) + 1);
  const collator = new Intl.Collator(intlLocale(locale));
  return own
    .map((entry) => {
      const parent = names.get(entry.parent);
      const isShared = (counts.get(entry.name) ?? 0) > 1;
      return { value: entry.code, label: isShared && parent ? `${entry.name}, ${parent}` : entry.name };
    })
    .sort((a, b) => collator.compare(a.label, b.label) || a.value.localeCompare(b.value));
}

/** The subdivisions of `country`, named; `isPending` while the list loads. */
export function useSubdivisionChoices(country: string): { choices: Option[]; isPending: boolean } {
  const { i18n } = useTranslation();
  const all = useAllSubdivisions();
  return { choices: country && all.data ? subdivisionChoices(all.data, country, i18n.language) : [], isPending: all.isPending };
}

/** `US-VA` → "Virginia" once the list has loaded (the code until then, or for a code it does not list). */
export function useSubdivisionName(code: string | null): string | null {
  const all = useAllSubdivisions();
  if (!code) return null;
  return all.data?.find((entry) => entry.code === code)?.name ?? code;
}
