import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { fold, tokenize } from "../../../themes/default/static/search/search.js";
import { repo } from "./site.mjs";

const { vectors } = JSON.parse(readFileSync(join(repo, "tests/vectors/tokenizer.json"), "utf8"));

for (const vector of vectors) {
  test(`tokenizer matches the shared vector: ${vector.name}`, () => {
    // Given a vector that the C# tokenizer also passes
    // When the JavaScript tokenizer reads its input
    const { tokens, next } = tokenize(vector.input);
    // Then it emits the same terms, positions and kinds in the same order, and the same next position
    assert.deepEqual(tokens.map((t) => [t.term, t.position, t.kind]), vector.tokens);
    assert.equal(next, vector.next);
  });
}

test("folding keeps the length so offsets map back to the original text", () => {
  // Given text mixing full-width and half-width forms; When it is folded; Then each character folds in place
  const text = "ＡＢＣ　１２．５％法治";
  assert.equal(fold(text), "abc 12.5%法治");
  assert.equal(fold(text).length, text.length);
});
