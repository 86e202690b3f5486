/**
 * Run `before` when the browser starts printing and `after` when it has finished (the
 * beforeprint/afterprint events), e.g. to open folded content so it is on paper. Returns the
 * clean-up, for onMount.
 */
export function aroundPrinting(before: () => void, after: () => void): () => void {
	window.addEventListener('beforeprint', before);
	window.addEventListener('afterprint', after);
	return () => {
		window.removeEventListener('beforeprint', before);
		window.removeEventListener('afterprint', after);
	};
}
