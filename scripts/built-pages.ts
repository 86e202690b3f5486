/**
 * Every page of a built site, read from its prerendered .html files, so the browser tests' page
 * lists and the page benchmark cover a new page without editing a list. Paths are as the site
 * links them: "/", "/methodology", "/areas/E08000026/" (a folder's index.html keeps its slash).
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

function htmlFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return name === '_app' ? [] : htmlFiles(path);
		return name.endsWith('.html') ? [path] : [];
	});
}

/** The page path of a prerendered file: index.html is its folder, x.html is /x. */
export function pagePath(file: string, root = 'build'): string {
	const rel = relative(root, file).split(sep).join('/');
	if (rel === 'index.html') return '/';
	if (rel.endsWith('/index.html')) return `/${rel.slice(0, -'index.html'.length)}`;
	return `/${rel.replace(/\.html$/, '')}`;
}

export function builtPages(root = 'build'): string[] {
	return htmlFiles(root)
		.map((f) => pagePath(f, root))
		.sort();
}

/** The overview pages: / and every /areas/{code}/. */
export const overviewPages = (root = 'build') => builtPages(root).filter((p) => p === '/' || p.startsWith('/areas/'));

/**
 * One page per page template: every top-level page, and the first page of each folder of pages
 * made from one route (the /areas/*, /indicators/*, /embed/indicators/* families). For checks
 * that need every template but not every instance of it.
 */
export function onePagePerTemplate(pages: readonly string[]): string[] {
	const seen = new Set<string>();
	return pages.filter((p) => {
		const folder = p.replace(/\/$/, '').replace(/\/[^/]*$/, '');
		if (folder === '') return true;
		if (seen.has(folder)) return false;
		seen.add(folder);
		return true;
	});
}
