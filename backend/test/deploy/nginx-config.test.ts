/**
 * The nginx templates render into configurations that `nginx -t` accepts, in each shape they
 * are used: natively with several backends and the static PWA server, natively in front of
 * Vite, and the docker image's way (upstreams.envsh sourced by a POSIX shell, then envsubst).
 * Nothing outside a temp directory is read or written, the system nginx config included.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../src/config';
import { requireTool } from './support';

const RENDER = path.join(REPO_ROOT, 'nginx', 'render.sh');
const enabled = requireTool('nginx', 'the config test runs nginx -t on the rendered templates');

describe.skipIf(!enabled)('nginx configuration', () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'spotlight-nginx-'));
    dirs.push(dir);
    return dir;
  };
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  function renderAndTest(env: Record<string, string>) {
    const out = tempDir();
    const result = spawnSync('bash', [RENDER, '--test', out], {
      encoding: 'utf8',
      env: { ...process.env, FRONTEND_UPSTREAM: '', ...env },
    });
    const read = (file: string) => readFileSync(path.join(out, file), 'utf8');
    return { out, result, read, output: `${result.stdout}${result.stderr}` };
  }

  it('renders two backends and the static PWA server, and nginx -t accepts it', () => {
    const { out, result, read, output } = renderAndTest({
      NGINX_PORT: '18080',
      BACKEND_UPSTREAMS: '127.0.0.1:3001, 127.0.0.1:3002',
      FRONTEND_ROOT: path.join(REPO_ROOT, 'frontend', 'dist'),
    });
    expect(result.status, output).toBe(0);
    expect(output).toContain('test is successful');

    const edge = read('conf.d/default.conf');
    expect(edge).toContain('listen 18080;');
    expect(edge).toContain('server 127.0.0.1:3001 max_fails=1 fail_timeout=10s;');
    expect(edge).toContain('server 127.0.0.1:3002 max_fails=1 fail_timeout=10s;');
    expect(edge).toContain(`server unix:${out}/static.sock;`);
    // nginx's own variables survive envsubst; ours are all filled in.
    expect(edge).toContain('proxy_set_header Host $http_host;');
    expect(edge).not.toMatch(/\$\{[A-Z_]+\}/);
    const statics = read('conf.d/static.conf');
    expect(statics).toContain(`root ${path.join(REPO_ROOT, 'frontend', 'dist')};`);
    expect(statics).not.toMatch(/\$\{[A-Z_]+\}/);

    // Every path nginx writes is inside the output directory.
    const main = read('nginx.conf');
    for (const line of main.split('\n').filter((l) => /(pid|_log|_path) /.test(l))) {
      expect(line).toContain(out);
    }
  });

  it('renders the Vite variant (no static server) that nginx -t accepts', () => {
    const { result, read, output } = renderAndTest({
      NGINX_PORT: '18081',
      BACKEND_UPSTREAMS: '127.0.0.1:3001',
      FRONTEND_UPSTREAM: '127.0.0.1:5173',
    });
    expect(result.status, output).toBe(0);
    expect(read('conf.d/default.conf')).toContain('server 127.0.0.1:5173;');
    expect(() => read('conf.d/static.conf')).toThrow();
  });

  it('renders the way the nginx image does (every defined variable substituted), and nginx -t accepts it', () => {
    const { out, result, output } = renderAndTest({ NGINX_PORT: '18083' });
    expect(result.status, output).toBe(0);
    // 20-envsubst-on-templates.sh passes every environment variable's name to envsubst, so
    // the template must not contain an nginx $variable that an environment name could hit.
    const image = spawnSync(
      'sh',
      [
        '-c',
        `. "${path.join(REPO_ROOT, 'nginx', 'upstreams.envsh')}"
         defined_envs=$(printf '\${%s} ' $(awk 'END { for (name in ENVIRON) print name }' </dev/null))
         envsubst "$defined_envs" <"${path.join(REPO_ROOT, 'nginx', 'conf.d', 'default.conf.template')}" >"${out}/conf.d/default.conf"
         nginx -p "${out}" -c "${out}/nginx.conf" -e "${out}/logs/error.log" -t`,
      ],
      {
        encoding: 'utf8',
        env: {
          PATH: process.env.PATH,
          HOME: '/root',
          HOSTNAME: 'nginx-container',
          NGINX_VERSION: '1.28.0',
          NGINX_PORT: '18083',
          BACKEND_UPSTREAMS: '127.0.0.1:3000',
          FRONTEND_UPSTREAM: '127.0.0.1:8080',
          NGINX_ACCESS_LOG: path.join(out, 'logs', 'access.log'),
        },
      },
    );
    expect(image.status, `${image.stdout}${image.stderr}`).toBe(0);
    const edge = readFileSync(path.join(out, 'conf.d', 'default.conf'), 'utf8');
    expect(edge).toContain('hash $spotlight_route_key;');
    expect(edge).toContain('proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;');
  });

  it('refuses to render without a backend', () => {
    const { result, output } = renderAndTest({ BACKEND_UPSTREAMS: ' , ' });
    expect(result.status).not.toBe(0);
    expect(output).toContain('needs NGINX_BACKEND_SERVERS');
  });

  it('upstreams.envsh works in a plain POSIX shell, as the image sources it', () => {
    const run = (value: string | undefined) =>
      spawnSync(
        'sh',
        [
          '-c',
          `. "${path.join(REPO_ROOT, 'nginx', 'upstreams.envsh')}"; printf %s "$NGINX_BACKEND_SERVERS"`,
        ],
        {
          encoding: 'utf8',
          env:
            value === undefined
              ? { PATH: process.env.PATH }
              : { PATH: process.env.PATH, BACKEND_UPSTREAMS: value },
        },
      ).stdout;
    expect(run(undefined)).toBe('server backend:3000 max_fails=1 fail_timeout=10s; ');
    expect(run('a:1,b:2')).toBe(
      'server a:1 max_fails=1 fail_timeout=10s; server b:2 max_fails=1 fail_timeout=10s; ',
    );
  });
});
