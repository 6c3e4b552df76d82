// The framework profiles (src/engine/profiles): each is filed under its id, and the words
// shown to users say what the profile's fix recipe writes.
import { strict as assert } from 'node:assert';
import { keyWords } from '../../../src/engine/groups';
import { PROFILES, profileById, tlsAdvice, type KeyWrite, type TlsTarget } from '../../../src/engine/profiles';

const words = (text: string): string => ` ${keyWords(text).join(' ')} `;

describe('framework profiles', () => {
  it('are filed under their own ids, once each, with the generic profile matched last', () => {
    const ids = PROFILES.map((profile) => profile.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const profile of PROFILES) assert.equal(profileById(profile.id), profile);
    assert.equal(ids[ids.length - 1], 'generic');
  });

  it('tell users to set the keys their fix adds, with the values it writes', () => {
    for (const profile of PROFILES) {
      for (const target of ['starttls', 'implicit'] as TlsTarget[]) {
        const writes = profile.tlsRecipe[target];
        const said = profile.howTo?.[target];
        if (!writes || !said) continue;
        const added = writes.keys.filter((write: KeyWrite) => write.add);
        for (const write of added) {
          assert.ok(words(said).includes(` ${write.key} `), `${profile.id} ${target}: "${said}" names ${write.key}`);
          if (typeof write.value === 'string' && write.value) {
            assert.ok(words(said).includes(words(write.value)), `${profile.id} ${target}: "${said}" says ${write.value}`);
          }
        }
      }
    }
  });

  it('give the probe advice in the framework’s own words', () => {
    assert.equal(tlsAdvice('laravel', 'implicit'), 'Laravel: set MAIL_SCHEME=smtps');
    assert.match(tlsAdvice('spring', 'implicit') ?? '', /spring\.mail\.properties\.mail\.smtp\.ssl\.enable=true/);
    assert.equal(tlsAdvice('gotrue', 'starttls'), undefined);
  });
});
