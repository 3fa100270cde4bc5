using System.Globalization;
using System.Text;
using SiteGen.Diagnostics;
using SiteGen.Load;
using SiteGen.Model;

namespace SiteGen.New;

/// <summary>Writes a new report file for `sitegen new report`: valid front matter and the five required section headings as a skeleton; never overwrites.</summary>
public static class ReportSkeleton
{
    /// <summary>The five items of 《法治政府建设与责任落实督察工作规定》 art. 24, in their most common order and wording.</summary>
    public static IReadOnlyList<string> SectionHeadings(int year) =>
    [
        "一、推进法治政府建设的主要举措和成效",
        "二、推进法治政府建设存在的不足和原因",
        "三、党政主要负责人履行推进法治建设第一责任人职责情况",
        $"四、{(year + 1).ToString(CultureInfo.InvariantCulture)}年推进法治政府建设的主要安排",
        "五、其他需要报告的情况",
    ];

    /// <summary>Site-relative path of a new report: <c>content/reports/YEAR/SEGMENT.md</c>, named like the report's URL.</summary>
    public static string RelativePath(string agency, int year) =>
        $"{ContentLoader.ContentFolder}/reports/{year.ToString(CultureInfo.InvariantCulture)}/{SiteUrls.Segment(agency)}.md";

    /// <summary>Creates the file and returns its site-relative path; throws a <see cref="SiteGenException"/> for bad arguments or an existing file.</summary>
    public static string Create(string siteDir, string agency, int year, IReadOnlyList<string> region)
    {
        agency = agency.Trim();
        region = region.Select(r => r.Trim()).ToList();
        Validate(agency, year, region);
        var relative = RelativePath(agency, year);
        var full = Path.Combine(siteDir, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        try
        {
            // CreateNew: the check for an existing report and the creation are one step, so nothing is ever overwritten.
            using var stream = new FileStream(full, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            stream.Write(new UTF8Encoding(false).GetBytes(Text(agency, year, region)));
        }
        catch (IOException) when (File.Exists(full))
        {
            throw new SiteGenException(DiagnosticCodes.ReportExists, $"`{relative}` already exists; it was left untouched",
                "edit the existing report, or check --agency and --year", relative);
        }
        return relative;
    }

    private static void Validate(string agency, int year, IReadOnlyList<string> region)
    {
        if (agency.Length == 0 || agency.Any(char.IsControl))
            throw new SiteGenException(DiagnosticCodes.InvalidArgument, "--agency must be the agency's full official name on one line",
                "e.g. --agency 玉溪市红塔区卫生健康局");
        if (year is < FrontMatterParser.MinYear or > FrontMatterParser.MaxYear)
            throw new SiteGenException(DiagnosticCodes.InvalidArgument, $"--year {year} is outside {FrontMatterParser.MinYear}–{FrontMatterParser.MaxYear}",
                "give the year the report covers (not the year it is published), e.g. --year 2024");
        if (region.Count > 3 || region.Any(r => r.Length == 0 || r.Any(char.IsControl)))
            throw new SiteGenException(DiagnosticCodes.InvalidArgument, "--region must name 1 to 3 places: province, city, county",
                "e.g. --region 云南省,玉溪市,红塔区 (a 直辖市 district has two: 重庆市,南岸区)");
    }

    /// <summary>The file's text. The publication date is left for the editor: it is a legal fact and never invented.</summary>
    public static string Text(string agency, int year, IReadOnlyList<string> region)
    {
        var y = year.ToString(CultureInfo.InvariantCulture);
        var sb = new StringBuilder();
        sb.Append("---\n");
        sb.Append("title: ").Append(Quote($"{agency}{y}年法治政府建设工作情况报告")).Append('\n');
        sb.Append("agency: ").Append(Quote(agency)).Append('\n');
        if (region.Count > 0) sb.Append("region: [").Append(string.Join(", ", region.Select(Quote))).Append("]\n");
        sb.Append("year: ").Append(y).Append('\n');
        sb.Append("# published: YYYY-MM-DD   (the publication date the source shows; add it when the report is published)\n");
        sb.Append("type: ").Append(Quote("法治政府建设年度报告")).Append('\n');
        sb.Append("# A draft is left out of the site until you remove this line (`sitegen serve --drafts` previews it).\n");
        sb.Append("draft: true\n");
        sb.Append("---\n\n");
        sb.Append($"{y}年，（概述本年度法治政府建设工作。）现将有关情况报告如下：\n");
        foreach (var heading in SectionHeadings(year)) sb.Append("\n## ").Append(heading).Append("\n\n（待填写）\n");
        return sb.ToString();
    }

    /// <summary>A YAML double-quoted scalar; backslashes and quotes escaped so any name stays one valid value.</summary>
    private static string Quote(string value) => "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
}
