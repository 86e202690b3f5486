import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import { createRawSnippet } from 'svelte';
import ChartFrame from '$lib/charts/ChartFrame.svelte';
import { csvDataUrl, csvText, fileBase } from '$lib/charts/download-csv';
import type { CsvData, TableData } from '$lib/charts/types';

const table: TableData = {
	caption: 'People sleeping rough, WMCA, by month',
	columns: [{ label: 'Month' }, { label: 'WMCA', numeric: true }, { label: 'Note' }],
	rows: [
		['May 2024', '52', ''],
		['June 2024', '[x]', '=HYPERLINK("https://example.com")'],
		['July 2024', '39 [p]', '']
	]
};
const csv: CsvData = {
	filename: 'WMCA monthly.csv',
	header: ['period', 'WMCA (people)', 'WMCA marker', 'note'],
	rows: [
		['2024-05', 52, '', ''],
		['2024-06', null, 'x', '=HYPERLINK("https://example.com")'],
		['2024-07', 39, 'p', '+44 121']
	]
};

function frame(props: Record<string, unknown> = {}) {
	return render(ChartFrame, {
		props: {
			title: 'People sleeping rough',
			takeaway: 'The number fell by a quarter over the year.',
			alt: 'Line chart showing the number falling from 52 in May to 39 in July 2024.',
			source: 'WMCA monthly returns',
			sourceDate: 'August 2024',
			methodologyHref: '/methodology',
			table,
			csv,
			children: createRawSnippet(() => ({ render: () => '<svg data-chart-svg="" viewBox="0 0 10 10"></svg>' })),
			...props
		}
	}).body;
}

function downloadedCsv(body: string): string {
	const href = body.match(/href="(data:text\/csv[^"]*)"/)?.[1] ?? '';
	expect(href.startsWith('data:text/csv;charset=utf-8,')).toBe(true);
	return decodeURIComponent(href.slice(href.indexOf(',') + 1));
}

describe('ChartFrame (SSR)', () => {
	it('wraps the graphic in aria-hidden and gives a text summary instead', () => {
		const body = frame();
		expect(body).toMatch(/<div class="cf-graphic[^"]*" aria-hidden="true"><svg data-chart-svg=""/);
		expect(body).toMatch(/<p class="visually-hidden[^"]*">Line chart showing the number falling/);
	});

	it('has a heading at the chosen level, the takeaway and a source line', () => {
		const body = frame({ headingLevel: 2 });
		expect(body).toMatch(/<h2 class="cf-title[^"]*" id="([^"]+)-title">People sleeping rough/);
		expect(body).toMatch(/<figure [^>]*aria-labelledby="[^"]+-title"/);
		expect(body).toContain('The number fell by a quarter over the year.</p>');
		expect(body).toMatch(/<figcaption[^>]*>Source: WMCA monthly returns \(August 2024\)\./);
		expect(body).toContain('href="/methodology"');
		expect(frame()).toMatch(/<h3 /);
	});

	it('labels illustrative data with a link to the methodology', () => {
		expect(frame()).not.toContain('Illustrative data');
		expect(frame({ illustrative: true })).toMatch(/<a href="\/methodology#illustrative"[^>]*>Illustrative data<\/a>/);
	});

	it('has a data table in a <details> toggle, with caption and header scopes', () => {
		const body = frame();
		expect(body).toMatch(/<details[^>]*><summary[^>]*>.*Show.*data table<\/summary>/s);
		expect(body).toMatch(/<div class="cf-table-scroll[^"]*" tabindex="0" role="region" aria-label="[^"]+">/);
		expect(body).toMatch(/<caption[^>]*>People sleeping rough, WMCA, by month<\/caption>/);
		expect(body.match(/<th scope="col"/g)).toHaveLength(3);
		expect(body.match(/<th scope="row"/g)).toHaveLength(3);
		expect(body).toMatch(/<td class="[^"]*cf-num[^"]*">\[x\]<\/td>/);
	});

	it('keys the markers used in the table, and only those', () => {
		const body = frame();
		expect(body).toMatch(/<dt[^>]*>\[x\]<\/dt> <dd[^>]*>not available<\/dd>/);
		expect(body).toMatch(/<dt[^>]*>\[p\]<\/dt> <dd[^>]*>provisional<\/dd>/);
		expect(body).not.toContain('[u]');
		const plain = frame({ table: { columns: [{ label: 'A' }], rows: [['1']] } });
		expect(plain).not.toContain('Key to symbols');
	});

	it('offers the CSV as a data: URL that works without JavaScript, formula cells neutralised', () => {
		const body = frame();
		expect(body).toContain('download="wmca-monthly.csv"');
		const text = downloadedCsv(body);
		expect(text.startsWith('\uFEFF')).toBe(true);
		expect(text.slice(1)).toBe(
			'period,WMCA (people),WMCA marker,note\n' +
				'2024-05,52,,\n' +
				`2024-06,,x,"'=HYPERLINK(""https://example.com"")"\n` +
				"2024-07,39,p,'+44 121\n"
		);
	});

	it('hides the script-only SVG and PNG buttons until JavaScript runs', () => {
		const body = frame();
		expect(body.match(/<li hidden=""[^>]*><button type="button"/g)).toHaveLength(2);
		expect(body).toContain('Chart (SVG)');
		expect(body).toContain('Chart (PNG)');
	});

	it('is not aria-hidden when interactive', () => {
		expect(frame({ interactive: true })).toMatch(/<div class="cf-graphic[^"]*">/);
	});

	it('uses no inline styles (CSP style-src self)', () => {
		expect(frame({ illustrative: true })).not.toMatch(/\sstyle=/);
	});
});

describe('download helpers', () => {
	it('writes the CSV with toCsv, neutralised', () => {
		expect(csvText({ filename: 'a', header: ['note'], rows: [['=1+2'], ['-3'], ['@SUM(A1)'], [-3]] })).toBe(
			"note\n'=1+2\n'-3\n'@SUM(A1)\n-3\n"
		);
	});
	it('makes file names safe', () => {
		expect(fileBase('WMCA monthly.csv')).toBe('wmca-monthly');
		expect(fileBase('  ')).toBe('chart');
		expect(fileBase('snapshot_2024.svg')).toBe('snapshot_2024');
	});
	it('encodes a data URL with a byte order mark', () => {
		expect(csvDataUrl({ filename: 'a', header: ['£'], rows: [] })).toBe('data:text/csv;charset=utf-8,%EF%BB%BF%C2%A3%0A');
	});
});
