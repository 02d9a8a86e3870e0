import 'reflect-metadata';
import { loadConfig, replicaUrls } from './app-config';

describe('PUBLIC_BASE_URL', () => {
  it('follows PORT when unset', () => {
    expect(loadConfig({ PORT: '8081' }).PUBLIC_BASE_URL).toBe('http://localhost:8081');
    expect(loadConfig({}).PUBLIC_BASE_URL).toBe('http://localhost:3000');
  });

  it('is taken as given when set', () => {
    expect(
      loadConfig({ PORT: '8081', PUBLIC_BASE_URL: 'https://ledger.example' }).PUBLIC_BASE_URL,
    ).toBe('https://ledger.example');
  });
});

describe('boolean variables', () => {
  it('take yes and no words, in any case', () => {
    expect(loadConfig({ WORKER_IN_PROCESS: 'False' }).WORKER_IN_PROCESS).toBe(false);
    expect(loadConfig({ WORKER_IN_PROCESS: 'off' }).WORKER_IN_PROCESS).toBe(false);
    expect(loadConfig({ WORKER_IN_PROCESS: '1' }).WORKER_IN_PROCESS).toBe(true);
    expect(loadConfig({}).WORKER_IN_PROCESS).toBe(true);
  });

  it('refuse anything else instead of reading it as false', () => {
    expect(() => loadConfig({ WORKER_IN_PROCESS: 'ture' })).toThrow(
      /WORKER_IN_PROCESS: WORKER_IN_PROCESS must be a boolean value/,
    );
  });
});

describe('DATABASE_REPLICA_URLS', () => {
  const primary = { DATABASE_URL: 'postgres://app:secret@primary/ql' };

  it('is a list of postgres:// URLs', () => {
    const config = loadConfig({
      ...primary,
      DATABASE_REPLICA_URLS: 'postgres://app:secret@r1/ql, postgresql://app:secret@r2:5433/ql',
    });
    expect(replicaUrls(config)).toEqual([
      'postgres://app:secret@r1/ql',
      'postgresql://app:secret@r2:5433/ql',
    ]);
    expect(replicaUrls(loadConfig(primary))).toEqual([]);
  });

  it.each([
    ['mysql://r1/ql', /must be postgres:\/\/ URLs separated by commas/],
    ['postgres://r1/ql,', /must be postgres:\/\/ URLs separated by commas/],
    ['postgres://r1/ql postgres://r2/ql', /must be postgres:\/\/ URLs separated by commas/],
    ['postgres://app:secret@[bad/ql', /not a URL: postgres:\/\/app:\*\*\*@\[bad\/ql/],
  ])('refuses %j', (value, message) => {
    expect(() => loadConfig({ ...primary, DATABASE_REPLICA_URLS: value })).toThrow(message);
  });

  it('needs DATABASE_URL: the embedded server has no replicas', () => {
    expect(() => loadConfig({ DATABASE_REPLICA_URLS: 'postgres://r1/ql' })).toThrow(
      /DATABASE_REPLICA_URLS: needs DATABASE_URL/,
    );
  });
});
