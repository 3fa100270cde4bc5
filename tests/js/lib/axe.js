// Runs axe-core (the copy in node_modules, injected into the page) with the WCAG 2.1 A and AA rules.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const axeSource = readFile(require.resolve("axe-core/axe.min.js"), "utf8");
export const wcag21aa = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/** The WCAG 2.1 A/AA violations of the page's current document, one readable line per failing element. */
export async function axeViolations(page) {
  await page.addScriptTag({ content: await axeSource });
  const result = await page.evaluate(async (tags) => {
    const r = await window.axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
    return { violations: r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => `${n.target.join(" ")}: ${n.failureSummary}`) })), passes: r.passes.length };
  }, wcag21aa);
  return result.violations.flatMap((v) => v.nodes.map((n) => `[${v.id}/${v.impact}] ${n}`));
}
