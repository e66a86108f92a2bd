// SearchSampleQueries: the Lake console's sample queries ranked against a phrase (the ranking is
// domain/lake-sample-search.ts), paged with NextToken. Its only client error is InvalidParameterException.
import {
  SEARCH_DEFAULT_RESULTS,
  SEARCH_MAX_RESULTS,
  SEARCH_TOKEN_MAX,
  SEARCH_TOKEN_MIN,
  searchPhraseError,
  searchSampleQueries,
} from '@/domain/lake-sample-search';
import type { Operation } from '../../context';
import { ServiceError } from '../../errors';
import {
  decodeIndexToken,
  encodeIndexToken,
  optionalInteger,
  optionalString,
  requiredString,
} from '../input';

const invalid = (message: string) => new ServiceError('InvalidParameterException', message);

export const sampleQueryOperations: Record<string, Operation> = {
  SearchSampleQueries(input) {
    const phrase = requiredString(input.SearchPhrase, 'SearchPhrase', invalid);
    const problem = searchPhraseError(phrase);
    if (problem) throw invalid(problem);
    const max = optionalInteger(input.MaxResults, 'MaxResults', invalid) ?? SEARCH_DEFAULT_RESULTS;
    if (max < 1 || max > SEARCH_MAX_RESULTS) {
      throw invalid(`MaxResults must be between 1 and ${SEARCH_MAX_RESULTS}.`);
    }
    const token = optionalString(input.NextToken, 'NextToken', invalid);
    if (token !== undefined && (token.length < SEARCH_TOKEN_MIN || token.length > SEARCH_TOKEN_MAX)) {
      throw invalid(`NextToken must be ${SEARCH_TOKEN_MIN} to ${SEARCH_TOKEN_MAX} characters.`);
    }
    const start = token === undefined ? 0 : decodeIndexToken(token, invalid);
    const results = searchSampleQueries(phrase);
    return {
      SearchResults: results.slice(start, start + max),
      ...(start + max < results.length ? { NextToken: encodeIndexToken(start + max) } : {}),
    };
  },
};
