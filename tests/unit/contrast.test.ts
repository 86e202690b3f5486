/**
 * tests/contrast.ts, the contrast measure the accessibility tests use, against published values
 * (WebAIM's contrast checker: #777777 on white is 4.48:1, #767676 on white 4.54:1).
 */
import { describe, expect, it } from 'vitest';
import { contrastRatio, effectiveBackground, parseColour } from '../contrast';

const white = parseColour('rgb(255, 255, 255)');

describe('contrastRatio', () => {
	it('is 21 for black on white, 1 for a colour on itself, the same either way round', () => {
		expect(contrastRatio(parseColour('rgb(0, 0, 0)'), white)).toBeCloseTo(21, 10);
		expect(contrastRatio(white, white)).toBe(1);
		expect(contrastRatio(white, parseColour('rgb(0, 0, 0)'))).toBeCloseTo(21, 10);
	});

	it('puts #777777 on white just under 4.5:1 and #767676 just over', () => {
		expect(contrastRatio(parseColour('rgb(119, 119, 119)'), white)).toBeCloseTo(4.48, 2);
		expect(contrastRatio(parseColour('rgb(118, 118, 118)'), white)).toBeCloseTo(4.54, 2);
	});

	it('paints translucent text and backgrounds over what is beneath', () => {
		// Half-transparent black over white is grey 127.5: by hand, luminance ((0.5 + 0.055) / 1.055)^2.4
		// = 0.2140, and (1 + 0.05) / (0.2140 + 0.05) = 3.98.
		expect(contrastRatio(parseColour('rgba(0, 0, 0, 0.5)'), white)).toBeCloseTo(3.98, 2);
		expect(effectiveBackground(['rgba(0, 0, 0, 0)', 'rgb(255, 221, 0)'])).toEqual([255, 221, 0, 1]);
		expect(effectiveBackground(['rgba(0, 0, 0, 0)'])).toEqual([255, 255, 255, 1]);
		expect(() => parseColour('oklch(50% 0.1 200)')).toThrow('not an rgb() colour');
	});
});
