import assert from "node:assert/strict";
import { test } from "node:test";
import foldPairs, { source } from "../../../themes/default/static/search/fold-table.js";
import { fold, foldCode } from "../../../themes/default/static/search/search.js";

test("traditional text folds to simplified, keeping its length", () => {
  // Given an agency name as Hong Kong, Macao and Taiwan readers type it
  const traditional = "衛生健康委員會關於2023年法治政府建設情況的報告";
  // When it is folded
  const folded = fold(traditional);
  // Then it reads as the simplified text (the same output C# gives: TraditionalFoldingTests), character for character
  assert.equal(folded, "卫生健康委员会关于2023年法治政府建设情况的报告");
  assert.equal(folded.length, traditional.length);
});

test("every fold pair maps one unit to one, and folding twice changes nothing", () => {
  // Given the generated pairs and their recorded source
  assert.match(source, /OpenCC.*opencc-js \d+\.\d+\.\d+/);
  assert.ok(foldPairs.length % 2 === 0 && foldPairs.length > 6000, `${foldPairs.length} units`);
  for (let i = 0; i < foldPairs.length; i += 2) {
    const from = foldPairs.charCodeAt(i);
    const to = foldPairs.charCodeAt(i + 1);
    // Then neither side is half of a surrogate pair, and the fold of a folded character is itself
    assert.ok(!(from >= 0xd800 && from <= 0xdfff) && !(to >= 0xd800 && to <= 0xdfff), `U+${from.toString(16)}`);
    assert.equal(foldCode(from), to);
    assert.equal(foldCode(to), to);
  }
});

test("simplified text is left as written", () => {
  // Given simplified text including characters a variant table would change (么, 著); When folded; Then nothing changes
  const simplified = "什么是显著成效、红塔区卫生健康局";
  assert.equal(fold(simplified), simplified);
});
