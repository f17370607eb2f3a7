/**
 * Chunk claims of the two-core check (lib/parallel/parallel-check.ts), in a module of their own so the helper
 * thread (check-worker.ts) can read them without loading the content code before it needs it.
 */
/** Chunk claims: 0 free, 1 the main thread's, 2 the helper's. */
export const FREE = 0;
export const MAIN = 1;
export const HELPER = 2;
