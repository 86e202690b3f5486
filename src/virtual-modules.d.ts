/** The data snapshot's asset URLs, one per table (scripts/vite-data-snapshot.ts). */
declare module 'virtual:data-snapshot' {
	const urls: Record<string, string>;
	export default urls;
}
