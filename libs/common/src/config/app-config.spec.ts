import 'reflect-metadata';
import { loadConfig } from './app-config';

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
