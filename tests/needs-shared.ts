/**
 * Suites that trace data/ back to ../shared (see scripts/shared-dir.mjs). They run where ../shared
 * is beside the clone, as in CI. Elsewhere they are not run, a console line says so, and the test
 * runner counts them in its own line, apart from failures.
 */
import { describe } from 'vitest';
import { SHARED_SUITE, sharedDir, sharedLocation } from '../scripts/shared-dir.mjs';

/**
 * A suite whose body reads ../shared through `dir`. Read files in hooks or tests, not in the body
 * itself: vitest still collects the body of a suite it does not run.
 */
export function describeWithShared(title: string, body: (dir: () => string) => void): void {
	const found = sharedDir();
	if (!found) console.log(`not run: ../shared is not beside this clone (${sharedLocation()}): ${title}`);
	describe.runIf(found !== null)(`${SHARED_SUITE}: ${title}`, () =>
		body(() => {
			if (!found) throw new Error('../shared is not beside this clone');
			return found;
		})
	);
}
