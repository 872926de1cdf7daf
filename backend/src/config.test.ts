import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

const dataDir = () => mkdtempSync(path.join(tmpdir(), 'spotlight-config-'));
const secret = 'a-production-secret-of-at-least-32-characters';

/** The problems a configuration is refused for; fails the test when it is accepted. */
function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error('the configuration was accepted');
}

describe('loadConfig', () => {
  it('has defaults for development and freezes the result', () => {
    const config = loadConfig({ DATA_DIR: dataDir() });
    expect(config).toMatchObject({
      NODE_ENV: 'development',
      PORT: 8080,
      BCRYPT_COST: 12,
      SESSION_TTL_HOURS: 24,
      LOGIN_MAX_FAILURES: 5,
      LOGIN_WINDOW_MINUTES: 15,
      STUN_SERVER: ['stun:stun.l.google.com:19302'],
      TURN_SERVER: [],
      CORS_ORIGIN: [],
      SEED_DEMO_DATA: true,
      isProduction: false,
    });
    expect(Object.isFrozen(config)).toBe(true);
    expect(Reflect.set(config, 'PORT', 1)).toBe(false);
  });

  it('treats empty values as unset', () => {
    const config = loadConfig({ DATA_DIR: dataDir(), PORT: '', BCRYPT_COST: '', REDIS_URL: '' });
    expect(config.PORT).toBe(8080);
    expect(config.BCRYPT_COST).toBe(12);
    expect(config.REDIS_URL).toBeUndefined();
  });

  it('parses lists and numbers', () => {
    const config = loadConfig({
      DATA_DIR: dataDir(),
      PORT: '3000',
      CORS_ORIGIN: 'https://a.example, https://b.example ,',
      STUN_SERVER: 'stun:one.example:3478,stun:two.example:3478',
      TURN_SERVER: 'turn:turn.example:3478',
      TURN_SECRET: 'a-turn-secret-of-16+',
      DATABASE_URL: 'postgres://user@db.example:5432/spotlight',
    });
    expect(config.PORT).toBe(3000);
    expect(config.CORS_ORIGIN).toEqual(['https://a.example', 'https://b.example']);
    expect(config.STUN_SERVER).toEqual(['stun:one.example:3478', 'stun:two.example:3478']);
    expect(config.TURN_SERVER).toEqual(['turn:turn.example:3478']);
    // Demo data goes only into the embedded database unless asked.
    expect(config.SEED_DEMO_DATA).toBe(false);
  });

  it('never loads the demo accounts in production unless asked', () => {
    const production = { DATA_DIR: dataDir(), NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) };
    // The embedded database in production: no demo accounts with the README's password.
    expect(loadConfig(production).SEED_DEMO_DATA).toBe(false);
    expect(loadConfig({ ...production, SEED_DEMO_DATA: 'true' }).SEED_DEMO_DATA).toBe(true);
  });

  it('turns STUN off when STUN_SERVER is set but empty', () => {
    expect(loadConfig({ DATA_DIR: dataDir(), STUN_SERVER: '' }).STUN_SERVER).toEqual([]);
  });

  it('fails fast, listing every problem at once', () => {
    const problems = problemsOf({
      NODE_ENV: 'production',
      PORT: 'eighty',
      BCRYPT_COST: '10',
      DATABASE_URL: 'mysql://db.example/spotlight',
      TURN_SERVER: 'turn:turn.example:3478',
      LOG_LEVEL: 'loud',
    });
    const names = problems.map((p) => p.split(':')[0]);
    expect(names.sort()).toEqual(
      ['BCRYPT_COST', 'DATABASE_URL', 'JWT_SECRET', 'LOG_LEVEL', 'PORT', 'TURN_SECRET'].sort(),
    );
    expect(problems.find((p) => p.startsWith('JWT_SECRET'))).toMatch(/required .*production/);
  });

  it('lists a missing production secret together with a bad port', () => {
    const problems = problemsOf({ NODE_ENV: 'production', PORT: '70000' });
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual(['JWT_SECRET', 'PORT']);
    try {
      loadConfig({ NODE_ENV: 'production', PORT: '70000' });
    } catch (error) {
      expect((error as Error).message).toMatch(/Invalid configuration:\n {2}- /);
      expect((error as Error).message).toContain('JWT_SECRET');
      expect((error as Error).message).toContain('PORT');
    }
  });

  it('refuses a short JWT secret and unknown enum values', () => {
    const problems = problemsOf({ DATA_DIR: dataDir(), JWT_SECRET: 'short', NODE_ENV: 'staging' });
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual(['JWT_SECRET', 'NODE_ENV']);
  });

  it('uses the given secret in production and writes nothing', () => {
    const dir = dataDir();
    const config = loadConfig({ NODE_ENV: 'production', JWT_SECRET: secret, DATA_DIR: dir });
    expect(config.isProduction).toBe(true);
    expect(config.JWT_SECRET).toBe(secret);
    expect(existsSync(path.join(dir, 'jwt-secret'))).toBe(false);
  });

  it('generates a development secret once, keeps it in DATA_DIR and reuses it', () => {
    const dir = dataDir();
    const first = loadConfig({ DATA_DIR: dir });
    const file = path.join(dir, 'jwt-secret');
    expect(first.JWT_SECRET.length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(file, 'utf8')).toBe(first.JWT_SECRET);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const second = loadConfig({ DATA_DIR: dir });
    expect(second.JWT_SECRET).toBe(first.JWT_SECRET);
    expect(loadConfig({ DATA_DIR: dataDir() }).JWT_SECRET).not.toBe(first.JWT_SECRET);
  });

  it('generates a VAPID key pair once into DATA_DIR, and takes a pair from the environment', () => {
    const dir = dataDir();
    const first = loadConfig({ DATA_DIR: dir });
    expect(Buffer.from(first.VAPID_PUBLIC_KEY, 'base64url')).toHaveLength(65);
    expect(Buffer.from(first.VAPID_PRIVATE_KEY, 'base64url')).toHaveLength(32);
    expect(statSync(path.join(dir, 'vapid.json')).mode & 0o777).toBe(0o600);
    expect(loadConfig({ DATA_DIR: dir }).VAPID_PUBLIC_KEY).toBe(first.VAPID_PUBLIC_KEY);

    const other = dataDir();
    const given = loadConfig({
      DATA_DIR: other,
      VAPID_PUBLIC_KEY: first.VAPID_PUBLIC_KEY,
      VAPID_PRIVATE_KEY: first.VAPID_PRIVATE_KEY,
    });
    expect(given.VAPID_PRIVATE_KEY).toBe(first.VAPID_PRIVATE_KEY);
    expect(existsSync(path.join(other, 'vapid.json'))).toBe(false);
    const problems = problemsOf({ DATA_DIR: other, VAPID_PUBLIC_KEY: first.VAPID_PUBLIC_KEY });
    expect(problems.map((p) => p.split(':')[0])).toEqual(['VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY']);
    expect(problemsOf({ DATA_DIR: other, VAPID_SUBJECT: 'ftp://x' })[0]).toMatch(/^VAPID_SUBJECT/);
  });
});
