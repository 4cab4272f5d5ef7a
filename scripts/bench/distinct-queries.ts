// Search queries that never repeat within a bench process, so that no per-URL cache can answer
// one: three words drawn from the content's vocabulary, counted through every combination.
const WORDS = `numb lonely withdrawn detached partner anxious stress burnout journaling mindfulness trust empathy
  crying tired motivation routine boundaries therapy counselling support group friends family work moving
  grief trauma breakup alcohol recovery sleep focus memory guilt shame empty disconnected invisible cold
  distant affection communication listening volunteering exercise walking music art diary triggers
  relapse depression worry irritable restless silent ghosting texts hobbies community resilience`.split(/\s+/);

let next = 0;

/** A new search path each call, for the life of the process. */
export function distinctSearchPath(): string {
  return searchPath(next++);
}

/**
 * The same `count` search paths over and over: hundreds of distinct queries, as a busy search box
 * sends them, each answered from the cache once it has been asked for twice.
 */
export function cyclingSearchPaths(count: number): () => string {
  let i = 0;
  // Two words each, so they never meet the distinct scenario's three-word queries.
  return () => {
    const k = i++ % count;
    return `${CYCLING_SEARCH_PREFIX}${encodeURIComponent(`${word(k)} ${word(Math.floor(k / WORDS.length) + 1)}`)}`;
  };
}

// Each index is taken modulo the word count, so it is always in range.
const word = (k: number) => WORDS[k % WORDS.length] ?? '';

function searchPath(i: number): string {
  const n = WORDS.length;
  const words = [word(i), word(Math.floor(i / n)), word(Math.floor(i / (n * n)))];
  // Beyond n³ queries the words repeat: the round number keeps every path distinct.
  const round = Math.floor(i / (n * n * n));
  return `/v1/search?q=${encodeURIComponent(words.join(' '))}${round > 0 ? `&offset=${round}` : ''}`;
}

/** Where every such path starts: the ceiling answers any of them with the one recorded answer. */
export const DISTINCT_SEARCH_PREFIX = '/v1/search?q=';

/**
 * Where the cycled paths start: `limit=20` is the default, so the answers are the same as without
 * it, but the ceiling can tell the two families of paths apart.
 */
export const CYCLING_SEARCH_PREFIX = '/v1/search?limit=20&q=';
