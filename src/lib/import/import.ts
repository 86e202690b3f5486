/**
 * From a workbook's grids to what the project holds: observations-format rows for the chosen
 * areas, one provenance row per value (its sheet and cell), the edition's source row, warnings
 * and counts per indicator (the preview). All or nothing: any refusal throws before a row is
 * returned.
 *
 * Provenance goes in a sidecar (indicator_id, area_code, period, source_id, cell) rather than a
 * new column of observations.csv, so the observations contract every page and query reads stays
 * as it is, and a hand-entered row simply has no cell.
 */
import { ENGLAND, WEST_MIDLANDS_REGION, WMCA, WMCA_AUTHORITIES, type Observation, type Source } from '../data/contract.ts';
import { parseMonth, parseYear, text, type Grid } from './grid.ts';
import { readTable, type TableRead } from './layout.ts';
import { ImportError } from './limits.ts';
import { FRAMEWORK_NOT_IMPORTED, FRAMEWORK_TABLES, SNAPSHOT_TABLE, sheetMatches } from './tables.ts';

export { OBSERVATION_COLUMNS } from '../data/files.ts';
export const CELL_COLUMNS = ['indicator_id', 'area_code', 'period', 'source_id', 'cell'] as const;

/** A row of observations.csv, as the contract types it. */
export type ObservationRow = Observation;

export interface CellRow {
	indicator_id: string;
	area_code: string;
	period: string;
	source_id: string;
	cell: string;
}

export interface ImportOptions {
	/** Areas to keep; default the seven WMCA authorities, the region and England (plus the WMCA total). */
	areas?: string[];
	/** Edition metadata when the file has no cover or contents sheet to read it from. */
	sourceId?: string;
	title?: string;
	published?: string;
	url?: string;
	/** Rows of an earlier edition of the same series: values that differ are marked r. */
	previous?: readonly Pick<ObservationRow, 'indicator_id' | 'area_code' | 'period' | 'value' | 'source_id'>[];
}

export interface ImportResult {
	layout: 'snapshot' | 'framework';
	source: Source;
	rows: ObservationRow[];
	cells: CellRow[];
	warnings: string[];
	/** Per indicator: rows, values, markers and revisions (the preview the workbench shows). */
	counts: { indicator_id: string; rows: number; values: number; markers: number; revised: number }[];
}

export const DEFAULT_AREAS = [...WMCA_AUTHORITIES.map((a) => a.code), WEST_MIDLANDS_REGION, ENGLAND];

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A publication date in a cover sheet cell: "27 February 2020", "Published: 26 February 2026", a date cell. */
function findDate(cells: Grid['rows'][number]): string | undefined {
	for (const v of cells) {
		if (v instanceof Date) return new Date(v.getTime() + 12 * 3600 * 1000).toISOString().slice(0, 10);
		const m = /\b(\d{1,2}) ([A-Z][a-z]+) (20\d\d)\b/.exec(text(v));
		const month = m ? MONTH_NAMES.indexOf(m[2]) : -1;
		if (m && month >= 0) return `${m[3]}-${String(month + 1).padStart(2, '0')}-${m[1].padStart(2, '0')}`;
	}
	return undefined;
}

function coverSheet(grids: Grid[]): { title?: string; published?: string } {
	const cover = grids.find((g) => /^(cover|contents|cover_sheet|front page)/i.test(g.sheet));
	if (!cover) return {};
	const lines = cover.rows.slice(0, 30);
	const title = lines.flat().map(text).find((t) => /rough sleeping/i.test(t) && !/^table/i.test(t));
	const published = lines.map(findDate).find(Boolean);
	return { title, published };
}

/** Publisher by date: the department's name when the edition came out. */
function publisherOn(date: string): string {
	if (date >= '2021-09-19' && date < '2024-07-08') return 'Department for Levelling Up Housing and Communities';
	return 'Ministry of Housing Communities and Local Government';
}

