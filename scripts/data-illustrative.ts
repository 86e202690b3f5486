/**
 * Regenerate data/observations_illustrative.csv: the monthly framework indicators for the seven
 * WMCA authorities and the WMCA, computed by the indicator engine from a SYNTHETIC register
 * (src/lib/indicators/register.ts), under the source illustrative_register (kind illustrative).
 * Council-level monthly framework figures for the WMCA area are not published; these figures only
 * show how the dashboard works. Byte for byte reproducible: the parameters are fixed here.
 *
 * Also its earlier edition, data/observations_superseded_illustrative.csv: the same register as it
 * stood on 10 August 2026, with the records entered late not yet in it (register-cut.ts), computed
 * by the same engine to July 2026. So the recent months of the current edition are revised, as
 * real management information is, and the dashboard's editions and [r] markers have something to show.
 *
 *   npm run data:illustrative
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createNodeEngine } from '../src/lib/data/engine-node.ts';
import { computeFromContacts, observationsCsv } from '../src/lib/indicators/compute.ts';
import { generateRegister, registerCsv } from '../src/lib/indicators/register.ts';
import { registerAsAt } from '../src/lib/indicators/register-cut.ts';

/** The generator's parameters: 5,000 synthetic people, May 2018 (for the 60-month look-backs) to October 2026. */
export const ILLUSTRATIVE_REGISTER = { people: 5000, seed: 20230501, from: '2018-05', to: '2026-10' } as const;
/** Months written: May 2023 to the latest complete month of the register. */
export const ILLUSTRATIVE_MONTHS = { from: '2023-05', to: '2026-10' } as const;
export const ILLUSTRATIVE_SOURCE_ID = 'illustrative_register';
export const ILLUSTRATIVE_FILE = 'data/observations_illustrative.csv';

/** The earlier edition: the register as at a day, records entered late left out, months to the one before. */
export const ILLUSTRATIVE_EARLIER = {
	sourceId: 'illustrative_register_2026_08',
	asAt: '2026-08-10',
	months: { from: '2023-05', to: '2026-07' },
	late: { seed: 20260810, lateShare: 0.2, meanLateDays: 21 },
	file: 'data/observations_superseded_illustrative.csv'
} as const;

const NOT_REAL =
	'Not real data. Council-level monthly framework figures for the WMCA area are not published, so these figures are computed by the indicator engine from a seeded, generated register to show how the dashboard works. Regenerate with npm run data:illustrative.';

/** The two illustrative editions' rows of sources.csv (written by npm run data:official with the official ones). */
export const ILLUSTRATIVE_SOURCE_ROWS: string[][] = [
	[
		ILLUSTRATIVE_SOURCE_ID,
		'illustrative',
		'Illustrative monthly framework figures computed from a synthetic (generated) person-level register',
		'This project',
		'',
		'',
		'2026-11-10',
		`${NOT_REAL} The current illustrative edition: the whole register, to October 2026.`
	],
	[
		ILLUSTRATIVE_EARLIER.sourceId,
		'illustrative',
		'Illustrative monthly framework figures, earlier edition (the synthetic register as at 10 August 2026)',
		'This project',
		'',
		'',
		ILLUSTRATIVE_EARLIER.asAt,
		`${NOT_REAL} An earlier illustrative edition: the same synthetic register as it stood on 10 August 2026, before the records entered late (one in five, a week or more after the event) were in it, to July 2026.`
	]
];

/** The text of data/observations_illustrative.csv. */
export function buildIllustrative(): Promise<string> {
	return computeCsv(generateRegister(ILLUSTRATIVE_REGISTER), ILLUSTRATIVE_MONTHS, ILLUSTRATIVE_SOURCE_ID);
}

/** The text of data/observations_superseded_illustrative.csv (the earlier edition). */
export function buildIllustrativeEarlier(): Promise<string> {
	const { asAt, late, months, sourceId } = ILLUSTRATIVE_EARLIER;
	return computeCsv(registerAsAt(generateRegister(ILLUSTRATIVE_REGISTER), asAt, late), months, sourceId);
}

async function computeCsv(records: ReturnType<typeof generateRegister>, months: { from: string; to: string }, sourceId: string): Promise<string> {
	const engine = await createNodeEngine();
	try {
		const result = await computeFromContacts(engine, registerCsv(records), 'generated register', { ...months, sourceId });
		if ('problems' in result) throw new Error(`generated register has ${result.problems.length} problems`);
		return observationsCsv(result.rows);
	} finally {
		await engine.close();
	}
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
	for (const [file, text] of [
		[ILLUSTRATIVE_FILE, await buildIllustrative()],
		[ILLUSTRATIVE_EARLIER.file, await buildIllustrativeEarlier()]
	]) {
		writeFileSync(file, text);
		process.stderr.write(`wrote ${text.split('\n').length - 2} rows to ${file}\n`);
	}
}
