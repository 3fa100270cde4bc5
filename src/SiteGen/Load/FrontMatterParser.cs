using System.Globalization;
using System.Text.RegularExpressions;
using SiteGen.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace SiteGen.Load;

/// <summary>Splits a report file into front matter and body and validates the front matter against the content model, reporting every problem with its line.</summary>
public static partial class FrontMatterParser
{
    /// <summary>The fields of the content model; anything else is kept as an extra, with a warning when it looks misspelt.</summary>
    public static readonly IReadOnlyList<string> KnownFields =
    [
        "title", "agency", "region", "year", "published", "type", "source_url", "index_no", "doc_no",
        "publisher", "written", "topic", "slug", "summary", "tags", "draft",
    ];

    public const int MinYear = 1949;
    public const int MaxYear = 2100;

    /// <summary>The result of splitting: the YAML text, the line it starts on, and where the body begins.</summary>
    public sealed record Split(string Yaml, int YamlLine, int BodyOffset, int BodyLine);

    /// <summary>Finds the <c>---</c> fences. Returns null (with a diagnostic) when there is no closed front matter.</summary>
    public static Split? SplitFile(string text, string file, DiagnosticBag diagnostics)
    {
        var start = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        if (!IsFence(text, start, out var firstLineEnd, "---"))
        {
            diagnostics.Error(DiagnosticCodes.NoFrontMatter, file, 1, 1,
                "the file does not start with front matter",
                "start the file with a line `---`, the fields (title, agency, year, …), and a closing `---` line");
            return null;
        }

        var line = 2;
        var pos = firstLineEnd;
        while (pos < text.Length)
        {
            if (IsFence(text, pos, out var end, "---") || IsFence(text, pos, out end, "..."))
            {
                var yaml = text[firstLineEnd..pos];
                return new Split(yaml, 2, end, line + 1);
            }
            var nl = text.IndexOf('\n', pos);
            if (nl < 0) break;
            pos = nl + 1;
            line++;
        }

        diagnostics.Error(DiagnosticCodes.FrontMatterNotClosed, file, 1, 1,
            "the front matter opened on line 1 is never closed",
            "add a line containing only `---` after the last front matter field");
        return null;
    }

    private static bool IsFence(string text, int pos, out int next, string fence)
    {
        next = pos;
        if (string.CompareOrdinal(text, pos, fence, 0, 3) != 0) return false;
        var i = pos + 3;
        while (i < text.Length && (text[i] == ' ' || text[i] == '\t')) i++;
        if (i < text.Length && text[i] == '\r') i++;
        if (i < text.Length && text[i] != '\n') return false;
        next = Math.Min(i + 1, text.Length);
        return true;
    }

    /// <summary>Parses and validates the front matter of <paramref name="text"/>. Returns null when the file has errors.</summary>
    public static (FrontMatter? FrontMatter, Split? Split) Parse(string text, string file, DiagnosticBag diagnostics)
    {
        var split = SplitFile(text, file, diagnostics);
        if (split is null) return (null, null);

        var (entries, failure) = YamlDocument.ParseMapping(split.Yaml);
        if (failure is not null)
        {
            diagnostics.Error(DiagnosticCodes.YamlSyntax, file, failure.Line + split.YamlLine - 1, failure.Column,
                $"invalid YAML in front matter: {failure.Message}",
                "check quoting and indentation; quote values that contain `:` or start with `[`, `{`, `*` or `#`");
            return (null, split);
        }

        var reader = new FieldReader(file, split.YamlLine - 1, diagnostics);
        var fields = entries!.ToDictionary(e => e.Key, StringComparer.Ordinal);
        var lines = entries!.ToDictionary(e => e.Key, e => e.Line + split.YamlLine - 1, StringComparer.Ordinal);

        // A draft may still lack what its editor has to fill in (an import that could not find it); it never reaches the site.
        var draft = reader.Bool(fields, "draft");
        var title = reader.RequiredString(fields, "title", draft);
        var agency = reader.RequiredString(fields, "agency", draft);
        var year = reader.Year(fields, draft);
        var region = reader.Region(fields);
        var published = reader.Date(fields, "published");
        var written = reader.Date(fields, "written");
        var slug = reader.OptionalString(fields, "slug");
        if (slug is not null && !SlugPattern().IsMatch(slug))
        {
            reader.Error(fields["slug"], DiagnosticCodes.InvalidSlug, $"slug `{slug}` is not a safe URL segment",
                "use lower-case ASCII letters, digits and single hyphens, e.g. `hongta-wsjk-2024`");
            slug = null;
        }
        var sourceUrl = reader.OptionalString(fields, "source_url");
        if (sourceUrl is not null && !IsHttpUrl(sourceUrl))
        {
            reader.Error(fields["source_url"], DiagnosticCodes.WrongType, $"source_url `{sourceUrl}` is not an http or https URL",
                "give the full address of the original page, starting with https:// or http://");
            sourceUrl = null;
        }

        var extra = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var entry in entries!)
        {
            if (KnownFields.Contains(entry.Key)) continue;
            extra[entry.Key] = YamlDocument.ToPlain(entry.Value);
            var suggestion = KnownFields.FirstOrDefault(k => EditDistance(k, entry.Key) <= 2 && !fields.ContainsKey(k));
            if (suggestion is not null)
                diagnostics.Warning(DiagnosticCodes.UnknownField, file, entry.Line + split.YamlLine - 1, 1,
                    $"unknown field `{entry.Key}`", $"did you mean `{suggestion}`? Unknown fields are kept for templates but not used by SiteGen");
        }

