using System.Text.RegularExpressions;

namespace SiteGen.Import;

/// <summary>Turns what a reader extracted into an <see cref="ImportedReport"/>: catalogue, cleaning, title, sign-off, headings and paragraphs, then the metadata.</summary>
internal static partial class ReportConverter
{
    public static ImportedReport Convert(SourceDocument document)
    {
        var warnings = new List<string>();
        var normal = document.Lines.Select(l => l.Kind == SourceLineKind.Verbatim ? l : l with { Text = LineCleaner.Normalize(l.Text) }).ToList();
        var (catalogue, lines) = CatalogueParser.Extract(normal, document.Facts.CatalogueLines);
        var headerDate = lines.Where(l => l.Kind == SourceLineKind.Text).Select(l => MetadataExtractor.HeaderDate(l.Text)).FirstOrDefault(d => d is not null);

        var cleaned = LineCleaner.Clean(lines);
        var titleMatch = MetadataExtractor.FindTitle(cleaned, document.Facts.Title ?? catalogue.Title);
        var body = cleaned.Skip(titleMatch.BodyStart).ToList();
        var title = titleMatch.Title;
        if (title is null) warnings.Add("title: not found; add the report's title");
        else if (titleMatch.Guessed) warnings.Add("title: guessed from the first lines; check it");
        // A page that repeats its title at the top of the body.
        while (title is not null && body.Count > 0 && body[0].Kind == SourceLineKind.Text && MetadataExtractor.Compact(body[0].Text) == title) body.RemoveAt(0);

        var (signOffAgency, signOffDate, signOffLines) = SignOff(body);
        var blocks = BlockBuilder.Build(body.Take(body.Count - signOffLines));
        blocks.AddRange(body.Skip(body.Count - signOffLines).Select(l => (ReportBlock)new ParagraphBlock(l.Text)));
        var bodyText = string.Join("\n", blocks.Select(Text));

        var agency = Agency(title, signOffAgency, catalogue.Publisher, bodyText, warnings);
        var opening = blocks.OfType<ParagraphBlock>().FirstOrDefault()?.Text;
        var year = MetadataExtractor.Year(title, opening is null ? null : FirstSentence(opening));
        if (year is null) warnings.Add("year: not found in the title or the opening sentence; add `year:` (the year the report covers)");
        else if (title is null || !title.Contains(year.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal))
            warnings.Add($"year: {year} taken from the opening sentence; check it");

        RegionMatch? region = agency is null ? null : RegionLookup.Find(agency, bodyText);
        if (agency is not null && region is null) warnings.Add("region: no place name of the divisions list starts the agency name; add `region:`");
        else if (region is { Ambiguous: true }) warnings.Add($"region: {string.Join(" › ", region.Names)} guessed among places of the same name; check it");

        var pageDate = document.Facts.Published is { } p ? DateText.Find(p) : null;
        var published = catalogue.Published ?? pageDate ?? headerDate;
        if (published is null && signOffDate is not null)
        {
            published = signOffDate;
            warnings.Add($"published: {signOffDate:yyyy-MM-dd} is the sign-off date under the report; check the page's publication date");
        }
        else if (published is null) warnings.Add("published: no publication date on the page; add `published:` from the source if it shows one");

        return new ImportedReport
        {
            Title = title,
            Agency = agency,
            Year = year,
            Region = region?.Names ?? [],
            RegionCode = region?.Code,
            Published = published,
            SourceUrl = document.Facts.SourceUrl,
            IndexNo = catalogue.IndexNo,
            DocNo = catalogue.DocNo,
            Publisher = catalogue.Publisher,
            Written = catalogue.Written ?? signOffDate,
            Topic = catalogue.Topic,
            Blocks = blocks,
            Warnings = warnings,
            Encoding = document.Encoding,
        };
    }

    private static string? Agency(string? title, string? signOff, string? publisher, string body, List<string> warnings)
    {
        var fromTitle = title is null ? null : MetadataExtractor.AgencyFromTitle(title);
        if (fromTitle is not null && MetadataExtractor.LooksLikeAgency(fromTitle) && !fromTitle.EndsWith("系统", StringComparison.Ordinal)
            && !Abbreviated().IsMatch(fromTitle))
            return fromTitle;
        if (fromTitle is not null)
        {
            var expanded = MetadataExtractor.ExpandAgency(fromTitle, body);
            if (expanded is not null)
            {
                warnings.Add($"agency: `{fromTitle}` in the title expanded to `{expanded}` as the body names it");
                return expanded;
            }
        }
        var other = signOff ?? publisher;
        if (other is not null)
        {
            warnings.Add($"agency: taken from the {(signOff is not null ? "sign-off" : "catalogue's 发布机构")}: `{other}`; check it");
            return other;
        }
        if (fromTitle is not null)
        {
            warnings.Add($"agency: `{fromTitle}` as the title writes it; give the full official name");
            return fromTitle;
        }
        warnings.Add("agency: not found; add `agency:` with the full official name");
        return null;
    }

    /// <summary>An agency line and a date line closing the report (or just the date): kept as paragraphs, read for the agency and date.</summary>
    private static (string? Agency, DateOnly? Date, int Lines) SignOff(List<SourceLine> body)
    {
        if (body.Count == 0 || body[^1].Kind != SourceLineKind.Text) return (null, null, 0);
        var date = DateText.Parse(body[^1].Text);
        if (date is null) return (null, null, 0);
        if (body.Count >= 2 && body[^2].Kind == SourceLineKind.Text && MetadataExtractor.LooksLikeAgency(body[^2].Text))
            return (body[^2].Text, date, 2);
        return (null, date, 1);
    }

    private static string Text(ReportBlock block) => block switch
    {
        HeadingBlock h => h.Text,
        ParagraphBlock p => p.Text,
        TableBlock t => string.Join("\n", t.Rows),
        _ => "",
    };

    private static string FirstSentence(string text)
    {
        var end = text.IndexOfAny(['。', '！', '？']);
        return end < 0 ? text : text[..end];
    }

    // 卫健, 市监, 人社, 住建: abbreviations an official name does not use.
    [GeneratedRegex("卫健|卫计|市监|人社|住建")]
    private static partial Regex Abbreviated();
}
