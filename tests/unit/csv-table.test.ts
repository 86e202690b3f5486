/**
 * The CSV toolkit's strict table reader (lib/csv/table): rows with their physical lines, rows of
 * the wrong width flagged, text or bytes alike. Expected lines counted by hand from the inputs.
 */
import { describe, expect, it } from 'vitest';
import { parseCsvStrict } from '../../src/lib/csv/table';
import { formatProblem } from '../../src/lib/data/problems';

const enc = new TextEncoder();

describe('parseCsvStrict', () => {
	it('returns rows with their physical lines, and flags rows of the wrong width', () => {
		const table = parseCsvStrict('in.csv', enc.encode('\uFEFFa,b\r\n1,"x\r\ny"\r\n\r\n2\r\n3,4'), ['a', 'b']);
		expect(table.header).toEqual(['a', 'b']);
		expect(table.readable).toBe(true);
		expect(table.rows.map((r) => [r.line, r.fields, r.complete])).toEqual([
			[2, ['1', 'x\r\ny'], true],
			[5, ['2'], false],
			[6, ['3', '4'], true]
		]);
		expect(table.problems.map(formatProblem)).toEqual([
			'in.csv:5:2: row has 1 field but the header has 2; no value for column "b" (add the missing fields; an empty value still needs its comma)'
		]);
	});

	it('accepts text as well as bytes, and reads "" as a quote', () => {
		const table = parseCsvStrict('in.csv', 'a\n"say ""hi"""\n', ['a']);
		expect(table.rows[0].fields).toEqual(['say "hi"']);
		expect(table.problems).toEqual([]);
	});
});
