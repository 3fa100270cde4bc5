// Debian's nginx serving a folder on 127.0.0.1, from a config of its own in a temp folder (run as root with `user root;`), as a
// static host would serve a SiteGen site: mime types, Range requests, the security headers of docs/security-headers.md.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, connect } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

export const nginxBinary = "/usr/sbin/nginx";

const freePort = () => new Promise((ok, fail) => {
  const probe = createServer().listen(0, "127.0.0.1", () => {
    const { port } = probe.address();
    probe.close(() => ok(port));
  }).on("error", fail);
});

const listening = (port) => new Promise((ok) => {
  const socket = connect(port, "127.0.0.1", () => { socket.end(); ok(true); }).on("error", () => ok(false));
});

/** Starts nginx serving `root` at http://127.0.0.1:PORT/ ; `server` adds directives to the server block (e.g. "max_ranges 0;"). */
export async function startNginx(root, { server = "" } = {}) {
  if (!existsSync(nginxBinary)) throw new Error(`${nginxBinary} is missing: apt-get install nginx-light (./test.sh installs it)`);
  const folder = mkdtempSync(join(tmpdir(), "sitegen-bench-nginx-"));
  const port = await freePort();
  const headers = [
    `Content-Security-Policy "default-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'"`,
    `X-Content-Type-Options "nosniff"`, `Referrer-Policy "strict-origin-when-cross-origin"`, `X-Frame-Options "SAMEORIGIN"`,
    `Permissions-Policy "camera=(), microphone=(), geolocation=()"`,
  ].map((h) => `      add_header ${h} always;`).join("\n");
  writeFileSync(join(folder, "nginx.conf"), `user root;
daemon off;
worker_processes 1;
pid ${folder}/nginx.pid;
error_log ${folder}/error.log;
events { worker_connections 256; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
  client_body_temp_path ${folder}/body;
  proxy_temp_path ${folder}/proxy;
  fastcgi_temp_path ${folder}/fastcgi;
  uwsgi_temp_path ${folder}/uwsgi;
  scgi_temp_path ${folder}/scgi;
  server {
    listen 127.0.0.1:${port};
    ${server}
    location / {
      root ${resolve(root)};
${headers}
      error_page 404 /404.html;
    }
  }
}
`);
  const child = spawn(nginxBinary, ["-c", join(folder, "nginx.conf"), "-p", folder], { stdio: "ignore" });
  for (let waited = 0; !(await listening(port)); waited += 50) {
    if (child.exitCode !== null || waited > 10_000) {
      const log = existsSync(join(folder, "error.log")) ? readFileSync(join(folder, "error.log"), "utf8") : "";
      throw new Error(`nginx did not start: ${log}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url: `http://127.0.0.1:${port}/`,
    stop: async () => {
      child.kill();
      await new Promise((r) => (child.exitCode !== null ? r() : child.once("exit", r)));
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
