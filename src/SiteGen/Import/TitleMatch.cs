namespace SiteGen.Import;

/// <summary>Where a report's title was found.</summary>
internal enum TitleSource
{
    None,

    /// <summary>A line (or two) of the text above the body.</summary>
    Line,

    /// <summary>The catalogue's 标题 or 名称 field.</summary>
    Catalogue,

    /// <summary>The page's own title (a web page's &lt;h1&gt; or &lt;title&gt;).</summary>
    Page,

    /// <summary>The report name a cover sentence quotes (<c>现将《…》予以公布</c>).</summary>
    Cover,
}

/// <summary>The title found and where the report is: lines before <see cref="Start"/> belong to the page, the body starts at <see cref="BodyStart"/>;
/// <see cref="Byline"/> is an agency printed on its own line under the title, <see cref="UnlabelledDates"/> the dates printed there without saying what they are.</summary>
internal sealed record TitleMatch(string? Title, TitleSource Source, int Start, int BodyStart, string? Byline, IReadOnlyList<string> UnlabelledDates);
