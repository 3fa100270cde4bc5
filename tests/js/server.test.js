// The static host of the browser tests answers single byte ranges like nginx or GitHub Pages, since the search
// runtime reads one object out of a pack file with `Range: bytes=START-END`.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseRange, serveFolder } from "./lib/server.js";

// 1,000 bytes, each different from its neighbours, so a slice taken at the wrong offset cannot pass for the right one.
const pack = Buffer.from(Array.from({ length: 1000 }, (_, i) => (i * 7) % 251));
let dir;
let server;

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "sitegen-range-js-"));
  fs.mkdirSync(path.join(dir, "search"));
  fs.writeFileSync(path.join(dir, "search/pack-0.bin"), pack);
  fs.writeFileSync(path.join(dir, "search/empty.bin"), Buffer.alloc(0));
  fs.writeFileSync(path.join(dir, "404.html"), "<!DOCTYPE html><title>404</title>");
  server = await serveFolder(() => dir, "/reports/");
});

after(async () => {
  await server?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const get = (range, options = {}) =>
  fetch(`${server.base}${options.file ?? "search/pack-0.bin"}`, {
    method: options.method ?? "GET",
    headers: { ...(range === undefined ? {} : { Range: range }), ...(options.headers ?? {}) },
  });

const bytes = async (response) => Buffer.from(await response.arrayBuffer());

test("given a pack file, when a range in its middle is asked, then 206 brings exactly those bytes with their Content-Range", async () => {
  const response = await get("bytes=100-199");

  assert.equal(response.status, 206);
  assert.equal(response.headers.get("content-range"), "bytes 100-199/1000");
  assert.equal(response.headers.get("content-length"), "100");
  assert.equal(response.headers.get("accept-ranges"), "bytes");
  assert.deepEqual(await bytes(response), pack.subarray(100, 200));
});

test("given a pack file, when an open-ended range is asked, then 206 brings everything from its start to the end", async () => {
  const response = await get("bytes=990-");

  assert.equal(response.status, 206);
  assert.equal(response.headers.get("content-range"), "bytes 990-999/1000");
  assert.deepEqual(await bytes(response), pack.subarray(990));
});

test("given a pack file, when a suffix range is asked, then 206 brings its last bytes, and a suffix longer than the file brings all", async () => {
  const last = await get("bytes=-24");
  const longer = await get("bytes=-5000");

  assert.equal(last.status, 206);
  assert.equal(last.headers.get("content-range"), "bytes 976-999/1000");
  assert.deepEqual(await bytes(last), pack.subarray(976));
  assert.equal(longer.status, 206);
  assert.equal(longer.headers.get("content-range"), "bytes 0-999/1000");
  assert.deepEqual(await bytes(longer), pack);
});

test("given a range ending past the file, when it is asked, then it is cut at the last byte", async () => {
  const response = await get("bytes=900-99999999");

  assert.equal(response.status, 206);
  assert.equal(response.headers.get("content-range"), "bytes 900-999/1000");
  assert.deepEqual(await bytes(response), pack.subarray(900));
});

test("given a pack file, when a range starting at or past its end is asked, then 416 names the file's length", async () => {
  for (const range of ["bytes=1000-", "bytes=5000-6000", "bytes=-0"]) {
    const response = await get(range);

    assert.equal(response.status, 416, range);
    assert.equal(response.headers.get("content-range"), "bytes */1000", range);
    assert.equal((await bytes(response)).length, 0, range);
  }
  const empty = await get("bytes=0-", { file: "search/empty.bin" });
  assert.equal(empty.status, 416);
  assert.equal(empty.headers.get("content-range"), "bytes */0");
});

test("given a pack file, when the Range header is malformed or asks for several ranges, then it is ignored and 200 brings the whole file", async () => {
  for (const range of ["bytes=0-9,20-29", "bytes=0-9, 500-", "bytes=20-10", "bytes=abc-", "bytes=+5-9", "bytes=5", "bytes=-", "items=0-9"]) {
    const response = await get(range);

    assert.equal(response.status, 200, range);
    assert.equal(response.headers.get("content-range"), null, range);
    assert.equal(response.headers.get("content-length"), "1000", range);
    assert.deepEqual(await bytes(response), pack, range);
  }
});

test("given a pack file, when it is asked whole, with HEAD, or with If-Range, then 200 advertises byte ranges and the full length", async () => {
  const whole = await get(undefined);
  const head = await get("bytes=0-9", { method: "HEAD" });
  const ifRange = await get("bytes=0-9", { headers: { "If-Range": '"other-version"' } });

  assert.deepEqual(await bytes(whole), pack);
  assert.deepEqual(await bytes(ifRange), pack);
  for (const response of [whole, head, ifRange]) {
    assert.equal(response.status, 200);
    assert.equal(response.headers.get("accept-ranges"), "bytes");
    assert.equal(response.headers.get("content-length"), "1000");
  }
});

test("given a range on a path outside the served folder, when it is asked, then the 404 page comes and no range", async () => {
  const response = await fetch(`${server.origin}/reports/..%2f..%2fetc%2fpasswd`, { headers: { Range: "bytes=0-9" } });

  assert.equal(response.status, 404);
  assert.equal(response.headers.get("content-range"), null);
  assert.match(await response.text(), /<title>404<\/title>/);
});

test("parseRange reads one range and refuses everything else, as static hosts do", () => {
  assert.deepEqual(parseRange("bytes=0-0", 100), { start: 0, end: 0 });
  assert.deepEqual(parseRange("Bytes=10-", 100), { start: 10, end: 99 });
  assert.deepEqual(parseRange("bytes=-10", 100), { start: 90, end: 99 });
  assert.equal(parseRange("bytes=100-", 100), "unsatisfiable");
  assert.equal(parseRange("bytes=-5", 0), "unsatisfiable");
  assert.equal(parseRange(undefined, 100), null);
  assert.equal(parseRange("bytes=0-9,20-29", 100), null);
  assert.equal(parseRange("bytes= 0 - 9", 100), null);
});
