import { DEFAULT_SEED, generateProgram } from '../../src/generate/index.js';
import { describeFiguresAtScale } from './figures-at-scale.js';

// `cadre generate --scale small`: every figure against its plain recomputation, in seconds.
describeFiguresAtScale({
  name: 'the small generated program',
  generate: (database) => generateProgram(database, { scale: 'small', seed: DEFAULT_SEED }),
  years: [2012, 2018, 2022, 2025, 2026],
  today: '2026-12-01',
});
