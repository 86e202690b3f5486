#!/usr/bin/env node
/**
 * `npm test`: every test, unit and real-browser, in one command.
 *  1. validate data/ (npm run check:data)
 *  2. type check (svelte-check, TypeScript strict)
 *  3. unit tests (vitest, project "unit")
 *  4. find or install a Chromium (scripts/find-chromium.mjs), and start it once to see that it runs
 *  5. build the static site (vite build), and again under a sub-path (BASE_PATH)
 *  6. browser tests against the built site (vitest, project "browser", playwright-core)
 * Every step runs even when an earlier one failed, so one failure does not hide another's result;
 * only the browser tests wait on what they need: when Chromium will not start or the site did not
 * build, they are not run and every one of them counts as failed, with one line saying why.
 * Ends on `tests: N passed, N failed` (scripts/test-summary.mjs says what counts) and exits
 * non-zero when anything failed.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromiumStartError, findOrInstallChromium } from './find-chromium.mjs';
import { sharedDir } from './shared-dir.mjs';
import { closingLines, combine, tallyNotRun, tallyReport, tallyStep } from './test-summary.mjs';

/** @typedef {import('./test-summary.mjs').Tally} Tally */

// Each vitest run writes a JSON report, read back for the closing count.
const REPORTS = '.svelte-kit/test-reports';
const SUBPATH = '/rough-sleeping';
const SUBPATH_DIR = '.svelte-kit/build-subpath';

/**
 * Runs a command in the foreground, its output passed through.
 * @param {string} title @param {string} command @param {string[]} args @param {NodeJS.ProcessEnv} [env]
 * @returns {number | null} its exit status
 */
function run(title, command, args, env = process.env) {
	console.log(`\n=== ${title}: ${command} ${args.join(' ')}`);
	const started = Date.now();
	const r = spawnSync(command, args, { stdio: 'inherit', env });
	if (r.status !== 0) console.error(`\n${title} failed (exit ${r.status ?? r.signal}).`);
	// Each step's time, so a run creeping towards CI's 15 minutes shows which step grew.
	console.log(`=== ${title}: ${Math.round((Date.now() - started) / 1000)} s`);
	return r.status;
}

/**
 * `vitest list` for a project, without running its tests (nor its global set-up's server).
 * @param {string[]} args after `vitest list`
 * @returns {unknown[] | null} what it listed, or null when it could not list
 */
function vitestList(args) {
	const dir = mkdtempSync(join(tmpdir(), 'vitest-list-'));
	try {
		const out = join(dir, 'list.json');
		spawnSync('npx', ['vitest', 'list', ...args, `--json=${out}`], {
			stdio: 'ignore',
			env: { ...process.env, VITEST_COLLECT_ONLY: '1' }
		});
		const listed = JSON.parse(readFileSync(out, 'utf8'));
		return Array.isArray(listed) ? listed : null;
	} catch {
		return null;
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

/**
 * How many tests a vitest project holds. One file that cannot load stops vitest listing any, so
 * then they are counted file by file, such a file as one.
 * @param {string} project
 * @param {string[]} [options] more vitest options (another --config, for the runner's own tests)
 * @returns {number | null} null when vitest could not even list the files
 */
export function listTests(project, options = []) {
	const args = ['--project', project, ...options];
	const all = vitestList(args);
	if (all) return all.length;
	const files = vitestList([...args, '--filesOnly']);
	if (!files) return null;
	return files
		.map((f) => /** @type {{ file: string }} */ (f).file)
		.reduce((n, file) => n + (vitestList([...args, file])?.length || 1), 0);
}

/**
 * Runs one vitest project and counts it from its JSON report.
 * @param {string} project @param {{ title: string, env?: NodeJS.ProcessEnv, sharedPresent: boolean }} options
 * @returns {Tally}
 */
function vitestStage(project, { title, env = process.env, sharedPresent }) {
	const report = resolve(REPORTS, `${project}.json`);
	rmSync(report, { force: true });
	const args = ['vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`];
	const exitCode = run(title, 'npx', args, env);
	let parsed;
	try {
		parsed = JSON.parse(readFileSync(report, 'utf8'));
	} catch {
		return tallyNotRun(listTests(project), `${project} tests not run: vitest ended (exit ${exitCode}) before writing its report: see its output above`);
	}
	return tallyReport(parsed, { stage: `${project} tests`, exitCode, sharedPresent });
}

/**
 * A Chromium that starts, or why there is none.
 * @param {NodeJS.ProcessEnv} env
 * @returns {Promise<{ path: string } | { cause: string }>}
 */
export async function usableChromium(env = process.env) {
	let path;
	try {
		path = findOrInstallChromium({ env });
	} catch (e) {
		return { cause: `browser tests not run: ${e instanceof Error ? e.message : e}` };
	}
	const error = await chromiumStartError(path);
	return error ? { cause: `browser tests not run: Chromium at ${path} would not start (${error})` } : { path };
}

/**
 * The browser tests, or, when they cannot run, all of them counted as failed with the cause.
 * @param {{ env?: NodeJS.ProcessEnv, built: boolean, sharedPresent: boolean }} options
 *   built: whether the site built (the tests run against build/)
 * @returns {Promise<Tally>}
 */
export async function browserStage({ env = process.env, built, sharedPresent }) {
	console.log('\n=== Browser');
	const chromium = await usableChromium(env);
	if ('cause' in chromium) {
		console.error(chromium.cause);
		return tallyNotRun(listTests('browser'), chromium.cause);
	}
	if (!built) return tallyNotRun(listTests('browser'), 'browser tests not run: the site did not build');
	return vitestStage('browser', { title: 'Browser tests', env: { ...env, CHROMIUM_PATH: chromium.path }, sharedPresent });
}

async function main() {
	rmSync(REPORTS, { recursive: true, force: true });
	mkdirSync(REPORTS, { recursive: true });
	const sharedPresent = sharedDir() !== null;
	/** @type {Tally[]} */
	const tallies = [];
	const step = (/** @type {string} */ title, /** @type {string[]} */ args, env = process.env) => {
		const t = tallyStep(title, run(title, 'npx', args, env));
		tallies.push(t);
		return t.failed === 0;
	};

	step('Data validation', ['tsx', 'scripts/check-data.ts']);
	step('Type check', ['svelte-check', '--tsconfig', './tsconfig.json', '--fail-on-warnings']);
	tallies.push(vitestStage('unit', { title: 'Unit tests', sharedPresent }));
	// Built afresh: a failed build must not leave an old one for the browser tests to pass on.
	rmSync('build', { recursive: true, force: true });
	rmSync(SUBPATH_DIR, { recursive: true, force: true });
	const built = step('Build', ['vite', 'build']);
	// A second build served under a sub-path, so the browser tests can check paths.base deploys.
	step('Build under a sub-path', ['vite', 'build'], { ...process.env, BASE_PATH: SUBPATH, BUILD_DIR: SUBPATH_DIR });
	tallies.push(await browserStage({ built, sharedPresent }));

	const total = combine(tallies);
	console.log('');
	for (const line of closingLines(total)) console.log(line);
	process.exit(total.failed > 0 ? 1 : 0);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) await main();
