/**
 * A file's bytes, as they stream in, cut into pieces that end just after a line feed (the last
 * piece ends where the file does). LF (0x0A) is never part of a longer UTF-8 sequence and a CR LF
 * pair never straddles two pieces, so each piece decodes and normalises on its own and its lines
 * are whole. Part of the CSV toolkit (lib/csv): the piece-by-piece reader (./read) and the
 * workbench's load worker read files through it.
 */
export async function* piecesAtLineEnds(
	chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>
): AsyncGenerator<{ bytes: Uint8Array; final: boolean }> {
	let carry: Uint8Array = new Uint8Array(0);
	for await (const chunk of chunks) {
		const lastLf = chunk.lastIndexOf(10);
		if (lastLf === -1) {
			carry = concatBytes(carry, chunk);
			continue;
		}
		yield { bytes: concatBytes(carry, chunk.subarray(0, lastLf + 1)), final: false };
		carry = chunk.slice(lastLf + 1);
	}
	yield { bytes: carry, final: true };
}

function concatBytes(a: Uint8Array, b: Uint8Array): Uint8Array {
	if (a.length === 0) return b;
	const joined = new Uint8Array(a.length + b.length);
	joined.set(a);
	joined.set(b, a.length);
	return joined;
}
