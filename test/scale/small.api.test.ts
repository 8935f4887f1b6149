import { describeFiguresAtScale } from './figures-at-scale.js';

// A small generated program: every figure against its plain recomputation, in seconds.
describeFiguresAtScale('small', 15);
