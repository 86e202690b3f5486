/**
 * Generate a SYNTHETIC person-level contacts register (not real data; see
 * src/lib/indicators/register.ts for the model). Deterministic for a seed.
 *
 *   npm run generate:register -- --people N --seed S --from YYYY-MM --to YYYY-MM [--out FILE]
 *
 * Without --out the CSV goes to stdout.
 *
 * --authorities N: people live in N made-up authorities (X00000001 ...; England has 296
 * districts) instead of the WMCA's seven, for the scale benchmark (scripts/bench-scale.ts). The
 * file is then written as it is generated, each batch of 10,000 people sorted by date, so a
 * register of millions of events is never held whole. The records checker accepts only the
 * WMCA's codes, so such a file is for the engine alone.
 */
import { closeSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { isPeriod } from '../src/lib/indicators/compute.ts';
import { generateRegister, registerCsv, registerEvents, sortRegister, syntheticAuthorities } from '../src/lib/indicators/register.ts';
import type { ContactRecord } from '../src/lib/indicators/records.ts';

const USAGE =
	'usage: npm run generate:register -- --people N --seed S --from YYYY-MM --to YYYY-MM [--out FILE] [--max-events N] [--authorities N]';

function fail(message: string): never {
	process.stderr.write(`${message}\n${USAGE}\n`);
	process.exit(2);
}

const args = process.argv.slice(2);
const o: Record<string, string> = {};
for (let i = 0; i < args.length; i++) {
	const a = args[i];
	if (!a.startsWith('--')) fail(`unexpected argument ${a}`);
	const [key, inline] = a.slice(2).split('=', 2);
	if (!['people', 'seed', 'from', 'to', 'out', 'max-events', 'authorities'].includes(key)) fail(`unknown option --${key}`);
	const value = inline ?? args[++i];
	if (value === undefined) fail(`--${key} needs a value`);
	o[key] = value;
}
const int = (key: string, min: number) => {
	const v = o[key];
	if (v === undefined) fail(`--${key} is required`);
	if (!/^\d+$/.test(v) || Number(v) < min) fail(`--${key} must be a whole number, at least ${min}`);
	return Number(v);
};
const people = int('people', 1);
const seed = int('seed', 0);
for (const k of ['from', 'to']) {
	if (o[k] === undefined) fail(`--${k} is required`);
	if (!isPeriod(o[k])) fail(`--${k} ${o[k]} is not a month in the form YYYY-MM`);
}
if (o.from > o.to) fail('--from is after --to');
const maxEvents = o['max-events'] === undefined ? undefined : int('max-events', 1);

const authorityCount = o.authorities === undefined ? undefined : int('authorities', 1);

if (authorityCount === undefined) {
	const records = generateRegister({ people, seed, from: o.from, to: o.to, maxEvents });
	const csv = registerCsv(records);
	if (o.out) {
		writeFileSync(o.out, csv);
		process.stderr.write(
			`wrote ${records.length.toLocaleString('en-GB')} synthetic events for ${people.toLocaleString('en-GB')} people to ${o.out}\n`
		);
	} else process.stdout.write(csv);
} else {
	const BATCH_PEOPLE = 10_000;
	const fd = o.out ? openSync(o.out, 'w') : 1;
	let batch: ContactRecord[] = [];
	let count = 0;
	let header = true;
	const flush = () => {
		const csv = registerCsv(sortRegister(batch));
		writeSync(fd, header ? csv : csv.slice(csv.indexOf('\n') + 1));
		header = false;
		count += batch.length;
		batch = [];
	};
	let person = '';
	let inBatch = 0;
	for (const record of registerEvents({ people, seed, from: o.from, to: o.to, maxEvents, authorities: syntheticAuthorities(authorityCount) })) {
		if (record.person_id !== person) {
			person = record.person_id;
			if (++inBatch > BATCH_PEOPLE) {
				flush();
				inBatch = 1;
			}
		}
		batch.push(record);
	}
	flush();
	if (o.out) closeSync(fd);
	process.stderr.write(
		`wrote ${count.toLocaleString('en-GB')} synthetic events in ${authorityCount} made-up authorities to ${o.out ?? 'stdout'}\n`
	);
}
