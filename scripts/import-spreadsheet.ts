/**
 * Import an official MHCLG spreadsheet (snapshot Table 1, XLSX 2017/2019 or ODS 2024/2025; or the
 * framework monthly tables) into the project's observations format.
 *
 *   npm run import:official -- FILE [--areas CODES] [--out FILE] [--cells FILE] [--source-out FILE]
 *                              [--edition-out FILE] [--series NAME] [--reason TEXT] [--superseded]
 *                              [--previous OBSERVATIONS.csv] [--published YYYY-MM-DD] [--title T]
 *                              [--source-id ID] [--url URL]
 *
 * --areas      comma-separated GSS codes (default: the seven WMCA authorities, the West Midlands
 *              region, England, and the WMCA total E47000007 where all seven are known).
 * --out        observations CSV (default stdout). Beside it, unless given otherwise:
 * --cells      provenance sidecar, one row per value with its sheet and cell (default OUT.cells.csv)
 * --source-out the edition's sources.csv row (default OUT.source.csv)
 * --edition-out the edition's editions.csv row (default OUT.edition.csv): its series (--series,
 *              default snapshot or framework by the file's layout) and --reason for its revisions
 * --superseded the rows are an earlier edition, for data/observations_superseded.csv: every row
 *              names the edition as source_id, a gap too
 * --previous   an observations CSV holding an earlier edition (e.g. data/observations.csv): values
 *              that differ from it (same indicator, area and period, another source) are marked r.
 * --published, --title, --source-id, --url: the edition's details where the file has no cover sheet.
 *
 * A file that is refused (not a spreadsheet, over a limit, encrypted, an unknown layout) prints
 * FILE: problem. fix. and exits 1 having written nothing.
 */
import * as XLSX from '@e965/xlsx';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import Papa from 'papaparse';
import { importCsvs } from '../src/lib/import/csv.ts';
import { importWorkbook, type ImportOptions } from '../src/lib/import/import.ts';
import { ImportError } from '../src/lib/import/limits.ts';
import { readGrids } from '../src/lib/import/read.ts';

const USAGE =
	'usage: npm run import:official -- FILE [--areas CODES] [--out FILE] [--cells FILE] [--source-out FILE] [--edition-out FILE] [--series NAME] [--reason TEXT] [--superseded] [--previous FILE] [--published YYYY-MM-DD] [--title T] [--source-id ID] [--url URL]';
const text = { type: 'string' } as const;
const OPTIONS = {
	areas: text, out: text, cells: text, 'source-out': text, 'edition-out': text, series: text, reason: text,
	previous: text, published: text, title: text, 'source-id': text, url: text,
	superseded: { type: 'boolean' }, help: { type: 'boolean', short: 'h' }
} as const;

function fail(message: string, code = 2): never {
	process.stderr.write(`${message}\n${code === 2 ? `${USAGE}\n` : ''}`);
	process.exit(code);
}

let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>;
try {
	parsed = parseArgs({ options: OPTIONS, allowPositionals: true });
} catch (e) {
	fail(e instanceof Error ? e.message : String(e));
}
if (parsed.values.help) {
	process.stdout.write(`${USAGE}\n`);
	process.exit(0);
}
const { help: _help, ...opts } = parsed.values;
const positional = parsed.positionals;
if (positional.length !== 1) fail(positional.length ? 'give one spreadsheet' : 'no spreadsheet given');
const file = positional[0];
if (!existsSync(file)) fail(`${file}: no such file`);
if (opts.published && !/^\d{4}-\d{2}(-\d{2})?$/.test(opts.published)) fail(`--published ${opts.published}: give YYYY-MM-DD`);
const areas = opts.areas?.split(',').map((s) => s.trim().toUpperCase()).filter(Boolean);
const badArea = areas?.find((a) => !/^E\d{8}$/.test(a));
if (badArea) fail(`--areas: ${badArea} is not a GSS code (E and eight digits)`);
if (opts.series !== undefined && !/^[a-z][a-z0-9_]*$/.test(opts.series)) fail(`--series ${opts.series}: give an identifier (lower case letters, digits and underscores)`);

const options: ImportOptions = { areas, published: opts.published, title: opts.title, sourceId: opts['source-id'], url: opts.url };
if (opts.previous) {
	if (!existsSync(opts.previous)) fail(`--previous ${opts.previous}: no such file`);
	options.previous = Papa.parse<Record<string, string>>(readFileSync(opts.previous, 'utf8'), { header: true, skipEmptyLines: true }).data.map((r) => ({
		indicator_id: r.indicator_id,
		area_code: r.area_code,
		period: r.period,
		value: r.value === '' || r.value === undefined ? null : Number(r.value),
		source_id: r.source_id
	}));
}

const name = file.split(/[\\/]/).at(-1)!;
const started = performance.now();
try {
	const grids = await readGrids(new Uint8Array(readFileSync(file)), name, XLSX, (p) => {
		if (process.stderr.isTTY) process.stderr.write(`\r${p.stage} ${Math.round(p.fraction * 100)}%   `);
	});
	const result = importWorkbook(grids, name, options);
	const csv = importCsvs(result, { series: opts.series, reason: opts.reason, superseded: opts.superseded });
	if (opts.out) {
		const base = opts.out.replace(/\.csv$/i, '');
		writeFileSync(opts.out, csv.observations);
		writeFileSync(opts.cells ?? `${base}.cells.csv`, csv.cells);
		writeFileSync(opts['source-out'] ?? `${base}.source.csv`, csv.source);
		writeFileSync(opts['edition-out'] ?? `${base}.edition.csv`, csv.edition);
	} else {
		process.stdout.write(csv.observations);
		if (opts.cells) writeFileSync(opts.cells, csv.cells);
		if (opts['source-out']) writeFileSync(opts['source-out'], csv.source);
		if (opts['edition-out']) writeFileSync(opts['edition-out'], csv.edition);
	}
	const s = result.source;
	process.stderr.write(`${process.stderr.isTTY ? '\r' : ''}${name}: ${result.layout}, edition ${s.source_id} "${s.title}" published ${s.published}\n`);
	for (const c of result.counts) {
		process.stderr.write(`  ${c.indicator_id}: ${c.rows} rows (${c.values} values, ${c.markers} markers${c.revised ? `, ${c.revised} revised` : ''})\n`);
	}
	for (const w of result.warnings) process.stderr.write(`  warning: ${w}\n`);
	process.stderr.write(`  ${((performance.now() - started) / 1000).toFixed(2)} s\n`);
} catch (e) {
	if (e instanceof ImportError) fail(e.message, 1);
	throw e;
}
