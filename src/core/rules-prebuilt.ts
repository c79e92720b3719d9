// The check phrases filed by rules-index.ts, as JSON text (PhraseIndexData). build.mjs replaces
// this file in the bundle with the filed index, so the built tool does not file hundreds of
// phrases at start-up; here (tests, tsc) it is empty and rules-index.ts files them on first use.
export const PREBUILT_PHRASE_INDEX: string | null = null;
