/**
 * Which official tables the importer reads and the indicator each becomes: one config module, read
 * by the importer and shown on the methodology page.
 *
 * The framework tables' sheet names are MHCLG's (29 sheets in the 2026 edition). Where a run of
 * tables splits one measure (Tables 8-13 by institution, Tables 16-21 by nights seen) the exact
 * order of the sub-tables is not documented, so the indicator is chosen by the table's title
 * text (the words in `title`), never by the table number alone: a table whose title matches no
 * pattern is reported and skipped, and two tables claiming one indicator is refused.
 */

export type FrameworkCode = 'P1' | 'P2' | 'R1' | 'R2' | 'B1' | 'B2' | 'NR1' | 'NR2';

export interface TableMapping {
	/** Sheet name as published, or its prefix (matched case-insensitively, up to a separator). */
	sheet: string;
	/** MHCLG framework code. */
	code: FrameworkCode;
	/** What the table holds, in words. */
	holds: string;
	/** The indicator id (data/indicators.csv) its values become; or a choice by title text. */
	indicator: string | { title: RegExp; indicator: string }[];
}

const INSTITUTIONS = [
	{ title: /\bprison/i, indicator: 'left_institution_prison' },
	{ title: /criminal justice/i, indicator: 'left_institution_other_justice' },
	{ title: /hospital/i, indicator: 'left_institution_hospital' },
	{ title: /armed forces/i, indicator: 'left_institution_armed_forces' },
	{ title: /asylum/i, indicator: 'left_institution_asylum_support' },
	{ title: /care leaver|leaving care|left care/i, indicator: 'left_institution_care_leaver' }
];

// In band order; no pattern matches another band's title (\b keeps "1 night" out of "11 nights").
const NIGHTS = [
	{ title: /\b1 night\b|\bone night\b/i, indicator: 'nights_1' },
	{ title: /\b2 nights\b/i, indicator: 'nights_2' },
	{ title: /\b3 (to|-|–) ?5\b/i, indicator: 'nights_3_5' },
	{ title: /\b6 (to|-|–) ?10\b/i, indicator: 'nights_6_10' },
	{ title: /\b11 (or more|\+|and over|plus)|\b11\+/i, indicator: 'nights_11_plus' }
];

export const FRAMEWORK_TABLES: TableMapping[] = [
	{ sheet: 'Table_1_Monthly', code: 'R1', holds: 'People sleeping rough over the month', indicator: 'rs_month' },
	{ sheet: 'Table_3_Single_Night', code: 'R1', holds: 'People sleeping rough on a single night in the month', indicator: 'rs_single_night' },
	{ sheet: 'Table_5_Accommodated', code: 'R2', holds: 'People moving into accommodation over the month', indicator: 'accommodated' },
	{ sheet: 'Table_6_Monthly_New', code: 'P1', holds: 'New people sleeping rough', indicator: 'new' },
	{ sheet: 'Table_7_Institutions', code: 'P2', holds: 'People sleeping rough who had left an institution (all institutions)', indicator: 'left_institution' },
	...[8, 9, 10, 11, 12, 13].map((n) => ({
		sheet: `Table_${n}`,
		code: 'P2' as const,
		holds: 'People who had left an institution, one institution a table (chosen by the title: prison, other criminal justice, hospital, armed forces, asylum support, care leavers)',
		indicator: INSTITUTIONS
	})),
	{ sheet: 'Table_15_Long_Term', code: 'B1', holds: 'People sleeping rough long-term', indicator: 'long_term' },
	...[16, 17, 18, 19, 20, 21].map((n) => ({
		sheet: `Table_${n}`,
		code: 'B2' as const,
		holds: 'People by nights seen bedded down in the last 180 days, one band a table (chosen by the title: 1, 2, 3 to 5, 6 to 10, 11 or more)',
		indicator: NIGHTS
	})),
	{ sheet: 'Table_22_Returners', code: 'NR1', holds: 'People returning to rough sleeping', indicator: 'returners' },
	{ sheet: 'Table_23_Returners_from_accom', code: 'NR2', holds: 'Returners who had moved into settled accommodation', indicator: 'returners_from_settled' }
];

/** Framework sheets that are published but not imported (rates and breakdowns the dashboard derives or does not show). */
export const FRAMEWORK_NOT_IMPORTED = /^Table_(2|4|14|2[4-9]|3\d)(_|$)/i;

/** The snapshot's Table 1 in every known edition: `Table 1 Total` (2019), `table 1` (2017), `Table_1_Total` (2024, 2025). */
export const SNAPSHOT_TABLE = { sheet: /^table[ _]?1([ _]total)?$/i, indicator: 'snapshot_single_night' } as const;

/** Does a sheet name belong to a mapping? `Table_8` matches `Table_8_Prison` but not `Table_80`. */
export function sheetMatches(sheetName: string, mapping: TableMapping): boolean {
	const name = sheetName.trim().toLowerCase();
	const want = mapping.sheet.toLowerCase();
	return name === want || name.startsWith(`${want}_`) || name.startsWith(`${want} `);
}

/** Rows for the methodology page: one per table (a run split by title as one row), with its indicators. */
export function frameworkMappingRows(): { sheets: string; code: FrameworkCode; holds: string; indicators: string[] }[] {
	const rows: { sheets: string[]; code: FrameworkCode; holds: string; indicators: string[] }[] = [];
	for (const t of FRAMEWORK_TABLES) {
		const last = rows.at(-1);
		if (last && typeof t.indicator !== 'string' && last.holds === t.holds) last.sheets.push(t.sheet);
		else rows.push({ sheets: [t.sheet], code: t.code, holds: t.holds, indicators: typeof t.indicator === 'string' ? [t.indicator] : t.indicator.map((c) => c.indicator) });
	}
	return rows.map((r) => ({ ...r, sheets: r.sheets.length > 1 ? `${r.sheets[0]} to ${r.sheets.at(-1)}` : r.sheets[0] }));
}
