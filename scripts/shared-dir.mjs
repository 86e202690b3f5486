/**
 * Where ../shared is: the project's source documents and compiled official figures, kept beside
 * the clone in CI but absent from an outside contributor's clone. Only the checks that trace data/
 * back to it (and `npm run data:official`) read it; `npm test` passes without it and says how many
 * of those checks it did not run. SHARED_DIR points elsewhere (say, a copy kept in another folder).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Title prefix of every suite that needs ../shared; the test runner counts these apart when skipped. */
export const SHARED_SUITE = 'needs ../shared';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** @returns {string} where ../shared would be for this clone */
export function sharedLocation() {
	return resolve(ROOT, process.env.SHARED_DIR || '../shared');
}

/** @returns {string | null} the ../shared folder, or null when it is not there */
export function sharedDir() {
	const dir = sharedLocation();
	return existsSync(dir) ? dir : null;
}
