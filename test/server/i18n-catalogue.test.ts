import { expect } from 'chai';
import { CATALOGUE, LANGUAGE_INFO, LANGUAGES, missingKeys, pickLanguage } from '../../common/i18n';
import { loadTexts } from '../../common/i18n/load';
import { en } from '../../common/i18n/en';

describe('translation catalogue (common/i18n)', () => {
  for (const language of LANGUAGES.filter((l) => l !== 'en')) {
    it(`${language} has every text English has`, () => {
      expect(missingKeys(en, CATALOGUE[language]), `missing in ${language}`).to.deep.equal([]);
    });
    it(`${language} has no text English lacks (a key left behind after a rename)`, () => {
      expect(missingKeys(CATALOGUE[language], en).filter((k) => !k.includes('(')), `extra in ${language}`).to.deep.equal([]);
    });
  }

  it('names each language and its direction the same in the small list and in its own file, and loads each on demand', async () => {
    for (const language of LANGUAGES) {
      expect(LANGUAGE_INFO[language].name, language).to.equal(CATALOGUE[language].languageName);
      expect(LANGUAGE_INFO[language].dir, language).to.equal(CATALOGUE[language].dir);
      expect(JSON.stringify(await loadTexts(language)), `${language} loads on demand`).to.equal(JSON.stringify(CATALOGUE[language]));
    }
    expect((await loadTexts('xx')).languageName, 'an unknown language loads English').to.equal('English');
  });

  it('finds a missing key anywhere in the tree', () => {
    const broken = { ...en, book: { ...en.book, errors: { ...en.book.errors } } } as Record<string, unknown>;
    delete (broken.book as { errors: Record<string, string> }).errors.slot_taken;
    delete broken.printed;
    expect(missingKeys(en, broken)).to.deep.equal(['printed', 'book.errors.slot_taken']);
  });

  it('picks ?lang=, then the recorded language, then Accept-Language, then English', () => {
    expect(pickLanguage(['ar', 'es'], 'en')).to.equal('ar');
    expect(pickLanguage(['xx', 'es'], 'ar')).to.equal('es');
    expect(pickLanguage([undefined, null], 'fr-FR,es;q=0.8,en;q=0.5')).to.equal('es');
    expect(pickLanguage([], 'ar-EG,ar;q=0.9')).to.equal('ar');
    expect(pickLanguage([], 'de, fr;q=0.5')).to.equal('en');
    expect(pickLanguage([], undefined)).to.equal('en');
  });

  it('writes Arabic right to left and the others left to right', () => {
    expect(LANGUAGES.map((l) => CATALOGUE[l].dir)).to.deep.equal(['ltr', 'ltr', 'rtl']);
  });
});
