/**
 * The records contract accepts a BOM and CRLF line ends, even mixed with LF (a file edited in two
 * programs). DuckDB's own CSV reader fails on a mix, so the text is normalised before loading:
 * the figures must be exactly those of the same records written with LF only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/lib/data/engine';
import { createNodeEngine } from '../../src/lib/data/engine-node';
import { computeFromContacts } from '../../src/lib/indicators/compute';
import { generateRegister, registerCsv } from '../../src/lib/indicators/register';

let engine: Engine;
beforeAll(async () => {
	engine = await createNodeEngine();
});
afterAll(async () => {
	await engine.close();
});

describe('contact records with a BOM and mixed line ends', () => {
	it('compute exactly the figures of the same records with LF line ends', async () => {
		const lf = registerCsv(generateRegister({ people: 60, seed: 3, from: '2024-01', to: '2024-12' }));
		const lines = lf.trimEnd().split('\n');
		expect(lines.length).toBeGreaterThan(50);
		const mixed = '\uFEFF' + lines.slice(0, 25).join('\r\n') + '\r\n' + lines.slice(25).join('\n') + '\n';
		const a = await computeFromContacts(engine, lf, 'lf.csv');
		const b = await computeFromContacts(engine, mixed, 'mixed.csv');
		expect('rows' in a && 'rows' in b).toBe(true);
		if ('rows' in a && 'rows' in b) {
			expect(a.rows.length).toBeGreaterThan(0);
			expect(b.rows).toEqual(a.rows);
		}
	});
});
