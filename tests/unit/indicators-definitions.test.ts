/**
 * The framework definitions pinned at every boundary on hand-built registers of a few rows. Each
 * expected value is worked out by hand in the comments (day arithmetic checked on a calendar),
 * and both the SQL and the plain-TypeScript oracle must give it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/lib/data/engine';
import { createNodeEngine } from '../../src/lib/data/engine-node';
import type { WideRow } from '../../src/lib/indicators/sql';
import {
	BIRMINGHAM as B,
	COVENTRY as C,
	DUDLEY as D,
	SANDWELL as S,
	SOLIHULL as SO,
	WALSALL as WA,
	WOLVERHAMPTON as WO,
	WMCA as W,
	accommodated,
	cell,
	runBoth,
	seen,
	type Row
} from '../fixtures/indicators/helpers';

let engine: Engine;
beforeAll(async () => {
	engine = await createNodeEngine();
});
afterAll(async () => {
	await engine.close();
});

type Expect = Record<string, number | null>;
/** Check expected cells (area -> column -> value) for one period, on both implementations. */
async function check(rows: Row[], period: string, expected: Record<string, Expect>, from = period, to = period) {
	const { sql, oracle } = await runBoth(engine, rows, { from, to });
	for (const [name, result] of [
		['sql', sql],
		['oracle', oracle]
	] as [string, WideRow[]][]) {
		for (const [area, cells] of Object.entries(expected)) {
			for (const [column, value] of Object.entries(cells)) {
				expect(cell(result, area, period, column), `${name} ${area} ${period} ${column}`).toBe(value);
			}
		}
	}
	expect(sql).toEqual(oracle);
	return { sql, oracle };
}

describe('DuckDB month arithmetic', () => {
	it('clamps d - 60 months and d - 12 months to the end of a shorter month', async () => {
		const [r] = await engine.query<{ a: string; b: string; c: string }>(
			`SELECT CAST(DATE '2024-02-29' - INTERVAL 60 MONTH AS DATE) AS a,
				CAST(DATE '2024-02-29' - INTERVAL 12 MONTH AS DATE) AS b,
				CAST(DATE '2024-03-31' - INTERVAL 1 MONTH AS DATE) AS c`
		);
		expect(r).toEqual({ a: '2019-02-28', b: '2023-02-28', c: '2024-02-29' });
	});
});

describe('new (P1): the 60-month look-back', () => {
	it('a sighting exactly 60 months before d, or 60 months - 1 day, means not new; 60 months + 1 day means new', async () => {
		// d = 2024-03-15 for everyone; d - 60 months = 2019-03-15.
		const rows = [
			seen('p60', B, '2019-03-15'), // exactly 60 months before: inside [d - 60m, d) -> not new; a returner
			seen('p60', B, '2024-03-15'),
			seen('p59', C, '2019-03-16'), // 60 months - 1 day before: inside -> not new; a returner
			seen('p59', C, '2024-03-15'),
			seen('p61', D, '2019-03-14'), // 60 months + 1 day before: outside -> new; not a returner
			seen('p61', D, '2024-03-15')
		];
		await check(rows, '2024-03', {
			[B]: { rs_month: 1, new: 0, returners: 1 },
			[C]: { rs_month: 1, new: 0, returners: 1 },
			[D]: { rs_month: 1, new: 1, returners: 0 },
			[W]: { rs_month: 3, new: 1, returners: 2, new_pct_tenths: 333, returners_pct_tenths: 667 }
		});
	});

	it('only the first sighting of the month is d: a later sighting in the month does not reset it', async () => {
		// First sighting 2024-03-01; d - 60 months = 2019-03-01. Earlier sighting 2019-03-10 is in
		// [d - 60m, d) -> not new. (Had d been the later 2024-03-20, 2019-03-10 would be outside.)
		const rows = [seen('a', B, '2019-03-10'), seen('a', B, '2024-03-01'), seen('a', B, '2024-03-20')];
		await check(rows, '2024-03', { [B]: { rs_month: 1, new: 0, returners: 1 } });
	});

	it('a person with no earlier sighting is new; in the first month of the data everyone is new', async () => {
		const rows = [seen('a', B, '2024-03-05'), seen('a', B, '2024-03-06'), seen('b', B, '2024-03-31')];
		await check(rows, '2024-03', { [B]: { rs_month: 2, new: 2, returners: 0, new_pct_tenths: 1000 } });
	});
});

