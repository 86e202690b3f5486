/**
 * The closing count of `npm test` (scripts/test.mjs), kept apart so it can be tested on small
 * hand-made vitest JSON reports. Every test that was meant to run and did not pass counts as
 * failed: a failed test, a test skipped because its set-up broke, a test file that failed to load
 * (vitest cannot list the tests of a file it cannot load, so such a file counts as one), and every
 * test of a stage that could not run at all. The one exception: suites that need ../shared
 * (scripts/shared-dir.mjs), skipped where it is absent, are counted on a line of their own.
 */
import { relative } from 'node:path';
import { SHARED_SUITE } from './shared-dir.mjs';

/**
 * @typedef {{ passed: number, failed: number, notRunShared: number, causes: string[] }} Tally
 * @typedef {{ ancestorTitles: string[], fullName: string, status: string }} AssertionResult
 * @typedef {{ name: string, status: string, message?: string, assertionResults: AssertionResult[] }} FileResult
 * @typedef {{ success?: boolean, numFailedTestSuites?: number, testResults: FileResult[] }} VitestReport
 */

/** @returns {Tally} */
export const emptyTally = () => ({ passed: 0, failed: 0, notRunShared: 0, causes: [] });

/** @param {string} message */
const firstLine = (message) => message.trim().split('\n')[0];

/** @param {string} file */
const shortName = (file) => relative(process.cwd(), file) || file;

/**
 * The count of one vitest run from its JSON report (vitest --reporter=json).
 * @param {VitestReport} report
 * @param {{ stage: string, exitCode: number | null, sharedPresent: boolean }} options
 *   stage: a name for the causes ("unit tests"); exitCode: vitest's exit status
 * @returns {Tally}
 */
export function tallyReport(report, { stage, exitCode, sharedPresent }) {
	const tally = emptyTally();
	for (const file of report.testResults) {
		const name = shortName(file.name);
		if (file.assertionResults.length === 0) {
			if (file.status === 'failed') {
				tally.failed += 1;
				tally.causes.push(`${name} failed to load: ${firstLine(file.message || 'no message')}`);
			}
			continue;
		}
		// A file-level error with tests collected: a top-level hook failed (say, the browser would not start).
		if (file.message) tally.causes.push(`${name}: ${firstLine(file.message)}`);
		let skipped = 0;
		for (const test of file.assertionResults) {
			if (test.status === 'passed') tally.passed += 1;
			else if (test.status === 'failed') tally.failed += 1;
			else if (!sharedPresent && test.ancestorTitles[0]?.startsWith(SHARED_SUITE)) tally.notRunShared += 1;
			else {
				tally.failed += 1;
				skipped += 1;
			}
		}
		if (skipped > 0) {
			const why = file.message ? 'its set-up failed' : 'skipped, or their set-up failed: see above';
			tally.causes.push(`${name}: ${skipped} ${skipped === 1 ? 'test' : 'tests'} did not run (${why})`);
		}
	}
	// vitest said the run failed (an error outside any test, a failed suite) and no test shows it.
	const vitestFailed = exitCode !== 0 || report.success === false || (report.numFailedTestSuites ?? 0) > 0;
	if (vitestFailed && tally.failed === 0) {
		tally.failed = 1;
		tally.causes.push(`${stage}: vitest failed (exit ${exitCode}) with no failing test: see its output above`);
	}
	return tally;
}

/**
 * A stage whose tests could not run: each of them counts as failed, and one line names the cause.
 * @param {number | null} planned how many tests the stage holds (from `vitest list`), null if unknown
 * @param {string} cause e.g. "browser tests not run: Chromium at /bin/false would not start"
 * @returns {Tally}
 */
export function tallyNotRun(planned, cause) {
	return { ...emptyTally(), failed: Math.max(1, planned ?? 0), causes: [cause] };
}

/**
 * A step that is not a vitest run (data validation, type check, build) counts as one test.
 * @param {string} title @param {number | null} exitCode
 * @returns {Tally}
 */
export function tallyStep(title, exitCode) {
	return exitCode === 0
		? { ...emptyTally(), passed: 1 }
		: { ...emptyTally(), failed: 1, causes: [`${title} failed (exit ${exitCode})`] };
}

/** @param {Tally[]} tallies @returns {Tally} */
export function combine(tallies) {
	const total = emptyTally();
	for (const t of tallies) {
		total.passed += t.passed;
		total.failed += t.failed;
		total.notRunShared += t.notRunShared;
		total.causes.push(...t.causes);
	}
	return total;
}

/**
 * The lines `npm test` ends on: the causes of any failure, the ../shared checks not run (if any),
 * and last the closing line.
 * @param {Tally} total
 * @returns {string[]}
 */
export function closingLines(total) {
	return [
		...total.causes,
		...(total.notRunShared > 0 ? [`tests not run (no ../shared): ${total.notRunShared}`] : []),
		`tests: ${total.passed} passed, ${total.failed} failed`
	];
}
