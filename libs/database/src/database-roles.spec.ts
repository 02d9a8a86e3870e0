import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appRolePassword, appRolePasswordFile, withCredentials } from './database-roles';

describe('the embedded app role password file', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'ql-password-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is made once, readable by this user only, and read back after', () => {
    const file = appRolePasswordFile(join(dir, 'data'));
    const password = appRolePassword(file);
    expect(password).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(appRolePassword(file)).toBe(password);
    expect(readFileSync(file, 'utf8')).toBe(`${password}\n`);
  });

  it('replaces an empty file and tightens a readable one', () => {
    const file = appRolePasswordFile(dir);
    writeFileSync(file, '\n');
    const password = appRolePassword(file);
    expect(password).toHaveLength(32);
    chmodSync(file, 0o644);
    expect(appRolePassword(file)).toBe(password);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });
});

describe('withCredentials', () => {
  it('sets the user and password of a connection string, escaped', () => {
    expect(withCredentials('postgres://postgres:postgres@127.0.0.1:5432/db', 'app', 'a/b@c')).toBe(
      'postgres://app:a%2Fb%40c@127.0.0.1:5432/db',
    );
  });
});
