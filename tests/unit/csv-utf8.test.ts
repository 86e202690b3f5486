/**
 * The CSV toolkit's UTF-8 decoding (lib/csv/utf8): invalid sequences found at their byte offsets,
 * and located by physical line and field. Offsets and places worked out by hand from the bytes.
 */
import { describe, expect, it } from 'vitest';
import { decodeUtf8, invalidUtf8Offsets } from '../../src/lib/csv/utf8';

describe('invalidUtf8Offsets', () => {
	it('finds invalid UTF-8 sequences exactly', () => {
		const enc = new TextEncoder();
		expect(invalidUtf8Offsets(enc.encode('ok é € 𝄞'))).toEqual([]);
		expect(invalidUtf8Offsets(new Uint8Array([0x61, 0xc3]))).toEqual([1]); // truncated
		expect(invalidUtf8Offsets(new Uint8Array([0xc0, 0xaf]))).toEqual([0, 1]); // overlong
		expect(invalidUtf8Offsets(new Uint8Array([0xed, 0xa0, 0x80]))).toEqual([0, 1, 2]); // surrogate
	});
});

describe('decodeUtf8', () => {
	it('drops a BOM-free file through unchanged and reports nothing', () => {
		expect(decodeUtf8(new TextEncoder().encode('a,b\n1,é\n'))).toEqual({ text: 'a,b\n1,é\n', bad: [] });
	});

	it('places the first bad byte of each line at its line and field, commas inside quotes not counted', () => {
		// line 1: a,b   line 2: "x,y",<0x96>   line 3: 1,2   line 4: <0xff>,<0xfe> (one report for the line)
		const bytes = new Uint8Array([
			0x61, 0x2c, 0x62, 0x0a,
			0x22, 0x78, 0x2c, 0x79, 0x22, 0x2c, 0x96, 0x0a,
			0x31, 0x2c, 0x32, 0x0a,
			0xff, 0x2c, 0xfe, 0x0a
		]);
		const { text, bad } = decodeUtf8(bytes);
		expect(bad).toEqual([
			{ line: 2, column: 2, byte: 0x96 },
			{ line: 4, column: 1, byte: 0xff }
		]);
		expect(text.split('\n')[3]).toBe('\uFFFD,\uFFFD');
		expect(decodeUtf8(bytes, 1).bad).toEqual([{ line: 2, column: 2, byte: 0x96 }]);
	});
});
