// SearchSampleQueries over the Lake console's sample queries (lake-samples.ts). Lake ranks by a semantic
// model; here the relevance is a term-overlap score: each word of the phrase counts as much as it is rare
// among the samples (inverse document frequency) and as where it is found (name over description over
// SQL), normalised to 0–1, so a phrase whose every word is in a sample's name scores 1. Limits
// (API_SearchSampleQueries.html): SearchPhrase 2–1000 characters of printable ASCII and newlines,
// MaxResults 1–50 (default 10), NextToken 4–1000 characters.
import { LAKE_SAMPLE_QUERIES, type LakeSampleQuery } from './lake-samples';

export const SEARCH_PHRASE_MIN = 2;
export const SEARCH_PHRASE_MAX = 1000;
export const SEARCH_PHRASE_PATTERN = /^[ -~\n]*$/;
export const SEARCH_MAX_RESULTS = 50;
export const SEARCH_DEFAULT_RESULTS = 10;
export const SEARCH_TOKEN_MIN = 4;
export const SEARCH_TOKEN_MAX = 1000;

export interface SampleSearchResult {
  Name: string;
  Description: string;
  SQL: string;
  /** 0–1: how much of the phrase the sample matches. */
  Relevance: number;
}

/** Why a search phrase is refused (InvalidParameterException), or undefined. */
export function searchPhraseError(phrase: string): string | undefined {
  if (phrase.length < SEARCH_PHRASE_MIN || phrase.length > SEARCH_PHRASE_MAX) {
    return `SearchPhrase must be ${SEARCH_PHRASE_MIN} to ${SEARCH_PHRASE_MAX} characters; it has ${phrase.length}.`;
  }
  if (!SEARCH_PHRASE_PATTERN.test(phrase)) {
    return 'SearchPhrase must be English text: printable ASCII characters and line breaks only.';
  }
  return undefined;
}

// Words that say nothing about which sample is meant.
const STOP_WORDS = new Set(
  'a an and are as at be by do does did for from get give has have how i in is it me my of on or our show that the their them these this those to was were what when where which who whom why will with you your'.split(
    ' ',
  ),
);

/** A word reduced to a crude stem: lower case, a plural or -ing/-ed ending dropped. */
function stem(word: string): string {
  if (word.length > 5 && word.endsWith('ing')) return word.slice(0, -3);
  if (word.length > 4 && word.endsWith('ed')) return word.slice(0, -2);
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/** The stems of a text's words: camelCase and snake_case split, stop words dropped. */
export function searchTerms(text: string): string[] {
  const words = text
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '' && !STOP_WORDS.has(w));
  return words.map(stem);
}

/** One stem matches another when equal, or when one begins the other and both have 4 letters or more. */
const matches = (term: string, word: string) =>
  term === word || (term.length >= 4 && word.length >= 4 && (word.startsWith(term) || term.startsWith(word)));

const FIELD_WEIGHTS = { name: 3, description: 2, sql: 1 } as const;
const MAX_WEIGHT = FIELD_WEIGHTS.name;

interface IndexedSample {
  sample: LakeSampleQuery;
  fields: Array<{ weight: number; words: string[] }>;
}

function indexSamples(samples: readonly LakeSampleQuery[]): IndexedSample[] {
  return samples.map((sample) => ({
    sample,
    fields: [
      { weight: FIELD_WEIGHTS.name, words: searchTerms(sample.name) },
      { weight: FIELD_WEIGHTS.description, words: searchTerms(sample.description) },
      { weight: FIELD_WEIGHTS.sql, words: searchTerms(sample.sql) },
    ],
  }));
}

/** The weight of the best field a term is found in, 0 when none. */
const termWeight = (indexed: IndexedSample, term: string) =>
  Math.max(0, ...indexed.fields.filter((f) => f.words.some((w) => matches(term, w))).map((f) => f.weight));

/**
 * The samples that match a phrase, most relevant first (ties in the samples' own order); samples sharing no
 * word with the phrase are left out.
 */
export function searchSampleQueries(
  phrase: string,
  samples: readonly LakeSampleQuery[] = LAKE_SAMPLE_QUERIES,
): SampleSearchResult[] {
  // A phrase of stop words alone ("show me all of them") still searches by those words.
  const stems = searchTerms(phrase);
  const terms = [
    ...new Set(
      stems.length > 0
        ? stems
        : phrase
            .toLowerCase()
            .split(/[^a-z0-9]+/)
            .filter(Boolean),
    ),
  ];
  if (terms.length === 0) return [];
  const indexed = indexSamples(samples);
  // Inverse document frequency: a word every sample has (SELECT, FROM) tells them apart least.
  const idf = new Map(
    terms.map((term) => {
      const holding = indexed.filter((s) => termWeight(s, term) > 0).length;
      return [term, Math.log(1 + indexed.length / (1 + holding))];
    }),
  );
  const total = terms.reduce((sum, term) => sum + idf.get(term)! * MAX_WEIGHT, 0);
  return indexed
    .map((s, order) => {
      const score = terms.reduce((sum, term) => sum + idf.get(term)! * termWeight(s, term), 0);
      return { s, order, relevance: Math.round((score / total) * 10_000) / 10_000 };
    })
    .filter((r) => r.relevance > 0)
    .sort((a, b) => b.relevance - a.relevance || a.order - b.order)
    .map(({ s, relevance }) => ({
      Name: s.sample.name,
      Description: s.sample.description,
      SQL: s.sample.sql,
      Relevance: relevance,
    }));
}
