import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { eventually } from '../../src/test/eventually.ts';

export interface Nginx {
  url: string;
  stop(): Promise<void>;
}

/**
 * The proxy as deployed (docs/scaling.md): round robin over the instances; proxy_cache on the
 * boundary tiles, honouring the app's Cache-Control and revalidating with its ETags. Report
 * tiles pass straight through: nginx would not store them (no-cache) and, in a location with
 * proxy_cache, it strips the client's If-None-Match, so the app could not answer 304.
 * X-Cache-Status and X-Upstream let a test see what the proxy did and which instance answered.
 */
const config = (dir: string, port: number, upstreams: string[]) => `
daemon off;
worker_processes 1;
user root;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  proxy_cache_path ${dir}/cache levels=1:2 keys_zone=tiles:4m max_size=256m inactive=1d;
  upstream petawarga {
    ${upstreams.map((u) => `server ${u};`).join('\n    ')}
    keepalive 16;
  }
  server {
    listen 127.0.0.1:${port};
    proxy_http_version 1.1;
    proxy_set_header Connection "";
    proxy_set_header Host $http_host;
    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
    add_header X-Upstream $upstream_addr always;
    location / {
      proxy_pass http://petawarga;
    }
    location /tiles/reports/ {
      proxy_pass http://petawarga;
    }
    location /tiles/ {
      proxy_pass http://petawarga;
      proxy_cache tiles;
      proxy_cache_revalidate on;
      proxy_cache_lock on;
      proxy_cache_use_stale updating error timeout;
      proxy_cache_background_update on;
      add_header X-Cache-Status $upstream_cache_status always;
    }
  }
}
`;

/** nginx in the foreground with its configuration, pid, logs and cache under `dir`. */
export async function startNginx(dir: string, port: number, upstreams: string[]): Promise<Nginx> {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'nginx.conf'), config(dir, port, upstreams));
  const child = spawn('/usr/sbin/nginx', ['-p', dir, '-e', path.join(dir, 'error.log'), '-c', path.join(dir, 'nginx.conf')], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let printed = '';
  child.stderr!.on('data', (chunk) => (printed += chunk));
  const nginx: Nginx = {
    url: `http://127.0.0.1:${port}`,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
  try {
    await eventually(async () => {
      if (child.exitCode !== null) {
        const log = fs.existsSync(path.join(dir, 'error.log')) ? fs.readFileSync(path.join(dir, 'error.log'), 'utf8') : '';
        throw new Error(`nginx exited: ${printed}${log}`);
      }
      return fetch(`${nginx.url}/health`).then(() => true, () => false);
    }, { what: () => `nginx to answer: ${printed}`, timeoutMs: 10_000, intervalMs: 100 });
  } catch (error) {
    await nginx.stop();
    throw error;
  }
  return nginx;
}
