/**
 * Makes the ODS fixtures of the importer's tests with real office software: authors each workbook
 * as flat ODS XML (.fods), then has LibreOffice convert it (`soffice --headless --convert-to ods`),
 * so the committed .ods files are what Calc writes: typed cells, its own repeated-cell runs,
 * covered (merged) cells, cached formula results.
 *
 *   npx tsx scripts/make-import-fixtures.ts      (needs soffice: apt-get install libreoffice-calc-nogui)
 *
 * - snapshot-2025.ods, snapshot-2024.ods: the autumn 2025 and 2024 Table_1_Total layouts
 *   (../shared/reference/mhclg/README.md) filled from tests/fixtures/import/snapshot-source.csv:
 *   real published values (2010-2019 from the autumn 2019 tables, 2020-2021 from autumn 2021,
 *   2022-2025 England and 2024-2025 authorities from autumn 2023/2025), `[x]` where the project
 *   holds no official figure. One row is plainly synthetic and says so in its name.
 * - framework.ods: the framework monthly tables' layout with SYNTHETIC values (no official
 *   council-level monthly figures are held), labelled as such in every sheet's title; the values
 *   are written to framework-expected.csv by this script, which the tests compare against.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { toCsv } from '../src/lib/data/csv.ts';
import { WMCA_AUTHORITIES } from '../src/lib/data/contract.ts';

const DIR = 'tests/fixtures/import';
type Cell = string | number | { date: string } | { formula: string; value: number } | { span: string; cols: number } | null;

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
function cellXml(c: Cell): string {
	if (c === null) return '<table:table-cell/>';
	if (typeof c === 'number') return `<table:table-cell office:value-type="float" office:value="${c}"><text:p>${c}</text:p></table:table-cell>`;
	if (typeof c === 'string') return `<table:table-cell office:value-type="string"><text:p>${esc(c)}</text:p></table:table-cell>`;
	if ('date' in c) return `<table:table-cell table:style-name="month" office:value-type="date" office:date-value="${c.date}"><text:p>${c.date}</text:p></table:table-cell>`;
	if ('formula' in c) return `<table:table-cell table:formula="${esc(c.formula)}" office:value-type="float" office:value="${c.value}"><text:p>${c.value}</text:p></table:table-cell>`;
	// A title merged across columns: the covered cells follow it, as Calc writes them.
	return `<table:table-cell table:number-columns-spanned="${c.cols}" office:value-type="string"><text:p>${esc(c.span)}</text:p></table:table-cell>${'<table:covered-table-cell/>'.repeat(c.cols - 1)}`;
}
function fods(sheets: { name: string; rows: Cell[][] }[]): string {
	const tables = sheets
		.map((s) => `<table:table table:name="${esc(s.name)}">${s.rows.map((r) => `<table:table-row>${r.map(cellXml).join('')}</table:table-row>`).join('\n')}</table:table>`)
		.join('\n');
	return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:automatic-styles>
<number:date-style style:name="month-format"><number:month number:style="long" number:textual="true"/><number:text> </number:text><number:year number:style="long"/></number:date-style>
<style:style style:name="month" style:family="table-cell" style:data-style-name="month-format"/>
</office:automatic-styles>
<office:body><office:spreadsheet>
${tables}
</office:spreadsheet></office:body></office:document>
`;
}

const work = mkdtempSync(join(tmpdir(), 'import-fixtures-'));
function writeOds(name: string, sheets: { name: string; rows: Cell[][] }[]) {
	const src = join(work, `${name}.fods`);
	writeFileSync(src, fods(sheets));
	execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${work}/profile`, '--convert-to', 'ods', '--outdir', work, src], { stdio: 'inherit' });
	renameSync(join(work, `${name}.ods`), join(DIR, `${name}.ods`));
}

// ---- Snapshot, autumn 2025 and 2024 layouts --------------------------------------------------
const source = Papa.parse<Record<string, string>>(readFileSync(join(DIR, 'snapshot-source.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;
const areaKeys = [...new Set(source.map((r) => `${r.area_code}|${r.area_name}|${r.region_code}|${r.region_name}`))];
const order = ['E92000001', 'E12000007', '', 'E12000005', ...WMCA_AUTHORITIES.map((a) => a.code)];
areaKeys.sort((a, b) => order.indexOf(a.split('|')[0]) - order.indexOf(b.split('|')[0]));
const published = (code: string, name: string, year: number): Cell => {
	const v = source.find((r) => r.area_code === code && r.area_name === name && Number(r.year) === year)?.published ?? '[x]';
	// England 2010 as a formula cell: the importer must take its cached result.
	if (code === 'E92000001' && year === 2010) return { formula: 'of:=1700+68', value: Number(v) };
	return /^\d+$/.test(v) ? Number(v) : v;
};
const SYNTHETIC = 'SYNTHETIC test row, not an official figure';
const synthetic = (year: number): Cell => (year < 2015 ? '[n]' : year === 2015 ? '..' : year === 2016 ? '-' : year === 2017 ? '[c]' : year === 2018 ? null : year - 2000);

function snapshotRows(last: number, codesFirst: boolean): Cell[][] {
	const years = Array.from({ length: last - 2009 }, (_, i) => 2010 + i);
	const isAggregate = (code: string) => code === '' || /^E(92|12)/.test(code);
	const head: Cell[] = codesFirst
		? ['Local Authority Code', 'Local Authority Name', 'Region Code', 'Region Name', ...years.map(String)]
		: ['Local authority', 'Local authority ONS code', 'Region', 'Region ONS code', ...years];
	const rows: Cell[][] = [
		[{ span: `Table 1: Total number of people sleeping rough, by local authority district and region, England, autumn 2010 to ${last} [note 1]`, cols: 8 }],
		[`This fixture re-lays published MHCLG figures in the autumn ${last} layout for testing; [x] where the project holds no official figure. Crown copyright, Open Government Licence v3.0.`],
		head
	];
	for (const key of areaKeys) {
		const [code, name, regionCode, regionName] = key.split('|');
		const values = years.map((y) => published(code, name, y));
		if (codesFirst) {
			// 2025: England, regions and Rest of England carry [z] in the authority cells.
			rows.push(isAggregate(code) ? ['[z]', '[z]', code || '[z]', name, ...values] : [code, name, regionCode, regionName, ...values]);
		} else {
			// 2024: the column headed "Local authority" holds codes, "Local authority ONS code" names.
			rows.push(isAggregate(code) ? [null, null, name, code || '-', ...values] : [code, name, regionName, regionCode, ...values]);
		}
	}
	rows.push(codesFirst ? ['E06999999', SYNTHETIC, 'E12000005', 'West Midlands', ...years.map(synthetic)] : ['E06999999', SYNTHETIC, 'West Midlands', 'E12000005', ...years.map(synthetic)]);
	rows.push([]);
	rows.push(['[note 1] Counts and estimates submitted by local authorities.']);
	return rows;
}
writeOds('snapshot-2025', [
	{ name: 'Cover', rows: [['Rough sleeping snapshot in England: autumn 2025'], ['Published 26 February 2026'], ['Test fixture: real published figures re-laid in this layout; one synthetic row, named as such.']] },
	{ name: 'Table_1_Total', rows: snapshotRows(2025, true) }
]);
writeOds('snapshot-2024', [{ name: 'Table_1_Total', rows: snapshotRows(2024, false) }]);

// ---- Framework monthly tables (synthetic values) ----------------------------------------------
const MONTHS = ['2023-10', '2023-11', '2023-12', '2024-01', '2024-02', '2024-03'];
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const AREAS = [
	['E92000001', 'England'],
	['E12000005', 'West Midlands'],
	...WMCA_AUTHORITIES.map((a) => [a.code, a.name]),
	['E06000001', 'Hartlepool']
];
const TABLES: { sheet: string; title: string; indicator?: string }[] = [
	{ sheet: 'Table_1_Monthly', title: 'People sleeping rough over the month', indicator: 'rs_month' },
	{ sheet: 'Table_2_Monthly_Rate', title: 'People sleeping rough over the month per 100,000 (not imported)' },
	{ sheet: 'Table_3_Single_Night', title: 'People sleeping rough on a single night', indicator: 'rs_single_night' },
	{ sheet: 'Table_5_Accommodated', title: 'People moving into accommodation', indicator: 'accommodated' },
	{ sheet: 'Table_6_Monthly_New', title: 'New people sleeping rough', indicator: 'new' },
	{ sheet: 'Table_7_Institutions', title: 'People who had left an institution', indicator: 'left_institution' },
	{ sheet: 'Table_8', title: 'People who had left prison', indicator: 'left_institution_prison' },
	{ sheet: 'Table_9', title: 'People who had left other criminal justice accommodation', indicator: 'left_institution_other_justice' },
	{ sheet: 'Table_10', title: 'People who had left hospital', indicator: 'left_institution_hospital' },
	{ sheet: 'Table_11', title: 'People who had left the UK armed forces', indicator: 'left_institution_armed_forces' },
	{ sheet: 'Table_12', title: 'People who had left asylum support accommodation', indicator: 'left_institution_asylum_support' },
	{ sheet: 'Table_13', title: 'Care leavers under 25', indicator: 'left_institution_care_leaver' },
	{ sheet: 'Table_15_Long_Term', title: 'People sleeping rough long-term', indicator: 'long_term' },
	{ sheet: 'Table_16', title: 'People seen bedded down on 1 night in the last 180 days', indicator: 'nights_1' },
	{ sheet: 'Table_17', title: 'People seen bedded down on 2 nights in the last 180 days', indicator: 'nights_2' },
	{ sheet: 'Table_18', title: 'People seen bedded down on 3 to 5 nights in the last 180 days', indicator: 'nights_3_5' },
	{ sheet: 'Table_19', title: 'People seen bedded down on 6 to 10 nights in the last 180 days', indicator: 'nights_6_10' },
	{ sheet: 'Table_20', title: 'People seen bedded down on 11 or more nights in the last 180 days', indicator: 'nights_11_plus' },
	{ sheet: 'Table_21', title: 'People whose nights bedded down are not known' },
	{ sheet: 'Table_22_Returners', title: 'People returning to rough sleeping', indicator: 'returners' },
	{ sheet: 'Table_23_Returners_from_accom', title: 'Returners who had moved into settled accommodation', indicator: 'returners_from_settled' }
];
/** Synthetic figure or marker for table t, area a, month m: a fixed pattern with runs and markers. */
function fake(t: number, a: number, m: number): number | string {
	if (AREAS[a][0] === 'E08000029' && t === 19) return '[X]'; // Solihull, returners: not available
	if (AREAS[a][0] === 'E08000027' && m < 2) return '[Z]'; // Dudley, first two months: not applicable
	if (AREAS[a][0] === 'E08000030' && t === 20) return 0; // Walsall, returners from settled: a run of zeros
	return a < 2 ? 100 + 10 * t + m : (a * 7 + m * 3 + t * 5) % 23;
}
const header = (t: number): Cell[] =>
	MONTHS.map((p) => {
		const [y, mm] = p.split('-').map(Number);
		if (t < 6) return `${MONTH_NAMES[mm - 1]} ${y}`; // "October 2023"
		if (t < 13) return `${y}_${String(mm).padStart(2, '0')}_01`; // "2023_10_01"
		return { date: `${p}-01` }; // a date-typed cell
	});
