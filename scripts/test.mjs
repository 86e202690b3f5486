#!/usr/bin/env node
/**
 * `npm test`: every test, unit and real-browser, in one command.
 *  1. validate data/ (npm run check:data)
 *  2. type check (svelte-check, TypeScript strict) and unit tests (vitest, project "unit")
 *  3. find or install a Chromium (scripts/find-chromium.mjs), saying what it did
 *  4. build the static site (vite build), and again under a sub-path (BASE_PATH)
 *  5. browser tests against the built site (vitest, project "browser", playwright-core)
 * Stops at the first failing step and exits non-zero.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { findOrInstallChromium } from './find-chromium.mjs';

// Each vitest run also writes a JSON report, so the run can end on one closing line that counts
// every test: "N passed, N failed".
const REPORTS = '.svelte-kit/test-reports';
const SUBPATH = '/rough-sleeping';
const SUBPATH_DIR = '.svelte-kit/build-subpath';
rmSync(REPORTS, { recursive: true, force: true });
mkdirSync(REPORTS, { recursive: true });
/** @param {string} project */
const vitest = (project) => [
	'vitest', 'run', '--project', project,
	'--reporter=default', '--reporter=json', `--outputFile.json=${REPORTS}/${project}.json`
];

function summary() {
	let passed = 0;
	let failed = 0;
	for (const project of ['unit', 'browser']) {
		try {
			const report = JSON.parse(readFileSync(`${REPORTS}/${project}.json`, 'utf8'));
			passed += report.numPassedTests;
			failed += report.numFailedTests;
		} catch {
			// that project did not run
		}
	}
	return `${passed} passed, ${failed} failed`;
}

/** @param {string} title @param {string} command @param {string[]} args @param {Record<string, string>} [env] */
function step(title, command, args, env = {}) {
	console.log(`\n=== ${title}: ${command} ${args.join(' ')}`);
	const r = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
	if (r.status !== 0) {
		console.error(`\n${title} failed (exit ${r.status ?? r.signal}).`);
		console.log(`\ntests: ${summary()}`);
		process.exit(r.status || 1);
	}
}

step('Data validation', 'npx', ['tsx', 'scripts/check-data.ts']);
step('Type check', 'npx', ['svelte-check', '--tsconfig', './tsconfig.json', '--fail-on-warnings']);
step('Unit tests', 'npx', vitest('unit'));
console.log('\n=== Browser');
let chromium;
try {
	chromium = findOrInstallChromium();
} catch (e) {
	console.error(e instanceof Error ? e.message : e);
	process.exit(1);
}
step('Build', 'npx', ['vite', 'build']);
// A second build served under a sub-path, so the browser tests can check paths.base deploys.
step('Build under a sub-path', 'npx', ['vite', 'build'], { BASE_PATH: SUBPATH, BUILD_DIR: SUBPATH_DIR });
step('Browser tests', 'npx', vitest('browser'), { CHROMIUM_PATH: chromium });
console.log(`\ntests: ${summary()}`);
