/**
 * Strict UTF-8 decoding for CSV files: the text, and where any byte that is not UTF-8 sits (its
 * physical line and field), so a message can point at it. Part of the CSV toolkit (lib/csv),
 * shared by the data validator, the contacts checker and the workbench's load worker.
 */

/**
 * Byte offsets at which strict UTF-8 decoding of `bytes` fails, one per invalid sequence (a
 * truncated, overlong or surrogate sequence counts from its first byte; the bytes it did accept
 * are skipped).
 */
export function invalidUtf8Offsets(bytes: Uint8Array): number[] {
	const bad: number[] = [];
	const n = bytes.length;
	let i = 0;
	while (i < n) {
		const c = bytes[i];
		if (c < 0x80) {
			i++;
			continue;
		}
		let need: number;
		let lo = 0x80;
		let hi = 0xbf;
		if (c >= 0xc2 && c <= 0xdf) need = 1;
		else if (c >= 0xe0 && c <= 0xef) {
			need = 2;
			if (c === 0xe0) lo = 0xa0;
			if (c === 0xed) hi = 0x9f;
		} else if (c >= 0xf0 && c <= 0xf4) {
			need = 3;
			if (c === 0xf0) lo = 0x90;
			if (c === 0xf4) hi = 0x8f;
		} else {
			bad.push(i++);
			continue;
		}
		let k = 1;
		for (; k <= need; k++) {
			const d = i + k < n ? bytes[i + k] : -1;
			if (k === 1 ? d < lo || d > hi : d < 0x80 || d > 0xbf) break;
		}
		if (k <= need) bad.push(i);
		i += k;
	}
	return bad;
}

/** A byte that is not UTF-8: the 1-based physical line and field holding it, and its value. */
export interface BadUtf8 {
	line: number;
	column: number;
	byte: number;
}

/**
 * Decode UTF-8 bytes strictly (a leading BOM is dropped). `text` has U+FFFD for each sequence
 * that is not UTF-8; `bad` locates the first such byte on each line holding one, for at most
 * `maxLines` lines, in file order (empty when the bytes are all UTF-8). `keepBom`: the bytes are
 * a later piece of a file, so a leading U+FEFF is text, not a byte-order mark.
 */
export function decodeUtf8(
	bytes: Uint8Array,
	maxLines = Infinity,
	options: { keepBom?: boolean } = {}
): { text: string; bad: BadUtf8[] } {
	const ignoreBOM = options.keepBom ?? false;
	try {
		return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM }).decode(bytes), bad: [] };
	} catch (error) {
		// Only a decoding error means bytes that are not UTF-8; anything else (a string too long
		// for the engine) is not the file's fault and must not be reported as if it were.
		if (!(error instanceof TypeError)) throw error;
		const bad: BadUtf8[] = [];
		let line = 1;
		let lineStart = 0;
		let scanned = 0;
		for (const offset of invalidUtf8Offsets(bytes)) {
			for (; scanned < offset; scanned++) {
				if (bytes[scanned] === 0x0a) {
					line++;
					lineStart = scanned + 1;
				}
			}
			if (bad.length > 0 && bad[bad.length - 1].line === line) continue;
			if (bad.length >= maxLines) break;
			// The field: commas outside double quotes from the start of the physical line.
			let column = 1;
			let quoted = false;
			for (let k = lineStart; k < offset; k++) {
				if (bytes[k] === 0x22) quoted = !quoted;
				else if (bytes[k] === 0x2c && !quoted) column++;
			}
			bad.push({ line, column, byte: bytes[offset] });
		}
		return { text: new TextDecoder('utf-8', { ignoreBOM }).decode(bytes), bad };
	}
}