describe('returners (NR1): the 180-day gap', () => {
	it('a sighting 179 or 180 days before d means not a returner; 181 days means a returner', async () => {
		// d = 2024-03-15. d - 179 = 2023-09-18, d - 180 = 2023-09-17, d - 181 = 2023-09-16
		// (2023-09-17 + 14 days = 10-01, + 31 = 11-01, + 30 = 12-01, + 31 = 2024-01-01, + 31 = 02-01,
		//  + 29 = 03-01, + 14 = 03-15: 14+31+30+31+31+29+14 = 180).
		const rows = [
			seen('r179', B, '2023-09-18'),
			seen('r179', B, '2024-03-15'),
			seen('r180', C, '2023-09-17'),
			seen('r180', C, '2024-03-15'),
			seen('r181', D, '2023-09-16'),
			seen('r181', D, '2024-03-15')
		];
		await check(rows, '2024-03', {
			[B]: { rs_month: 1, new: 0, returners: 0 },
			[C]: { rs_month: 1, new: 0, returners: 0 },
			[D]: { rs_month: 1, new: 0, returners: 1 },
			[W]: { rs_month: 3, new: 0, returners: 1 }
		});
	});

	it('new and returners never overlap; a gap of more than 60 months makes a person new again', async () => {
		// 2018-01-10 is before d - 60 months (2019-03-15): new, not a returner.
		const rows = [seen('a', B, '2018-01-10'), seen('a', B, '2024-03-15')];
		await check(rows, '2024-03', { [B]: { new: 1, returners: 0 } });
	});
});

describe('left an institution (P2): 0 to 85 days', () => {
	it('left 85 days before a sighting counts; 86 days does not; 0 days and care leavers count', async () => {
		// Sightings on 2024-03-20: minus 85 days = 2023-12-26, minus 86 days = 2023-12-25
		// (2023-12-26 + 6 = 01-01, + 31 = 02-01, + 29 = 03-01, + 19 = 03-20: 6+31+29+19 = 85).
		const rows = [
			seen('i85', B, '2024-03-20', 'prison', '2023-12-26'),
			seen('i85', B, '2024-03-25'),
			seen('i86', C, '2024-03-20', 'hospital', '2023-12-25'),
			seen('i0', S, '2024-03-20', 'asylum_support', '2024-03-20'),
			seen('care', D, '2024-03-20', 'care_leaver'),
			// Qualifying sighting in February only: counts in February, not in March.
			seen('feb', SO, '2024-02-28', 'prison', '2024-02-01'),
			seen('feb', SO, '2024-03-02')
		];
		await check(rows, '2024-03', {
			[B]: { left_institution: 1, left_institution_prison: 1 },
			[C]: { left_institution: 0, left_institution_hospital: 0 },
			[S]: { left_institution: 1, left_institution_asylum_support: 1 },
			[D]: { left_institution: 1, left_institution_care_leaver: 1 },
			[SO]: { rs_month: 1, left_institution: 0, left_institution_prison: 0 },
			[W]: {
				rs_month: 5,
				left_institution: 3,
				left_institution_prison: 1,
				left_institution_hospital: 0,
				left_institution_asylum_support: 1,
				left_institution_care_leaver: 1,
				left_institution_other_justice: 0,
				left_institution_armed_forces: 0,
				left_institution_pct_tenths: 600
			}
		});
		await check(rows, '2024-02', { [SO]: { left_institution: 1, left_institution_prison: 1 } });
	});

	it('a person counts once in left_institution but under each type that qualifies', async () => {
		const rows = [
			seen('x', B, '2024-03-05', 'prison', '2024-03-01'),
			seen('x', B, '2024-03-06', 'hospital', '2024-03-02'),
			seen('x', B, '2024-03-07', 'armed_forces', '2023-01-01') // 431 days: does not qualify
		];
		await check(rows, '2024-03', {
			[B]: {
				left_institution: 1,
				left_institution_prison: 1,
				left_institution_hospital: 1,
				left_institution_armed_forces: 0
			}
		});
	});
});