function editionSource(layout: ImportResult['layout'], file: string, grids: Grid[], tables: TableRead[], options: ImportOptions): Source {
	const cover = coverSheet(grids);
	const published = options.published ?? cover.published;
	if (!published) {
		throw new ImportError(file, 'the publication date of this edition is not in the file (it has no cover or contents sheet with a date)', 'Give it with --published YYYY-MM-DD (in the workbench, the date field)');
	}
	const lastPeriod = tables.flatMap((t) => t.periods).sort().at(-1)!;
	const title =
		options.title ??
		cover.title ??
		(layout === 'snapshot' ? `Rough sleeping snapshot in England: autumn ${lastPeriod}` : `Rough sleeping data framework tables, to ${lastPeriod}`);
	const sourceId =
		options.sourceId ?? (layout === 'snapshot' ? `mhclg_snapshot_${lastPeriod}` : `mhclg_rsdf_${published.slice(0, 7).replace('-', '_')}`);
	return {
		source_id: sourceId,
		kind: layout === 'snapshot' ? 'official_statistics' : 'management_information',
		title: title.replace(/\s+/g, ' ').replace(/Autumn(\d)/, 'Autumn $1'),
		publisher: publisherOn(published),
		url: options.url ?? '',
		licence: 'Open Government Licence v3.0',
		published,
		notes: `Imported from ${file}${layout === 'snapshot' ? ', Table 1' : ''}; the sheet and cell of every value are in the cells sidecar.`
	};
}

/** Which tables of the workbook to read, and as which indicator. */
function planTables(grids: Grid[], file: string): { layout: ImportResult['layout']; reads: { grid: Grid; indicator: string | ((title: string) => string | undefined) }[]; warnings: string[] } {
	const warnings: string[] = [];
	const snapshot = grids.find((g) => SNAPSHOT_TABLE.sheet.test(g.sheet.trim()));
	const framework = grids.flatMap((grid) => {
		const mapping = FRAMEWORK_TABLES.find((m) => sheetMatches(grid.sheet, m));
		if (!mapping) return [];
		const { indicator } = mapping;
		return [{ grid, indicator: typeof indicator === 'string' ? indicator : (title: string) => indicator.find((c) => c.title.test(title))?.indicator }];
	});
	if (framework.length) {
		const others = grids.filter((g) => !framework.some((f) => f.grid === g) && FRAMEWORK_NOT_IMPORTED.test(g.sheet));
		if (others.length) warnings.push(`Not imported (rates and breakdowns not held as indicators): ${others.map((g) => g.sheet).join(', ')}`);
		return { layout: 'framework', reads: framework, warnings };
	}
	if (snapshot) return { layout: 'snapshot', reads: [{ grid: snapshot, indicator: SNAPSHOT_TABLE.indicator }], warnings };
	throw new ImportError(
		file,
		`no sheet matches a known MHCLG table (sheets: ${grids.map((g) => `"${g.sheet}"`).join(', ')})`,
		'Expected the snapshot\'s "Table 1" / "Table_1_Total" or the framework\'s "Table_1_Monthly" ... "Table_23_Returners_from_accom"'
	);
}

