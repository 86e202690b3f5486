import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { dataSnapshot } from './scripts/vite-data-snapshot.ts';

export default defineConfig({
	plugins: [dataSnapshot(), sveltekit()],
	// Data files ship as content-hashed static assets: the snapshot's Arrow files (the browser
	// engine's data) and CSVs imported with ?url (the benchmark's comparison).
	assetsInclude: ['**/*.csv', '**/*.arrow'],
	// Never inline a data file as a data: URL: the CSP lets the engine fetch from this origin only.
	build: { assetsInlineLimit: (file: string) => (/\.(csv|arrow)$/.test(file) ? false : undefined) },
	worker: { format: 'es' },
	test: {
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					include: ['tests/unit/**/*.test.ts'],
					environment: 'node',
					// Hooks build engines and regenerate data files: give them a test's time on a busy machine.
					testTimeout: 60_000,
					hookTimeout: 60_000,
					// Vitest's default on two cores is one file at a time; many files wait on DuckDB
					// starting or on child processes, so two at a time took 101 s down to 77 s.
					maxWorkers: 2
				}
			},
			{
				extends: true,
				test: {
					name: 'browser',
					include: ['tests/browser/**/*.test.ts'],
					environment: 'node',
					globalSetup: ['tests/browser/global-setup.ts'],
					testTimeout: 120_000,
					hookTimeout: 120_000,
					// Two files at a time: the machines have two cores, and a file waiting on DuckDB or a
					// page load leaves one free; every-page.test.ts alone takes a third of the run.
					fileParallelism: true,
					maxWorkers: 2
				}
			}
		]
	}
});
