/**
 * npm run bench: the indicator engine benchmark (scripts/bench-engine.ts), then the page
 * benchmark (scripts/bench-pages.ts) when that file is present, then the spreadsheet import
 * benchmark (scripts/bench-import.ts), the explorer benchmark (scripts/bench-explore.ts) when present,
 * then the workbench benchmark (scripts/bench-workbench.ts). With --scale, the England-scale
 * benchmark too (scripts/bench-scale.ts: 296 authorities, 1 to 10 million events, and the console
 * over a 10-million-event table; a few minutes more, so not in the routine run).
 */
import { existsSync } from 'node:fs';
import { benchEngine } from './bench-engine.ts';

await benchEngine();

const pages = new URL('./bench-pages.ts', import.meta.url);
if (existsSync(pages)) {
	console.log('');
	const { benchPages } = (await import(pages.href)) as { benchPages: () => Promise<void> };
	await benchPages();
}

const { benchImport } = await import('./bench-import.ts');
await benchImport();

const explore = new URL('./bench-explore.ts', import.meta.url);
if (existsSync(explore)) {
	const { benchExplore } = (await import(explore.href)) as { benchExplore: () => Promise<void> };
	await benchExplore();
}

console.log('');
const { benchWorkbench } = await import('./bench-workbench.ts');
await benchWorkbench();

if (process.argv.includes('--scale')) {
	console.log('');
	const { benchScale } = await import('./bench-scale.ts');
	await benchScale();
}
