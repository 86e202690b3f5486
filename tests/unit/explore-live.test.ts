/**
 * What a page shows of the live view: an address asking for a view other than the one held
 * draws nothing (status loading) until its rows are held, and nothing under a failure.
 */
import { describe, expect, it } from 'vitest';
import { presented } from '../../src/lib/explore/live-view.svelte';
import { defaultState, parseExplore, type ExploreCatalog } from '../../src/lib/explore/params';

const catalog: ExploreCatalog = {
	indicators: [{ indicator_id: 'snapshot_single_night', name: 'Autumn snapshot', unit: 'people', frequency: 'annual' }],
	areas: [
		{ area_code: 'E47000007', area_name: 'West Midlands Combined Authority', area_type: 'combined_authority' },
		{ area_code: 'E08000025', area_name: 'Birmingham', area_type: 'local_authority' }
	],
	coverage: { snapshot_single_night: { periods: ['2018', '2019'], areas: ['E47000007', 'E08000025'] } }
};
const prerendered = { state: defaultState(catalog), rows: [] };
const parse = (qs: string) => parseExplore(new URLSearchParams(qs), catalog);

describe('presented', () => {
	it('the prerendered default view is drawn at once', () => {
		expect(presented(parse(''), prerendered, 'ready')).toEqual({ status: 'ready', drawn: prerendered });
	});
	it('a shared link to another view: loading and nothing drawn, not the prerendered default chart', () => {
		// Mounted, the effect has not yet set 'loading' (or has): either way the default chart is not shown.
		expect(presented(parse('view=table'), prerendered, 'ready')).toEqual({ status: 'loading', drawn: null });
		expect(presented(parse('view=table'), prerendered, 'loading')).toEqual({ status: 'loading', drawn: null });
	});
	it('its rows held: that view is drawn', () => {
		const table = parse('view=table');
		if (!table.ok) throw new Error('view=table should parse');
		const held = { state: table.state, rows: [] };
		expect(presented(table, held, 'ready')).toEqual({ status: 'ready', drawn: held });
	});
	it('the user\'s dataset asked for while the published rows are held: loading, nothing drawn', () => {
		expect(presented(parse(''), prerendered, 'ready', false)).toEqual({ status: 'loading', drawn: null });
	});
	it('a failed query: the old chart is not left under the failure', () => {
		expect(presented(parse('view=bars'), prerendered, 'failed')).toEqual({ status: 'failed', drawn: null });
	});
});
