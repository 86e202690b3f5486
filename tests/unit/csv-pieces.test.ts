/**
 * The CSV toolkit's piece-by-piece reader (readCsvPieces in lib/csv/read) against the whole-file
 * reader (readCsv) as the second method: for awkward files cut into pieces of every size from 1
 * byte up, the same rows (fields and physical lines) and the same problems.
 */
import { describe, expect, it } from 'vitest';
import { readCsv, readCsvPieces, type CsvRow, type ReadCsvOptions } from '../../src/lib/csv/read';
import { formatProblem } from '../../src/lib/data/problems';

const enc = new TextEncoder();
const bytes = (...parts: (string | number[])[]) => {
	const arrays = parts.map((p) => (typeof p === 'string' ? enc.encode(p) : new Uint8Array(p)));
	const out = new Uint8Array(arrays.reduce((n, a) => n + a.length, 0));
	let at = 0;
	for (const a of arrays) {
		out.set(a, at);
		at += a.length;
	}
	return out;
};

const FILES: Record<string, Uint8Array> = {
	plain: bytes('a,b\n1,2\n3,4\n'),
	'BOM, CRLF, blank lines, no final line end': bytes([0xef, 0xbb, 0xbf], 'a,b\r\n1,2\r\n\r\n\n3,4'),
	'quoted line breaks and quotes': bytes('a,b\n"x\ny","say ""hi"""\n"p\r\nq\r\nr",s\n5,6\n'),
	'bad UTF-8 on two lines': bytes('a,b\n1,', [0x96], '\n2,3\n', [0xff], ',', [0xfe], '\n'),
	'a U+FEFF inside the file is text': bytes('a,b\n', [0xef, 0xbb, 0xbf], 'x,y\n'),
	'stray quote, text after a quote, wrong widths': bytes('a,b\n1,x"y\n"p"q,2\n1\n1,2,3\n'),
	'unclosed quote': bytes('a,b\n1,2\n"open,3\n4,5\n'),
	empty: bytes('  \n\n'),
	'another delimiter': bytes('a;b\n1;2\n', [0x96], '\n')
};

const options = (rows: [number, string[], boolean][]): ReadCsvOptions => ({
	columns: ['a', 'b'],
	badUtf8: 'continue',
	checkHeader: (header, report) => {
		if (header.join(',') !== 'a,b') report(1, `header is ${header.join(',')}`, 'write a,b');
	},
	onRow: (row: CsvRow, clean) => rows.push([row.line, [...row.fields], clean])
});

function* pieces(all: Uint8Array, size: number) {
	for (let i = 0; i < all.length; i += size) yield all.slice(i, i + size);
}

describe.each(Object.entries(FILES))('readCsvPieces on %s', (_, file) => {
	const wholeRows: [number, string[], boolean][] = [];
	const whole = readCsv('f.csv', file, options(wholeRows));

	it('reads the same rows and problems as readCsv, in pieces of any size', async () => {
		for (const size of [1, 2, 3, 5, 8, 13, file.length + 1]) {
			const rows: [number, string[], boolean][] = [];
			const read = await readCsvPieces('f.csv', pieces(file, size), { ...options(rows), size: file.length });
			expect({ size, rows, problems: read.problems.map(formatProblem) }).toEqual({
				size,
				rows: wholeRows,
				problems: whole.problems.map(formatProblem)
			});
			expect([read.header, read.headerLine, read.readable]).toEqual([whole.header, whole.headerLine, whole.readable]);
		}
	});
});

describe('readCsvPieces', () => {
	it('finds the rows and problems worked out by hand', async () => {
		const rows: [number, string[], boolean][] = [];
		const read = await readCsvPieces('f.csv', pieces(FILES['bad UTF-8 on two lines'], 4), { ...options(rows), size: 99 });
		expect(rows).toEqual([
			[2, ['1', '\uFFFD'], true],
			[3, ['2', '3'], true],
			[4, ['\uFFFD', '\uFFFD'], true]
		]);
		expect(read.problems.map((p) => `${p.line}:${p.column}`)).toEqual(['2:2', '4:1']);
		expect(read.readable).toBe(false);
	});

	it('refuses a file over the limit unread', async () => {
		let read = 0;
		const chunks = (function* () {
			read++;
			yield bytes('a,b\n');
		})();
		const result = await readCsvPieces('f.csv', chunks, { ...options([]), size: 2000, maxBytes: 1000, tooLargeFix: 'make it smaller' });
		expect(result.problems.map(formatProblem)).toEqual([
			'f.csv:1:1: the file is 0 MiB (2,000 bytes), larger than the limit of 0 MiB (1,000 bytes) (make it smaller)'
		]);
		expect(read).toBe(0);
	});
});
