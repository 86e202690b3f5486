/**
 * Compute the framework indicators from a person-level contacts file (see
 * src/lib/indicators/records.ts for the contract) and write them in the observations.csv schema.
 *
 *   npm run compute -- RECORDS.csv [--from YYYY-MM] [--to YYYY-MM] [--out FILE] [--source ID]
 *
 * Every authority and WMCA, every month from --from to --to (default: every month in the data).
 * --source names the sources.csv row the figures cite (default illustrative_register). Without
 * --out the rows go to stdout. Progress goes to stderr. If the file has any problem, every
 * problem is listed (FILE:LINE:COLUMN: problem (fix)), nothing is computed, and the exit code is 1.
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import Papa from 'papaparse';
import { createNodeEngine } from '../src/lib/data/engine-node.ts';
import { formatProblem, problemTotal, type Problem } from '../src/lib/data/problems.ts';
import { contactsFileTooLarge } from '../src/lib/indicators/records.ts';
import {
	DEFAULT_SOURCE_ID,
	checkComputeOptions,
	computeFromContacts,
	observationsCsv
} from '../src/lib/indicators/compute.ts';

const USAGE = 'usage: npm run compute -- RECORDS.csv [--from YYYY-MM] [--to YYYY-MM] [--out FILE] [--source ID]';

function fail(message: string, code = 2): never {
	process.stderr.write(`${message}\n${USAGE}\n`);
	process.exit(code);
}

const args = process.argv.slice(2);
const options: Record<string, string> = {};
const positional: string[] = [];
for (let i = 0; i < args.length; i++) {
	const a = args[i];
	if (a === '--help' || a === '-h') {
		process.stdout.write(`${USAGE}\n`);
		process.exit(0);
	}
	if (a.startsWith('--')) {
		const [key, inline] = a.slice(2).split('=', 2);
		if (!['from', 'to', 'out', 'source'].includes(key)) fail(`unknown option --${key}`);
		const value = inline ?? args[++i];
		if (value === undefined) fail(`--${key} needs a value`);
		options[key] = value;
	} else positional.push(a);
}
if (positional.length !== 1) fail(positional.length ? 'give one records file' : 'no records file given');
const file = positional[0];
if (!existsSync(file)) fail(`${file}: no such file`);
const bad = checkComputeOptions({ from: options.from, to: options.to });
if (bad.length) fail(bad.join('\n'));

const sourceId = options.source ?? DEFAULT_SOURCE_ID;
if (existsSync('data/sources.csv')) {
	const sources = Papa.parse<Record<string, string>>(readFileSync('data/sources.csv', 'utf8'), {
		header: true,
		skipEmptyLines: true
	}).data;
	if (!sources.some((s) => s.source_id === sourceId))
		fail(`--source ${sourceId} is not a source_id of data/sources.csv`);
}

const started = performance.now();
const log = (message: string) =>
	process.stderr.write(`[compute ${((performance.now() - started) / 1000).toFixed(1)}s] ${message}\n`);

function reportProblems(problems: Problem[]): void {
	for (const p of problems) process.stderr.write(`${formatProblem(p)}\n`);
	process.stderr.write(`${file}: ${problemTotal(problems)}; nothing computed\n`);
	process.exitCode = 1;
}

// A file over the limit is refused by its size, unread; DuckDB starts only for a file that passes.
const tooLarge = contactsFileTooLarge(file, statSync(file).size);
if (tooLarge) reportProblems([tooLarge]);
else {
	const result = await computeFromContacts(createNodeEngine, new Uint8Array(readFileSync(file)), file, {
		from: options.from,
		to: options.to,
		sourceId,
		onProgress: log
	});
	if ('problems' in result) reportProblems(result.problems);
	else {
		const csv = observationsCsv(result.rows);
		if (options.out) {
			writeFileSync(options.out, csv);
			log(`wrote ${result.rows.length.toLocaleString('en-GB')} rows to ${options.out}`);
		} else process.stdout.write(csv);
	}
}