describe('long-term (B1): 3 distinct months among M and the 11 before', () => {
	it('3 distinct months counts, 2 do not; M - 11 is in the window, M - 12 is not', async () => {
		// M = 2024-03: window 2023-04 .. 2024-03.
		const rows = [
			seen('lt3', B, '2023-04-10'), // M - 11: inside
			seen('lt3', B, '2023-10-10'),
			seen('lt3', B, '2024-03-05'), // 3 months -> long-term
			seen('lt2', C, '2023-03-31'), // M - 12: outside
			seen('lt2', C, '2023-10-10'),
			seen('lt2', C, '2024-03-05'), // 2 months -> not
			seen('same', D, '2024-01-05'),
			seen('same', D, '2024-01-20'), // same month twice: one month
			seen('same', D, '2024-03-05') // 2 months -> not
		];
		await check(rows, '2024-03', {
			[B]: { long_term: 1 },
			[C]: { long_term: 0 },
			[D]: { long_term: 0 },
			[W]: { rs_month: 3, long_term: 1, long_term_pct_tenths: 333 }
		});
	});

	it('months in different authorities add up for the WMCA only', async () => {
		const rows = [seen('m', B, '2024-01-05'), seen('m', C, '2024-02-05'), seen('m', D, '2024-03-05')];
		await check(rows, '2024-03', { [D]: { long_term: 0 }, [W]: { rs_month: 1, long_term: 1 } });
	});
});

