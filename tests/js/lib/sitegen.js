// Builds sites with the repository's `sitegen` CLI for browser tests; every folder it makes is a temp folder.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import fs from "node:fs/promises";
import { existsSync, readdirSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { serveFolder } from "./server.js";

const run = promisify(execFile);
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const cliProject = path.join(repoRoot, "src", "SiteGen.Cli");
const corpusScript = process.env.SITEGEN_CORPUS ?? path.resolve(repoRoot, "../shared/corpus/make_corpus.py");
const fallbackCorpusScript = "/work/shared/corpus/make_corpus.py";

/** A fresh temp folder; remove it with `removeTemp`. */
export function makeTemp(name) {
  return fs.mkdtemp(path.join(os.tmpdir(), `sitegen-${name}-`));
}

export function removeTemp(dir) {
  return dir ? fs.rm(dir, { recursive: true, force: true }) : Promise.resolve();
}

let cliDll;

/** Compiles the CLI once per process (Release) and returns the path of its dll; test files may run in parallel, so a lock folder serialises MSBuild. */
export async function sitegenCli() {
  if (cliDll) return cliDll;
  const lock = path.join(os.tmpdir(), "sitegen-js-tests-cli-build.lock");
  for (let waited = 0; ; waited += 200) {
    try { await fs.mkdir(lock); break; } catch (error) {
      if (error.code !== "EEXIST") throw error;
      // A lock older than five minutes was left by a killed run.
      const age = Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 300_000) await fs.rm(lock, { recursive: true, force: true });
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  try {
    await run("dotnet", ["build", cliProject, "-c", "Release", "--nologo", "-v", "q", "-clp:ErrorsOnly"], { maxBuffer: 16 << 20 });
  } finally {
    await fs.rm(lock, { recursive: true, force: true });
  }
  const bin = path.join(cliProject, "bin", "Release");
  const framework = readdirSync(bin).filter((d) => d.startsWith("net")).sort().at(-1);
  cliDll = path.join(bin, framework, "SiteGen.Cli.dll");
  return cliDll;
}

/** Runs `sitegen build --site SITE --output OUT --base-url URL`; throws with the CLI's output when it fails. */
export async function buildSite({ site, output, baseUrl }) {
  const dll = await sitegenCli();
  const args = [dll, "build", "--site", site, "--output", output];
  if (baseUrl) args.push("--base-url", baseUrl);
  try {
    return await run("dotnet", args, { maxBuffer: 64 << 20, env: { ...process.env, NO_COLOR: "1" } });
  } catch (error) {
    throw new Error(`sitegen build failed (exit ${error.code}):\n${error.stdout}\n${error.stderr}`);
  }
}

function hasMarkdown(dir) {
  if (!existsSync(dir)) return false;
  return readdirSync(dir, { withFileTypes: true, recursive: true }).some((e) => e.isFile() && e.name.endsWith(".md"));
}

/** Writes a synthetic corpus of `count` reports (make_corpus.py) into SITE/content/reports plus the given site.yml. */
export async function makeCorpusSite(site, { count = 40, seed = "1", siteYml }) {
  const script = existsSync(corpusScript) ? corpusScript : fallbackCorpusScript;
  await run("python3", [script, "markdown", "--count", String(count), "--seed", String(seed), "--out", site], { maxBuffer: 16 << 20 });
  await fs.writeFile(path.join(site, "content", "site.yml"), siteYml);
  return site;
}

/**
 * The site folder holding the repository's sample archive: the repository itself once content/ holds reports;
 * until then a 40-report synthetic stand-in with the repository's own site.yml, made in `scratch`.
 */
export async function sampleSite(scratch) {
  if (hasMarkdown(path.join(repoRoot, "content"))) return { site: repoRoot, standIn: false };
  const siteYml = await fs.readFile(path.join(repoRoot, "content", "site.yml"), "utf8");
  const site = path.join(scratch, "sample-stand-in");
  await makeCorpusSite(site, { count: 40, seed: "1", siteYml });
  return { site, standIn: true };
}

/**
 * Starts a server for OUTPUT under `prefix` on 127.0.0.1, then builds SITE into OUTPUT with the server's URL as base
 * URL, so canonical links and feeds point at the served copy. Returns the server ({ base, origin, port, close }).
 */
export async function buildAndServeSite({ site, output, prefix = "/reports/" }) {
  const server = await serveFolder(() => output, prefix);
  try {
    await buildSite({ site, output, baseUrl: server.base });
  } catch (error) {
    await server.close();
    throw error;
  }
  return server;
}
