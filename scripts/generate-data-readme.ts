/**
 * Writes data/README.md, the data dictionary, from the data contract:  npm run data:readme
 * Never edit data/README.md by hand: change src/lib/data/contract.ts or files.ts and re-run this. A unit
 * test checks that the file equals dataReadme(), so the two cannot drift apart.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { MARKER_KEY, UNITS, VALUE_REPLACING_MARKERS, unitSpec, type Marker } from '../src/lib/data/contract.ts';
import { FILES, type ColumnKind } from '../src/lib/data/files.ts';
import { formatValue } from '../src/lib/format/numbers.ts';
import { describeKind, rangeText, validationRules } from '../src/lib/data/validate.ts';

/** Escape text for a Markdown table cell. */
const cell = (s: string) => s.replaceAll('\\', '\\\\').replaceAll('|', '\\|').replaceAll('\n', ' ');
const code = (s: string) => `\`${s}\``;

function kindName(type: ColumnKind): string {
	switch (type.kind) {
		case 'text':
			return type.maxLength ? `text (at most ${type.maxLength} characters)` : 'text';
		case 'id':
			return 'identifier';
		case 'gss':
			return 'GSS code';
		case 'enum':
			return 'one of a list';
		case 'enum_list':
			return 'list of values';
		case 'ref':
			return `reference to ${type.file} ${type.column}`;
		case 'decimal':
			return 'decimal number';
		case 'year':
			return 'year';
		case 'date':
			return 'date';
		case 'month_or_date':
			return 'year, month or date';
		case 'period':
			return 'period';
		case 'markers':
			return 'markers';
		case 'url':
			return 'https address';
		case 'cell':
			return 'sheet and cell';
	}
}

function allowed(type: ColumnKind): string {
	switch (type.kind) {
		case 'enum':
			return type.values.map(code).join(', ');
		case 'enum_list':
			return `empty (any), or ${type.values.map(code).join(', ')}, separated by spaces`;
		case 'markers':
			return Object.keys(MARKER_KEY).map(code).join(', ') + ', separated by spaces';
		case 'ref':
			return `any ${code(type.column)} in ${type.file}`;
		case 'text':
			return type.maxLength ? `any text, ${type.maxLength} characters at most` : 'any text';
		default:
			return describeKind(type).replace(/^(a|an|the) /, '');
	}
}

/** The text of data/README.md. */
export function dataReadme(): string {
	const out: string[] = [];
	const p = (...lines: string[]) => out.push(...lines, '');

	p(
		'# Data dictionary',
		'<!-- Generated from src/lib/data/contract.ts and files.ts by `npm run data:readme`. Do not edit by hand. -->'
	);
	p(
		'The CSV files in this folder are the only data the dashboard shows. They are checked against the data contract (`src/lib/data/contract.ts`, and `files.ts` for the columns of each file) and loaded into DuckDB when the site is built.'
	);
	p(
		'## Updating the data',
		'1. Edit or add rows in the CSV files here (UTF-8, comma-separated, with the header row exactly as below).',
		'2. Run `npm run check:data`. It prints every problem as `data/FILE.csv:LINE:COLUMN: problem (fix)`; fix them all and run it again until it reports no problems. The build runs the same check and stops on any problem.',
		'3. To add an indicator, add a row to indicators.csv; its figures go in observations.csv.',
		'',
		'Files named `observations_NAME.csv` (for example observations_illustrative.csv) follow observations.csv: they have the same columns and rules and are read together with it. Any other file name is an error.',
		'',
		'This dictionary is generated from the contract: after changing `src/lib/data/contract.ts` or `files.ts`, run `npm run data:readme`.'
	);
	p(
		'## Licence',
		'Figures from official sources contain public sector information licensed under the [Open Government Licence v3.0](https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/). Each source and its licence are listed in sources.csv; figures from the illustrative source are generated, not real.'
	);

	p('## Files');
	for (const spec of FILES) {
		p(`### ${spec.file}`, spec.description);
		if (spec.alsoMatches)
			p(`Files whose names match ${code(spec.alsoMatches.source)} are read with this one and follow the same rules.`);
		if (spec.optional) p('This file may be absent; when present it is checked like the others.');
		p(`Key (unique together): ${spec.key.map(code).join(', ')}.`);
		const rows = spec.columns.map(
			(c) =>
				`| ${code(c.name)} | ${c.required ? 'required' : 'optional'} | ${cell(kindName(c.type))} | ${cell(allowed(c.type))} | ${cell(c.description)} |`
		);
		p('| Column | Required | Kind | Allowed values | Description |', '| --- | --- | --- | --- | --- |', ...rows);
	}

	p(
		'## Markers (GSS shorthand)',
		`The marker column of observations holds none, one or more of these letters, separated by spaces. ${VALUE_REPLACING_MARKERS.map(code).join(', ')} stand in for a value, so the value is left empty; the others qualify a value that is given.`
	);
	const markerRows = (Object.keys(MARKER_KEY) as Marker[]).map(
		(letter) =>
			`| ${code(letter)} | ${MARKER_KEY[letter].meaning} | ${MARKER_KEY[letter].replacesValue ? 'yes (value left empty)' : 'no (value given)'} |`
	);
	p('| Letter | Meaning | Stands in for the value |', '| --- | --- | --- |', ...markerRows);

	p(
		'## Units',
		"The unit column of indicators.csv names one of these units. Each says how the indicator's figures are shown, and the range they are checked against (an indicator's max_value can narrow it)."
	);
	const unitRows = UNITS.map((u) => {
		const s = unitSpec(u);
		const example = formatValue(s.whole ? 1234 : 12.5, u, { withUnit: true });
		return `| ${code(u)} | ${cell(s.description)} | ${cell(s.label)} | ${cell(example)} | ${s.decimals} | ${s.whole ? 'yes' : 'no'} | ${rangeText(s.min, s.max)} | ${s.additive ? 'yes' : 'no'} |`;
	});
	p(
		'| Unit | What a figure is | Label | Shown as | Decimal places | Whole numbers | Allowed range | Adds up across areas |',
		'| --- | --- | --- | --- | --- | --- | --- | --- |',
		...unitRows
	);

	p('## Validation rules', '`npm run check:data` reports every breach of these rules, not only the first:');
	p(...validationRules().map((r) => `- ${r}`));

	return out.join('\n').replace(/\n+$/, '\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
	writeFileSync('data/README.md', dataReadme());
	console.log('data:readme: wrote data/README.md');
}
