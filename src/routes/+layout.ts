// Every page is prerendered to static HTML+SVG at build time.
export const prerender = true;
export const trailingSlash = 'never';
