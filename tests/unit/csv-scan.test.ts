/**
 * The CSV toolkit's line-exact scanner (lib/csv/scan): physical lines across mixed line ends and
 * quoted line breaks, and each syntax problem with its line and field. Lines counted by hand.
 */
import { describe, expect, it } from 'vitest';
import { fieldLine, scanCsvRecords, type CsvRecord, type CsvSyntaxIssue } from '../../src/lib/csv/scan';

function scan(text: string) {
	const records: CsvRecord[] = [];
	const issues: CsvSyntaxIssue[] = [];
	scanCsvRecords(text, (r) => void records.push(r), (i) => void issues.push(i));
	return { records, issues };
}

describe('scanCsvRecords', () => {
	it('counts CRLF, LF and CR each as one line end, and skips blank lines', () => {
		// 1 a,b (CRLF)  2 c,d (LF)  3 blank (CR)  4 e,f
		const { records } = scan('a,b\r\nc,d\n\re,f');
		expect(records.map((r) => [r.line, r.fields])).toEqual([
			[1, ['a', 'b']],
			[2, ['c', 'd']],
			[4, ['e', 'f']]
		]);
	});

	it('gives the line each field starts on when a quoted value spans lines', () => {
		// 1 h,i   2 "x   3 y",z   4 k,l
		const { records } = scan('h,i\n"x\ny",z\nk,l\n');
		expect(records[1].fields).toEqual(['x\ny', 'z']);
		expect([fieldLine(records[1], 0), fieldLine(records[1], 1)]).toEqual([2, 3]);
		expect(records[2].line).toBe(4);
	});

	it('reports a stray quote, text after a closing quote and an unclosed quote, then stops', () => {
		const { records, issues } = scan('a,b"c\n"d"e,f\n"open,g\nnever,read\n');
		expect(issues).toEqual([
			{ kind: 'stray_quote', line: 1, field: 1, value: 'b"c' },
			{ kind: 'text_after_quote', line: 2, field: 0, value: 'de' },
			{ kind: 'unclosed_quote', line: 3, field: 0 }
		]);
		expect(records.map((r) => r.line)).toEqual([1, 2]);
	});

	it('stops when the record callback returns false', () => {
		const seen: number[] = [];
		scanCsvRecords('a\nb\nc\n', (r) => (seen.push(r.line), r.line < 2), () => {});
		expect(seen).toEqual([1, 2]);
	});
});
