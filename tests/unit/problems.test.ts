/** The problem log: bounded memory, counts per kind, and the summary line after each kind. */
import { describe, expect, it } from 'vitest';
import { ProblemLog, escapeUnprintable, formatProblem, problemCount, problemTotal } from '../../src/lib/data/problems';

const p = (file: string, line: number, column: number, problem: string) => ({ file, line, column, problem, fix: 'fix it' });
/** The formatted list of a log with these limits, given these [file, line, column, problem] in turn. */
const listed = (perKind: number, maxKept: number, ...added: [string, number, number, string][]) => {
	const log = new ProblemLog(perKind, maxKept);
	for (const a of added) log.add(p(...a));
	return log.list().map(formatProblem);
};

describe('ProblemLog', () => {
	it('keeps 100 of a kind (values and numbers aside), then counts, with a singular for one more', () => {
		const log = new ProblemLog();
		for (let line = 2; line <= 102; line++) log.add(p('a.csv', line, 4, `value "${line}" on line ${line} is bad`));
		const list = log.list();
		expect(list).toHaveLength(101);
		expect(formatProblem(list[99])).toBe('a.csv:101:4: value "101" on line 101 is bad (fix it)');
		expect(formatProblem(list[100])).toBe('… and 1 more problem of the same kind');
		expect(log.count).toBe(101);
		expect(problemCount(list)).toBe(101);
		expect(problemTotal(list)).toBe('101 problems');
	});

	it('another file, column or wording is another kind, each kept in full up to its own limit', () => {
		const list = listed(2, 300, ['a.csv', 3, 1, 'is bad'], ['b.csv', 2, 1, 'is bad'], ['a.csv', 2, 2, 'is bad'], ['a.csv', 4, 1, 'is worse'], ['a.csv', 5, 1, 'is bad'], ['a.csv', 6, 1, 'is bad']);
		expect(list).toEqual([
			'a.csv:2:2: is bad (fix it)',
			'a.csv:3:1: is bad (fix it)',
			'a.csv:4:1: is worse (fix it)',
			'a.csv:5:1: is bad (fix it)',
			'… and 1 more problem of the same kind',
			'b.csv:2:1: is bad (fix it)'
		]);
	});

	it('past the overall limit, the first of each new kind is still kept', () => {
		const list = listed(100, 2, ['a.csv', 2, 1, 'one'], ['a.csv', 3, 1, 'one'], ['a.csv', 4, 1, 'one'], ['a.csv', 5, 1, 'two']);
		expect(list).toEqual([
			'a.csv:2:1: one (fix it)',
			'a.csv:3:1: one (fix it)',
			'… and 1 more problem of the same kind',
			'a.csv:5:1: two (fix it)'
		]);
	});

	it('thousands separators in the summary', () => {
		expect(formatProblem({ ...p('a.csv', 1, 1, 'x'), more: 129_871 })).toBe('… and 129,871 more problems of the same kind');
	});
});

describe('escapeUnprintable', () => {
	it('writes controls and bidirectional controls as \\uXXXX, leaves other text alone', () => {
		expect(escapeUnprintable('a\u0000b\u202Ec\u2066d\u0085é\t')).toBe('a\\u0000b\\u202ec\\u2066d\\u0085é\\u0009');
	});
});
