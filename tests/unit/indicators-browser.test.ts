/**
 * computeFromFile (src/lib/indicators/browser.ts), the thin wrapper that hands a File's bytes to
 * computeFromContacts, run in Node on a given engine: the same rows as the command line's
 * computation, problems instead when the file has any. computeFromContacts given an engine
 * factory starts an engine only for a file that passed its check, and closes it. And the
 * plain-English definitions cover every computed indicator. (Starting the real browser engine in
 * a Web Worker is covered by the browser tests.)
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/lib/data/engine';
import { createNodeEngine } from '../../src/lib/data/engine-node';
import { computeFromFile } from '../../src/lib/indicators/browser';
import { computeFromContacts } from '../../src/lib/indicators/compute';
import { DEFINITION_TERMS, INDICATOR_DEFINITIONS } from '../../src/lib/indicators/definitions';
import { COUNT_INDICATORS, PERCENT_INDICATORS } from '../../src/lib/indicators/sql';

let engine: Engine;
beforeAll(async () => {
	engine = await createNodeEngine();
});
afterAll(async () => {
	await engine.close();
});

const small = readFileSync('tests/fixtures/indicators/contacts-small.csv');

describe('computeFromFile', () => {
	it('drift check: gives the same rows as computeFromContacts, and leaves no ind_ table behind', async () => {
		const file = new File([small], 'contacts-small.csv', { type: 'text/csv' });
		const fromFile = await computeFromFile(file, { engine, from: '2024-01', to: '2024-02' });
		const direct = await computeFromContacts(engine, new Uint8Array(small), 'x.csv', { from: '2024-01', to: '2024-02' });
		expect('rows' in fromFile).toBe(true);
		expect(fromFile).toEqual(direct);
		const [t] = await engine.query<{ n: number }>("SELECT count(*) AS n FROM duckdb_tables() WHERE table_name LIKE 'ind_%'");
		expect(t.n).toBe(0);
	});

	it('gives the figures worked out by hand from the fixture (as in indicators-cli.test.ts)', async () => {
		const result = await computeFromFile(new File([small], 'contacts-small.csv'), { engine, from: '2024-01', to: '2024-02' });
		if (!('rows' in result)) throw new Error('expected rows');
		const get = (id: string, area: string, period: string) =>
			result.rows.find((r) => r.indicator_id === id && r.area_code === area && r.period === period)?.value;
		// WMCA, February 2024: p1, p2 (once, though seen in two authorities) and p3; only p2 is new.
		expect(get('rs_month', 'E47000007', '2024-02')).toBe(3);
		expect(get('new', 'E47000007', '2024-02')).toBe(1);
		expect(get('new_pct', 'E47000007', '2024-02')).toBe(33.3);
		// Birmingham, February: p1 and p2.
		expect(get('rs_month', 'E08000025', '2024-02')).toBe(2);
	});

	it('returns every problem of a bad file, named by the file name, without starting an engine', async () => {
		const file = new File([readFileSync('tests/fixtures/indicators/contacts-bad.csv')], 'upload.csv');
		// No engine given: had it got past the check it would try to start a browser engine and fail in Node.
		const result = await computeFromFile(file);
		expect('problems' in result).toBe(true);
		if ('problems' in result) {
			expect(result.problems.map((p) => `${p.file}:${p.line}:${p.column}`)).toEqual(['upload.csv:3:2', 'upload.csv:4:3', 'upload.csv:4:7']);
		}
	});

	it('rejects a bad month range', async () => {
		const file = new File([small], 'contacts-small.csv');
		await expect(computeFromFile(file, { engine, from: '2024-1' })).rejects.toThrow('--from "2024-1" is not a month in the form YYYY-MM');
	});
});

describe('computeFromContacts with an engine factory', () => {
	/** A factory of Node engines that counts the engines it starts and those closed. */
	function countingFactory() {
		const counts = { started: 0, closed: 0 };
		const factory = async (): Promise<Engine> => {
			counts.started++;
			const e = await createNodeEngine();
			return {
				...e,
				close: async () => {
					counts.closed++;
					await e.close();
				}
			};
		};
		return { counts, factory };
	}

	it('drift check: with an engine factory, gives the same rows as on a given engine; starts one engine for a good file and closes it', async () => {
		const { counts, factory } = countingFactory();
		const made = await computeFromContacts(factory, new Uint8Array(small), 'x.csv', { from: '2024-01', to: '2024-02' });
		const given = await computeFromContacts(engine, new Uint8Array(small), 'x.csv', { from: '2024-01', to: '2024-02' });
		expect('rows' in made).toBe(true);
		expect(made).toEqual(given);
		expect(counts).toEqual({ started: 1, closed: 1 });
	});

	it('never starts an engine for a bad file', async () => {
		const { counts, factory } = countingFactory();
		const result = await computeFromContacts(factory, new Uint8Array(readFileSync('tests/fixtures/indicators/contacts-bad.csv')), 'upload.csv');
		expect('problems' in result).toBe(true);
		expect(counts).toEqual({ started: 0, closed: 0 });
	});
});

describe('plain-English definitions', () => {
	it('cover every computed indicator', () => {
		const ids = new Set([...INDICATOR_DEFINITIONS, ...DEFINITION_TERMS].map((d) => d.id));
		for (const id of COUNT_INDICATORS) {
			const stem = id.startsWith('left_institution') ? 'left_institution' : id.startsWith('nights_') ? 'nights' : id;
			expect(ids.has(stem), id).toBe(true);
		}
		expect(PERCENT_INDICATORS.length).toBe(6);
		expect(ids.has('percentages')).toBe(true);
		for (const d of INDICATOR_DEFINITIONS) expect(d.plainEnglish.length).toBeGreaterThan(40);
	});
});