export function importWorkbook(grids: Grid[], file: string, options: ImportOptions = {}): ImportResult {
	const { layout, reads, warnings } = planTables(grids, file);
	const wanted = options.areas ?? DEFAULT_AREAS;
	const sevenCodes: string[] = WMCA_AUTHORITIES.map((a) => a.code);
	const keep = (code: string) => wanted.includes(code) || sevenCodes.includes(code);
	const tables: { table: TableRead; indicator: string }[] = [];
	const claimed = new Map<string, string>();
	for (const { grid, indicator } of reads) {
		const table =
			layout === 'snapshot'
				? readTable(grid, file, parseYear, 'a header row of years (2010, 2011, ...) above one row per area, with the areas\' GSS codes in a column', keep)
				: readTable(grid, file, parseMonth, 'a header row of months ("October 2020" or "2024_03_01") above one row per area, with the areas\' GSS codes in a column', keep);
		const id = typeof indicator === 'string' ? indicator : indicator(table.title);
		if (!id) {
			warnings.push(`${grid.sheet}: skipped, its title names no institution or nights band the importer knows ("${table.title.slice(0, 120)}")`);
			continue;
		}
		if (claimed.has(id)) {
			throw new ImportError(file, `sheets "${claimed.get(id)}" and "${grid.sheet}" both read as ${id}`, 'Check the tables\' titles: each institution and nights band should appear once');
		}
		claimed.set(id, grid.sheet);
		tables.push({ table, indicator: id });
	}
	const skipped = tables.filter((t) => t.table.skippedRows);
	if (skipped.length) {
		const n = skipped.reduce((s, t) => s + t.table.skippedRows, 0);
		warnings.push(`${n} rows without an area code skipped (notes, percentage lines, "Rest of England") in ${skipped.map((t) => t.table.sheet).join(', ')}`);
	}
	if (!tables.length) throw new ImportError(file, 'none of the framework sheets could be mapped to an indicator', 'Check the file is an unedited MHCLG framework table');
	const source = editionSource(layout, file, grids, tables.map((t) => t.table), options);

	const present = new Set(tables.flatMap((t) => [...t.table.areas.keys()]));
	const absent = wanted.filter((a) => a !== WMCA && !present.has(a));
	if (absent.length) {
		throw new ImportError(file, `area${absent.length > 1 ? 's' : ''} ${absent.join(', ')} not found in ${tables.map((t) => t.table.sheet).join(', ')}`, 'Give --areas only codes the table has a row for');
	}
	const withTotal = options.areas === undefined || wanted.includes(WMCA);
	const rows: ObservationRow[] = [];
	const cells: CellRow[] = [];
	for (const { table, indicator } of tables) {
		const byKey = new Map(table.cells.map((c) => [`${c.area_code}|${c.period}`, c]));
		for (const c of table.cells) {
			if (!wanted.includes(c.area_code)) continue;
			const r = c.reading;
			rows.push({
				indicator_id: indicator,
				area_code: c.area_code,
				period: c.period,
				value: r.kind === 'value' ? r.value : null,
				marker: r.kind === 'marker' ? r.marker : '',
				source_id: r.kind === 'value' ? source.source_id : '',
				note: r.kind === 'marker' ? r.note : ''
			});
			cells.push({ indicator_id: indicator, area_code: c.area_code, period: c.period, source_id: source.source_id, cell: c.cell });
		}
		if (!withTotal) continue;
		for (const period of table.periods) {
			const parts = WMCA_AUTHORITIES.map((a) => byKey.get(`${a.code}|${period}`));
			const missing = WMCA_AUTHORITIES.filter((_, i) => parts[i]?.reading.kind !== 'value').map((a) => a.name);
			const base = { indicator_id: indicator, area_code: WMCA, period };
			if (missing.length) {
				rows.push({ ...base, value: null, marker: 'x', source_id: '', note: `No WMCA total: no figure for ${missing.join(', ')}` });
				continue;
			}
			const total = parts.reduce((s, p) => s + (p!.reading.kind === 'value' ? p!.reading.value : 0), 0);
			rows.push({ ...base, value: total, marker: '', source_id: source.source_id, note: 'Sum of the seven WMCA authorities' });
			cells.push({ ...base, source_id: source.source_id, cell: parts.map((p) => p!.cell).join(' + ') });
		}
	}
	const key = (r: { indicator_id: string; area_code: string; period: string }) => `${r.indicator_id}|${r.area_code}|${r.period}`;
	const byKey = (a: { indicator_id: string; area_code: string; period: string }, b: typeof a) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
	rows.sort(byKey);
	cells.sort(byKey);
	markRevisions(rows, options.previous ?? []);
	const counts = [...new Set(rows.map((r) => r.indicator_id))].map((id) => {
		const mine = rows.filter((r) => r.indicator_id === id);
		return {
			indicator_id: id,
			rows: mine.length,
			values: mine.filter((r) => r.value !== null).length,
			markers: mine.filter((r) => r.value === null).length,
			revised: mine.filter((r) => r.marker.split(' ').includes('r')).length
		};
	});
	return { layout, source, rows, cells, warnings, counts };
}

/**
 * Mark r where a value differs from the one an earlier edition (another source) gave for the same
 * indicator, area and period. The note keeps the earlier figure and its source.
 */
function markRevisions(rows: ObservationRow[], previous: NonNullable<ImportOptions['previous']>) {
	const before = new Map(previous.filter((p) => p.value !== null).map((p) => [`${p.indicator_id}|${p.area_code}|${p.period}`, p]));
	for (const row of rows) {
		const old = before.get(`${row.indicator_id}|${row.area_code}|${row.period}`);
		if (row.value === null || !old || old.source_id === row.source_id || Number(old.value) === row.value) continue;
		row.marker = row.marker ? `${row.marker} r` : 'r';
		row.note = [row.note, `Revised: ${old.value} in ${old.source_id}`].filter(Boolean).join('; ');
	}
}
