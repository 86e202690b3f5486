/**
 * The partner progress report in a real browser against the built site: /report/ and every
 * /report/{code}/ with JavaScript off (four pillars, each with baseline, latest, change, status in
 * words and the target where data/targets.csv sets one; the first figure official); the figures as
 * one CSV; the print button only with JavaScript; and the report printed to an A4 PDF by Chromium
 * (page count and page numbers, each pillar on a new page with its heading and latest figure, no
 * figure split across a page break). Expected values are read from data/*.csv, not from the page.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { open, useBrowser } from './browser';
import { builtPages } from './pages';

const browser = useBrowser();

const csvRows = (file: string) =>
	Papa.parse<Record<string, string>>(readFileSync(`data/${file}`, 'utf8'), { header: true, skipEmptyLines: true }).data;

const WMCA = 'E47000007';
const STATUS_WORDS = ['Improving', 'Worsening', 'Little change', 'Not enough data', 'Increasing', 'Decreasing'];
const PILLARS = ['prevented', 'rare', 'brief', 'non_recurring'];
/** Each pillar's headline indicator (the framework's P1, R1, B1, NR1). */
const HEADLINE: Record<string, string> = { prevented: 'new', rare: 'rs_month', brief: 'long_term', non_recurring: 'returners' };

const areas = csvRows('areas.csv').filter((a) => a.area_code === WMCA || a.parent_code === WMCA);
const reportPath = (code: string) => (code === WMCA ? '/report/' : `/report/${code}/`);
const indicators = csvRows('indicators.csv');
const observations = [...csvRows('observations.csv'), ...csvRows('observations_illustrative.csv')];
const targets = csvRows('targets.csv');
const monthName = (period: string) =>
	`${['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'][+period.slice(5) - 1]} ${period.slice(0, 4)}`;

/** The latest month with a value of an indicator for an area, and that value, from the CSVs. */
function latestOf(indicatorId: string, areaCode: string) {
	const held = observations.filter((o) => o.indicator_id === indicatorId && o.area_code === areaCode && o.value !== '').sort((a, b) => a.period.localeCompare(b.period));
	return held.at(-1)!;
}

