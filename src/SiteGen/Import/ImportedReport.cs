namespace SiteGen.Import;

/// <summary>A report converted from an input file: the front matter fields it could determine, the body blocks and a warning for every field it could not determine or had to guess.</summary>
public sealed record ImportedReport
{
    public string? Title { get; init; }
    public string? Agency { get; init; }
    public int? Year { get; init; }
    public IReadOnlyList<string> Region { get; init; } = [];
    public string? RegionCode { get; init; }
    public DateOnly? Published { get; init; }

    /// <summary>The report series (<c>type</c>): 法治政府建设年度报告 or 政府信息公开工作年度报告.</summary>
    public string Type { get; init; } = ReportSeries.RuleOfLaw;

    public string? SourceUrl { get; init; }
    public string? IndexNo { get; init; }
    public string? DocNo { get; init; }
    public string? Publisher { get; init; }
    public DateOnly? Written { get; init; }
    public string? Topic { get; init; }
    public IReadOnlyList<ReportBlock> Blocks { get; init; } = [];
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>The encoding the input was read with (<c>utf-8</c>, <c>gb18030</c>, <c>docx</c>, …).</summary>
    public string Encoding { get; init; } = "";

    /// <summary>The required front matter fields (title, agency, year) this report lacks.</summary>
    public IReadOnlyList<string> MissingFields =>
        new[] { ("title", Title is null), ("agency", Agency is null), ("year", Year is null) }.Where(f => f.Item2).Select(f => f.Item1).ToList();

    /// <summary>The top-level (<c>##</c>) headings, for summaries and accuracy checks.</summary>
    public IReadOnlyList<string> TopHeadings => Blocks.OfType<HeadingBlock>().Where(h => h.Level == 2).Select(h => h.Text).ToList();
}
