/** The framework's pillars in words, shared by the overview and the methodology page. */
import type { Pillar } from '../data/contract';

export const PILLAR_WORDS: Record<Pillar, { title: string; question: string; text: string }> = {
	prevented: {
		title: 'Prevented',
		question: 'Are fewer people sleeping rough for the first time?',
		text: 'Rough sleeping is prevented wherever possible: fewer people sleep rough for the first time, and fewer arrive on the streets from prison, hospital, care or other institutions.'
	},
	rare: {
		title: 'Rare',
		question: 'Are fewer people sleeping rough?',
		text: 'Where it happens, rough sleeping is rare: few people sleep rough in a month or on any one night.'
	},
	brief: {
		title: 'Brief',
		question: 'Are fewer people sleeping rough for long?',
		text: 'Where it happens, it is brief: few people sleep rough for long, and people move quickly into accommodation.'
	},
	non_recurring: {
		title: 'Non-recurring',
		question: 'Are fewer people returning to rough sleeping?',
		text: 'It does not recur: few people return to rough sleeping, especially after moving into a settled home.'
	},
	context: {
		title: 'Context',
		question: 'What helps read the other figures?',
		text: 'Measures that help read the others, such as the Housing First pilot.'
	}
};
