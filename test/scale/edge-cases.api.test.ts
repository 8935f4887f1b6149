import { describeFiguresAtScale } from './figures-at-scale.js';
import { generateScaledProgram, SCALE_YEARS } from './scaled-program.js';

// A program rich in what the generator rarely writes: results recorded in offerings later
// cancelled, cycles, self-enrolment, withdrawn meetings, unfunded courses, a year under way.
describeFiguresAtScale({
  name: 'a program of edge cases',
  generate: (database) => generateScaledProgram(database.db, 'medium', 1515),
  years: SCALE_YEARS,
  today: '2026-11-28',
});
