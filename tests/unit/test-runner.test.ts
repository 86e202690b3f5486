/**
 * The closing count of `npm test` (scripts/test-summary.mjs, scripts/test.mjs): on small
 * hand-made vitest JSON reports, on the real report of a tiny fixture project
 * (tests/fixtures/test-runner), and the browser stage when Chromium cannot start.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { closingLines, combine, tallyNotRun, tallyReport, tallyStep } from '../../scripts/test-summary.mjs';
import { browserStage, listTests, usableChromium } from '../../scripts/test.mjs';

type Status = 'passed' | 'failed' | 'skipped' | 'pending' | 'todo';
const test = (title: string, status: Status, suite?: string) => ({
	ancestorTitles: suite ? [suite] : [],
	fullName: suite ? `${suite} ${title}` : title,
	status
});
const file = (name: string, tests: ReturnType<typeof test>[], extra: { status?: string; message?: string } = {}) => ({
	name: join(process.cwd(), 'tests', name),
	status: extra.status ?? (tests.some((t) => t.status === 'failed') ? 'failed' : 'passed'),
	message: extra.message ?? '',
	assertionResults: tests
});
const counted = { stage: 'unit tests', exitCode: 1, sharedPresent: true };

describe('tallyReport, on hand-made reports', () => {
	it('counts passed and failed tests, and nothing else when all ran', () => {
		const report = { success: true, numFailedTestSuites: 0, testResults: [file('a.test.ts', [test('one', 'passed'), test('two', 'passed')])] };
		expect(tallyReport(report, { ...counted, exitCode: 0 })).toEqual({ passed: 2, failed: 0, notRunShared: 0, causes: [] });
	});

	it('counts tests skipped because a top-level hook failed as failed, and names the cause', () => {
		const report = {
			success: false,
			numFailedTestSuites: 1,
			testResults: [
				file('browser/x.test.ts', [test('a', 'skipped'), test('b', 'skipped'), test('c', 'skipped')], {
					status: 'failed',
					message: 'browserType.launch: Target page, context or browser has been closed\nlog lines'
				})
			]
		};
		const t = tallyReport(report, counted);
		expect([t.passed, t.failed]).toEqual([0, 3]);
		expect(t.causes).toEqual([
			'tests/browser/x.test.ts: browserType.launch: Target page, context or browser has been closed',
			'tests/browser/x.test.ts: 3 tests did not run (its set-up failed)'
		]);
	});

	it('counts a file that failed to load as one failed test, with its message', () => {
		const report = {
			success: false,
			numFailedTestSuites: 1,
			testResults: [
				file('a.test.ts', [test('one', 'passed')]),
				file('b.test.ts', [], { status: 'failed', message: "Cannot find module './gone' imported from b.test.ts" })
			]
		};
		const t = tallyReport(report, counted);
		expect([t.passed, t.failed]).toEqual([1, 1]);
		expect(t.causes).toEqual(["tests/b.test.ts failed to load: Cannot find module './gone' imported from b.test.ts"]);
	});

	it('counts skipped, todo and pending tests as failed', () => {
		const report = { testResults: [file('a.test.ts', [test('s', 'skipped'), test('t', 'todo'), test('p', 'pending'), test('ok', 'passed')])] };
		const t = tallyReport(report, { ...counted, exitCode: 0 });
		expect([t.passed, t.failed, t.notRunShared]).toEqual([1, 3, 0]);
	});

	it('counts suites that need ../shared apart when it is absent, and as failed when it is there but they were skipped', () => {
		const report = {
			testResults: [file('hf.test.ts', [test('traces', 'skipped', 'needs ../shared: Housing First'), test('other', 'skipped', 'Housing First')])]
		};
		const absent = tallyReport(report, { ...counted, exitCode: 0, sharedPresent: false });
		expect([absent.passed, absent.failed, absent.notRunShared]).toEqual([0, 1, 1]);
		const present = tallyReport(report, { ...counted, exitCode: 0, sharedPresent: true });
		expect([present.passed, present.failed, present.notRunShared]).toEqual([0, 2, 0]);
	});

	it('counts one failure when vitest failed but no test shows it (an error outside any test)', () => {
		const report = { success: false, numFailedTestSuites: 0, testResults: [file('a.test.ts', [test('one', 'passed')])] };
		const t = tallyReport(report, counted);
		expect([t.passed, t.failed]).toEqual([1, 1]);
		expect(t.causes).toEqual(['unit tests: vitest failed (exit 1) with no failing test: see its output above']);
		expect(tallyReport({ testResults: [] }, { ...counted, exitCode: 0 }).failed).toBe(0);
		expect(tallyReport({ testResults: [] }, { ...counted, exitCode: 2 }).failed).toBe(1);
	});
});

describe('tallyReport, on a real vitest report', () => {
	it('of the fixture project: 1 passed; 1 failed + 2 skipped by a broken beforeAll + 1 file that failed to load = 4 failed; 1 not run for ../shared', () => {
		const dir = mkdtempSync(join(tmpdir(), 'runner-'));
		try {
			const out = join(dir, 'report.json');
			const r = spawnSync(
				'npx',
				['vitest', 'run', '--config', 'tests/fixtures/test-runner/vitest.config.mjs', '--project', 'fixture', '--reporter=json', `--outputFile.json=${out}`],
				{ encoding: 'utf8' }
			);
			expect(r.status).toBe(1);
			const t = tallyReport(JSON.parse(readFileSync(out, 'utf8')), { stage: 'fixture', exitCode: r.status, sharedPresent: false });
			expect([t.passed, t.failed, t.notRunShared]).toEqual([1, 4, 1]);
			expect(t.causes.some((c) => /fails-to-load\.check\.ts failed to load: Cannot find module '\.\/no-such-module'/.test(c))).toBe(true);
			expect(t.causes).toContain('tests/fixtures/test-runner/runs.check.ts: 2 tests did not run (skipped, or their set-up failed: see above)');
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});

describe('the closing lines', () => {
	it('add up every stage; each step that is not vitest counts as one test; the closing line is last', () => {
		const total = combine([
			tallyStep('Data validation', 0),
			tallyStep('Build', 1),
			tallyNotRun(27, 'browser tests not run: Chromium at /bin/false would not start (why)'),
			{ passed: 10, failed: 0, notRunShared: 2, causes: [] }
		]);
		expect(total).toEqual({
			passed: 11,
			failed: 1 + 27,
			notRunShared: 2,
			causes: ['Build failed (exit 1)', 'browser tests not run: Chromium at /bin/false would not start (why)']
		});
		expect(closingLines(total)).toEqual([
			'Build failed (exit 1)',
			'browser tests not run: Chromium at /bin/false would not start (why)',
			'tests not run (no ../shared): 2',
			'tests: 11 passed, 28 failed'
		]);
		expect(closingLines(combine([tallyStep('Type check', 0)]))).toEqual(['tests: 1 passed, 0 failed']);
	});

	it('a stage that could not run counts at least one failure, even when its tests cannot be counted', () => {
		expect(tallyNotRun(null, 'why').failed).toBe(1);
		expect(tallyNotRun(0, 'why').failed).toBe(1);
	});
});

describe('counting the tests of a stage that cannot run', () => {
	it('counts file by file when one file cannot load: the fixture project holds 4 tests meant to run and a file counted as 1', () => {
		// vitest list leaves out the suite skipped by runIf(false).
		expect(listTests('fixture', ['--config', 'tests/fixtures/test-runner/vitest.config.mjs'])).toBe(4 + 1);
	});
});

describe('the browser stage when Chromium cannot start', () => {
	it('CHROMIUM_PATH=/bin/false: every browser test counts as failed, and one line names the cause', { timeout: 180_000 }, async () => {
		const t = await browserStage({ env: { ...process.env, CHROMIUM_PATH: '/bin/false' }, built: true, sharedPresent: true });
		// At least one per `it(` written in the browser test files (loops make more).
		const files = readdirSync('tests/browser').filter((f) => f.endsWith('.test.ts'));
		const written = files.reduce((n, f) => n + (readFileSync(join('tests/browser', f), 'utf8').match(/^\s*it\(/gm)?.length ?? 0), 0);
		expect(written).toBeGreaterThan(files.length);
		expect(t.passed).toBe(0);
		expect(t.failed).toBeGreaterThanOrEqual(written);
		expect(t.causes).toHaveLength(1);
		expect(t.causes[0]).toMatch(/^browser tests not run: Chromium at \/bin\/false would not start \(.+\)$/);
	});

	it('CHROMIUM_PATH set to a path that does not exist: the cause names the path', async () => {
		expect(await usableChromium({ ...process.env, CHROMIUM_PATH: '/nonexistent/chrome' })).toEqual({
			cause: 'browser tests not run: CHROMIUM_PATH is set to /nonexistent/chrome, which does not exist'
		});
	});
});
