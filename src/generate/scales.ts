/** How big a generated program is: large is a twenty-year program at full size, the others fractions of it. */

export const SCALES = ['small', 'medium', 'large'] as const;
export type Scale = (typeof SCALES)[number];

export interface Sizes {
  partners: number;
  people: number;
  offerings: number;
  /** Roughly: each offering's roster is drawn around this mean. */
  enrollments: number;
  /** Roughly: completions of the courses that grant a credential. */
  certifications: number;
  deployments: number;
  countries: number;
  years: number;
  generations: number;
}

const LARGE: Sizes = {
  partners: 2_000,
  people: 100_000,
  offerings: 20_000,
  enrollments: 1_000_000,
  certifications: 150_000,
  deployments: 5_000,
  countries: 60,
  years: 20,
  generations: 8,
};

const FRACTION: Record<Scale, number> = { small: 1 / 200, medium: 1 / 20, large: 1 };

export function sizesOf(scale: Scale): Sizes {
  const f = FRACTION[scale];
  const n = (value: number) => Math.max(1, Math.round(value * f));
  return {
    ...LARGE,
    partners: n(LARGE.partners),
    people: n(LARGE.people),
    offerings: n(LARGE.offerings),
    enrollments: n(LARGE.enrollments),
    certifications: n(LARGE.certifications),
    deployments: n(LARGE.deployments),
    // A small program spans as many countries as it has partners to be in.
    countries: Math.min(LARGE.countries, n(LARGE.partners)),
  };
}
