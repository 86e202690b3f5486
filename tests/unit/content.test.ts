import { describe, expect, it } from 'vitest';
import { loadSections, parseFrontMatter, renderMarkdown, sectionsFromFiles } from '../../src/lib/content/content';

describe('parseFrontMatter', () => {
	it('splits key: value lines from the body', () => {
		const { data, body } = parseFrontMatter('---\nheading: "A: B"\norder: 2\n---\nHello *world*\n');
		expect(data).toEqual({ heading: 'A: B', order: '2' });
		expect(body).toBe('Hello *world*\n');
	});
	it('treats text without a fence as body, and rejects an unclosed fence', () => {
		expect(parseFrontMatter('just text')).toEqual({ data: {}, body: 'just text' });
		expect(() => parseFrontMatter('---\nheading: x\n')).toThrow(/closing/);
	});
	it('requires a heading when building sections', () => {
		expect(() => sectionsFromFiles({ '/src/content/x.md': '---\norder: 1\n---\nbody' })).toThrow(/heading/);
	});
});

describe('loadSections', () => {
	const sections = loadSections();

	it('loads the three sections with their headings, in order', () => {
		expect(sections.map((s) => [s.slug, s.heading])).toEqual([
			['rough-sleeping', 'Rough Sleeping'],
			['housing-first', 'Housing First'],
			['resources', 'Rough Sleeping Resources']
		]);
		for (const s of sections) expect(s.html).toMatch(/<p>/);
	});

	it('keeps the seed wording', () => {
		const [rough, hf] = sections;
		expect(rough.html).toContain('rare, brief and non-recurring');
		expect(rough.html).toContain('Department for Levelling Up, Housing and Communities (DLUHC)');
		expect(hf.html).toContain('supported over 500 individuals into independent accommodation');
		expect(hf.html).toContain('Campbell Tickell');
	});

	it('lists the four resource titles as list items with no links', () => {
		const resources = sections.find((s) => s.slug === 'resources')!;
		const items = [...resources.html.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) =>
			m[1].replace(/<\/?p>/g, '').trim()
		);
		expect(items).toEqual([
			'WMCA Housing First Research Project Final report',
			'WMCA Housing First Research Project exec summary',
			'RSI 2020-21 Key Achievements and Learning report',
			'RSI 2021 -22 Key achievements learning report'
		]);
		expect(resources.html).not.toContain('<a');
		expect(resources.html).not.toContain('href');
	});
});

describe('renderMarkdown', () => {
	it('renders a # or empty link as its plain text', () => {
		expect(renderMarkdown('[Report](#)')).toBe('<p>Report</p>\n');
		expect(renderMarkdown('[Report]()')).toBe('<p>Report</p>\n');
		expect(renderMarkdown('[Report]( # )')).not.toContain('<a');
	});

	it('escapes raw HTML instead of passing it through', () => {
		const html = renderMarkdown(
			'<script>alert(1)</script>\n\nText <img src=x onerror=alert(1)> and <b onclick="x()">bold</b>\n\n<div>\n<iframe src="https://evil"></iframe>\n</div>'
		);
		expect(html).not.toMatch(/<(script|img|b|div|iframe)\b/i);
		expect(html).toContain('&lt;script&gt;');
		expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
	});

	it('does not link javascript:, data: or other schemes, however disguised', () => {
		for (const md of [
			'[x](javascript:alert(1))',
			'[x](JAVASCRIPT:alert(1))',
			'[x](  javascript:alert(1))',
			'[x](java&#x73;cript:alert(1))',
			'[x](javascript&colon;alert(1))',
			'[x](<java script:alert(1)>)',
			'[x](data:text/html,<script>alert(1)</script>)',
			'[x](vbscript:msgbox)',
			'<javascript:alert(1)>',
			'![x](javascript:alert(1))'
		]) {
			const html = renderMarkdown(md);
			expect(html, md).not.toMatch(/<a\b|<img\b/i);
			expect(html, md).not.toMatch(/href=/i);
		}
	});

	it('renders a real https link with rel="noopener noreferrer"', () => {
		expect(renderMarkdown('[WMCA](https://www.wmca.org.uk/ "Home")')).toBe(
			'<p><a href="https://www.wmca.org.uk/" title="Home" rel="noopener noreferrer">WMCA</a></p>\n'
		);
		expect(renderMarkdown('<https://example.org/a?b=1&c=2>')).toContain(
			'<a href="https://example.org/a?b=1&amp;c=2" rel="noopener noreferrer">'
		);
	});

	it('allows mailto and relative links without rel', () => {
		expect(renderMarkdown('[mail](mailto:a@example.org)')).toContain('<a href="mailto:a@example.org">mail</a>');
		expect(renderMarkdown('[data](/data)')).toContain('<a href="/data">data</a>');
		expect(renderMarkdown('[down](#indicators)')).toContain('<a href="#indicators">down</a>');
	});

	it('escapes attribute-breaking characters in hrefs and titles', () => {
		const html = renderMarkdown('[x](https://a.example/"onmouseover="alert(1) "t\\"x")');
		expect(html).not.toMatch(/"\s*onmouseover=/);
	});
});
