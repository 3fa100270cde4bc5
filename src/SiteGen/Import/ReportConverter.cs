using System.Globalization;

namespace SiteGen.Import;

/// <summary>Turns what a reader extracted (text, web page, Word; any reader's lines) into an <see cref="ImportedReport"/>: the catalogue and the publication line are read,
/// the page's chrome is dropped, the title found (which also says where the report starts), the body built, then agency, year, region and series picked from what the page shows.</summary>
internal static class ReportConverter
{
    public static ImportedReport Convert(SourceDocument document)
    {
        var warnings = new List<string>();
        var normal = document.Lines.Select(l => l.Kind == SourceLineKind.Verbatim ? l : l with { Text = LineCleaner.Normalize(l.Text) }).ToList();
        var (catalogue, lines) = CatalogueReader.Extract(normal, document.Facts.CatalogueLines);
        var (publication, unpublished) = ReadPublicationLines(lines);

        var cleaned = LineCleaner.Clean(unpublished);
        var titleMatch = TitleFinder.Find(cleaned, catalogue.Title, document.Facts.Title);
        var title = titleMatch.Title;
        var leftOut = cleaned.Take(titleMatch.Start).ToList();
        WarnAboutLeftOut(leftOut, warnings);
        var body = cleaned.Skip(titleMatch.BodyStart).ToList();
        switch (titleMatch.Source)
        {
            case TitleSource.None: warnings.Add("title: not found; add the report's title"); break;
            case TitleSource.Cover: warnings.Add("title: taken from the sentence that announces the report; check it"); break;
        }
        foreach (var date in titleMatch.UnlabelledDates)
            warnings.Add($"published: `{date}` under the title does not say what date it is, so it was left out; add `published:` or `written:` if the original says");
        // A page that repeats its title at the top of the body.
        while (title is not null && body.Count > 0 && body[0].Kind == SourceLineKind.Text && TitleFinder.Clean(body[0].Text) == title) body.RemoveAt(0);

        var (signOffAgency, signOffDate, signOffLines) = SignOff(body);
        var blocks = BlockBuilder.Build(body.Take(body.Count - signOffLines));
        blocks.AddRange(body.Skip(body.Count - signOffLines).Select(l => (ReportBlock)new ParagraphBlock(l.Text)));
        var bodyText = string.Join("\n", blocks.Select(Text));
        // Where the page may give an agency's full name: all of its text, also what was left out above the title.
        var pageText = string.Join("\n", new[] { title, catalogue.Publisher, publication.Source }.Concat(leftOut.Select(l => l.Text)).Where(t => t is not null)) + "\n" + bodyText;
        var opening = blocks.OfType<ParagraphBlock>().Select(p => p.Text).FirstOrDefault(t => !IsAddressee(t));

        var agency = AgencyFinder.Pick(new AgencySources(title, titleMatch.Byline, catalogue.Publisher, publication.Source,
            opening is null ? null : AgencyName.FromOpening(opening), signOffAgency), pageText, warnings);

        var year = ReportYear.Find(title, opening);
        if (year is null) warnings.Add("year: not found in the title or the opening sentence; add `year:` (the year the report covers)");
        else if (title is null || !title.Contains(year.Value.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal))
            warnings.Add($"year: {year} taken from the opening sentence; check it");

        RegionMatch? region = agency is null ? null : RegionLookup.Find(agency, bodyText);
        if (agency is not null && region is null) warnings.Add("region: no place of the divisions list is named by the agency or, for a town or zone, by the text; add `region:`");
        else if (region is { Ambiguous: true }) warnings.Add($"region: {string.Join(" › ", region.Names)} guessed among places of the same name; check it");

        var pageDate = document.Facts.Published is { } p ? DateText.Find(p) : null;
        var published = catalogue.Published ?? pageDate ?? publication.Date;
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
            Type = ReportSeries.Of(title, opening),
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

    /// <summary>Takes the publication lines above the first section out of the text: the first date they give is the page's publication date, the first source its 来源.</summary>
    private static (PublicationFacts Facts, List<SourceLine> Others) ReadPublicationLines(List<SourceLine> lines)
    {
        DateOnly? date = null;
        string? source = null;
        var others = new List<SourceLine>(lines.Count);
        var head = HeadingRecognizer.FirstTopHeading(lines);
        for (var i = 0; i < lines.Count; i++)
        {
            var facts = i < head && lines[i].Kind == SourceLineKind.Text ? PublicationLine.Read(lines[i].Text) : null;
            if (facts is null)
            {
                others.Add(lines[i]);
                continue;
            }
            date ??= facts.Date;
            source ??= facts.Source;
        }
        return (new PublicationFacts(date, source), others);
    }

    /// <summary>Text above the title that is not page chrome (a cover letter, a site's own text) is left out of the body; the editor is told.</summary>
    private static void WarnAboutLeftOut(List<SourceLine> above, List<string> warnings)
    {
        var text = above.Where(l => l.Text.Length > 20 || l.Text.IndexOfAny(['。', '，', ',', '：']) >= 0).ToList();
        if (text.Count > 0)
            warnings.Add($"body: {above.Count} line(s) above the title were left out as not part of the report, from `{Shorten(above[0].Text)}` to `{Shorten(above[^1].Text)}`; check them");
    }

    private static string Shorten(string text) => text.Length <= 24 ? text : text[..24] + "…";

    private static bool IsAddressee(string paragraph) => paragraph.Length <= 30 && (paragraph.EndsWith('：') || paragraph.EndsWith(':'));

    /// <summary>An agency line and a date line closing the report (or just the date): kept as paragraphs, read for the agency and date.</summary>
    private static (string? Agency, DateOnly? Date, int Lines) SignOff(List<SourceLine> body)
    {
        if (body.Count == 0 || body[^1].Kind != SourceLineKind.Text) return (null, null, 0);
        var date = DateText.Parse(body[^1].Text);
        if (date is null) return (null, null, 0);
        if (body.Count >= 2 && body[^2].Kind == SourceLineKind.Text && AgencyName.LooksLikeAgency(body[^2].Text))
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
}