describe('report pages', () => {
	it("with JavaScript off, Birmingham's report lists what changed since the last edition: each revised figure's old and new value", async () => {
		// Worked out from the CSVs: figures of the earlier illustrative edition that the current one gives differently.
		const BIRMINGHAM = 'E08000025';
		const key = (o: Record<string, string>) => `${o.indicator_id}|${o.period}`;
		const earlier = new Map(csvRows('observations_superseded_illustrative.csv').filter((o) => o.area_code === BIRMINGHAM).map((o) => [key(o), o]));
		const revised = csvRows('observations_illustrative.csv')
			.filter((o) => o.area_code === BIRMINGHAM && earlier.has(key(o)) && (earlier.get(key(o))!.value !== o.value || earlier.get(key(o))!.marker.replace(/\br\b/, '').trim() !== o.marker.replace(/\br\b/, '').trim()));
		expect(revised.length).toBeGreaterThan(0);
		const s = await open(browser(), reportPath(BIRMINGHAM), { javaScriptEnabled: false });
		const section = s.page.locator(`[data-what-changed="${BIRMINGHAM}"] [data-series="framework_illustrative"]`);
		const rows = await section.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => ({ old: tr.querySelector('[data-old]')!.textContent!.trim(), new: tr.querySelector('[data-new]')!.textContent!.trim() })));
		expect(rows).toHaveLength(revised.length);
		// Percentages are shown to one decimal place, counts whole with thousands separators.
		const percent = new Set(indicators.filter((i) => i.unit === 'percent').map((i) => i.indicator_id));
		const n = (v: string, id: string) => (v === '' ? '[x]' : percent.has(id) ? `${Number(v).toFixed(1)}%` : Number(v).toLocaleString('en-GB'));
		expect(rows.map((r) => [r.old, r.new]).sort()).toEqual(revised.map((o) => [n(earlier.get(key(o))!.value, o.indicator_id), `${n(o.value, o.indicator_id)} [r]`]).sort());
		// The section comes before the pillars, and says the figures are illustrative.
		expect(await section.innerText()).toContain('Illustrative');
		expect(await s.page.evaluate(() => document.querySelector('[data-what-changed]')!.compareDocumentPosition(document.querySelector('section.pillar')!) & Node.DOCUMENT_POSITION_FOLLOWING)).toBeTruthy();
		await s.context.close();
	});

	it('the build holds /report/ and a report for each WMCA authority in areas.csv', () => {
		const expected = areas.map((a) => reportPath(a.area_code)).sort();
		expect(expected).toHaveLength(8);
		expect(builtPages().filter((p) => p.startsWith('/report/'))).toEqual(expected);
	});

	it('with JavaScript off, every report shows four pillars, each with baseline, latest, change, status in words and target where set', async () => {
		for (const a of areas) {
			const s = await open(browser(), reportPath(a.area_code), { javaScriptEnabled: false });
			const { page } = s;
			expect(await page.locator('h1').textContent()).toContain(a.area_name);
			expect(await page.locator('section.pillar').evaluateAll((els) => els.map((e) => e.getAttribute('data-pillar')))).toEqual(PILLARS);
			for (const pillar of PILLARS) {
				const id = HEADLINE[pillar];
				const block = page.locator(`section.pillar[data-pillar="${pillar}"] > article.indicator[data-indicator="${id}"]`);
				expect(await block.count(), `${a.area_name} ${pillar}`).toBe(1);
				const text = (await block.innerText()).replace(/\s+/g, ' ');
				const latest = latestOf(id, a.area_code);
				const baseline = observations.filter((o) => o.indicator_id === id && o.area_code === a.area_code && o.value !== '').sort((x, y) => x.period.localeCompare(y.period))[0];
				const target = targets.find((t) => t.indicator_id === id && t.area_code === a.area_code);
				// Baseline: the target's baseline month where one is set, else the first month held (May 2023).
				const baselinePeriod = target?.baseline_period ?? baseline.period;
				const baselineValue = observations.find((o) => o.indicator_id === id && o.area_code === a.area_code && o.period === baselinePeriod)!.value;
				expect(text).toContain(`Baseline, ${monthName(baselinePeriod)} ${Number(baselineValue).toLocaleString('en-GB')}`);
				expect(text).toContain(`Latest, ${monthName(latest.period)} ${Number(latest.value).toLocaleString('en-GB')}`);
				const yearBefore = `${+latest.period.slice(0, 4) - 1}${latest.period.slice(4)}`;
				expect(text).toContain(`Change on ${monthName(yearBefore)}`);
				const status = (await block.locator('.figure-status .status-word').textContent())!;
				expect(STATUS_WORDS).toContain(status);
				// The icon beside the word, not colour alone.
				expect(await block.locator('.figure-status svg[data-icon]').count()).toBe(1);
				const targetText = (await block.locator('.figure-target dd').innerText()).replace(/\s+/g, ' ');
				if (target) {
					expect(targetText).toContain(`${target.target_value} people by ${monthName(target.target_period)}`);
					expect(targetText).toMatch(/On track|Not on track|Target met|Target not met|Not enough data/);
					// No dated target is published: the bundled ones are illustrative and say so.
					const kind = csvRows('sources.csv').find((x) => x.source_id === target.source_id)!.kind;
					if (kind === 'illustrative') expect(targetText).toContain('Illustrative target');
				} else expect(targetText).toBe('No target set');
				// A sentence to quote, with its caveat.
				expect(await page.locator(`section.pillar[data-pillar="${pillar}"] .letter-sentence`).textContent()).toContain(monthName(latest.period));
			}
			await s.context.close();
		}
	});

	it('the first figure a reader sees is official; the illustrative figures come after, labelled', async () => {
		const s = await open(browser(), '/report/E08000026/', { javaScriptEnabled: false });
		const order = await s.page.evaluate(() => {
			const official = document.querySelector('section.official')!;
			const firstIllustrative = document.querySelector('.tag, .pillar-tag, .notice')!;
			return official.compareDocumentPosition(firstIllustrative) & Node.DOCUMENT_POSITION_FOLLOWING;
		});
		expect(order).toBeTruthy();
		const snapshot = observations
			.filter((o) => o.indicator_id === 'snapshot_single_night' && o.area_code === 'E08000026' && o.value !== '')
			.sort((a, b) => a.period.localeCompare(b.period))
			.at(-1)!;
		expect(await s.page.locator('.official-value').innerText()).toContain(`${snapshot.value} people sleeping rough on a single night, autumn ${snapshot.period}`);
		await s.context.close();
	});

	it('the comparison ranks each authority against WMCA and England by rate per 100,000, with counts and small counts flagged', async () => {
		const s = await open(browser(), '/report/E08000026/', { javaScriptEnabled: false });
		const rows = await s.page.locator('#compare-non_recurring table tbody tr').evaluateAll((trs) =>
			trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').trim()))
		);
		expect(rows.map((r) => r[0]).sort()).toEqual([...areas.map((a) => a.area_name), 'England'].sort());
		// Sorted by rate, highest first; a missing rate ([x]) last.
		const rates = rows.map((r) => (r[1].startsWith('[x]') ? -1 : Number(r[1].replace(/[^\d.]/g, ''))));
		expect(rates).toEqual([...rates].sort((a, b) => b - a));
		// Every count under 10 is flagged [u] on its rate.
		for (const r of rows) if (/^\d+ \(small count\)$/.test(r[2])) expect(r[1]).toContain('[u]');
		expect(await s.page.locator('#compare-non_recurring .cf-subtitle').textContent()).toMatch(/ONS mid-\d{4} population estimates/);
		await s.context.close();
	});

	it("the report's figures download as one CSV with markers and provenance columns", async () => {
		const s = await open(browser(), '/report/', { javaScriptEnabled: false });
		const href = (await s.page.locator('a.csv-link').getAttribute('href'))!;
		expect(href.startsWith('data:text/csv')).toBe(true);
		const text = decodeURIComponent(href.slice(href.indexOf(',') + 1)).replace(/^\uFEFF/, '');
		const [header, ...rows] = Papa.parse<string[]>(text.trim()).data;
		expect(header).toEqual(expect.arrayContaining(['indicator_id', 'measure', 'period', 'value', 'marker', 'source_id', 'source_kind', 'source_published', 'population', 'population_year']));
		const col = (name: string) => header.indexOf(name);
		const latest = rows.find((r) => r[col('indicator_id')] === 'rs_month' && r[col('measure')] === 'latest')!;
		const expected = latestOf('rs_month', WMCA);
		expect([latest[col('period')], latest[col('value')], latest[col('source_id')]]).toEqual([expected.period, expected.value, expected.source_id]);
		expect(rows.some((r) => r[col('measure')] === 'target' && r[col('source_kind')] === 'illustrative')).toBe(true);
		await s.context.close();
	});

	it('the main navigation links the report as /report/, and each area page links its own report', async () => {
		const s = await open(browser(), '/areas/E08000026/', { javaScriptEnabled: false });
		const nav = await s.page.locator('nav[aria-label="Main"] a', { hasText: 'Progress report' }).getAttribute('href');
		expect(new URL(nav!, s.page.url()).pathname).toBe('/report/');
		const own = await s.page.locator('main a', { hasText: 'Progress report for Coventry' }).getAttribute('href');
		expect(new URL(own!, s.page.url()).pathname).toBe('/report/E08000026/');
		await s.context.close();
	});

	it('the print button exists only with JavaScript', async () => {
		const off = await open(browser(), '/report/', { javaScriptEnabled: false });
		expect(await off.page.getByRole('button', { name: 'Print or save as PDF' }).count()).toBe(0);
		await off.context.close();
		const on = await open(browser(), '/report/');
		await expect.poll(() => on.page.getByRole('button', { name: 'Print or save as PDF' }).count()).toBe(1);
		await on.context.close();
	});
});

