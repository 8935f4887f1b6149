// Straight from the enums, not the schemas' barrel: the side navigation (in the entry) reads it,
// and the barrel would bring zod and every module's schemas to the first page.
import { IMPORT_KINDS, type ImportKind } from '../../../../src/platform/db/enums.js';

/** The kinds of spreadsheet the user's role may import, as the server's policy says (`useCan()`). */
export function importableKinds(can: (resource: string, action: string) => boolean): ImportKind[] {
  return IMPORT_KINDS.filter((kind) => can('imports', kind));
}
