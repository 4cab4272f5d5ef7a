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
  const n = WORDS.length;
  const i = next++;
  // Each index is taken modulo n, so it is always in range.
  const word = (k: number) => WORDS[k % n] ?? '';
  const words = [word(i), word(Math.floor(i / n)), word(Math.floor(i / (n * n)))];
  // Beyond n³ queries the words repeat: the round number keeps every path distinct.
  const round = Math.floor(i / (n * n * n));
  return `/v1/search?q=${encodeURIComponent(words.join(' '))}${round > 0 ? `&offset=${round}` : ''}`;
}

/** Where every such path starts: the ceiling answers any of them with the one recorded answer. */
export const DISTINCT_SEARCH_PREFIX = '/v1/search?q=';
