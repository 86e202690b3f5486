/**
 * The programme narrative (src/content/*.md) as HTML, rendered at build time.
 *
 * Each content file is front matter (`key: value` lines between `---` fences) followed by a
 * markdown body. Markdown is rendered with `marked`, safely:
 * - raw HTML (block or inline) is escaped, never passed through;
 * - links are kept only for http(s), mailto and relative URLs; a link whose target is empty or
 *   just `#` (a placeholder) renders as its plain text, as does any other scheme (javascript:, data:…);
 * - external links get rel="noopener noreferrer";
 * - images are kept only for http(s) and relative URLs, otherwise they render as their alt text.
 */
import { Marked, type Tokens } from 'marked';

export interface Section {
	/** File name without `.md`, e.g. `housing-first`. */
	slug: string;
	heading: string;
	/** Display order (front matter `order:`); sections without one sort last. */
	order: number;
	/** Rendered, sanitised HTML of the body. */
	html: string;
}

export interface FrontMatter {
	data: Record<string, string>;
	body: string;
}

const FENCE = /^---[ \t]*$/;

/**
 * Split `---`-fenced front matter of `key: value` lines from the body. Values may be wrapped in
 * single or double quotes; blank lines and `#` comment lines are ignored. Text without a leading
 * fence is all body. Throws on an unclosed fence or a line that is not `key: value`.
 */
export function parseFrontMatter(text: string): FrontMatter {
	const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
	if (!FENCE.test(lines[0] ?? '')) return { data: {}, body: text.replace(/^\uFEFF/, '') };
	const end = lines.findIndex((line, i) => i > 0 && FENCE.test(line));
	if (end < 0) throw new Error('Front matter: no closing --- fence');
	const data: Record<string, string> = {};
	for (const [i, line] of lines.slice(1, end).entries()) {
		if (/^\s*(#.*)?$/.test(line)) continue;
		const m = /^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*?)[ \t]*$/.exec(line);
		if (!m) throw new Error(`Front matter line ${i + 2}: expected "key: value", got ${JSON.stringify(line)}`);
		let value = m[2];
		if (value.length >= 2 && (value[0] === '"' || value[0] === "'") && value.at(-1) === value[0]) {
			value = value.slice(1, -1);
		}
		data[m[1]] = value;
	}
	return { data, body: lines.slice(end + 1).join('\n') };
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function escapeHtml(s: string): string {
	return s.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

const NAMED_ENTITIES: Record<string, string> = { colon: ':', tab: '\t', newline: '\n', amp: '&' };

/** Decode character references and drop whitespace/control characters, as a browser would when reading a URL scheme. */
function normaliseForSchemeCheck(href: string): string {
	return href
		.replace(/&#x([0-9a-f]+);?/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
		.replace(/&#(\d+);?/g, (_, d: string) => String.fromCodePoint(parseInt(d, 10)))
		.replace(/&([a-z]+);/gi, (m, name: string) => NAMED_ENTITIES[name.toLowerCase()] ?? m)
		.replace(/%([0-9a-f]{2})/gi, (m, h: string) => {
			const c = parseInt(h, 16);
			return c < 0x21 || c === 0x7f ? '' : m;
		})
		.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
}

type UrlKind = 'external' | 'internal' | 'mailto';

/** Classify a URL, or null if it must not be linked (placeholder, empty, or a disallowed scheme). */
function classifyUrl(href: string | null | undefined, allowMailto: boolean): UrlKind | null {
	const raw = (href ?? '').trim();
	if (raw === '' || raw === '#') return null;
	const norm = normaliseForSchemeCheck(raw);
	if (norm === '' || norm === '#') return null;
	const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(norm);
	if (scheme) {
		const s = scheme[1].toLowerCase();
		if (s === 'http' || s === 'https') return 'external';
		if (s === 'mailto' && allowMailto) return 'mailto';
		return null;
	}
	// A ':' before any '/', '?' or '#' would still be read as a scheme by some parsers: refuse.
	if (/^[^/?#]*:/.test(norm)) return null;
	if (norm.startsWith('//') || norm.startsWith('\\\\') || norm.startsWith('/\\')) return 'external';
	return 'internal';
}

const marked = new Marked({
	gfm: true,
	breaks: false,
	async: false,
	renderer: {
		html({ text }: Tokens.HTML | Tokens.Tag): string {
			return escapeHtml(text);
		},
		link({ href, title, tokens }: Tokens.Link): string {
			const inner = this.parser.parseInline(tokens);
			const kind = classifyUrl(href, true);
			if (!kind) return inner;
			const titleAttr = title ? ` title="${escapeHtml(title)}"` : '';
			const rel = kind === 'external' ? ' rel="noopener noreferrer"' : '';
			return `<a href="${escapeHtml(href.trim())}"${titleAttr}${rel}>${inner}</a>`;
		},
		image({ href, title, text }: Tokens.Image): string {
			const kind = classifyUrl(href, false);
			if (!kind) return escapeHtml(text);
			const titleAttr = title ? ` title="${escapeHtml(title)}"` : '';
			return `<img src="${escapeHtml(href.trim())}" alt="${escapeHtml(text)}"${titleAttr}>`;
		}
	}
});

/** Render markdown to sanitised HTML (see the module comment for the rules). */
export function renderMarkdown(md: string): string {
	return marked.parse(md, { async: false });
}

const FILES = import.meta.glob('/src/content/*.md', {
	query: '?raw',
	import: 'default',
	eager: true
}) as Record<string, string>;

/** Build sections from a map of path → file text; exported for tests. */
export function sectionsFromFiles(files: Record<string, string>): Section[] {
	const sections = Object.entries(files).map(([path, text]): Section => {
		const slug = path.replace(/^.*\//, '').replace(/\.md$/, '');
		const { data, body } = parseFrontMatter(text);
		const heading = data.heading?.trim();
		if (!heading) throw new Error(`${path}: front matter has no heading`);
		const order = data.order === undefined || data.order === '' ? Number.POSITIVE_INFINITY : Number(data.order);
		if (Number.isNaN(order)) throw new Error(`${path}: order ${JSON.stringify(data.order)} is not a number`);
		return { slug, heading, order, html: renderMarkdown(body) };
	});
	return sections.sort((a, b) => a.order - b.order || a.slug.localeCompare(b.slug));
}

/** The sections in src/content/*.md, ordered by their `order:` front matter. */
export function loadSections(): Section[] {
	return sectionsFromFiles(FILES);
}
