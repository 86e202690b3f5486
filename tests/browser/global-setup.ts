/**
 * Browser tests run against the built site (build/), served on a free localhost port by the
 * project's own static server. `npm test` builds first; run `npx vite build` before running this
 * project alone.
 */
import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { serve } from '../../scripts/serve.mjs';

declare module 'vitest' {
	export interface ProvidedContext {
		baseUrl: string;
		/** The same site built with BASE_PATH=/rough-sleeping (scripts/test.mjs builds it). */
		subpathUrl: string;
	}
}

export const SUBPATH = '/rough-sleeping';
export const SUBPATH_DIR = '.svelte-kit/build-subpath';

export default async function setup(project: TestProject) {
	// `vitest list` (the test runner counting tests it cannot run) needs no build and no server.
	if (process.env.VITEST_COLLECT_ONLY) return;
	if (!existsSync('build/index.html')) throw new Error('No build/ found: run `npx vite build` (or `npm test`) first.');
	const { server, url } = await serve({ dir: 'build', port: 0 });
	project.provide('baseUrl', url);
	const servers = [server];
	if (existsSync(`${SUBPATH_DIR}/index.html`)) {
		const sub = await serve({ dir: SUBPATH_DIR, port: 0, base: SUBPATH });
		project.provide('subpathUrl', sub.url);
		servers.push(sub.server);
	} else {
		project.provide('subpathUrl', '');
	}
	return () =>
		Promise.all(
			servers.map(
				(s) =>
					new Promise<void>((done) => {
						s.close(() => done());
						s.closeAllConnections();
					})
			)
		);
}
