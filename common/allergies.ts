/**
 * Matching a medicine against a patient's recorded allergies, shared by the server (which refuses an unconfirmed
 * match) and the staff panel (which can warn while the doctor types).
 *
 * The rule is a case-insensitive WORD match: "Penicillin V 250 mg" matches an allergy "penicillin (rash)", and a
 * plural matches its singular ("penicillins"). It does not know drug classes: amoxicillin does not match a
 * penicillin allergy. It is a safety net for the obvious case, not a pharmacological check.
 */

/** Words that describe an allergy rather than name what the patient reacts to. */
const NOT_SUBSTANCES = new Set([
  'allergy', 'allergies', 'allergic', 'intolerance', 'intolerant', 'sensitivity', 'reaction', 'reactions',
  'severe', 'mild', 'moderate', 'rash', 'hives', 'anaphylaxis', 'swelling', 'itching', 'nausea', 'vomiting',
  'known', 'none', 'nkda', 'nka', 'drug', 'drugs', 'medicine', 'medicines', 'medication', 'medications',
  'and', 'or', 'with', 'the', 'to', 'of', 'no', 'not', 'all', 'any', 'tablet', 'tablets', 'cream', 'oral',
]);

/** Lower-case words of at least three letters or digits (Unicode-aware: "Pénicilline" is one word). */
function words(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => w.length >= 3);
}

/** A word and its singular, so "penicillins" meets "penicillin". */
function forms(word: string): string[] {
  return word.length > 3 && word.endsWith('s') ? [word, word.slice(0, -1)] : [word];
}

/**
 * The recorded allergies, one entry per item of the free text (split on commas, semicolons, slashes and new lines),
 * each with the words that name a substance.
 */
export function parseAllergies(allergies: string | null | undefined): { allergy: string; words: Set<string> }[] {
  if (!allergies) return [];
  return allergies
    .split(/[,;/\n]+/)
    .map((item) => item.trim())
    .filter(Boolean)
    .map((allergy) => ({
      allergy,
      words: new Set(words(allergy).filter((w) => !NOT_SUBSTANCES.has(w)).flatMap(forms)),
    }))
    .filter((entry) => entry.words.size > 0);
}

/** The recorded allergies (as written) that `medicine` matches; empty when none. */
export function allergyMatches(medicine: string, allergies: string | null | undefined): string[] {
  const parsed = parseAllergies(allergies);
  if (!parsed.length) return [];
  const medicineWords = words(medicine).flatMap(forms);
  return parsed.filter((entry) => medicineWords.some((w) => entry.words.has(w))).map((entry) => entry.allergy);
}
