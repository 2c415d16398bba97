const WORDS = ['This', ' is', ' a', ' stand-in', ' reply', ' from', ' a', ' fake', ' provider.'];

/** The reply split into `count` pieces (at least one), one per stream content chunk. */
export function standInTextPieces(count: number): string[] {
  return Array.from({ length: Math.max(1, Math.floor(count)) }, (_, index) => {
    const word = WORDS[index % WORDS.length] ?? '';
    return index === 0 ? word.trimStart() : word;
  });
}
