/**
 * How the CSV toolkit and the checkers built on it show a file's values in a message, so every
 * message quotes the same way.
 */
import { escapeUnprintable } from '../data/problems';

/** Quote a value for a message (controls escaped, so the message shows what is in the file). */
export const showValue = (value: string): string =>
	escapeUnprintable(JSON.stringify(value.length > 120 ? value.slice(0, 117) + '...' : value));
/** Column names for a message: "a", "b". */
export const quoteNames = (names: readonly string[]) => names.map((n) => `"${n}"`).join(', ');
