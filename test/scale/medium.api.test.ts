import { DEFAULT_SEED, generateProgram } from '../../src/generate/index.js';
import { describeFiguresAtScale } from './figures-at-scale.js';

// `cadre generate --scale medium` (50,000 enrollments), in its own file so it runs beside the
// small one; one year under a few filters, as each read of a program this size takes seconds.
describeFiguresAtScale({
  name: 'the medium generated program',
  generate: (database) => generateProgram(database, { scale: 'medium', seed: DEFAULT_SEED }),
  years: [2026],
  filters: 3,
  instructors: 3,
  links: false,
  today: '2026-12-01',
});
