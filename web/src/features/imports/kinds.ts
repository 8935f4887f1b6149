import { IMPORT_KINDS, type ImportKind } from '../../api/schemas';

/** The kinds of spreadsheet the user's role may import, as the server's policy says (`useCan()`). */
export function importableKinds(can: (resource: string, action: string) => boolean): ImportKind[] {
  return IMPORT_KINDS.filter((kind) => can('imports', kind));
}