describe('month ends and leap days', () => {
	it('d = 29 February 2024: d - 60 months is 28 February 2019', async () => {
		const rows = [
			seen('leap', B, '2019-02-28'), // = d - 60 months: inside -> not new, a returner
			seen('leap', B, '2024-02-29'),
			seen('leap2', C, '2019-02-27'), // one day earlier: outside -> new
			seen('leap2', C, '2024-02-29')
		];
		await check(rows, '2024-02', {
			[B]: { new: 0, returners: 1 },
			[C]: { new: 1, returners: 0 }
		});
	});

	it('d = 29 February 2024: d - 12 months is 28 February 2023 for the settled look-back', async () => {
		const rows = [
			seen('s0', B, '2021-01-10'),
			accommodated('s0', B, '2023-02-28', 'settled'), // = d - 12 months: inside -> from settled
			seen('s0', B, '2024-02-29'),
			seen('s1', D, '2021-01-10'),
			accommodated('s1', D, '2023-02-27', 'settled'), // one day earlier: outside
			seen('s1', D, '2024-02-29')
		];
		await check(rows, '2024-02', {
			[B]: { returners: 1, returners_from_settled: 1, returners_from_settled_pct_tenths: 1000 },
			[D]: { returners: 1, returners_from_settled: 0, returners_from_settled_pct_tenths: 0 },
			[W]: { returners: 2, returners_from_settled: 1, returners_from_settled_pct_tenths: 500 }
		});
	});

	it('nights: distinct dates in [last day of M - 179, last day of M]', async () => {
		// February 2024: last day 2024-02-29, minus 179 days = 2023-09-03
		// (2023-09-03 + 28 = 10-01, + 31 = 11-01, + 30 = 12-01, + 31 = 01-01, + 31 = 02-01, + 28 = 02-29).
		// March 2024: last day 2024-03-31, minus 179 = 2023-10-04.
		const rows = [
			seen('n', S, '2023-09-02'), // outside February's window
			seen('n', S, '2023-09-03'), // first day of February's window
			seen('n', S, '2024-02-29'),
			seen('n', S, '2024-02-29'), // same date twice: one night
			seen('n', S, '2024-03-01') // after February's last day
		];
		await check(rows, '2024-02', { [S]: { nights_1: 0, nights_2: 1, nights_3_5: 0 } });
		// March: 2024-02-29 and 2024-03-01 are in; 2023-09-03 is not.
		await check(rows, '2024-03', { [S]: { nights_2: 1 } });
	});

	it('nights bands: 1, 2, 3-5, 6-10, 11+', async () => {
		const days = (person: string, area: string, n: number) =>
			Array.from({ length: n }, (_, i) => seen(person, area, `2024-06-${String(i + 1).padStart(2, '0')}`));
		const rows = [
			...days('one', B, 1),
			...days('two', B, 2),
			...days('three', B, 3),
			...days('five', B, 5),
			...days('six', B, 6),
			...days('ten', B, 10),
			...days('eleven', B, 11),
			...days('twenty', B, 20)
		];
		await check(rows, '2024-06', {
			[B]: { rs_month: 8, nights_1: 1, nights_2: 1, nights_3_5: 2, nights_6_10: 2, nights_11_plus: 2 }
		});
	});

	it('nights count sightings in earlier months inside the window (June 2024: from 2024-01-03)', async () => {
		// 2024-06-30 - 179 days = 2024-01-03 (28 days of January left + 29 + 31 + 30 + 31 + 30 = 179).
		const rows = [
			seen('w', WO, '2024-01-02'), // outside
			seen('w', WO, '2024-01-03'), // inside
			seen('w', WO, '2024-04-15'),
			seen('w', WO, '2024-06-30')
		];
		await check(rows, '2024-06', { [WO]: { nights_3_5: 1, nights_1: 0 } });
	});
});

describe('two authorities and the WMCA', () => {
	it('a person seen in two authorities counts once in each and once in the WMCA', async () => {
		const rows = [
			seen('two', B, '2024-05-03'),
			seen('two', C, '2024-05-20'),
			seen('sameday', B, '2024-05-10'),
			seen('sameday', C, '2024-05-10')
		];
		await check(rows, '2024-05', {
			[B]: { rs_month: 2, new: 2, nights_1: 2 },
			[C]: { rs_month: 2, new: 2, nights_1: 2 },
			// WMCA: 2 people; 'two' on 2 dates, 'sameday' on 1 date.
			[W]: { rs_month: 2, new: 2, nights_1: 1, nights_2: 1 }
		});
	});

	it('a move between authorities: new in the second authority, not new in the WMCA', async () => {
		const rows = [seen('mv', B, '2024-01-10'), seen('mv', C, '2024-05-10')];
		await check(rows, '2024-05', {
			[C]: { rs_month: 1, new: 1 },
			[B]: { rs_month: 0 },
			[W]: { rs_month: 1, new: 0, returners: 0 }
		});
	});
});

