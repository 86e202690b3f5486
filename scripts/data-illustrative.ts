/**
 * Regenerate data/observations_illustrative.csv: the monthly framework indicators for the seven
 * WMCA authorities and the WMCA, computed by the indicator engine from a SYNTHETIC register
 * (src/lib/indicators/register.ts), under the source illustrative_register (kind illustrative).
 * Council-level monthly framework figures for the WMCA area are not published; these figures only
 * show how the dashboard works. Byte for byte reproducible: the parameters are fixed here.
 *
 *   npm run data:illustrative
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createNodeEngine } from '../src/lib/data/engine-node.ts';
import { computeFromContacts, observationsCsv } from '../src/lib/indicators/compute.ts';
import { generateRegister, registerCsv } from '../src/lib/indicators/register.ts';

/** The generator's parameters: 5,000 synthetic people, May 2018 (for the 60-month look-backs) to October 2026. */
export const ILLUSTRATIVE_REGISTER = { people: 5000, seed: 20230501, from: '2018-05', to: '2026-10' } as const;
/** Months written: May 2023 to the latest complete month of the register. */
export const ILLUSTRATIVE_MONTHS = { from: '2023-05', to: '2026-10' } as const;
export const ILLUSTRATIVE_SOURCE_ID = 'illustrative_register';
export const ILLUSTRATIVE_FILE = 'data/observations_illustrative.csv';

/** The text of data/observations_illustrative.csv. */
export async function buildIllustrative(): Promise<string> {
	const register = registerCsv(generateRegister(ILLUSTRATIVE_REGISTER));
	const engine = await createNodeEngine();
	try {
		const result = await computeFromContacts(engine, register, 'generated register', {
			...ILLUSTRATIVE_MONTHS,
			sourceId: ILLUSTRATIVE_SOURCE_ID
		});
		if ('problems' in result) throw new Error(`generated register has ${result.problems.length} problems`);
		return observationsCsv(result.rows);
	} finally {
		await engine.close();
	}
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
	const text = await buildIllustrative();
	writeFileSync(ILLUSTRATIVE_FILE, text);
	process.stderr.write(`wrote ${text.split('\n').length - 2} rows to ${ILLUSTRATIVE_FILE}\n`);
}
