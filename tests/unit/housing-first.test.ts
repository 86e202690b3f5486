/**
 * Housing First key figures: built from data/ rows (hand fixture), and the data rows themselves
 * traced back to the compiled official figures and the mayors' article in ../shared (run only where
 * ../shared is beside the clone).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeWithShared } from '../needs-shared';
import { housingFirstFacts } from '../../src/lib/pages/housing-first';
import { HOUSING_FIRST_FACT_IDS } from '../../src/lib/pages/pillars';
import type { SeriesRow } from '../../src/lib/data/queries';
import type { Source } from '../../src/lib/data/contract';

const row = (indicator_id: string, period: string, value: number | null, over: Partial<SeriesRow> = {}): SeriesRow => ({
	indicator_id, area_code: 'E47000007', period, value, marker: '', source_id: 'src', note: '', source_kind: 'secondary', ...over
});
const source: Source = {
	source_id: 'src', kind: 'secondary', title: 'A press release', publisher: 'DLUHC', url: 'https://www.gov.uk/x',
	licence: '', published: '2022-03-25', notes: ''
};
const indicators = [
	{ indicator_id: 'hf_people_housed', name: 'People housed by the pilot', unit: 'people' as const },
	{ indicator_id: 'hf_funding_gbp_million', name: 'Funding', unit: 'gbp_million' as const },
	{ indicator_id: 'hf3_people_worked_with', name: 'Three pilots: worked with', unit: 'people' as const }
];

describe('housingFirstFacts', () => {
	it('takes each indicator’s latest figure, in the order of HOUSING_FIRST_FACT_IDS, with its date, source and marker', () => {
		const facts = housingFirstFacts(
			[
				row('hf3_people_worked_with', '2021-07', 1245),
				row('hf_people_housed', '2022-03', 515),
				row('hf_people_housed', '2020-11', 300, { marker: 'e', note: 'nearly 300' }),
				row('hf_funding_gbp_million', '2018', 9.6)
			],
			indicators,
			[source]
		);
		expect(facts.map((f) => f.id)).toEqual(['hf_people_housed', 'hf_funding_gbp_million', 'hf3_people_worked_with']);
		expect(HOUSING_FIRST_FACT_IDS.indexOf('hf_people_housed')).toBeLessThan(HOUSING_FIRST_FACT_IDS.indexOf('hf3_people_worked_with'));
		expect(facts[0]).toEqual({
			id: 'hf_people_housed', value: '515', label: 'People housed by the pilot', when: 'March 2022',
			source: 'DLUHC, A press release', url: 'https://www.gov.uk/x', note: ''
		});
		expect(facts[1].value).toBe('£9.6 million');
		expect(facts[1].when).toBe('2018');
		expect(facts[2].value).toBe('1,245');
	});

	it('keeps a marker with its figure, skips missing figures, and says when a source is unknown', () => {
		const facts = housingFirstFacts(
			[row('hf_people_housed', '2020-11', 300, { marker: 'e', source_id: 'nowhere' }), row('hf3_people_worked_with', '2021-07', null, { marker: 'x' })],
			indicators,
			[source]
		);
		expect(facts).toHaveLength(1);
		expect(facts[0]).toMatchObject({ value: '300 [e]', source: 'Not stated', url: '' });
	});
});

describeWithShared('Housing First figures in data/ trace back to their sources', (shared) => {
	const parse = (text: string) => Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
	const observations = parse(readFileSync('data/observations.csv', 'utf8')).filter((o) => /^hf3?_/.test(o.indicator_id));
	let official: Record<string, string>[];
	let articleNumbers: Set<number>;
	beforeAll(() => {
		official = parse(readFileSync(join(shared(), 'data/official/housing_first.csv'), 'utf8'));
		const article = readFileSync(join(shared(), 'seeds/002_0c57bd2821cda00b.txt'), 'utf8');
		articleNumbers = new Set([...article.matchAll(/\d[\d,]*/g)].map((m) => Number(m[0].replace(/,/g, ''))));
	});
	it('every Housing First row of observations.csv is a row of the compiled official file, with its date and source', () => {
		expect(observations.length).toBe(official.length);
		for (const o of observations) {
			const measure = o.indicator_id.replace(/^hf3?_/, '');
			const scope = o.indicator_id.startsWith('hf3_') ? 'Three pilots' : 'WMCA';
			const match = official.find((r) => r.scope === scope && r.measure === measure && r.as_at === o.period);
			expect(match, o.indicator_id).toBeDefined();
			expect(Number(o.value), o.indicator_id).toBe(Number(match!.value));
			expect(o.source_id, o.indicator_id).toBe(match!.source_id);
		}
	});

	it('the mayors’ figures are numbers of the seed article', () => {
		const mayors = observations.filter((o) => o.source_id === 'mayors_hf_2021').map((o) => Number(o.value));
		expect(mayors.length).toBeGreaterThan(0);
		for (const n of mayors) expect(articleNumbers.has(n), String(n)).toBe(true);
	});
});

describe('Housing First figures in data/', () => {
	it('the mayors’ figures are 1,245, 812, 87 and 1,018 (read from the article by hand)', () => {
		const rows = Papa.parse<Record<string, string>>(readFileSync('data/observations.csv', 'utf8'), { header: true, skipEmptyLines: true }).data;
		const mayors = rows.filter((o) => o.source_id === 'mayors_hf_2021').map((o) => Number(o.value));
		expect(mayors.sort((a, b) => a - b)).toEqual([87, 812, 1018, 1245]);
	});
});
