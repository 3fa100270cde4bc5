using System.Globalization;
using System.Net;
using System.Text;

namespace SiteGen.Views;

/// <summary>The words of the status chart in the site's language: its title, the sentence after its totals, how a list and a sentence are punctuated, and the name of each state.</summary>
public sealed record StatusLabels(string Title, string Summary, string Separator, string Stop, IReadOnlyDictionary<PublicationState, string> States);

/// <summary>Draws the per-year counts of a status table as a small stacked bar chart in inline SVG (no library, no script, no
/// inline style, so it passes a strict Content-Security-Policy), whose text equivalent is the table of counts per year the page shows beside it.</summary>
/// <remarks>Every text is escaped. Colours reach 3:1 against white for graphics (WCAG 1.4.11), and the legend names each state,
/// so colour is not the only cue; the SVG is <c>role="img"</c> labelled by its title and description, and the table is its text equivalent.</remarks>
public static class StatusChart
{
    private static readonly (PublicationState State, string Fill)[] Stack =
    [
        (PublicationState.OnTime, "#1a7f37"),
        (PublicationState.Late, "#bc4c00"),
        (PublicationState.Undated, "#6e7781"),
        (PublicationState.Published, "#0969da"),
        (PublicationState.Missing, "#cf222e"),
        (PublicationState.NotDue, "#ffffff"),
    ];

    private const int Bar = 24, Gap = 12, Left = 40, Top = 16, PlotHeight = 120, Bottom = 24, LegendRow = 18, CharWidth = 13;

    /// <summary>The states drawn: those with at least one cell in some year, in stacking order.</summary>
    public static IReadOnlyList<PublicationState> StatesShown(IReadOnlyList<YearCounts> years) =>
        Stack.Select(s => s.State).Where(s => years.Any(y => y.Counts.Of(s) > 0)).ToList();

    /// <summary>The chart; <paramref name="id"/> makes its title and description ids unique on the page.</summary>
    public static string Svg(IReadOnlyList<YearCounts> years, StatusLabels labels, string id)
    {
        var shown = StatesShown(years);
        var max = Math.Max(1, years.Select(y => shown.Sum(s => y.Counts.Of(s))).DefaultIfEmpty(0).Max());
        var plotRight = Left + years.Count * (Bar + Gap) + Gap;
        var legendWidth = 16 + 8 + shown.Select(s => labels.States[s].Length).DefaultIfEmpty(0).Max() * CharWidth;
        var width = plotRight + 16 + legendWidth;
        var height = Math.Max(Top + PlotHeight + Bottom, Top + shown.Count * LegendRow);
        var baseline = Top + PlotHeight;

        var sb = new StringBuilder();
        sb.Append(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"status-chart\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" role=\"img\" aria-labelledby=\"{Escape(id)}-title {Escape(id)}-desc\">"));
        sb.Append("<title id=\"").Append(Escape(id)).Append("-title\">").Append(Escape(labels.Title)).Append("</title>");
        sb.Append("<desc id=\"").Append(Escape(id)).Append("-desc\">").Append(Escape(Description(years, shown, labels))).Append("</desc>");
        sb.Append(Invariant($"<g font-family=\"sans-serif\" font-size=\"11\" fill=\"#1f2328\">"));
        // Axis: the baseline and the largest total.
        sb.Append(Invariant($"<line x1=\"{Left}\" y1=\"{baseline}\" x2=\"{plotRight}\" y2=\"{baseline}\" stroke=\"#57606a\"/>"));
        sb.Append(Invariant($"<line x1=\"{Left}\" y1=\"{Top}\" x2=\"{plotRight}\" y2=\"{Top}\" stroke=\"#d0d7de\"/>"));
        sb.Append(Invariant($"<text x=\"{Left - 4}\" y=\"{Top + 4}\" text-anchor=\"end\">{max}</text>"));
        sb.Append(Invariant($"<text x=\"{Left - 4}\" y=\"{baseline + 4}\" text-anchor=\"end\">0</text>"));
        for (var i = 0; i < years.Count; i++)
        {
            var x = Left + Gap + i * (Bar + Gap);
            var below = 0;
            foreach (var (state, fill) in Stack)
            {
                var count = shown.Contains(state) ? years[i].Counts.Of(state) : 0;
                if (count == 0) continue;
                var y0 = baseline - below * PlotHeight / max;
                below += count;
                var y1 = baseline - below * PlotHeight / max;
                sb.Append(Invariant($"<rect x=\"{x}\" y=\"{y1}\" width=\"{Bar}\" height=\"{Math.Max(1, y0 - y1)}\" fill=\"{fill}\" stroke=\"{(state == PublicationState.NotDue ? "#6e7781" : fill)}\"/>"));
            }
            sb.Append(Invariant($"<text x=\"{x + Bar / 2}\" y=\"{baseline - below * PlotHeight / max - 3}\" text-anchor=\"middle\">{below}</text>"));
            sb.Append(Invariant($"<text x=\"{x + Bar / 2}\" y=\"{baseline + 16}\" text-anchor=\"middle\">{years[i].Year}</text>"));
        }
        for (var k = 0; k < shown.Count; k++)
        {
            var fill = Stack.First(s => s.State == shown[k]).Fill;
            var y = Top + k * LegendRow;
            sb.Append(Invariant($"<rect x=\"{plotRight + 16}\" y=\"{y}\" width=\"12\" height=\"12\" fill=\"{fill}\" stroke=\"{(shown[k] == PublicationState.NotDue ? "#6e7781" : fill)}\"/>"));
            sb.Append(Invariant($"<text x=\"{plotRight + 16 + 18}\" y=\"{y + 10}\">")).Append(Escape(labels.States[shown[k]])).Append("</text>");
        }
        sb.Append("</g></svg>");
        return sb.ToString();
    }

    /// <summary>The description: the totals over all years, and where the figures per year are.</summary>
    private static string Description(IReadOnlyList<YearCounts> years, IReadOnlyList<PublicationState> shown, StatusLabels labels)
    {
        var span = years.Count == 0 ? "" : years.Count == 1 ? Invariant($"{years[0].Year}: ") : Invariant($"{years[0].Year}–{years[^1].Year}: ");
        var parts = shown.Select(s => Invariant($"{labels.States[s]} {years.Sum(y => y.Counts.Of(s))}"));
        return span + string.Join(labels.Separator, parts) + labels.Stop + labels.Summary;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Escape(string text) => WebUtility.HtmlEncode(text);
}
