/**
 * Finds a Chromium for the browser tests, in this order: $CHROMIUM_PATH; a system Chromium or
 * Chrome on PATH or at the usual Debian paths; Playwright's browser cache. When none is found and
 * we are root on Debian, installs the `chromium` package with apt-get. Says what it did.
 * chromiumStartError then tries to start it: a path that exists is not yet a browser that runs.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

const SYSTEM = [
	'/usr/bin/chromium',
	'/usr/bin/chromium-browser',
	'/usr/bin/google-chrome',
	'/usr/bin/google-chrome-stable',
	'/snap/bin/chromium'
];

/** @param {string} name */
function onPath(name) {
	const r = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
	return r.status === 0 ? r.stdout.trim() : null;
}

function playwrightCache() {
	const root = process.env.PLAYWRIGHT_BROWSERS_PATH ?? join(homedir(), '.cache', 'ms-playwright');
	if (!existsSync(root)) return null;
	for (const dir of readdirSync(root).filter((d) => d.startsWith('chromium')).sort().reverse()) {
		for (const sub of ['chrome-linux/chrome', 'chrome-linux64/chrome', 'chrome-headless-shell-linux64/chrome-headless-shell']) {
			const p = join(root, dir, sub);
			if (existsSync(p)) return p;
		}
	}
	return null;
}

/** @param {NodeJS.ProcessEnv} env */
function find(env) {
	if (env.CHROMIUM_PATH) {
		if (existsSync(env.CHROMIUM_PATH)) return { path: env.CHROMIUM_PATH, how: 'from CHROMIUM_PATH' };
		throw new Error(`CHROMIUM_PATH is set to ${env.CHROMIUM_PATH}, which does not exist`);
	}
	for (const name of ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']) {
		const p = onPath(name);
		if (p) return { path: p, how: `system browser on PATH (${name})` };
	}
	const system = SYSTEM.find(existsSync);
	if (system) return { path: system, how: 'system browser' };
	const cached = playwrightCache();
	if (cached) return { path: cached, how: "Playwright's browser cache" };
	return null;
}

/**
 * @param {{ log?: (message: string) => void, env?: NodeJS.ProcessEnv }} [options]
 * @returns {string} the browser's path
 */
export function findOrInstallChromium({ log = console.log, env = process.env } = {}) {
	const found = find(env);
	if (found) {
		log(`Chromium: ${found.path} (${found.how})`);
		return found.path;
	}
	const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
	if (isRoot && existsSync('/usr/bin/apt-get')) {
		log('Chromium: none found; installing the Debian package "chromium" with apt-get (running as root)...');
		execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
		execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
			stdio: 'inherit',
			env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
		});
		const installed = find(env);
		if (installed) {
			log(`Chromium: installed ${installed.path}`);
			return installed.path;
		}
	}
	throw new Error(
		'No Chromium found. Install one (Debian: sudo apt-get install chromium) or set CHROMIUM_PATH to a Chromium or Chrome binary.'
	);
}

/** How the browser tests start Chromium (tests/browser/browser.ts), and so how it is tried here. */
export const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--disable-dev-shm-usage'
];

/**
 * Starts the browser at `executablePath` headless, as the browser tests will, and closes it.
 * @param {string} executablePath
 * @returns {Promise<string | null>} null when it started, else the first line of why not
 */
export async function chromiumStartError(executablePath) {
	const { chromium } = await import('playwright-core');
	try {
		const browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS, timeout: 60_000 });
		await browser.close();
		return null;
	} catch (e) {
		return (e instanceof Error ? e.message : String(e)).trim().split('\n')[0];
	}
}

if (import.meta.url === `file://${process.argv[1]}`) {
	try {
		findOrInstallChromium();
	} catch (e) {
		console.error(e instanceof Error ? e.message : e);
		process.exit(1);
	}
}
