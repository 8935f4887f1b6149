import type { Stage } from '../../api/schemas';

/**
 * Chart colours: the stage badges' own USWDS colours, so a stage looks the same on the board and
 * in a chart, and colours with at least 3:1 contrast on white for the rest. Every chart has its
 * table beside it, so no figure depends on telling colours apart.
 */
export const STAGE_COLORS: Record<Stage, string> = {
  prospect: '#565c65',
  engaged: '#005ea2',
  agreement: '#00bde3',
  active: '#216e1f',
  paused: '#9c3d10',
  closed: '#1b1b1b',
};

export const SEX_COLORS = { female: '#8168b3', male: '#005ea2', unrecorded: '#71767a' } as const;

export const GENERATION_COLORS = { peopleTrained: '#005ea2', newInstructors: '#c05600' } as const;

export const MAP_COLORS = { land: '#dfe1e2', assisted: '#005ea2', marker: '#d83933' } as const;
