/** Embed URLs and snippets, the workbench switch, and the navigation derived from route files. */
import { describe, expect, it } from 'vitest';
import { embedPath, embedSnippet, explorePath, exploreQuery, workbenchHref, WORKBENCH_PATH } from '../../src/lib/config/site';
import { navLinks, routeIds } from '../../src/lib/config/routes';

const params = { indicator: 'snapshot_single_night', areas: ['E08000025', 'E08000026'], from: '2015', to: '2019', measure: 'count', view: 'table' } as const;

describe('embeds', () => {
	it('uses the /explore parameters in their order, areas comma-separated', () => {
		expect(exploreQuery(params)).toBe('indicator=snapshot_single_night&areas=E08000025,E08000026&from=2015&to=2019&measure=count&view=table');
	});
	it('leaves indicator out of the embed query (the path fixes it); the full page link keeps the whole view', () => {
		expect(embedPath(params)).toBe('/embed/indicators/snapshot_single_night/?areas=E08000025,E08000026&from=2015&to=2019&measure=count&view=table');
		expect(explorePath(params)).toBe(
			'/explore?indicator=snapshot_single_night&areas=E08000025,E08000026&from=2015&to=2019&measure=count&view=table'
		);
	});
	it('escapes the snippet attributes', () => {
		const html = embedSnippet('https://x.org/embed/indicators/a/?a=1&b=2', 'Rates "by" area <2025>');
		expect(html).toBe(
			'<iframe src="https://x.org/embed/indicators/a/?a=1&amp;b=2" title="Rates &quot;by&quot; area &lt;2025>" width="100%" height="560" style="border:0" loading="lazy"></iframe>'
		);
	});
	it('links "View the SQL" to a workbench route that exists, with the SQL encoded in ?sql=', () => {
		expect(routeIds()).toContain(WORKBENCH_PATH);
		expect(workbenchHref('/rough-sleeping', "SELECT 'a&b' AS x;")).toBe('/rough-sleeping/workbench?sql=SELECT%20\'a%26b\'%20AS%20x%3B');
	});
});

describe('routes', () => {
	const files = ['/src/routes/+page.svelte', '/src/routes/methodology/+page.svelte', '/src/routes/areas/[code]/+page.svelte', '/src/routes/(app)/data-tools/+page.svelte', '/src/routes/embed/indicators/[id]/+page.svelte'];
	it('reads route ids from page files, dropping (groups)', () => {
		expect(routeIds(files)).toEqual(['/', '/areas/[code]', '/data-tools', '/embed/indicators/[id]', '/methodology']);
	});
	it('puts the home page and every fixed top-level page in the navigation, named from its folder', () => {
		expect(navLinks(routeIds(files))).toEqual([
			{ route: '/', label: 'Overview', slash: false },
			{ route: '/data-tools', label: 'Data tools', slash: false },
			{ route: '/methodology', label: 'Methodology', slash: false }
		]);
	});
	it('links the progress report as the folder it is (/report/), under its own words', () => {
		expect(navLinks(routeIds([...files, '/src/routes/report/+page.svelte', '/src/routes/report/[code]/+page.svelte']))).toContainEqual({
			route: '/report',
			label: 'Progress report',
			slash: true
		});
	});
	it('finds this site\'s own pages', () => {
		expect(routeIds()).toEqual(expect.arrayContaining(['/', '/areas/[code]', '/methodology']));
	});
});

describe('built pages', () => {
	it('lists every prerendered .html as the path the site links, skipping _app', async () => {
		const { mkdtempSync, mkdirSync, writeFileSync } = await import('node:fs');
		const { join } = await import('node:path');
		const { tmpdir } = await import('node:os');
		const { builtPages, overviewPages } = await import('../../scripts/built-pages');
		const root = mkdtempSync(join(tmpdir(), 'built-'));
		for (const f of ['index.html', 'methodology.html', 'areas/E08000026/index.html', 'areas/E08000026/__data.json', '_app/x.html']) {
			mkdirSync(join(root, f, '..'), { recursive: true });
			writeFileSync(join(root, f), '');
		}
		expect(builtPages(root)).toEqual(['/', '/areas/E08000026/', '/methodology']);
		expect(overviewPages(root)).toEqual(['/', '/areas/E08000026/']);
	});
});

describe('one page per template', () => {
	it('keeps every top-level page and the first of each folder of pages', async () => {
		const { onePagePerTemplate } = await import('../../scripts/built-pages');
		const pages = ['/', '/areas/E08000025/', '/areas/E08000026/', '/embed/indicators/a/', '/embed/indicators/b/', '/explore', '/indicators/a/', '/indicators/b/', '/methodology'];
		expect(onePagePerTemplate(pages)).toEqual(['/', '/areas/E08000025/', '/embed/indicators/a/', '/explore', '/indicators/a/', '/methodology']);
	});
});
