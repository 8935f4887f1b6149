import { describeFiguresAtScale } from './figures-at-scale.js';

// A medium generated program, in its own file so it runs beside the small one.
describeFiguresAtScale('medium', 1515);
