/**
 * docker-compose.yml and the Dockerfiles, checked without a Docker engine (none runs on the
 * build machines, so `docker compose config` cannot): the compose file against the Compose
 * Specification's JSON schema (dclint), the Dockerfiles with the parser the VS Code Docker
 * tools use (dockerfile-utils), and everything they point at against the repository.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { validate } from 'dockerfile-utils';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REPO_ROOT } from '../../src/config';

interface Service {
  image?: string;
  build?: { context: string; dockerfile: string; target?: string };
  environment?: Record<string, string>;
  volumes?: string[];
  healthcheck?: { test: string[] };
  profiles?: string[];
  depends_on?: Record<string, { condition: string; required?: boolean }>;
}

const read = (file: string) => readFileSync(path.join(REPO_ROOT, file), 'utf8');
const composeText = read('docker-compose.yml');
const compose = parse(composeText) as { services: Record<string, Service> };
const services = compose.services;
const envExample = new Set(
  [...read('.env.example').matchAll(/^([A-Z][A-Z0-9_]*)=/gm)].map((match) => match[1]!),
);
const dockerfiles = ['backend/Dockerfile', 'frontend/Dockerfile'];

/** Every variable the backend reads (the keys of EnvSchema in backend/src/config.ts). */
function backendVariables() {
  const source = read('backend/src/config.ts');
  const schema = source.slice(source.indexOf('const EnvSchema'), source.indexOf('\n});'));
  return [...schema.matchAll(/^ {2}([A-Z][A-Z0-9_]*):/gm)].map((match) => match[1]!);
}

/** FROM ... AS name stages of a Dockerfile. */
const stages = (dockerfile: string) =>
  [...read(dockerfile).matchAll(/^FROM\s+\S+\s+AS\s+(\S+)/gim)].map((match) => match[1]!);

describe('docker compose and the Dockerfiles', () => {
  it('docker-compose.yml is valid against the Compose Specification schema', () => {
    const result = spawnSync(
      path.join(REPO_ROOT, 'node_modules', '.bin', 'dclint'),
      ['docker-compose.yml', '--max-warnings', '0', '--color', 'false'],
      { cwd: REPO_ROOT, encoding: 'utf8' },
    );
    expect(result.status, `${result.stdout}${result.stderr}`).toBe(0);
  });

  it('has the seed’s services, with health checks everywhere', () => {
    expect(Object.keys(services).sort()).toEqual(
      ['backend', 'coturn', 'db', 'frontend', 'frontend-dev', 'nginx', 'redis'].sort(),
    );
    expect(services.nginx!.image).toMatch(/^nginx:[\d.]+-alpine$/);
    expect(services.db!.image).toBe('postgres:15-alpine');
    expect(services.coturn!.profiles).toEqual(['turn']);
    expect(services['frontend-dev']!.profiles).toEqual(['dev']);
    for (const [name, service] of Object.entries(services)) {
      expect(service.healthcheck?.test, name).toBeDefined();
    }
    expect(services.backend!.depends_on?.db?.condition).toBe('service_healthy');
    expect(services.nginx!.depends_on?.backend?.condition).toBe('service_healthy');
  });

  it('builds from Dockerfiles that parse cleanly and have the targets compose asks for', () => {
    for (const dockerfile of dockerfiles) {
      const problems = validate(read(dockerfile)).map(
        (d) => `${dockerfile}:${d.range.start.line + 1} ${d.message}`,
      );
      expect(problems).toEqual([]);
    }
    for (const [name, service] of Object.entries(services)) {
      if (!service.build) continue;
      expect(existsSync(path.join(REPO_ROOT, service.build.context)), name).toBe(true);
      const dockerfile = service.build.dockerfile;
      expect(dockerfiles, name).toContain(dockerfile);
      if (service.build.target) expect(stages(dockerfile), name).toContain(service.build.target);
    }
  });

  it('runs every image as a non-root user on Debian-based Node (bcrypt has glibc builds only)', () => {
    for (const dockerfile of dockerfiles) {
      const text = read(dockerfile);
      expect(text).toMatch(/^ARG NODE_IMAGE=node:20-bookworm-slim$/m);
      // The stages that run: the ones compose targets, and the default (last) one.
      const blocks = text.split(/^FROM /m).slice(1);
      const runtime = new Set([
        ...Object.values(services)
          .filter((service) => service.build?.dockerfile === dockerfile && service.build.target)
          .map((service) => service.build!.target!),
        stages(dockerfile).at(-1)!,
      ]);
      for (const block of blocks) {
        const name = /AS\s+(\S+)/i.exec(block)?.[1] ?? '';
        if (!runtime.has(name)) continue;
        expect(block, `${dockerfile} stage ${name}`).toMatch(/^USER (node|nginx)$/m);
        expect(block, `${dockerfile} stage ${name}`).toMatch(/^HEALTHCHECK /m);
      }
    }
  });

  it('copies only files that exist into the images, and keeps local junk out', () => {
    for (const dockerfile of dockerfiles) {
      for (const match of read(dockerfile).matchAll(/^COPY (?!--from)(.+?) \S+$/gm)) {
        for (const source of match[1]!.split(' ')) {
          expect(existsSync(path.join(REPO_ROOT, source)), `${dockerfile}: ${source}`).toBe(true);
        }
      }
    }
    const ignored = read('.dockerignore').split('\n');
    for (const entry of ['**/node_modules', '.env', '.git', '**/dist']) {
      expect(ignored).toContain(entry);
    }
  });

  it('mounts files that exist: the nginx template, the upstreams script, the coturn config', () => {
    for (const [name, service] of Object.entries(services)) {
      for (const volume of service.volumes ?? []) {
        const [source] = volume.split(':');
        if (!source!.startsWith('./')) continue;
        expect(existsSync(path.join(REPO_ROOT, source!)), `${name}: ${source}`).toBe(true);
      }
    }
    const nginxVolumes = services.nginx!.volumes!;
    expect(nginxVolumes).toContain(
      './nginx/conf.d/default.conf.template:/etc/nginx/templates/default.conf.template:ro',
    );
    // The image's entrypoint only sources executable *.envsh files.
    expect(nginxVolumes.some((v) => v.endsWith('.envsh:ro'))).toBe(true);
    accessSync(path.join(REPO_ROOT, 'nginx', 'upstreams.envsh'), constants.X_OK);
  });

  it('takes every value from .env, and .env.example documents each one', () => {
    const used = [...composeText.matchAll(/\$\{([A-Z][A-Z0-9_]*)/g)].map((match) => match[1]!);
    expect(used.length).toBeGreaterThan(10);
    expect([...new Set(used)].filter((name) => !envExample.has(name))).toEqual([]);
  });

  it('passes every backend setting through to the backend service', () => {
    const environment = Object.keys(services.backend!.environment ?? {});
    // The built frontend is nginx's job, so its path means nothing inside the container.
    const notApplicable = new Set(['FRONTEND_DIST', 'DATA_DIR']);
    const variables = backendVariables();
    expect(variables.length).toBeGreaterThan(20);
    expect(variables.filter((v) => !environment.includes(v) && !notApplicable.has(v))).toEqual([]);
    expect(variables.filter((v) => !envExample.has(v))).toEqual([]);
  });
});
