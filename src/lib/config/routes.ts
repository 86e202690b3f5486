/**
 * The site's pages, read from the route folders (import.meta.glob over src/routes), so a new
 * top-level page joins the main navigation without editing a list. Only the words for each link
 * are kept here; a page with none is named from its folder.
 */

/** Keys only: the glob is lazy, so no page's code is loaded by reading them. */
const PAGE_FILES = Object.keys(import.meta.glob('/src/routes/**/+page.svelte'));

/** Link words for pages whose folder name is not the word wanted. */
const LABELS: Record<string, string> = {
	'/': 'Overview',
	'/workbench': 'Workbench',
	'/report': 'Progress report'
};

/** Pages served as a folder (trailingSlash 'always'): their address ends in a slash, e.g. /report/. */
const FOLDER_PAGES = new Set(['/report']);

/** Route ids (as SvelteKit's page.route.id) of every page, e.g. "/", "/areas/[code]", "/methodology". */
export function routeIds(files: readonly string[] = PAGE_FILES): string[] {
	return files
		.map((f) => f.replace(/^\/src\/routes/, '').replace(/\/\+page\.svelte$/, '') || '/')
		.map((id) => id.replace(/\/\([^)]+\)/g, '') || '/')
		.sort();
}

export interface NavLink {
	route: string;
	label: string;
	/** The address ends in "/" (the page is a folder's index.html). */
	slash: boolean;
}

/**
 * The main navigation: the home page, then every top-level page with a fixed URL (no parameter,
 * not an embed), in alphabetical order.
 */
export function navLinks(ids: readonly string[] = routeIds()): NavLink[] {
	const top = ids.filter((id) => id !== '/' && /^\/[a-z0-9-]+$/.test(id) && id !== '/embed');
	const words = (id: string) => LABELS[id] ?? id.slice(1).replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());
	return [...(ids.includes('/') ? ['/'] : []), ...top].map((route) => ({ route, label: words(route), slash: FOLDER_PAGES.has(route) }));
}
