namespace SiteGen.Load;

/// <summary>Site settings from <c>content/site.yml</c>; every field has a default so a site may have no file at all.</summary>
public sealed record SiteConfig
{
    public string Title { get; init; } = "法治政府建设年度报告库";
    public string Description { get; init; } = "";

    /// <summary>Absolute URL or path prefix the site is published under; always ends with '/'.</summary>
    public string BaseUrl { get; init; } = "/";

    public string Language { get; init; } = "zh-CN";
    public string Theme { get; init; } = "default";
    public int PageSize { get; init; } = 20;
    public int LatestCount { get; init; } = 10;
    public string DefaultType { get; init; } = "法治政府建设年度报告";

    /// <summary>Raw HTML in Markdown is off unless a site opts in; scripts are stripped even then.</summary>
    public bool AllowRawHtml { get; init; }

    public FooterIdentifiers Footer { get; init; } = new();

    public SearchSettings Search { get; init; } = new();

    /// <summary>The site's publication deadlines per series (<c>deadlines:</c>), overriding the built-in ones; see <c>PublicationDeadlines</c>.</summary>
    public IReadOnlyList<SeriesDeadline> Deadlines { get; init; } = [];

    public AttachmentSettings Attachments { get; init; } = new();

    /// <summary>How each report page offers its plain text and its Markdown (<c>downloads:</c>).</summary>
    public DownloadMode Downloads { get; init; } = DownloadMode.Browser;

    /// <summary>The site's own taxonomies (<c>taxonomies:</c>), after the four built-in ones; see <see cref="TaxonomyDefinition.All"/>.</summary>
    public IReadOnlyList<TaxonomyDefinition> Taxonomies { get; init; } = [];

    /// <summary>Fields of site.yml that SiteGen does not know; passed to templates untouched.</summary>
    public IReadOnlyDictionary<string, object?> Extra { get; init; } = new Dictionary<string, object?>();

    /// <summary>The series a report belongs to: its <c>type</c>, or the site's default series when it names none.</summary>
    public string SeriesOf(FrontMatter meta) => string.IsNullOrWhiteSpace(meta.Type) ? DefaultType : meta.Type.Trim();
}

/// <summary>How report pages offer their downloads (plain text, and Markdown with front matter): site.yml <c>downloads:</c>.</summary>
public enum DownloadMode
{
    /// <summary><c>browser</c>: the reader's browser makes both files from the page on click; the build writes no file.</summary>
    Browser,

    /// <summary><c>files</c>: the build writes both files beside each page, linked directly (no JavaScript needed).</summary>
    Files,

    /// <summary><c>off</c>: no downloads.</summary>
    Off,
}

/// <summary>Government site identifiers shown in the footer; each is shown only when configured, never invented.</summary>
public sealed record FooterIdentifiers
{
    public string? SiteCode { get; init; }      // 网站标识码
    public string? Icp { get; init; }           // ICP备案号
    public string? PoliceRecord { get; init; }  // 公安备案号
    public string? Sponsor { get; init; }       // 主办单位
    public string? Contact { get; init; }

    public bool Any => SiteCode is not null || Icp is not null || PoliceRecord is not null || Sponsor is not null || Contact is not null;
}

/// <summary>Settings of the site's search (<c>search:</c> in site.yml).</summary>
public sealed record SearchSettings
{
    /// <summary>The site's own synonyms, typed form → forms also searched, in file order; an empty list switches a built-in entry off.</summary>
    public IReadOnlyList<KeyValuePair<string, IReadOnlyList<string>>> Synonyms { get; init; } = [];
}

/// <summary>A month and day, e.g. 04-01: a publication deadline in the year after the one a report covers.</summary>
public readonly record struct MonthDay(int Month, int Day)
{
    /// <summary>The date in <paramref name="year"/>.</summary>
    public DateOnly In(int year) => new(year, Month, Day);

    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Month:D2}-{Day:D2}");
}

/// <summary>The deadline a site sets for one series in site.yml: per kind of publishing body; null where the site leaves the built-in deadline.</summary>
public sealed record SeriesDeadline(string Series, MonthDay? Department, MonthDay? Government, MonthDay? Township);

/// <summary>Settings of the files reports publish beside their pages (<c>attachments:</c> in site.yml).</summary>
public sealed record AttachmentSettings
{
    public const long DefaultMaxSize = 50L * 1024 * 1024;

    /// <summary>The largest file a report may publish, in bytes (<c>max_size: 50MB</c>).</summary>
    public long MaxSize { get; init; } = DefaultMaxSize;
}
