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
	}
}

export default async function setup(project: TestProject) {
	if (!existsSync('build/index.html')) throw new Error('No build/ found: run `npx vite build` (or `npm test`) first.');
	const { server, url } = await serve({ dir: 'build', port: 0 });
	project.provide('baseUrl', url);
	return () => new Promise<void>((done) => server.close(() => done()));
}