const expected: string[][] = [];
writeOds('framework', [
	{ name: 'Cover', rows: [['Rough sleeping data framework tables: SYNTHETIC test fixture'], ['Published 15 May 2024'], ['Every figure in this workbook is made up for testing the importer. None is official.']] },
	...TABLES.map((table, t) => {
		const rows: Cell[][] = [
			[{ span: `Table ${table.sheet.split('_')[1]}: ${table.title}, by local authority, England [SYNTHETIC values, not official]`, cols: 6 }],
			[],
			['Local authority code', 'Local authority name', 'Region name', ...header(t)]
		];
		AREAS.forEach(([code, name], a) => {
			const values = MONTHS.map((_, m) => fake(t, a, m));
			rows.push([code, name, a < 1 ? '[z]' : 'West Midlands', ...values]);
			if (table.indicator && code !== 'E06000001') values.forEach((v, m) => expected.push([table.indicator!, code, MONTHS[m], String(v)]));
		});
		rows.push(['Source: synthetic test data']);
		return { name: table.sheet, rows };
	}),
	{ name: 'Table_24_Gender', rows: [['Not imported: a breakdown'], ['Local authority code', 'October 2023', 'November 2023', 'December 2023']] }
]);
writeFileSync(join(DIR, 'framework-expected.csv'), toCsv(['indicator_id', 'area_code', 'period', 'published'], expected));
rmSync(work, { recursive: true, force: true });
console.log(`wrote ${DIR}/snapshot-2025.ods, snapshot-2024.ods, framework.ods, framework-expected.csv`);
