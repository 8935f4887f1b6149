/**
 * A library loaded when first needed, once. PDF, spreadsheet, credential and mail libraries
 * weigh tens of megabytes of memory together; a server loads them for the work that uses them,
 * not at start, so a process that never makes a PDF (an import, a quiet server) never holds them.
 * A load that fails is tried again on the next call.
 */
export function lazily<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () =>
    (loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    }));
}
