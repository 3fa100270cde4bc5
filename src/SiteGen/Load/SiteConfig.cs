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

    public AttachmentSettings Attachments { get; init; } = new();

    /// <summary>The site's own taxonomies (<c>taxonomies:</c>), after the four built-in ones; see <see cref="TaxonomyDefinition.All"/>.</summary>
    public IReadOnlyList<TaxonomyDefinition> Taxonomies { get; init; } = [];

    /// <summary>Fields of site.yml that SiteGen does not know; passed to templates untouched.</summary>
    public IReadOnlyDictionary<string, object?> Extra { get; init; } = new Dictionary<string, object?>();
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

/// <summary>Settings of the files reports publish beside their pages (<c>attachments:</c> in site.yml).</summary>
public sealed record AttachmentSettings
{
    public const long DefaultMaxSize = 50L * 1024 * 1024;

    /// <summary>The largest file a report may publish, in bytes (<c>max_size: 50MB</c>).</summary>
    public long MaxSize { get; init; } = DefaultMaxSize;
}
