using SiteGen.Diagnostics;

namespace SiteGen.Load;

/// <summary>Reads <c>content/site.yml</c> into a <see cref="SiteConfig"/>; a missing file means the defaults.</summary>
public static class SiteConfigLoader
{
    public const string FileName = "site.yml";

    public static SiteConfig Load(string contentDir, DiagnosticBag diagnostics)
    {
        var path = Path.Combine(contentDir, FileName);
        if (!File.Exists(path)) return new SiteConfig();
        var display = Path.Combine("content", FileName);
        string text;
        try
        {
            text = TextFileReader.ReadUtf8(path, display, diagnostics) ?? "";
        }
        catch (IOException ex)
        {
            diagnostics.Error(DiagnosticCodes.UnreadableFile, display, 0, 0, $"cannot read site settings: {ex.Message}", "check the file's permissions");
            return new SiteConfig();
        }

        var (entries, failure) = YamlDocument.ParseMapping(text);
        if (failure is not null)
        {
            diagnostics.Error(DiagnosticCodes.YamlSyntax, display, failure.Line, failure.Column, $"invalid YAML: {failure.Message}",
                "check quoting and indentation");
            return new SiteConfig();
        }

        var config = new SiteConfig();
        var extra = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var e in entries!)
        {
            var value = YamlDocument.ToPlain(e.Value);
            void Bad(string expected) => diagnostics.Error(DiagnosticCodes.SiteConfig, display, e.Line, e.Column,
                $"setting `{e.Key}` must be {expected}", $"see the site settings in README.md");
            switch (e.Key)
            {
                case "title": if (value is string t) config = config with { Title = t }; else Bad("text"); break;
                case "description": if (value is string d) config = config with { Description = d }; else Bad("text"); break;
                case "base_url": if (value is string b) config = config with { BaseUrl = b }; else Bad("a URL or a path such as /reports/"); break;
                case "language":
                    if (value is "zh-CN" or "en") config = config with { Language = (string)value };
                    else Bad("`zh-CN` or `en`");
                    break;
                case "theme": if (value is string th) config = config with { Theme = th }; else Bad("a theme folder name"); break;
                case "page_size":
                    if (value is long n && n is >= 1 and <= 1000) config = config with { PageSize = (int)n };
                    else Bad("a whole number from 1 to 1000");
                    break;
                case "latest_count":
                    if (value is long m && m is >= 1 and <= 100) config = config with { LatestCount = (int)m };
                    else Bad("a whole number from 1 to 100");
                    break;
                case "default_type": if (value is string ty) config = config with { DefaultType = ty }; else Bad("text"); break;
                case "raw_html": if (value is bool r) config = config with { AllowRawHtml = r }; else Bad("true or false"); break;
                case "footer":
                    if (YamlDocument.AsMapping(e.Value) is { } footer) config = config with { Footer = ReadFooter(footer, display, diagnostics) };
                    else Bad("a mapping of identifiers");
                    break;
                case "search":
                    if (YamlDocument.AsMapping(e.Value) is { } search) config = config with { Search = SearchSettingsReader.Read(search, display, diagnostics) };
                    else Bad("a mapping such as `synonyms:`");
                    break;
                case "deadlines": config = config with { Deadlines = SiteConfigDeadlines.Read(e, display, diagnostics) }; break;
                case "attachments":
                    if (YamlDocument.AsMapping(e.Value) is { } attachments) config = config with { Attachments = AttachmentSettingsReader.Read(attachments, display, diagnostics) };
                    else Bad("a mapping such as `max_size: 50MB`");
                    break;
                case "downloads": config = config with { Downloads = ReadDownloads(e, display, diagnostics) }; break;
                case "taxonomies": config = config with { Taxonomies = TaxonomySettingsReader.Read(e, display, diagnostics) }; break;
                default: extra[e.Key] = value; break;
            }
        }
        return config with { Extra = extra };
    }

    /// <summary>The <c>downloads:</c> mode; a value that names none is an error at its line (and the default is kept).</summary>
    private static DownloadMode ReadDownloads(YamlDocument.Entry e, string display, DiagnosticBag diagnostics)
    {
        var written = YamlDocument.IsScalar(e.Value, out var text, out _) ? text : null;
        switch (written)
        {
            case "browser": return DownloadMode.Browser;
            case "files": return DownloadMode.Files;
            case "off": return DownloadMode.Off;
        }
        var what = written is null ? "a list or mapping" : written.Length == 0 ? "empty" : $"`{written}`";
        diagnostics.Error(DiagnosticCodes.SiteConfig, display, e.Line, e.Column, $"setting `downloads` must be `browser`, `files` or `off`, not {what}",
            "`browser` (the default): readers' browsers make the .txt and .md from the page; `files`: the build writes them beside each page; `off`: no downloads");
        return DownloadMode.Browser;
    }

    private static FooterIdentifiers ReadFooter(IReadOnlyList<YamlDocument.Entry> entries, string display, DiagnosticBag diagnostics)
    {
        var footer = new FooterIdentifiers();
        foreach (var e in entries)
        {
            var value = YamlDocument.ToPlain(e.Value)?.ToString();
            if (string.IsNullOrWhiteSpace(value)) continue;
            footer = e.Key switch
            {
                "site_code" => footer with { SiteCode = value },
                "icp" => footer with { Icp = value },
                "police_record" => footer with { PoliceRecord = value },
                "sponsor" => footer with { Sponsor = value },
                "contact" => footer with { Contact = value },
                _ => Unknown(),
            };

            FooterIdentifiers Unknown()
            {
                diagnostics.Warning(DiagnosticCodes.SiteConfig, display, e.Line, e.Column, $"unknown footer identifier `{e.Key}`",
                    "known identifiers: site_code (网站标识码), icp (ICP备案号), police_record (公安备案号), sponsor (主办单位), contact");
                return footer;
            }
        }
        return footer;
    }
}
