/** The Refine filter's placeholder, shared by the filter and its stand-in while it loads. */
export const REFINE_PLACEHOLDER =
  'Refine: error code, source IP address, AWS region, user agent, identity, request parameters…';
