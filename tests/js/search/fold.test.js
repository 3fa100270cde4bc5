import assert from "node:assert/strict";
import { test } from "node:test";
import { source } from "../../../themes/default/static/search/fold-table.js";
import { fold, foldCode, isCjk } from "../../../themes/default/static/search/search.js";

test("traditional text folds to simplified, keeping its length", () => {
  // Given an agency name as Hong Kong, Macao and Taiwan readers type it
  const traditional = "衛生健康委員會關於2023年法治政府建設情況的報告";
  // When it is folded
  const folded = fold(traditional);
  // Then it reads as the simplified text (the same output C# gives: TraditionalFoldingTests), character for character
  assert.equal(folded, "卫生健康委员会关于2023年法治政府建设情况的报告");
  assert.equal(folded.length, traditional.length);
});

test("every unit folds to one unit, and folding twice changes nothing", () => {
  // Given the generated table and its recorded source
  assert.match(source, /OpenCC.*opencc-js \d+\.\d+\.\d+/);
  let folded = 0;
  for (let c = 0; c < 0x10000; c++) {
    // When any UTF-16 unit is folded
    const f = foldCode(c);
    // Then a unit that is not half of a surrogate pair folds to one that is not either, and folding again keeps it
    const surrogate = (x) => x >= 0xd800 && x <= 0xdfff;
    assert.ok(surrogate(c) || !surrogate(f), `U+${c.toString(16)}`);
    assert.equal(foldCode(f), f);
    if (f !== c && isCjk(c)) folded++;
  }
  // and the table covers OpenCC's traditional characters (3,400 and more)
  assert.ok(folded >= 3000 && folded <= 5000, String(folded));
});

test("simplified text is left as written", () => {
  // Given simplified text including characters a variant table would change (么, 著); When folded; Then nothing changes
  const simplified = "什么是显著成效、红塔区卫生健康局";
  assert.equal(fold(simplified), simplified);
});
