/** The built site's pages, read from build/ (scripts/built-pages): the browser tests' page lists. */
export { builtPages, onePagePerTemplate, overviewPages, pagePath } from '../../scripts/built-pages';
