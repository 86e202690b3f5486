/**
 * The explorer's table view, rendered on the server: it sits in the chart frame like every other
 * view, so it has "View the SQL" and "Embed this chart", and its table is shown (not behind the
 * "Show data table" toggle, and with no chart downloads, as there is no chart).
 */
import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import ExploreFigure from '../../src/lib/explore/ExploreFigure.svelte';
import type { CatalogArea, CatalogIndicator, ExploreState } from '../../src/lib/explore/params';
import type { IndicatorSeriesRow } from '../../src/lib/data/queries';

const indicator: CatalogIndicator = { indicator_id: 'snapshot_single_night', name: 'Autumn snapshot', unit: 'people', frequency: 'annual' };
const areas: CatalogArea[] = [{ area_code: 'E08000025', area_name: 'Birmingham', area_type: 'local_authority' }];
const rows: IndicatorSeriesRow[] = [
	{
		indicator_id: 'snapshot_single_night', area_code: 'E08000025', area_name: 'Birmingham', area_type: 'local_authority', period: '2019',
		value: 52, marker: '', note: '', source_id: 's1', source_kind: 'official_statistics', source_title: 'Snapshot 2019',
		source_published: '2020-02-27', cell: '', population: null, population_year: null, population_source_id: '', rate_per_100k: null
	}
];
const state: ExploreState = {
	indicator: 'snapshot_single_night', areas: ['E08000025'], from: '2019', to: '2019', fromPeriod: '2019', toPeriod: '2019',
	measure: 'count', view: 'table'
};

describe('ExploreFigure, table view', () => {
	it('is framed like a chart: the SQL, the embed of this view, the table shown in the figure', () => {
		const { body } = render(ExploreFigure as never, {
			props: { state, indicator, areas, rows, sources: [], methodologyHref: '/methodology', id: 'f' }
		} as never) as { body: string };
		expect(body).toContain('View the SQL');
		expect(body).toContain('Embed this chart');
		expect(body).toContain('src="/embed/indicators/snapshot_single_night/?areas=E08000025&amp;amp;from=2019&amp;amp;to=2019&amp;amp;measure=count&amp;amp;view=table"');
		const figure = body.slice(body.indexOf('<figure'), body.indexOf('</figure>'));
		expect(figure).toMatch(/<th scope="row"[^>]*>Birmingham<\/th>/);
		expect(figure).toContain('Autumn 2019');
		expect(body).not.toContain('data table</summary>');
		expect(body).toContain('Data (CSV)');
	});
});
