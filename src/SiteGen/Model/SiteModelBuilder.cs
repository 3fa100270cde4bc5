using System.Globalization;
using SiteGen.Diagnostics;
using SiteGen.Load;

namespace SiteGen.Model;

/// <summary>Builds the immutable <see cref="Site"/> from loaded files: reports, the taxonomies (see <see cref="TaxonomyDefinition"/>) and every page; reports duplicates and URL collisions.</summary>
public static class SiteModelBuilder
{
    /// <summary>Terms listed per page on a taxonomy page (e.g. all agencies).</summary>
    public const int TermsPerPage = 100;

    public static Site Build(SiteConfig config, SiteUrls urls, IReadOnlyList<ContentFile> files, bool includeDrafts, DiagnosticBag diagnostics)
    {
        var reports = AttachmentResolver.Resolve(CreateReports(config, files, includeDrafts, diagnostics), files, urls, config.Attachments, diagnostics);

        // Each taxonomy is filed from the reports alone, independently of the others: on both cores, in definition order.
        var taxonomies = TaxonomyDefinition.All(config).AsParallel().AsOrdered().Select(definition => TaxonomyBuilder.Build(definition, reports)).ToList();

        var pages = new List<Page>
        {
            new() { Kind = PageKind.Home, Path = SiteUrls.Home },
            new() { Kind = PageKind.Search, Path = SiteUrls.Search },
            new() { Kind = PageKind.NotFound, Path = SiteUrls.NotFound },
        };
        pages.AddRange(reports.Select(r => new Page { Kind = PageKind.Report, Path = r.Path, Report = r }));
        foreach (var taxonomy in taxonomies)
        {
            var listed = taxonomy.IsHierarchy ? taxonomy.Roots.Count : taxonomy.Terms.Count;
            var taxonomyPages = Math.Max(1, (listed + TermsPerPage - 1) / TermsPerPage);
            for (var n = 1; n <= taxonomyPages; n++)
                pages.Add(new Page
                {
                    Kind = PageKind.Taxonomy, Path = SiteUrls.Paged(SiteUrls.TaxonomyPath(taxonomy.Name), n),
                    Taxonomy = taxonomy, PageNumber = n, PageCount = taxonomyPages,
                });
            foreach (var term in taxonomy.Terms)
            {
                var termPages = Math.Max(1, (term.Reports.Count + config.PageSize - 1) / config.PageSize);
                for (var n = 1; n <= termPages; n++)
                    pages.Add(new Page
                    {
                        Kind = PageKind.Term, Path = SiteUrls.Paged(term.Path, n), Taxonomy = taxonomy, Term = term,
                        PageNumber = n, PageCount = termPages,
                    });
            }
        }

        CheckPathCollisions(pages, diagnostics);

        return new Site
        {
            Config = config, Urls = urls, Reports = reports,
            Taxonomies = taxonomies, Pages = pages,
        };
    }

    private static List<Report> CreateReports(SiteConfig config, IReadOnlyList<ContentFile> files, bool includeDrafts, DiagnosticBag diagnostics)
    {
        var byKey = new Dictionary<string, Report>(StringComparer.Ordinal);
        var reports = new List<Report>();
        foreach (var file in files)
        {
            var meta = file.FrontMatter;
            if (meta.Draft && !includeDrafts) continue;
            if (meta.MissingFields.Count > 0)
            {
                // Only a draft may lack required fields (the loader refuses any other file); without them it has no page to preview.
                diagnostics.Warning(DiagnosticCodes.IncompleteDraft, file.RelativePath, 1, 1,
                    $"draft left out of the preview: it has no {string.Join(", ", meta.MissingFields)} yet",
                    "fill in the missing fields; `sitegen check` lists every draft that still lacks some");
                continue;
            }
            var series = string.IsNullOrWhiteSpace(meta.Type) ? config.DefaultType : meta.Type.Trim();
            var identity = SiteUrls.ReportIdentity(meta.Agency, series, config.DefaultType);
            var path = meta.Slug is not null ? SiteUrls.ReportSlugPath(meta.Slug) : SiteUrls.ReportPath(meta.Year, SiteUrls.Segment(identity));
            var report = new Report { Source = file, Series = series, Path = path };
            if (byKey.TryGetValue(report.Key, out var first))
            {
                diagnostics.Error(DiagnosticCodes.DuplicateReport, file.RelativePath, LineOf(file, "agency"), 1,
                    $"duplicate report: {meta.Agency}, {meta.Year}, {series} is already published by {first.Source.RelativePath}",
                    "an agency publishes one report per year and series; remove one file, or correct its year, agency or type");
                continue;
            }
            byKey[report.Key] = report;
            reports.Add(report);
        }
        reports.Sort(CompareNewestFirst);
        return reports;
    }

    /// <summary>Newest first: publication date, then year, then agency and path, so lists are stable.</summary>
    public static int CompareNewestFirst(Report a, Report b)
    {
        var c = Nullable.Compare(b.Published, a.Published);
        if (c != 0) return c;
        c = b.Year.CompareTo(a.Year);
        if (c != 0) return c;
        c = string.CompareOrdinal(a.Agency, b.Agency);
        return c != 0 ? c : string.CompareOrdinal(a.Path, b.Path);
    }

    private static int LineOf(ContentFile file, string field) =>
        file.FrontMatter.FieldLines.TryGetValue(field, out var line) ? line : 1;

    private static void CheckPathCollisions(List<Page> pages, DiagnosticBag diagnostics)
    {
        var seen = new Dictionary<string, Page>(StringComparer.OrdinalIgnoreCase);
        foreach (var page in pages)
        {
            if (!seen.TryAdd(page.Path, page))
            {
                var first = seen[page.Path];
                var file = page.Report?.Source.RelativePath ?? first.Report?.Source.RelativePath ?? "content";
                var line = page.Report is not null ? LineOf(page.Report.Source, page.Report.Meta.Slug is null ? "agency" : "slug") : 0;
                diagnostics.Error(DiagnosticCodes.UrlCollision, file, line, 1,
                    $"URL /{page.Path} is produced twice: by {Describe(first)} and by {Describe(page)}",
                    "give one of the reports a different `slug` in its front matter");
            }
        }
    }

    private static string Describe(Page page) => page.Kind switch
    {
        PageKind.Report => $"report {page.Report!.Source.RelativePath}",
        PageKind.Term => $"{page.Taxonomy!.Name} page “{page.Term!.Name}”",
        _ => $"the {page.Kind.ToString().ToLowerInvariant()} page",
    };
}