describe('returners from settled accommodation: the 12-month look-back', () => {
	it('settled 12 months before d counts, 12 months + 1 day does not, nor on d itself, nor other accommodation', async () => {
		// d = 2024-06-15 for everyone; d - 12 months = 2023-06-15. Each is a returner (last seen 2022-01-10).
		const rows = [
			seen('v12', B, '2022-01-10'),
			accommodated('v12', B, '2023-06-15', 'settled'), // inside -> from settled
			seen('v12', B, '2024-06-15'),
			seen('v13', C, '2022-01-10'),
			accommodated('v13', C, '2023-06-14', 'settled'), // 12 months + 1 day -> not
			seen('v13', C, '2024-06-15'),
			seen('vd', D, '2022-01-10'),
			accommodated('vd', D, '2024-06-15', 'settled'), // on d itself: not before d -> not
			seen('vd', D, '2024-06-15'),
			seen('vx', S, '2022-01-10'),
			accommodated('vx', WA, '2023-07-01', 'settled'), // settled in another authority
			seen('vx', S, '2024-06-15'),
			seen('vo', SO, '2022-01-10'),
			accommodated('vo', SO, '2023-07-01', 'other'), // other accommodation -> not
			seen('vo', SO, '2024-06-15')
		];
		await check(rows, '2024-06', {
			[B]: { returners: 1, returners_from_settled: 1 },
			[C]: { returners: 1, returners_from_settled: 0 },
			[D]: { returners: 1, returners_from_settled: 0, accommodated: 1 },
			[S]: { returners: 1, returners_from_settled: 0 },
			[SO]: { returners: 1, returners_from_settled: 0 },
			// WMCA: 5 returners; v12 and vx (settled in Walsall, inside the WMCA) from settled.
			[W]: { rs_month: 5, returners: 5, returners_from_settled: 2, returners_from_settled_pct_tenths: 400 }
		});
	});
});

describe('accommodated', () => {
	it('counts people accommodated in the month, seen or not; percentages are z when nobody was seen', async () => {
		const rows = [
			accommodated('only1', B, '2024-05-07', 'settled'),
			accommodated('only2', B, '2024-05-20', 'other'),
			accommodated('only2', B, '2024-05-25', 'other'), // same person twice: once
			accommodated('only3', C, '2024-05-31', 'other')
		];
		const { sql } = await check(rows, '2024-05', {
			[B]: { rs_month: 0, accommodated: 2, accommodated_pct_tenths: null, new_pct_tenths: null, returners_from_settled_pct_tenths: null },
			[C]: { accommodated: 1 },
			[W]: { accommodated: 3, rs_month: 0 }
		});
		expect(sql).toHaveLength(8);
	});

	it('a person accommodated in two authorities counts once in the WMCA', async () => {
		const rows = [
			seen('p', B, '2024-05-01'),
			accommodated('p', B, '2024-05-02', 'other'),
			accommodated('p', C, '2024-05-20', 'settled')
		];
		await check(rows, '2024-05', {
			[B]: { accommodated: 1, accommodated_pct_tenths: 1000 },
			[C]: { accommodated: 1, accommodated_pct_tenths: null },
			[W]: { accommodated: 1, rs_month: 1, accommodated_pct_tenths: 1000 }
		});
	});
});

describe('percentages', () => {
	it('round to one decimal place, halves up: 1 of 16 is 6.3, 1 of 3 is 33.3', async () => {
		// 16 people seen in Birmingham in March 2024; 15 of them also seen in January (not new).
		const rows: Row[] = [];
		for (let i = 0; i < 16; i++) {
			if (i > 0) rows.push(seen(`q${i}`, B, '2024-01-10'));
			rows.push(seen(`q${i}`, B, '2024-03-10'));
		}
		await check(rows, '2024-03', { [B]: { rs_month: 16, new: 1, new_pct_tenths: 63 } });
	});
});

describe('months in range', () => {
	it('every area and every month in the range, with zeros where nobody was seen', async () => {
		const rows = [seen('a', B, '2024-01-10'), seen('a', B, '2024-04-10')];
		const { sql } = await runBoth(engine, rows, { from: '2023-12', to: '2024-05' });
		expect(sql).toHaveLength(8 * 6);
		expect(sql.map((r) => `${r.area_code} ${r.period}`).slice(0, 3)).toEqual([
			`${B} 2023-12`,
			`${B} 2024-01`,
			`${B} 2024-02`
		]);
		expect(cell(sql, B, '2024-02', 'rs_month')).toBe(0);
		expect(cell(sql, B, '2024-02', 'new_pct_tenths')).toBe(null);
		// History before the range still counts: April is not new (seen in January).
		expect(cell(sql, B, '2024-04', 'new')).toBe(0);
	});
});