        var frontMatter = new FrontMatter
        {
            Title = title ?? "",
            Agency = agency ?? "",
            Year = year ?? 0,
            Region = region,
            Published = published,
            Written = written,
            Type = reader.OptionalString(fields, "type"),
            SourceUrl = sourceUrl,
            IndexNo = reader.OptionalString(fields, "index_no"),
            DocNo = reader.OptionalString(fields, "doc_no"),
            Publisher = reader.OptionalString(fields, "publisher"),
            Topic = reader.OptionalString(fields, "topic"),
            Slug = slug,
            Summary = reader.OptionalString(fields, "summary"),
            Tags = reader.StringList(fields, "tags"),
            Draft = draft,
            Extra = extra,
            FieldLines = lines,
        };
        return (reader.Failed ? null : frontMatter, split);
    }

    private static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();

    private static int EditDistance(string a, string b)
    {
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) prev[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (var j = 1; j <= b.Length; j++)
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (prev, cur) = (cur, prev);
        }
        return prev[b.Length];
    }

    /// <summary>Reads typed fields and reports type errors at the value's position.</summary>
    private sealed class FieldReader(string file, int lineOffset, DiagnosticBag diagnostics)
    {
        public bool Failed { get; private set; }

        public void Error(YamlDocument.Entry entry, string code, string message, string hint)
        {
            Failed = true;
            diagnostics.Error(code, file, entry.Line + lineOffset, entry.Column, message, hint);
        }

        /// <summary>A required text field; in a draft (<paramref name="mayBeMissing"/>) a missing or empty one is no error.</summary>
        public string? RequiredString(Dictionary<string, YamlDocument.Entry> fields, string name, bool mayBeMissing)
        {
            if (!fields.TryGetValue(name, out var entry) || YamlDocument.IsNull(entry.Value))
            {
                if (mayBeMissing) return null;
                Failed = true;
                diagnostics.Error(DiagnosticCodes.MissingField, file, 1, 1, $"required field `{name}` is missing",
                    $"add `{name}: \"…\"` to the front matter");
                return null;
            }
            var value = OptionalString(fields, name);
            if (value is not null && value.Trim().Length == 0 && mayBeMissing) return null;
            if (value is not null && value.Trim().Length == 0)
            {
                Error(entry, DiagnosticCodes.MissingField, $"required field `{name}` is empty", $"give `{name}` a value");
                return null;
            }
            return value?.Trim();
        }

        public string? OptionalString(Dictionary<string, YamlDocument.Entry> fields, string name)
        {
            if (!fields.TryGetValue(name, out var entry) || YamlDocument.IsNull(entry.Value)) return null;
            if (YamlDocument.IsScalar(entry.Value, out var value, out _)) return value;
            Error(entry, DiagnosticCodes.WrongType, $"field `{name}` must be text, not a list or mapping",
                $"write `{name}: \"…\"` on one line");
            return null;
        }

        public int? Year(Dictionary<string, YamlDocument.Entry> fields, bool mayBeMissing)
        {
            if (!fields.TryGetValue("year", out var entry) || YamlDocument.IsNull(entry.Value))
            {
                if (mayBeMissing) return null;
                Failed = true;
                diagnostics.Error(DiagnosticCodes.MissingField, file, 1, 1, "required field `year` is missing",
                    "add `year: 2024` with the year the report covers (not the year it was published)");
                return null;
            }
            if (!YamlDocument.IsScalar(entry.Value, out var text, out _)
                || !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year))
            {
                Error(entry, DiagnosticCodes.WrongType, $"field `year` must be a whole number such as 2024, not `{Describe(entry.Value)}`",
                    "write the year the report covers with four digits: `year: 2024`");
                return null;
            }
            if (year is < MinYear or > MaxYear)
            {
                Error(entry, DiagnosticCodes.YearOutOfRange, $"year {year} is outside {MinYear}–{MaxYear}",
                    "check the year the report covers");
                return null;
            }
            return year;
        }

        public DateOnly? Date(Dictionary<string, YamlDocument.Entry> fields, string name)
        {
            if (!fields.TryGetValue(name, out var entry) || YamlDocument.IsNull(entry.Value)) return null;
            if (YamlDocument.IsScalar(entry.Value, out var text, out _)
                && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                return date;
            Error(entry, DiagnosticCodes.InvalidDate, $"field `{name}` is not a valid date: `{Describe(entry.Value)}`",
                $"write an existing calendar date as YYYY-MM-DD, e.g. `{name}: 2025-03-28`");
            return null;
        }

        public IReadOnlyList<string> Region(Dictionary<string, YamlDocument.Entry> fields)
        {
            if (!fields.TryGetValue("region", out var entry) || YamlDocument.IsNull(entry.Value)) return [];
            var items = YamlDocument.AsSequence(entry.Value);
            var names = items?.Select(n => YamlDocument.IsScalar(n, out var v, out _) ? v?.Trim() : null).ToList();
            if (names is null || names.Any(string.IsNullOrEmpty))
            {
                Error(entry, DiagnosticCodes.WrongType, "field `region` must be a list of place names",
                    "write `region: [\"云南省\", \"玉溪市\", \"红塔区\"]` (province, city, county)");
                return [];
            }
            if (names.Count is 0 or > 3)
            {
                Error(entry, DiagnosticCodes.RegionDepth, $"field `region` has {names.Count} levels; it must have 1 to 3",
                    "list province, city and county (a 直辖市 district has two levels: [\"重庆市\", \"南岸区\"])");
                return [];
            }
            return names!;
        }

        public IReadOnlyList<string> StringList(Dictionary<string, YamlDocument.Entry> fields, string name)
        {
            if (!fields.TryGetValue(name, out var entry) || YamlDocument.IsNull(entry.Value)) return [];
            var items = YamlDocument.AsSequence(entry.Value);
            var values = items?.Select(n => YamlDocument.IsScalar(n, out var v, out _) ? v : null).ToList();
            if (values is null || values.Any(v => v is null))
            {
                Error(entry, DiagnosticCodes.WrongType, $"field `{name}` must be a list of words", $"write `{name}: [\"…\", \"…\"]`");
                return [];
            }
            return values!;
        }

        public bool Bool(Dictionary<string, YamlDocument.Entry> fields, string name)
        {
            if (!fields.TryGetValue(name, out var entry) || YamlDocument.IsNull(entry.Value)) return false;
            if (YamlDocument.IsScalar(entry.Value, out var text, out _) && bool.TryParse(text, out var b)) return b;
            Error(entry, DiagnosticCodes.WrongType, $"field `{name}` must be true or false", $"write `{name}: true` or `{name}: false`");
            return false;
        }

        private static string Describe(YamlNode node) =>
            YamlDocument.IsScalar(node, out var v, out _) ? v ?? "" : node is YamlSequenceNode ? "a list" : "a mapping";
    }
}