/** Each page's text (ligatures joined, line ends as spaces), from the PDF itself. */
async function pdfPages(pdf: Uint8Array): Promise<string[]> {
	const doc = await getDocument({ data: pdf, useSystemFonts: true, disableFontFace: true }).promise;
	const pages: string[] = [];
	for (let i = 1; i <= doc.numPages; i++) {
		const content = await (await doc.getPage(i)).getTextContent();
		pages.push(
			content.items
				.map((it) => ('str' in it ? it.str + (it.hasEOL ? ' ' : '') : ''))
				.join('')
				.replace(/\s+/g, ' ')
		);
	}
	await doc.destroy();
	return pages;
}

describe('the report in print', () => {
	it('prints /report/ to A4: page numbers, a cover, each pillar on a new page with its heading and latest figure, no figure across a page break', async () => {
		const s = await open(browser(), '/report/');
		await expect.poll(() => s.page.getByRole('button', { name: 'Print or save as PDF' }).count()).toBe(1);
		await s.page.emulateMedia({ media: 'print' });
		// The blocks the PDF must keep whole, each by its first and last text as printed, in page order.
		const blocks = await s.page.evaluate(() => {
			// What printing does first (the button's beforeprint handler): open the folded indicators.
			window.dispatchEvent(new Event('beforeprint'));
			const squash = (t: string) => t.replace(/\s+/g, ' ').trim();
			return [...document.querySelectorAll<HTMLElement>('.report article.indicator, .report .chart-frame figure')].map((el) => {
				const heading = el.querySelector<HTMLElement>('h3, h4')!;
				const last = el.querySelector<HTMLElement>('.provenance, .cf-source')!;
				return { first: squash(heading.innerText), last: squash(last.innerText).slice(-40) };
			});
		});
		const pdf = await s.page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
		await s.context.close();
		const pages = await pdfPages(new Uint8Array(pdf));
		const n = pages.length;
		// A cover page, then each of the four pillars from a new page: at least five pages.
		expect(n).toBeGreaterThanOrEqual(5);
		// Page numbers from the @page margin boxes: "Page i of n" on every page, so the count is the PDF's own.
		pages.forEach((text, i) => expect(text).toContain(`Page ${i + 1} of ${n}`));
		expect(pages[0]).toContain('West Midlands Combined Authority');
		expect(pages[0]).toContain('Edition');
		// Each pillar's heading opens a page (after the running header), and its headline's latest figure is printed.
		const titles: Record<string, string> = { prevented: 'Prevented:', rare: 'Rare:', brief: 'Brief:', non_recurring: 'Non-recurring:' };
		let lastPage = 0;
		for (const pillar of PILLARS) {
			const at = pages.findIndex((t) => t.replace(/^Page \d+ of \d+ ?Ending rough sleeping: progress report /, '').startsWith(titles[pillar]));
			expect(at, pillar).toBeGreaterThan(lastPage - 1);
			lastPage = at + 1;
			const latest = latestOf(HEADLINE[pillar], WMCA);
			const indicatorName = indicators.find((i) => i.indicator_id === HEADLINE[pillar])!.name;
			expect(pages[at]).toContain(`${indicatorName} in West Midlands Combined Authority: ${Number(latest.value).toLocaleString('en-GB')} people in ${monthName(latest.period)}`);
			expect(pages.slice(at).join(' ')).toContain(`Latest, ${monthName(latest.period)} ${Number(latest.value).toLocaleString('en-GB')}`);
		}
		// No figure crosses a page break: each block's first and last lines are on one page. Blocks are
		// found in print order, each searched for from where the one before it began.
		expect(blocks.length).toBeGreaterThan(8);
		let page = 0;
		for (const b of blocks) {
			while (page < n && !pages[page].includes(b.first)) page++;
			expect(page, `block "${b.first}" is in the PDF`).toBeLessThan(n);
			expect(pages[page].indexOf(b.last, pages[page].indexOf(b.first)), `block "${b.first}" ends on its page`).toBeGreaterThan(-1);
		}
	});
});
