import { expect } from 'chai';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ERROR_IDS, isErrorId, type ErrorId } from '../../common/errors';
import { ROOT_DIR } from '../../server/config';
import { AppError, conflict } from '../../server/errors';

/**
 * The error ids the server can send are one closed list (common/errors.ts). The compiler holds `AppError` and the
 * error factories to it; this test reads the server's source for the places an id is written as a string (thrown,
 * mapped, or put in a WebSocket `error` message) so that a new id cannot reach a client without being listed,
 * and so that the list names no id the server never sends.
 */

// An id written where the server sends it: `new AppError(409, 'x'` (or `?? 'x'`), `conflict('x'`,
// `unavailable('x'`, `notSignedIn(message, 'x')`, `{ id: 'x', message` in an error body or socket message, and
// the status map `409: 'x'` of the error handler.
const ID_SITES = [
  /new AppError\(\s*[^,()]+,\s*(?:[^,()]*\?\?\s*)?'([^']+)'/g,
  /\b(?:conflict|unavailable)\(\s*'([a-z_]+)'/g,
  /\bnotSignedIn\([^()]*,\s*'([^']+)'\s*\)/g,
  /\bid:\s*'([^']+)',?\s*message:/g,
  /^\s*\d{3}:\s*'([a-z_]+)',?$/gm,
];

/** Every id written at an id site in `source`. */
function idsIn(source: string): string[] {
  return ID_SITES.flatMap((site) => [...source.matchAll(site)].map((m) => m[1]));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

describe('error ids', () => {
  const files = sourceFiles(path.join(ROOT_DIR, 'server')).map((file) => ({
    file: path.relative(ROOT_DIR, file),
    source: readFileSync(file, 'utf8'),
  }));
  const sent = new Map<string, string>();
  for (const { file, source } of files) for (const id of idsIn(source)) if (!sent.has(id)) sent.set(id, file);

  it('finds the ids at every kind of site, including one that is not listed', () => {
    const sample = `
      throw new AppError(409, 'made_up_id', 'x');
      new AppError(status, HTTP_IDS[status] ?? 'fallback_id', message);
      throw conflict(
        'other_made_up', 'y');
      notSignedIn('Sign in.', 'third_made_up');
      send({ type: 'error', error: { id: 'socket_made_up', message: 'z' } });
      const HTTP_IDS = {
        418: 'teapot_made_up',
      };`;
    expect(idsIn(sample)).to.have.members(['made_up_id', 'fallback_id', 'other_made_up', 'third_made_up', 'socket_made_up', 'teapot_made_up']);
    expect(idsIn(sample).filter((id) => !isErrorId(id))).to.have.length(6);
  });

  it('lists every id the server sends', () => {
    // A sanity check on the scan itself: ids from services, routes, the error handler and the socket hub.
    expect([...sent.keys()]).to.include.members(['slot_taken', 'doctor_busy', 'stale_draft', 'possible_duplicate', 'bad_request', 'unknown_channel']);
    const unlisted = [...sent].filter(([id]) => !isErrorId(id)).map(([id, file]) => `${id} (${file})`);
    expect(unlisted, 'add these to ERROR_IDS in common/errors.ts').to.deep.equal([]);
  });

  it('lists no id the server never sends, and none twice', () => {
    expect(ERROR_IDS.filter((id) => !sent.has(id)), 'ids in ERROR_IDS that no server code sends').to.deep.equal([]);
    expect(new Set(ERROR_IDS).size).to.equal(ERROR_IDS.length);
  });

  it('keeps ErrorId a closed union and AppError to it', () => {
    // Compile-time: `string` must not be assignable to ErrorId (typecheck fails on this line if it is).
    const closed: string extends ErrorId ? false : true = true;
    expect(closed).to.equal(true);
    // @ts-expect-error an unlisted id does not compile
    const refused = conflict('no_such_id', 'never sent');
    expect(refused).to.be.instanceOf(AppError);
    expect(isErrorId('no_such_id')).to.equal(false);
    expect(isErrorId('slot_taken')).to.equal(true);
  });
});
