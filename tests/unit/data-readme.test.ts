import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MARKERS } from '../../src/lib/data/contract';
import { FILES } from '../../src/lib/data/files';
import { dataReadme } from '../../scripts/generate-data-readme';

describe('data/README.md', () => {
	const text = dataReadme();

	it('drift check: equals the text generated from the contract (run npm run data:readme after changing contract.ts)', () => {
		expect(readFileSync('data/README.md', 'utf8')).toBe(text);
	});

	it('documents every file and column, the markers, the licence and how to check', () => {
		for (const spec of FILES) {
			expect(text).toContain(`### ${spec.file}`);
			expect(text).toContain(spec.description);
			for (const c of spec.columns) expect(text).toContain(`| \`${c.name}\` | ${c.required ? 'required' : 'optional'} |`);
		}
		for (const [letter, meaning] of Object.entries(MARKERS)) expect(text).toContain(`| \`${letter}\` | ${meaning} |`);
		expect(text).toContain('Open Government Licence v3.0');
		expect(text).toContain('npm run check:data');
		expect(text).toContain('observations_NAME.csv');
	});
});
