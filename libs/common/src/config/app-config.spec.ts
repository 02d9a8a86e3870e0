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
